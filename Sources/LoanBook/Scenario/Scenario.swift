/// Everything a run needs besides the book: the economy, the behaviour of positions, new
/// business, the settlement with the state and the provision to test.
///
/// Plain values only; reading them from YAML and checking them is `LoanBookIO`'s job,
/// and `validate()` states the ranges the engine relies on.
public struct Scenario: Sendable, Hashable {
    public var name: String
    public var description: String
    /// Path of the book CSV as written in the scenario (relative to the scenario file).
    public var book: String
    public var seed: UInt64
    public var paths: Int
    public var horizonYears: Int
    /// Risk classes with their through-the-cycle annual PD.
    public var riskClasses: [RiskClass]
    public var economy: Economy
    /// Behaviour per kind of claim.
    public var behaviour: [Kind: KindBehaviour]
    public var newBusiness: [NewBusinessProduct]
    public var variant: Variant
    public var settlement: Settlement
    public var provision: Provision
    /// Calendar year of the book's as-of date (1 January); the first simulated year.
    public var asOfYear: Int

    public init(
        name: String, description: String = "", book: String, seed: UInt64 = 20140101,
        paths: Int = 10_000, horizonYears: Int = 10, riskClasses: [RiskClass],
        economy: Economy, behaviour: [Kind: KindBehaviour], newBusiness: [NewBusinessProduct] = [],
        variant: Variant = .init(), settlement: Settlement = .init(), provision: Provision = .init(),
        asOfYear: Int = 2014
    ) {
        self.name = name
        self.description = description
        self.book = book
        self.seed = seed
        self.paths = paths
        self.horizonYears = horizonYears
        self.riskClasses = riskClasses
        self.economy = economy
        self.behaviour = behaviour
        self.newBusiness = newBusiness
        self.variant = variant
        self.settlement = settlement
        self.provision = provision
        self.asOfYear = asOfYear
    }
}

/// A risk class and its through-the-cycle annual probability of default.
public struct RiskClass: Sendable, Hashable {
    public var name: String
    public var annualPD: Double
    public init(name: String, annualPD: Double) {
        self.name = name
        self.annualPD = annualPD
    }
}

/// The sector factor model (MODEL.md section 4, step 5).
public struct Economy: Sendable, Hashable {
    /// Sector names; the order fixes the rows of `correlation`.
    public var sectors: [String]
    /// Sector correlation matrix C of the yearly innovations (symmetric, positive definite).
    public var correlation: [[Double]]
    /// Vasicek asset correlation rho of every position with its sector factor.
    public var assetCorrelation: Double
    /// AR(1) persistence phi of the yearly factors.
    public var persistence: Double
    /// Z(s, y0 - 1): the factor the year before the first simulated year (0 = neutral).
    public var initialFactor: Double
    /// Mean shift added to every sector's factor in the given calendar years.
    public var shift: [Int: Double]
    /// Deterministic stress: the factors of these years are fixed at the value (all sectors).
    public var fixed: [Int: Double]
    /// Shift of the recovery mean per unit of the sector factor (a bad year, lower recoveries).
    public var recoverySensitivity: Double
    /// Weight of each sector in the national factor (for the simulated national average).
    public var nationalWeights: [Double]

    public init(
        sectors: [String], correlation: [[Double]], assetCorrelation: Double = 0.12,
        persistence: Double = 0.5, initialFactor: Double = 0, shift: [Int: Double] = [:],
        fixed: [Int: Double] = [:], recoverySensitivity: Double = 0, nationalWeights: [Double]? = nil
    ) {
        self.sectors = sectors
        self.correlation = correlation
        self.assetCorrelation = assetCorrelation
        self.persistence = persistence
        self.initialFactor = initialFactor
        self.shift = shift
        self.fixed = fixed
        self.recoverySensitivity = recoverySensitivity
        self.nationalWeights = nationalWeights ?? Array(repeating: 1 / Double(max(sectors.count, 1)), count: sectors.count)
    }
}

/// Annual transition probabilities out of one status, besides default.
///
/// The default hazard itself comes from the risk class and the economy; `pdMultiplier`
/// scales it in this status (arrears default far more often than performing loans).
/// Each annual probability q becomes the monthly 1 - (1 - q)^(1/12).
public struct StatusRow: Sendable, Hashable {
    public var pdMultiplier: Double
    public var prepay: Double
    public var toDeferred: Double
    public var toArrears: Double
    /// Back to performing (from deferred or arrears).
    public var cure: Double
    /// Remission (kwijtschelding): part of the balance becomes a gift.
    public var remission: Double

