/// The figures a run reports per path and calendar year (CLI.md, projection.csv).
///
/// `rawValue` is the metric's name in the outputs. Flow metrics add up over the horizon;
/// balances take the horizon's last year.
public enum Metric: String, CaseIterable, Sendable {
    case lastenBK = "lasten_bk"
    case lastenLO = "lasten_lo"
    case lastenBOB = "lasten_bob"
    case batenBK = "baten_bk"
    case batenLO = "baten_lo"
    case batenBOB = "baten_bob"
    case principalRepaid = "principal_repaid"
    case prepaid
    case interest
    case recoveries
    case defaults
    case writeOffs = "write_offs"
    case remissions
    case balanceBK = "balance_bk"
    case balanceLO = "balance_lo"
    case balanceBOB = "balance_bob"
    case balanceOther = "balance_other"
    case normBaten = "norm_baten"
    /// B_bk - NB: positive is a bonus for the municipality.
    case bonusMalus = "bonus_malus"
    case tlg
    case stateShare = "state_share"
    /// U(y): the municipality's budget from the state for its share.
    case budget
    /// AU = max(0, 0.25 TLG - 1.15 U).
    case topUp = "top_up"
    /// reform2020: the municipality's payments to the state on loans lent from 2020.
    case stateRepayment = "state_repayment"
    /// reform2020: what the municipality still owes the state at year end, the instalments of
    /// loans lent from 2020 falling due in later years. The net result is on a cash basis, so
    /// instalments due after the horizon appear here and nowhere else.
    case reformDebt = "reform_debt"
    /// Baten - lasten + state share + U + AU - repayments to the state.
    case municipalNetResult = "municipal_net_result"
    /// The net cost minus the budgeted net cost: what the provision must absorb.
    case costAboveBudget = "cost_above_budget"

    public static let count = allCases.count

    /// Position in `allCases`: where the metric sits in a `PathResults` row. A switch, not a
    /// lookup table, because settlement and statistics ask for it per path and year.
    @inlinable public var index: Int {
        switch self {
        case .lastenBK: 0
        case .lastenLO: 1
        case .lastenBOB: 2
        case .batenBK: 3
        case .batenLO: 4
        case .batenBOB: 5
        case .principalRepaid: 6
        case .prepaid: 7
        case .interest: 8
        case .recoveries: 9
        case .defaults: 10
        case .writeOffs: 11
        case .remissions: 12
        case .balanceBK: 13
        case .balanceLO: 14
        case .balanceBOB: 15
        case .balanceOther: 16
        case .normBaten: 17
        case .bonusMalus: 18
        case .tlg: 19
        case .stateShare: 20
        case .budget: 21
        case .topUp: 22
        case .stateRepayment: 23
        case .reformDebt: 24
        case .municipalNetResult: 25
        case .costAboveBudget: 26
        }
    }

    /// Stocks are reported at the end of the horizon in the `all` row; flows are summed.
    public var isBalance: Bool {
        switch self {
        case .balanceBK, .balanceLO, .balanceBOB, .balanceOther, .reformDebt: true
        default: false
        }
    }

    /// Whether a larger value is worse for the municipality (VaR/ES take that tail). A higher
    /// norm is worse: it lowers the state's share and deepens the malus.
    public var isCost: Bool {
        switch self {
        case .batenBK, .batenLO, .batenBOB, .principalRepaid, .prepaid, .interest, .recoveries,
             .bonusMalus, .stateShare, .budget, .topUp, .municipalNetResult:
            false
        default:
            true
        }
    }
}

/// Every path's figures: `values[(path * (years + 1) + year) * Metric.count + metric]`,
/// where year index `years` is the whole horizon ("all").
///
/// Kept per path (not only as running sums) because quantiles, VaR and ES are exact over paths.
public struct PathResults: Sendable {
    public let firstYear: Int
    public let years: Int
    public let paths: Int
    public var values: [Double]
    /// Per path: collected share of today's book (principal + prepaid + recovered) / opening balance.
    public var collectedShare: [Double]

    public init(firstYear: Int, years: Int, paths: Int) {
        self.firstYear = firstYear
        self.years = years
        self.paths = paths
        values = Array(repeating: 0, count: paths * (years + 1) * Metric.count)
        collectedShare = Array(repeating: 0, count: paths)
    }

    @inlinable
    public func offset(path: Int, year: Int, metric: Metric) -> Int {
        (path * (years + 1) + year) * Metric.count + metric.index
    }

    public subscript(path: Int, year: Int, metric: Metric) -> Double {
        get { values[offset(path: path, year: year, metric: metric)] }
        set { values[offset(path: path, year: year, metric: metric)] = newValue }
    }

    /// One metric in one year (or `years` for the horizon) over all paths, in path order.
    public func column(year: Int, metric: Metric) -> [Double] {
        (0..<paths).map { self[$0, year, metric] }
    }
}
