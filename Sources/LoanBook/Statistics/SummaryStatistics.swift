/// The figures of one metric in one year over all paths (MODEL.md section 6).
///
/// Definitions, fixed so that a rerun, a merge of shards and any thread count give the same
/// numbers:
/// - `mean`: compensated sum in path order / n.
/// - `sd`: sample standard deviation (divisor n - 1), two-pass; 0 when n = 1.
/// - `se`: sd / sqrt(n), the Monte Carlo standard error of the mean.
/// - quantiles: Hyndman-Fan type 7 on a sorted copy (`Quantile.type7`, `sortedAscending`).
/// - VaR and ES are of the *loss side*. For a cost (`Metric.isCost`) the upper tail:
///   VaR_q = Q(q), ES_q = mean of the k = ceil(n (1 - q)) largest values. For an income the
///   lower tail, reported as the value itself: VaR_q = Q(1 - q), ES_q = mean of the k smallest.
///
/// An empty sample gives NaN everywhere. O(n), the sort included.
public struct SummaryStatistics: Sendable, Equatable {
    /// The quantile levels reported, in the order of projection.csv.
    public static let quantileLevels: [Double] = [0.01, 0.05, 0.10, 0.50, 0.90, 0.95, 0.99, 0.995]
    /// The VaR/ES confidence levels reported.
    public static let tailLevels: [Double] = [0.90, 0.95, 0.99]

    public var count: Int
    public var mean: Double
    public var sd: Double
    public var se: Double
    /// Quantiles at `quantileLevels`, same order.
    public var quantiles: [Double]
    /// VaR at `tailLevels`, same order.
    public var valueAtRisk: [Double]
    /// Expected shortfall at `tailLevels`, same order.
    public var expectedShortfall: [Double]

    /// - Parameters:
    ///   - sample: one value per path, in path order.
    ///   - lossIsUpper: true for a cost (the upper tail is the loss), false for an income.
    public init(sample: [Double], lossIsUpper: Bool) {
        count = sample.count
        guard !sample.isEmpty else {
            mean = .nan; sd = .nan; se = .nan
            quantiles = Self.quantileLevels.map { _ in .nan }
            valueAtRisk = Self.tailLevels.map { _ in .nan }
            expectedShortfall = Self.tailLevels.map { _ in .nan }
            return
        }
        let n = Double(sample.count)
        mean = CompensatedSum.of(sample) / n
        var squares = CompensatedSum()
        for x in sample {
            let d = x - mean
            squares.add(d * d)
        }
        sd = sample.count > 1 ? (squares.value / (n - 1)).squareRoot() : 0
        se = sd / n.squareRoot()

        let sorted = sample.sortedAscending()
        quantiles = Self.quantileLevels.map { Quantile.type7(sorted: sorted, $0) }
        valueAtRisk = Self.tailLevels.map { Quantile.type7(sorted: sorted, lossIsUpper ? $0 : 1 - $0) }
        expectedShortfall = Self.tailLevels.map {
            Self.tailMean(sorted: sorted, level: $0, lossIsUpper: lossIsUpper)
        }
    }

    /// The sample of a metric: its loss side follows `Metric.isCost`.
    public init(sample: [Double], metric: Metric) {
        self.init(sample: sample, lossIsUpper: metric.isCost)
    }

    /// Mean of the k = ceil(n (1 - level)) worst values of an ascending sorted sample.
    public static func tailMean(sorted: [Double], level: Double, lossIsUpper: Bool) -> Double {
        let k = Quantile.tailCount(n: sorted.count, tail: 1 - level)
        let range = lossIsUpper ? (sorted.count - k)..<sorted.count : 0..<k
        return CompensatedSum.of(sorted[range]) / Double(k)
    }

    public func quantile(_ level: Double) -> Double? {
        Self.quantileLevels.firstIndex(of: level).map { quantiles[$0] }
    }

    public func valueAtRisk(_ level: Double) -> Double? {
        Self.tailLevels.firstIndex(of: level).map { valueAtRisk[$0] }
    }

    public func expectedShortfall(_ level: Double) -> Double? {
        Self.tailLevels.firstIndex(of: level).map { expectedShortfall[$0] }
    }
}