    public init(pdMultiplier: Double = 1, prepay: Double = 0, toDeferred: Double = 0,
                toArrears: Double = 0, cure: Double = 0, remission: Double = 0) {
        self.pdMultiplier = pdMultiplier
        self.prepay = prepay
        self.toDeferred = toDeferred
        self.toArrears = toArrears
        self.cure = cure
        self.remission = remission
    }
}

/// How positions of one kind behave: status transitions, recovery and remission.
public struct KindBehaviour: Sendable, Hashable {
    public var performing: StatusRow
    public var deferred: StatusRow
    public var arrears: StatusRow
    /// Mean and standard deviation of the Beta-distributed recovery fraction.
    public var recoveryMean: Double
    public var recoverySD: Double
    /// Months over which the recovered amount arrives, starting the month after default.
    public var recoveryLagMonths: Int
    /// Share of the balance turned into a gift when a remission happens (1 closes the claim).
    public var remissionFraction: Double

    public init(performing: StatusRow = .init(), deferred: StatusRow = .init(), arrears: StatusRow = .init(),
                recoveryMean: Double = 0.3, recoverySD: Double = 0.2, recoveryLagMonths: Int = 24,
                remissionFraction: Double = 1) {
        self.performing = performing
        self.deferred = deferred
        self.arrears = arrears
        self.recoveryMean = recoveryMean
        self.recoverySD = recoverySD
        self.recoveryLagMonths = recoveryLagMonths
        self.remissionFraction = remissionFraction
    }
}

/// A stream of new loans for one segment (MODEL.md section 4, step 6).
public struct NewBusinessProduct: Sendable, Hashable {
    public var name: String
    public var segment: Segment
    public var kind: Kind
    /// Applications per year, and overrides for given calendar years.
    public var applications: Double
    public var applicationsByYear: [Int: Double]
    /// Share of applications that lead to a loan.
    public var approvalShare: Double
    /// Lognormal amount: median in EUR and the sigma of the log.
    public var amountMedian: Double
    public var amountSigma: Double
    /// Legal maximum in EUR in the first simulated year, indexed yearly by `maximumIndexation`.
    public var legalMaximum: Double
    public var maximumIndexation: Double
    public var annualRate: Double
    public var repayment: Repayment
    /// Term in months with its probability.
    public var termMix: [Int: Double]
    /// Risk class name with its probability.
    public var riskClassMix: [String: Double]
    /// Sector name with its probability.
    public var sectorMix: [String: Double]

    public init(name: String, segment: Segment, kind: Kind = .bk, applications: Double,
                applicationsByYear: [Int: Double] = [:], approvalShare: Double, amountMedian: Double,
                amountSigma: Double, legalMaximum: Double, maximumIndexation: Double = 0.015,
                annualRate: Double = 0.08, repayment: Repayment = .annuity, termMix: [Int: Double],
                riskClassMix: [String: Double], sectorMix: [String: Double]) {
        self.name = name
        self.segment = segment
        self.kind = kind
        self.applications = applications
        self.applicationsByYear = applicationsByYear
        self.approvalShare = approvalShare
        self.amountMedian = amountMedian
        self.amountSigma = amountSigma
        self.legalMaximum = legalMaximum
        self.maximumIndexation = maximumIndexation
        self.annualRate = annualRate
        self.repayment = repayment
        self.termMix = termMix
        self.riskClassMix = riskClassMix
        self.sectorMix = sectorMix
    }

    public func applications(in year: Int) -> Double { applicationsByYear[year] ?? applications }
}

/// An organisational positioning of the bureau, as multipliers on the base behaviour.
public struct Variant: Sendable, Hashable {
    public var name: String
    /// Multiplier on applications per segment (reach).
    public var applicationsMultiplier: [Segment: Double]
    /// Extra applications per year per segment (referrals).
    public var extraApplications: [Segment: Double]
    /// Multiplier on the default hazard of new loans per segment (earlier contact, risk control).
    public var newLoanPDMultiplier: [Segment: Double]
    /// Multiplier on the default hazard of every position (the scenario's stress).
    public var pdMultiplier: Double
    /// Added to every kind's recovery mean (weaker collection is negative).
    public var recoveryMeanShift: Double

