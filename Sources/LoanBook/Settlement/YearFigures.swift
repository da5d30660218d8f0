/// One year's settled figures of one path, in euro cents: every `Metric` but the cost above
/// budget (which needs the budgeted net cost, see `Settler.fillCostAboveBudget`).
struct YearFigures {
    var lastenBK: Int64 = 0
    var lastenLO: Int64 = 0
    var lastenBOB: Int64 = 0
    var batenBK: Int64 = 0
    var batenLO: Int64 = 0
    var batenBOB: Int64 = 0
    var principalRepaid: Int64 = 0
    var prepaid: Int64 = 0
    var interest: Int64 = 0
    var recoveries: Int64 = 0
    var defaults: Int64 = 0
    var writeOffs: Int64 = 0
    var remissions: Int64 = 0
    var balanceBK: Int64 = 0
    var balanceLO: Int64 = 0
    var balanceBOB: Int64 = 0
    var balanceOther: Int64 = 0
    var normBaten: Int64 = 0
    var bonusMalus: Int64 = 0
    var tlg: Int64 = 0
    var stateShare: Int64 = 0
    var budget: Int64 = 0
    var topUp: Int64 = 0
    var stateRepayment: Int64 = 0
    var reformDebt: Int64 = 0
    var municipalNetResult: Int64 = 0

    /// The value of a metric in cents; nil for the cost above budget.
    ///
    /// An exhaustive switch on purpose: a new `Metric` case does not compile until the
    /// settlement says where it comes from.
    @inline(__always)
    func cents(_ metric: Metric) -> Int64? {
        switch metric {
        case .lastenBK: lastenBK
        case .lastenLO: lastenLO
        case .lastenBOB: lastenBOB
        case .batenBK: batenBK
        case .batenLO: batenLO
        case .batenBOB: batenBOB
        case .principalRepaid: principalRepaid
        case .prepaid: prepaid
        case .interest: interest
        case .recoveries: recoveries
        case .defaults: defaults
        case .writeOffs: writeOffs
        case .remissions: remissions
        case .balanceBK: balanceBK
        case .balanceLO: balanceLO
        case .balanceBOB: balanceBOB
        case .balanceOther: balanceOther
        case .normBaten: normBaten
        case .bonusMalus: bonusMalus
        case .tlg: tlg
        case .stateShare: stateShare
        case .budget: budget
        case .topUp: topUp
        case .stateRepayment: stateRepayment
        case .reformDebt: reformDebt
        case .municipalNetResult: municipalNetResult
        case .costAboveBudget: nil
        }
    }

    /// Adds a year into a horizon total: flows add up, balances take the later year.
    mutating func accumulate(_ y: YearFigures) {
        lastenBK += y.lastenBK
        lastenLO += y.lastenLO
        lastenBOB += y.lastenBOB
        batenBK += y.batenBK
        batenLO += y.batenLO
        batenBOB += y.batenBOB
        principalRepaid += y.principalRepaid
        prepaid += y.prepaid
        interest += y.interest
        recoveries += y.recoveries
        defaults += y.defaults
        writeOffs += y.writeOffs
        remissions += y.remissions
        balanceBK = y.balanceBK
        balanceLO = y.balanceLO
        balanceBOB = y.balanceBOB
        balanceOther = y.balanceOther
        normBaten += y.normBaten
        bonusMalus += y.bonusMalus
        tlg += y.tlg
        stateShare += y.stateShare
        budget += y.budget
        topUp += y.topUp
        stateRepayment += y.stateRepayment
        reformDebt = y.reformDebt
        municipalNetResult += y.municipalNetResult
    }
}
