import LoanBook

/// The quantiles a fan chart draws for one year: 5, 25, 50, 75 and 95% over paths
/// (Hyndman-Fan type 7, `Quantile.type7`, the definition of projection.csv, so p5, p50 and
/// p95 equal that file's columns).
public struct FanQuantiles: Equatable, Sendable {
    public static let levels = [0.05, 0.25, 0.50, 0.75, 0.95]

    public var p5: Double
    public var p25: Double
    public var p50: Double
    public var p75: Double
    public var p95: Double

    public init(p5: Double, p25: Double, p50: Double, p75: Double, p95: Double) {
        (self.p5, self.p25, self.p50, self.p75, self.p95) = (p5, p25, p50, p75, p95)
    }

    /// - Precondition: `sorted` ascending and not empty.
    public init(sorted: [Double]) {
        let q = Self.levels.map { Quantile.type7(sorted: sorted, $0) }
        self.init(p5: q[0], p25: q[1], p50: q[2], p75: q[3], p95: q[4])
    }
}
