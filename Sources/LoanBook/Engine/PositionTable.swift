/// The book as the kernel reads it: a structure of arrays, one entry per position, with
/// names resolved to indices and instalments computed once for all paths.
public struct PositionTable: Sendable {
    public var count: Int { balance.count }
    public var balance: [Int64] = []
    public var monthlyRate: [Double] = []
    public var remainingMonths: [Int32] = []
    public var instalment: [Int64] = []
    public var repayment: [UInt8] = []
    public var status: [UInt8] = []
    public var deferralUsed: [Int32] = []
    public var riskClass: [Int32] = []
    public var sector: [Int32] = []
    public var kind: [UInt8] = []
    public var bucket: [UInt8] = []
    /// Multiplier on the default hazard specific to the position (variant effect on new loans).
    public var pdScale: [Double] = []
    /// First month the position is live (0 for the book; the month after lending for new loans).
    public var startMonth: [Int32] = []
    /// The counter word that names the position's random streams.
    public var entity: [UInt32] = []

    public init() {}

    public mutating func reserveCapacity(_ n: Int) {
        balance.reserveCapacity(n); monthlyRate.reserveCapacity(n); remainingMonths.reserveCapacity(n)
        instalment.reserveCapacity(n); repayment.reserveCapacity(n); status.reserveCapacity(n)
        deferralUsed.reserveCapacity(n); riskClass.reserveCapacity(n); sector.reserveCapacity(n)
        kind.reserveCapacity(n); bucket.reserveCapacity(n); pdScale.reserveCapacity(n)
        startMonth.reserveCapacity(n); entity.reserveCapacity(n)
    }

    public mutating func removeAll() {
        balance.removeAll(keepingCapacity: true); monthlyRate.removeAll(keepingCapacity: true)
        remainingMonths.removeAll(keepingCapacity: true); instalment.removeAll(keepingCapacity: true)
        repayment.removeAll(keepingCapacity: true); status.removeAll(keepingCapacity: true)
        deferralUsed.removeAll(keepingCapacity: true); riskClass.removeAll(keepingCapacity: true)
        sector.removeAll(keepingCapacity: true); kind.removeAll(keepingCapacity: true)
        bucket.removeAll(keepingCapacity: true); pdScale.removeAll(keepingCapacity: true)
        startMonth.removeAll(keepingCapacity: true); entity.removeAll(keepingCapacity: true)
    }

    /// Appends one position. `instalment` is computed here, once, from the balance,
    /// rate and remaining term.
    public mutating func append(balance b: Int64, annualRate: Double, remainingMonths n: Int, repayment rep: Repayment,
                                status st: Status, deferralUsed d: Int, riskClass c: Int, sector s: Int, kind k: Kind,
                                bucket bk: FlowBucket, pdScale scale: Double, startMonth start: Int, entity e: UInt32) {
        let r = annualRate / 12
        append(balance: b, monthlyRate: r, remainingMonths: n,
               instalment: rep == .annuity ? Schedule.annuityInstalment(balance: b, monthlyRate: r, months: n) : 0,
               repayment: rep, status: st, deferralUsed: d, riskClass: c, sector: s, kind: k, bucket: bk,
               pdScale: scale, startMonth: start, entity: e)
    }

    /// Appends one position whose instalment the caller has computed (0 unless annuity).
    public mutating func append(balance b: Int64, monthlyRate r: Double, remainingMonths n: Int, instalment i: Int64,
                                repayment rep: Repayment, status st: Status, deferralUsed d: Int, riskClass c: Int,
                                sector s: Int, kind k: Kind, bucket bk: FlowBucket, pdScale scale: Double,
                                startMonth start: Int, entity e: UInt32) {
        balance.append(b)
        monthlyRate.append(r)
        remainingMonths.append(Int32(n))
        instalment.append(i)
        repayment.append(rep.code)
        status.append(st.code)
        deferralUsed.append(Int32(d))
        riskClass.append(Int32(c))
        sector.append(Int32(s))
        kind.append(UInt8(k.index))
        bucket.append(UInt8(bk.rawValue))
        pdScale.append(scale)
        startMonth.append(Int32(start))
        entity.append(e)
    }
}

extension Repayment {
    @usableFromInline var code: UInt8 {
        switch self {
        case .annuity: 0
        case .linear: 1
        case .bullet: 2
        }
    }
}

extension Status {
    @usableFromInline var code: UInt8 {
        switch self {
        case .performing: 0
        case .deferred: 1
        case .arrears: 2
        case .recovering: 3
        case .closed: 4
        }
    }
}
