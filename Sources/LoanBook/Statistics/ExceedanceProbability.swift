/// The share of paths on which a figure exceeds a threshold, with its binomial standard
/// error sqrt(p (1 - p) / n) and its exact 95% interval.
public struct ExceedanceProbability: Sendable, Equatable {
    public var p: Double
    public var se: Double
    /// The number of paths on which the threshold was exceeded (strictly greater).
    public var exceedances: Int
    public var paths: Int

    public init(exceedances: Int, paths: Int) {
        self.exceedances = exceedances
        self.paths = paths
        guard paths > 0 else { p = .nan; se = .nan; return }
        p = Double(exceedances) / Double(paths)
        se = (p * (1 - p) / Double(paths)).squareRoot()
    }

    /// The Clopper-Pearson 95% interval of p: unlike the standard error, it says how large p may
    /// be when no path exceeded. Computed when asked (a bisection over the binomial tail).
    public var interval95: (lower: Double, upper: Double) {
        paths > 0 ? BinomialInterval.clopperPearson(successes: exceedances, trials: paths) : (.nan, .nan)
    }

    /// The share of `sample` strictly above `threshold`.
    public init(sample: [Double], above threshold: Double) {
        var k = 0
        for x in sample where x > threshold { k += 1 }
        self.init(exceedances: k, paths: sample.count)
    }
}
