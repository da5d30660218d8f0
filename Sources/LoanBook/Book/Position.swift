/// One row of the debtor book: a loan or claim as of the book's date.
///
/// Money is held in euro cents (`Int64`) so that every cash flow and the conservation
/// identity are exact; rates are plain annual fractions (0.08 is 8%).
public struct Position: Sendable, Hashable {
    public var id: String
    public var kind: Kind
    public var segment: Segment
    public var sector: String
    /// Calendar year in which the loan was lent (or the claim arose).
    public var vintage: Int
    /// Outstanding principal in euro cents.
    public var balanceCents: Int64
    public var annualRate: Double
    public var remainingMonths: Int
    public var repayment: Repayment
    public var status: Status
    /// Risk class name; its through-the-cycle PD comes from the scenario.
    public var riskClass: String
    /// Months of deferral (opschorting) already used; the cap is 36 over a loan's life.
    public var deferralUsedMonths: Int

    public init(
        id: String, kind: Kind, segment: Segment, sector: String, vintage: Int,
        balanceCents: Int64, annualRate: Double, remainingMonths: Int, repayment: Repayment,
        status: Status, riskClass: String, deferralUsedMonths: Int
    ) {
        self.id = id
        self.kind = kind
        self.segment = segment
        self.sector = sector
        self.vintage = vintage
        self.balanceCents = balanceCents
        self.annualRate = annualRate
        self.remainingMonths = remainingMonths
        self.repayment = repayment
        self.status = status
        self.riskClass = riskClass
        self.deferralUsedMonths = deferralUsedMonths
    }

    /// Outstanding principal in euros (for display; computations use cents).
    public var balance: Double { Double(balanceCents) / 100 }
}

/// The legal ceiling on deferral over a loan's life (MODEL.md section 2).
public let maximumDeferralMonths = 36
