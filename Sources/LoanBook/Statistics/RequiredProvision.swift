/// The provision that would hold at a confidence level: the level's quantile of the cost
/// above budget (`Quantile.type7`), with the distribution-free 95% confidence interval of
/// `Quantile.confidenceInterval`.
///
/// A negative value means that at this level the cost stays below budget and no provision
/// is needed; it is reported as computed so that the tail shape stays visible.
public struct RequiredProvision: Sendable, Equatable {
    public var level: Double
    public var amount: Double
    public var lower: Double
    public var upper: Double

    public init(level: Double, amount: Double, lower: Double, upper: Double) {
        self.level = level
        self.amount = amount
        self.lower = lower
        self.upper = upper
    }

    /// - Precondition: `sorted` ascending and not empty.
    public init(sorted: [Double], level: Double) {
        let interval = Quantile.confidenceInterval(sorted: sorted, level)
        self.init(level: level, amount: Quantile.type7(sorted: sorted, level),
                  lower: interval.lower, upper: interval.upper)
    }
}
