import COpenBLAS
import Foundation

/// The yearly sector factors Z(s, y) of MODEL.md section 4, step 5:
/// `Z(s,y) = phi Z(s,y-1) + sqrt(1 - phi^2) e(s,y)`, `e(., y) ~ N(0, C)`.
///
/// The Cholesky factor of C is computed once (LAPACK dpotrf); the innovations of a whole
/// chunk of paths come from one matrix product (dgemm). Chunks are always `chunkSize` paths
/// aligned at multiples of `chunkSize`, so a path's factors are the same bits whichever
/// thread, block or shard computes them.
public struct FactorModel: Sendable {
    public static let chunkSize = 256

    public let sectorCount: Int
    public let years: Int
    public let firstYear: Int
    /// Lower Cholesky factor of C, column-major, upper part zero.
    @usableFromInline let cholesky: [Double]
    @usableFromInline let persistence: Double
    @usableFromInline let initialFactor: Double
    /// Per simulated year: the mean shift, and the fixed value if the year is stressed.
    @usableFromInline let shift: [Double]
    @usableFromInline let fixed: [Double?]

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notPositiveDefinite(minor: Int)
        case shape(String)
        public var description: String {
            switch self {
            case .notPositiveDefinite(let minor):
                "the sector correlation matrix is not positive definite (leading minor \(minor))"
            case .shape(let text): text
            }
        }
    }

    public init(economy: Economy, firstYear: Int, years: Int) throws {
        let s = economy.sectors.count
        guard s > 0, economy.correlation.count == s, economy.correlation.allSatisfy({ $0.count == s }) else {
            throw Failure.shape("the sector correlation matrix must be \(s) x \(s)")
        }
        var a = [Double](repeating: 0, count: s * s)
        for i in 0..<s { for j in 0..<s { a[j * s + i] = economy.correlation[i][j] } }
        var n = Int32(s), lda = Int32(s), info = Int32(0)
        var uplo = CChar(UInt8(ascii: "L"))
        dpotrf_(&uplo, &n, &a, &lda, &info)
        if info > 0 { throw Failure.notPositiveDefinite(minor: Int(info)) }
        for j in 0..<s { for i in 0..<j { a[j * s + i] = 0 } }
        cholesky = a
        sectorCount = s
        self.years = years
        self.firstYear = firstYear
        persistence = economy.persistence
        initialFactor = economy.initialFactor
        shift = (0..<years).map { economy.shift[firstYear + $0] ?? 0 }
        fixed = (0..<years).map { economy.fixed[firstYear + $0] }
    }

    /// Factors of every path in chunk `chunk`, laid out `[pathInChunk][year][sector]`.
    ///
    /// - Parameter output: at least `chunkSize * years * sectorCount` doubles.
    /// - Parameter scratch: the same size, overwritten.
    public func generate(chunk: Int, philox: Philox4x32, output: UnsafeMutablePointer<Double>,
                         scratch: UnsafeMutablePointer<Double>) {
        let s = sectorCount, columns = Self.chunkSize * years
        // Independent standard normals, column (path, year) by sector: scratch[col * s + sector].
        for local in 0..<Self.chunkSize {
            let path = UInt32(truncatingIfNeeded: chunk * Self.chunkSize + local)
            for year in 0..<years {
                let column = local * years + year
                var sector = 0
                while sector < s {
                    let w = philox.block(path, UInt32(sector), (Stream.economy.rawValue << 24) | UInt32(year), 0)
                    scratch[column * s + sector] = Distributions.normalQuantile(Uniform.open53(w.0, w.1))
                    if sector + 1 < s {
                        scratch[column * s + sector + 1] = Distributions.normalQuantile(Uniform.open53(w.2, w.3))
                    }
                    sector += 2
                }
            }
        }
        // e = L x N for all columns at once.
        cholesky.withUnsafeBufferPointer { l in
            cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, Int32(s), Int32(columns), Int32(s),
                        1.0, l.baseAddress, Int32(s), scratch, Int32(s), 0.0, output, Int32(s))
        }
        // AR(1) in time, then the scenario's shifts and fixed years, in place.
        let innovationScale = (1 - persistence * persistence).squareRoot()
        for local in 0..<Self.chunkSize {
            for sector in 0..<s {
                var previous = initialFactor
                for year in 0..<years {
                    let i = (local * years + year) * s + sector
                    var z = persistence * previous + innovationScale * output[i]
                    if let value = fixed[year] { z = value }
                    previous = z
                    output[i] = z + shift[year]
                }
            }
        }
    }

    /// Holds OpenBLAS to one thread: the engine parallelises over paths itself, and a
    /// threaded BLAS inside each worker would oversubscribe the cores.
    public static func useSingleThreadedBLAS() {
        openblas_set_num_threads(1)
    }
}
