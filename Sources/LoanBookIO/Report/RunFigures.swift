import LoanBook

/// Everything report.html draws for one run, computed once from the run's paths.
///
/// The report takes the paths, not only projection.csv's statistics, because a fan chart needs
/// the quartiles and a histogram the whole distribution; every figure it shares with
/// projection.csv and summary.json comes from the same `ProjectionStatistics` and
/// `ProvisionAnalysis`, so the page and the files never disagree. O(years x kinds x n log n).
public struct RunFigures: Sendable {
    public let projection: ProjectionStatistics
    public let provision: ProvisionAnalysis
    public let collectedShare: CollectedShareSummary
    /// Per kind that has a balance in some year, the closing balance's quantiles per calendar year.
    public let balanceFans: [(kind: Kind, years: [FanQuantiles])]
    /// Contributions by kind and sector to the horizon ES, when the run kept its cost splits.
    public let contributions: ContributionsReport?

    /// The cost above budget of the first year, in about 40 bins over its central 99.8%.
    let firstYearHistogram: Histogram
    /// The cost above budget per calendar year, all on the same bins (small multiples).
    let yearHistograms: [Histogram]

    /// The number of bins the report aims at, in the large first-year histogram and the small ones.
    static let bins = (large: 40, small: 16)
    /// The share of paths in each tail that a histogram keeps in its end bins instead of
    /// stretching its axis for them.
    static let clippedTail = 0.001

    /// - Parameters:
    ///   - projection, provision: pass them when already computed (RunOutputs does), to sort once.
    ///   - contributions: the risk contributions section; nil leaves it out.
    /// - Precondition: `results.paths > 0`.
    public init(results: PathResults, provisionAmount: Double, contributions: ContributionsReport? = nil,
                projection: ProjectionStatistics? = nil, provision: ProvisionAnalysis? = nil) {
        self.projection = projection ?? ProjectionStatistics(results: results)
        self.provision = provision ?? ProvisionAnalysis(results: results, amount: provisionAmount)
        collectedShare = CollectedShareSummary(shares: results.collectedShare)
        self.contributions = contributions

        let balances: [(Kind, Metric)] = [(.bk, .balanceBK), (.lo, .balanceLO), (.bob, .balanceBOB),
                                          (.other, .balanceOther)]
        var fans: [(kind: Kind, years: [FanQuantiles])] = []
        for (kind, metric) in balances {
            let years = (0..<results.years).map { FanQuantiles(sorted: results.column(year: $0, metric: metric).sortedAscending()) }
            if years.contains(where: { $0.p95 != 0 || $0.p5 != 0 }) { fans.append((kind, years)) }
        }
        balanceFans = fans

        let amount = self.provision.amount
        let costs = (0..<results.years).map { results.column(year: $0, metric: .costAboveBudget).sortedAscending() }
        let tail = Self.clippedTail
        if let first = costs.first {
            let (lower, upper) = Self.range(lower: Quantile.type7(sorted: first, tail),
                                            upper: Quantile.type7(sorted: first, 1 - tail), anchor: amount)
            firstYearHistogram = Histogram(sample: first, anchor: amount, lower: lower, upper: upper,
                                           bins: Self.bins.large)
        } else {
            firstYearHistogram = Histogram(sample: [], anchor: amount, lower: amount - 1, upper: amount + 1, bins: 2)
        }
        let (lower, upper) = Self.range(lower: costs.map { Quantile.type7(sorted: $0, tail) }.min() ?? amount - 1,
                                        upper: costs.map { Quantile.type7(sorted: $0, 1 - tail) }.max() ?? amount + 1,
                                        anchor: amount)
        let width = NiceTicks(lower: min(lower, amount), upper: max(upper, amount), count: Self.bins.small).step
        let firstEdge = min(-1, Int(((lower - amount) / width).rounded(.down)))
        let lastEdge = max(1, Int(((upper - amount) / width).rounded(.up)))
        yearHistograms = costs.map {
            Histogram(sample: $0, anchor: amount, width: width, firstEdge: firstEdge, lastEdge: lastEdge)
        }
    }

    /// The range a histogram covers: the data's, and the provision with a tenth of the span
    /// beyond it, so that the provision never sits on the edge of the picture.
    static func range(lower: Double, upper: Double, anchor: Double) -> (Double, Double) {
        let span = max(upper, anchor) - min(lower, anchor)
        return (min(lower, anchor - 0.1 * span), max(upper, anchor + 0.1 * span))
    }

    /// From a whole run: with its risk contributions.
    public init(run: RunResult, provisionAmount: Double) {
        self.init(results: run.results, provisionAmount: provisionAmount,
                  contributions: run.results.paths > 0 ? ContributionsReport(run: run) : nil)
    }

    /// The calendar years, as labels: "2014", "2015", ...
    public var yearLabels: [String] { (0..<projection.years).map { projection.yearLabel($0) } }
}
