/// The collected share of today's book over paths (MODEL.md section 6), to hold against the
/// report's "about 60%": mean with its standard error and the 5/50/95% quantiles (type 7).
public struct CollectedShareSummary: Sendable, Equatable {
    public var mean: Double
    public var se: Double
    public var p5: Double
    public var p50: Double
    public var p95: Double

    public init(shares: [Double]) {
        let s = SummaryStatistics(sample: shares, lossIsUpper: false)
        mean = s.mean
        se = s.se
        p5 = s.quantile(0.05)!
        p50 = s.quantile(0.50)!
        p95 = s.quantile(0.95)!
    }
}
