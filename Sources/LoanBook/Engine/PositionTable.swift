/// The book as the kernel reads it: one row per position, with names resolved to indices
/// and instalments computed once for all paths.
///
/// A row is 64 bytes, and the kernel and the schedules read a position's fields together,
/// so rows beat columns here; and a product-year of new loans is appended in one
/// copy, where columns took fourteen.
public struct PositionTable: Sendable {
    public private(set) var rows: [Row] = []
    public var count: Int { rows.count }

    public init() {}

    @inlinable
    public subscript(i: Int) -> Row { rows[i] }

    public mutating func reserveCapacity(_ n: Int) { rows.reserveCapacity(n) }

    public mutating func removeAll() { rows.removeAll(keepingCapacity: true) }

    /// Appends one position. `instalment` is computed here, once, from the balance,
    /// rate and remaining term.
    public mutating func append(balance b: Int64, annualRate: Double, remainingMonths n: Int, repayment rep: Repayment,
                                status st: Status, deferralUsed d: Int, riskClass c: Int, sector s: Int, kind k: Kind,
                                bucket bk: FlowBucket, pdScale scale: Double, startMonth start: Int, entity e: UInt32) {
        let r = annualRate / 12
        rows.append(Row(balance: b, monthlyRate: r, remainingMonths: n,
                        instalment: rep == .annuity ? Schedule.annuityInstalment(balance: b, monthlyRate: r, months: n) : 0,
                        repayment: rep, status: st, deferralUsed: d, riskClass: c, sector: s, kind: k, bucket: bk,
                        pdScale: scale, startMonth: start, entity: e))
    }

    /// Appends `rows` in one copy.
    public mutating func append(contentsOf rows: UnsafeBufferPointer<Row>) {
        self.rows.append(contentsOf: rows)
    }

    /// One position (widest fields first, so it packs into 64 bytes).
    public struct Row: Sendable {
        public var balance: Int64
        public var monthlyRate: Double
        public var instalment: Int64
        /// Multiplier on the default hazard specific to the position (variant effect on new loans).
        public var pdScale: Double
        public var remainingMonths: Int32
        public var deferralUsed: Int32
        public var riskClass: Int32
        public var sector: Int32
        /// First month the position is live (0 for the book; the month after lending for new loans).
        public var startMonth: Int32
        /// The counter word that names the position's random streams.
        public var entity: UInt32
        public var repayment: UInt8
        public var status: UInt8
        public var kind: UInt8
        public var bucket: UInt8

        /// A position whose instalment the caller has computed (0 unless annuity).
        public init(balance b: Int64, monthlyRate r: Double, remainingMonths n: Int, instalment i: Int64,
                    repayment rep: Repayment, status st: Status, deferralUsed d: Int, riskClass c: Int, sector s: Int,
                    kind k: Kind, bucket bk: FlowBucket, pdScale scale: Double, startMonth start: Int, entity e: UInt32) {
            balance = b
            monthlyRate = r
            remainingMonths = Int32(n)
            instalment = i
            repayment = rep.code
            status = st.code
            deferralUsed = Int32(d)
            riskClass = Int32(c)
            sector = Int32(s)
            kind = UInt8(k.index)
            bucket = UInt8(bk.rawValue)
            pdScale = scale
            startMonth = Int32(start)
            entity = e
        }
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
