/// Quantiles and tail sizes on an ascending sorted sample; the one definition every report
/// uses, so that a figure in projection.csv and summary.json always agrees.
public enum Quantile {
    /// Hyndman-Fan type 7 (R's and NumPy's default): with h = (n - 1) q,
    /// `Q(q) = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h])` on the 0-based sorted
    /// sample. Continuous in q, exact at the sample points, Q(0) = min, Q(1) = max.
    ///
    /// - Precondition: `sorted` is ascending and not empty; 0 <= q <= 1. O(1).
    @inlinable
    public static func type7(sorted: [Double], _ q: Double) -> Double {
        precondition(!sorted.isEmpty && q >= 0 && q <= 1, "quantile of an empty sample or q outside [0, 1]")
        let h = Double(sorted.count - 1) * q
        let lower = Int(h.rounded(.down))
        if lower >= sorted.count - 1 { return sorted[sorted.count - 1] }
        let fraction = h - Double(lower)
        let a = sorted[lower], b = sorted[lower + 1]
        // a + f(b - a) would give a value outside [a, b] by a rounding when a == b is huge;
        // equal neighbours return the value itself.
        return a == b ? a : a + fraction * (b - a)
    }

    /// Number of values in a tail of probability `tail` (for ES at level q, tail = 1 - q):
    /// `ceil(n * tail)`, at least 1.
    ///
    /// n * tail is rounded to 1e-9 first, since 1 - 0.95 is 0.050000000000000044 in binary
    /// and 100 paths would otherwise give a tail of 6 paths, not 5.
    @inlinable
    public static func tailCount(n: Int, tail: Double) -> Int {
        let exact = (Double(n) * tail * 1e9).rounded() / 1e9
        return min(n, max(1, Int(exact.rounded(.up))))
    }

    /// A distribution-free confidence interval for the q-quantile from order statistics.
    ///
    /// The number of sample values below the true quantile is Binomial(n, q), so with
    /// z = 1.96 (95%) the 1-based order statistics
    /// `j = floor(n q - z sqrt(n q (1 - q)))` and `k = ceil(n q + z sqrt(n q (1 - q)))`,
    /// clamped to [1, n], bracket it with about 95% coverage (normal approximation to the
    /// binomial; conservative by the rounding outward).
    @inlinable
    public static func confidenceInterval(sorted: [Double], _ q: Double, z: Double = 1.959963984540054)
        -> (lower: Double, upper: Double)
    {
        precondition(!sorted.isEmpty && q >= 0 && q <= 1, "quantile of an empty sample or q outside [0, 1]")
        let n = Double(sorted.count)
        let halfWidth = z * (n * q * (1 - q)).squareRoot()
        let j = min(max(Int((n * q - halfWidth).rounded(.down)), 1), sorted.count)
        let k = min(max(Int((n * q + halfWidth).rounded(.up)), 1), sorted.count)
        return (sorted[j - 1], sorted[k - 1])
    }
}