    public init(name: String = "current", applicationsMultiplier: [Segment: Double] = [:],
                extraApplications: [Segment: Double] = [:], newLoanPDMultiplier: [Segment: Double] = [:],
                pdMultiplier: Double = 1, recoveryMeanShift: Double = 0) {
        self.name = name
        self.applicationsMultiplier = applicationsMultiplier
        self.extraApplications = extraApplications
        self.newLoanPDMultiplier = newLoanPDMultiplier
        self.pdMultiplier = pdMultiplier
        self.recoveryMeanShift = recoveryMeanShift
    }
}

/// The funding regime that settles a calendar year with the state (MODEL.md section 5).
public enum FundingRegime: String, CaseIterable, Sendable, Hashable {
    case pre2013
    case normbaten
    case reform2020
}

/// Where the macronorm m(y) comes from.
public enum Macronorm: Sendable, Hashable {
    /// Published or assumed values per calendar year; the last one holds after.
    case table([Int: Double])
    /// A national portfolio simulated at the large-pool rate on the same economy.
    case simulated(NationalPortfolio)

    /// The published values (MODEL.md section 5).
    public static let published: Macronorm = .table([
        2013: 0.549, 2014: 0.549, 2015: 0.549, 2016: 0.633, 2017: 0.770, 2018: 0.914,
    ])
}

/// The national bk portfolio behind a simulated macronorm.
public struct NationalPortfolio: Sendable, Hashable {
    /// National bk lending per calendar year in EUR (history and projection).
    public var lending: [Int: Double]
    /// Through-the-cycle annual PD of the national pool.
    public var annualPD: Double
    public var recoveryMean: Double
    public var termMonths: Int
    public var annualRate: Double
    /// Weight of the formula's value against the previous year's norm (1 = formula only).
    public var smoothing: Double

    public init(lending: [Int: Double], annualPD: Double = 0.06, recoveryMean: Double = 0.3,
                termMonths: Int = 60, annualRate: Double = 0.08, smoothing: Double = 1) {
        self.lending = lending
        self.annualPD = annualPD
        self.recoveryMean = recoveryMean
        self.termMonths = termMonths
        self.annualRate = annualRate
        self.smoothing = smoothing
    }
}

/// The rules that settle each calendar year with the state.
public struct Settlement: Sendable, Hashable {
    /// Funding regime per calendar year; years not listed use `defaultRegime`.
    public var regimes: [Int: FundingRegime]
    public var defaultRegime: FundingRegime
    public var macronorm: Macronorm
    /// The state's share of TLG for bk and established entrepreneurs' living allowance.
    public var stateShare: Double
    /// The state's share for BOB claims (100% before 2020).
    public var stateShareBOB: Double
    /// The municipality's budget U(y) for its share, EUR per calendar year; the last one holds after.
    public var budget: [Int: Double]
    /// reform2020: share of the amount lent that the municipality owes the state.
    public var reformStateShare: Double
    /// reform2020: the instalments of that debt in the five years after lending.
    public var reformSchedule: [Double]
    /// reform2020: share of the baten on older loans that the municipality keeps.
    public var reformKeptShareOldBaten: Double

    public init(regimes: [Int: FundingRegime] = [:], defaultRegime: FundingRegime = .normbaten,
                macronorm: Macronorm = .published, stateShare: Double = 0.75, stateShareBOB: Double = 1,
                budget: [Int: Double] = [:], reformStateShare: Double = 0.75,
                reformSchedule: [Double] = [0.20, 0.20, 0.15, 0.10, 0.10], reformKeptShareOldBaten: Double = 0.25) {
        self.regimes = regimes
        self.defaultRegime = defaultRegime
        self.macronorm = macronorm
        self.stateShare = stateShare
        self.stateShareBOB = stateShareBOB
        self.budget = budget
        self.reformStateShare = reformStateShare
        self.reformSchedule = reformSchedule
        self.reformKeptShareOldBaten = reformKeptShareOldBaten
    }

    public func regime(in year: Int) -> FundingRegime { regimes[year] ?? defaultRegime }
}

/// The risicomelding under test.
public struct Provision: Sendable, Hashable {
    /// The provision in EUR (the report: about 200,000 a year).
    public var amount: Double
    /// The budgeted net cost per calendar year in EUR; nil means the run's own mean (expected).
    public var budgetedNetCost: [Int: Double]?
    /// A scenario file (relative to this one) whose expected net cost is the budget: a stress
    /// scenario is then measured against the base budget, not against its own mean.
    public var budgetScenario: String?

    public init(amount: Double = 200_000, budgetedNetCost: [Int: Double]? = nil, budgetScenario: String? = nil) {
        self.amount = amount
        self.budgetedNetCost = budgetedNetCost
        self.budgetScenario = budgetScenario
    }
}
