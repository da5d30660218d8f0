/// Positive definiteness by a plain Cholesky factorisation.
///
/// The engine factors the correlation matrix with LAPACK; the IO layer only needs a yes/no
/// with a readable reason, and must not depend on OpenBLAS to say a file is wrong.
/// O(n^3) for an n x n matrix; n is the number of sectors (a handful).
enum Cholesky {
    /// Returns the first pivot (0-based) that is not positive, or nil if `matrix` is positive definite.
    static func firstNonPositivePivot(_ matrix: [[Double]]) -> Int? {
        let n = matrix.count
        var l = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for j in 0..<n {
            var diagonal = matrix[j][j]
            for k in 0..<j { diagonal -= l[j][k] * l[j][k] }
            guard diagonal > 1e-12 else { return j }
            l[j][j] = diagonal.squareRoot()
            for i in (j + 1)..<n {
                var sum = matrix[i][j]
                for k in 0..<j { sum -= l[i][k] * l[j][k] }
                l[i][j] = sum / l[j][j]
            }
        }
        return nil
    }
}
