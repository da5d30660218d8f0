/// The paired difference of two runs on common random numbers (MODEL.md section 6: "for a
/// comparison of variants, the paired difference of every figure, with its standard error and
/// the probability that one variant costs less").
///
/// Path i of run A and path i of run B share the seed and the path index, so they share the
/// economy, every draw of today's book and every new loan both variants make. The difference
/// D_i = B_i - A_i is then far less noisy than the difference of two independent runs.
///
/// Definitions, for one (year, metric) over n paths:
/// - `meanDifference` = mean(D), compensated sum in path order; equal to mean(B) - mean(A) up to
///   rounding.
/// - `se` = sd(D) / sqrt(n) (sample sd, divisor n - 1); the 95% interval is mean +- 1.96 se.
/// - `seIndependent` = sqrt((var(A) + var(B)) / n): the se two independent runs of n paths each
///   would give, with var(A), var(B) the sample variances of the paired runs.
/// - `varianceReduction` = (var(A) + var(B)) / var(D): how many times more paths independent runs
///   would need for the same se. Infinite (JSON `null`) when var(D) = 0.
/// - `bGreater` = the share of paths with B_i > A_i (strictly), with its binomial se; `equal` the
///   share with B_i == A_i. For `municipal_net_result`, `bGreater` is the probability that B costs
///   the municipality less.
public struct PairedDifference: Sendable, Equatable {
    public var count: Int
    public var meanDifference: Double
    public var sdDifference: Double
    public var se: Double
    public var lower95: Double
    public var upper95: Double
    public var varianceA: Double
    public var varianceB: Double
    public var seIndependent: Double
    public var varianceReduction: Double
    public var bGreater: ExceedanceProbability
    public var equal: ExceedanceProbability

    /// The two-sided 95% normal quantile.
    public static let z95 = 1.959963984540054

    /// - Parameters: `a`, `b`: one value per path, in path order, the same paths.
    /// - Precondition: `a.count == b.count`.
    public init(a: [Double], b: [Double]) {
        precondition(a.count == b.count, "paired samples must have the same paths")
        count = a.count
        let n = Double(count)
        var greater = 0, ties = 0
        var difference = [Double](repeating: 0, count: count)
        for i in 0..<count {
            difference[i] = b[i] - a[i]
            if b[i] > a[i] { greater += 1 } else if b[i] == a[i] { ties += 1 }
        }
        bGreater = ExceedanceProbability(exceedances: greater, paths: count)
        equal = ExceedanceProbability(exceedances: ties, paths: count)
        guard count > 0 else {
            meanDifference = .nan; sdDifference = .nan; se = .nan; lower95 = .nan; upper95 = .nan
            varianceA = .nan; varianceB = .nan; seIndependent = .nan; varianceReduction = .nan
            return
        }
        meanDifference = CompensatedSum.of(difference) / n
        let varianceD = Self.variance(difference, mean: meanDifference)
        varianceA = Self.variance(a, mean: CompensatedSum.of(a) / n)
        varianceB = Self.variance(b, mean: CompensatedSum.of(b) / n)
        sdDifference = varianceD.squareRoot()
        se = sdDifference / n.squareRoot()
        lower95 = meanDifference - Self.z95 * se
        upper95 = meanDifference + Self.z95 * se
        seIndependent = ((varianceA + varianceB) / n).squareRoot()
        varianceReduction = varianceD > 0 ? (varianceA + varianceB) / varianceD
            : (varianceA + varianceB > 0 ? .infinity : .nan)
    }

    /// Sample variance, two-pass with the given mean; 0 for fewer than two values.
    static func variance(_ x: [Double], mean: Double) -> Double {
        guard x.count > 1 else { return 0 }
        var squares = CompensatedSum()
        for v in x {
            let d = v - mean
            squares.add(d * d)
        }
        return squares.value / Double(x.count - 1)
    }
}

/// `PairedDifference` for every (year, metric) of two runs over the same paths, and the
/// per-path difference B - A as a `PathResults` (the content of difference.csv).
public struct PairedComparison: Sendable {
    public let firstYear: Int
    public let years: Int
    public let paths: Int
    /// `statistics[year * Metric.count + metric.index]`, year index `years` is the horizon.
    public let statistics: [PairedDifference]
    /// B - A per path, year and metric; `collectedShare` likewise.
    public let difference: PathResults

    /// - Precondition: both runs have the same first year, years and paths (the runner
    ///   refuses a comparison that would break this; see `Pairing`).
    /// O(years x metrics x n).
    public init(a: PathResults, b: PathResults) {
        precondition(a.firstYear == b.firstYear && a.years == b.years && a.paths == b.paths,
                     "paired runs must cover the same years and paths")
        firstYear = a.firstYear
        years = a.years
        paths = a.paths
        var difference = PathResults(firstYear: a.firstYear, years: a.years, paths: a.paths)
        for i in 0..<a.values.count { difference.values[i] = b.values[i] - a.values[i] }
        for i in 0..<a.paths { difference.collectedShare[i] = b.collectedShare[i] - a.collectedShare[i] }
        self.difference = difference
        var all: [PairedDifference] = []
        all.reserveCapacity((years + 1) * Metric.count)
        for year in 0...years {
            for metric in Metric.allCases {
                all.append(PairedDifference(a: a.column(year: year, metric: metric),
                                            b: b.column(year: year, metric: metric)))
            }
        }
        statistics = all
    }

    /// Year index 0..<years for calendar years, `years` for the whole horizon.
    public subscript(year: Int, metric: Metric) -> PairedDifference {
        statistics[year * Metric.count + metric.index]
    }

    /// "2014", ... or "all" for the horizon row.
    public func yearLabel(_ year: Int) -> String {
        year == years ? "all" : String(firstYear + year)
    }
}

/// The risicomelding's figures of two runs over the same paths, paired: per year and in any
/// year the indicator that the cost above budget exceeds the provision (so `meanDifference` is
/// p_B - p_A with the paired se), and the collected share of today's book.
public struct PairedProvision: Sendable {
    /// One figure of A and of B (a probability or a mean share) and their paired difference.
    public struct Figure: Sendable, Equatable {
        public var a: Double
        public var b: Double
        public var difference: PairedDifference

        init(a: [Double], b: [Double]) {
            let n = Double(max(a.count, 1))
            self.a = CompensatedSum.of(a) / n
            self.b = CompensatedSum.of(b) / n
            difference = PairedDifference(a: a, b: b)
        }
    }

    public let amount: Double
    public let byYear: [Figure]
    public let anyYear: Figure
    public let collectedShare: Figure

    /// - Precondition: as `PairedComparison`.
    public init(a: PathResults, b: PathResults, amount: Double) {
        precondition(a.firstYear == b.firstYear && a.years == b.years && a.paths == b.paths,
                     "paired runs must cover the same years and paths")
        self.amount = amount
        func exceeds(_ r: PathResults, _ path: Int, _ year: Int) -> Bool { r[path, year, .costAboveBudget] > amount }
        func indicator(_ r: PathResults, year: Int) -> [Double] { (0..<r.paths).map { exceeds(r, $0, year) ? 1 : 0 } }
        func anyYear(_ r: PathResults) -> [Double] {
            (0..<r.paths).map { path in (0..<r.years).contains { exceeds(r, path, $0) } ? 1 : 0 }
        }
        byYear = (0..<a.years).map { Figure(a: indicator(a, year: $0), b: indicator(b, year: $0)) }
        self.anyYear = Figure(a: anyYear(a), b: anyYear(b))
        collectedShare = Figure(a: a.collectedShare, b: b.collectedShare)
    }
}
