import LoanBook

/// What the compare section of report.html draws: the figures of `loanbook compare` for two
/// scenarios A and B on common random numbers (difference.csv, comparison.json), passed in as
/// plain values so the page does not depend on how they were computed.
///
/// Differences are B - A, path by path. For a cost, a negative difference means B costs less.
public struct ComparisonFigures: Sendable {
    /// One year's (or the horizon's) paired difference of a figure.
    public struct Difference: Sendable, Equatable {
        /// "2014", ... or "all".
        public var label: String
        /// Mean of the paired differences B - A.
        public var mean: Double
        /// Its Monte Carlo standard error.
        public var se: Double
        /// The interval drawn around the mean, e.g. its 95% confidence interval mean -/+ 1.96 se.
        public var lower: Double
        public var upper: Double
        /// The 5% and 95% quantiles of the paired differences over paths (the spread), if known.
        public var p5: Double?
        public var p95: Double?
        /// P(B - A < 0) over paths, if known.
        public var probabilityBLess: Double?

        public init(label: String, mean: Double, se: Double, lower: Double, upper: Double, p5: Double? = nil,
                    p95: Double? = nil, probabilityBLess: Double? = nil) {
            self.label = label
            self.mean = mean
            self.se = se
            self.lower = lower
            self.upper = upper
            self.p5 = p5
            self.p95 = p95
            self.probabilityBLess = probabilityBLess
        }

        /// The 95% confidence interval of the mean from its standard error.
        public init(label: String, mean: Double, se: Double, p5: Double? = nil, p95: Double? = nil,
                    probabilityBLess: Double? = nil) {
            let z = 1.959963984540054
            self.init(label: label, mean: mean, se: se, lower: mean - z * se, upper: mean + z * se, p5: p5, p95: p95,
                      probabilityBLess: probabilityBLess)
        }
    }

    /// The paired differences of one metric per calendar year, drawn as one chart.
    public struct DifferenceSeries: Sendable, Equatable {
        /// The metric's name in the outputs ("cost_above_budget").
        public var metric: String
        /// Per calendar year, in order (the horizon's `all` row, if any, goes in `horizon`).
        public var years: [Difference]
        public var horizon: Difference?

        public init(metric: String, years: [Difference], horizon: Difference? = nil) {
            self.metric = metric
            self.years = years
            self.horizon = horizon
        }
    }

    /// One assumption of the tornado: the figure with the assumption at its low and its high setting.
    public struct TornadoBar: Sendable, Equatable {
        public var assumption: String
        public var low: Double
        public var high: Double

        public init(assumption: String, low: Double, high: Double) {
            self.assumption = assumption
            self.low = low
            self.high = high
        }
    }

    /// The probability that the cost above budget exceeds the provision, for A and B (B against
    /// A's budget unless it has its own) and paired: one row per year and one for any year.
    public struct Exceedance: Sendable, Equatable {
        public var label: String
        public var a: Double
        public var b: Double
        public var difference: Difference

        public init(label: String, a: Double, b: Double, difference: Difference) {
            self.label = label
            self.a = a
            self.b = b
            self.difference = difference
        }
    }

    /// The scenarios' names.
    public var nameA: String
    public var nameB: String
    /// The probability that B costs less than A (the share of paths, on the horizon's net cost).
    public var probabilityBCostsLess: ExceedanceProbability
    /// One chart per series, in order: the first is the headline metric.
    public var differences: [DifferenceSeries]
    /// The metric the tornado moves ("cost_above_budget, all"), its value with every assumption
    /// at its base setting, and the bars; no tornado when `tornado` is empty.
    public var tornadoMetric: String
    public var tornadoBase: Double
    public var tornado: [TornadoBar]
    /// The risicomelding paired; no table when empty. Both against A's provision `provision`,
    /// B against A's budget when `bOnABudget`.
    public var exceedance: [Exceedance]
    public var provision: Double
    public var bOnABudget: Bool

    public init(nameA: String, nameB: String, probabilityBCostsLess: ExceedanceProbability,
                differences: [DifferenceSeries], tornadoMetric: String = "", tornadoBase: Double = 0,
                tornado: [TornadoBar] = [], exceedance: [Exceedance] = [], provision: Double = 0,
                bOnABudget: Bool = true) {
        self.nameA = nameA
        self.nameB = nameB
        self.probabilityBCostsLess = probabilityBCostsLess
        self.differences = differences
        self.tornadoMetric = tornadoMetric
        self.tornadoBase = tornadoBase
        self.tornado = tornado
        self.exceedance = exceedance
        self.provision = provision
        self.bOnABudget = bOnABudget
    }
}
