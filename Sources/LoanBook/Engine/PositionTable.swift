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
        append(Row(balance: b, monthlyRate: r, remainingMonths: n,
                   instalment: rep == .annuity ? Schedule.annuityInstalment(balance: b, monthlyRate: r, months: n) : 0,
                   repayment: rep, status: st, deferralUsed: d, riskClass: c, sector: s, kind: k, bucket: bk,
                   pdScale: scale, startMonth: start, entity: e))
    }

    /// Appends one position.
    public mutating func append(_ row: Row) {
        withUnsafePointer(to: row) { append(contentsOf: UnsafeBufferPointer(start: $0, count: 1)) }
    }

    /// Appends `rows` column by column: each column checks and grows its storage once, where
    /// appending row by row would pay that fourteen times per position.
    public mutating func append(contentsOf rows: UnsafeBufferPointer<Row>) {
        guard !rows.isEmpty else { return }
        Self.append(&balance, rows) { $0.balance }
        Self.append(&monthlyRate, rows) { $0.monthlyRate }
        Self.append(&remainingMonths, rows) { $0.remainingMonths }
        Self.append(&instalment, rows) { $0.instalment }
        Self.append(&repayment, rows) { $0.repayment }
        Self.append(&status, rows) { $0.status }
        Self.append(&deferralUsed, rows) { $0.deferralUsed }
        Self.append(&riskClass, rows) { $0.riskClass }
        Self.append(&sector, rows) { $0.sector }
        Self.append(&kind, rows) { $0.kind }
        Self.append(&bucket, rows) { $0.bucket }
        Self.append(&pdScale, rows) { $0.pdScale }
        Self.append(&startMonth, rows) { $0.startMonth }
        Self.append(&entity, rows) { $0.entity }
    }

    /// Appends one field of every row to its column. An array only grows initialized, so the
    /// field is gathered into a scratch buffer (on the stack for a product-year's rows), which the
    /// column then copies in as it grows: no fill to overwrite.
    @inline(__always)
    private static func append<T>(_ column: inout [T], _ rows: UnsafeBufferPointer<Row>, _ field: (Row) -> T) {
        withUnsafeTemporaryAllocation(of: T.self, capacity: rows.count) { scratch in
            for k in rows.indices { scratch.initializeElement(at: k, to: field(rows[k])) }
            column.append(contentsOf: UnsafeBufferPointer(scratch))
            _ = scratch.deinitialize()
        }
    }

    /// One position as the columns hold it (widest fields first, so it packs into 64 bytes).
    public struct Row: Sendable {
        var balance: Int64
        var monthlyRate: Double
        var instalment: Int64
        var pdScale: Double
        var remainingMonths: Int32
        var deferralUsed: Int32
        var riskClass: Int32
        var sector: Int32
        var startMonth: Int32
        var entity: UInt32
        var repayment: UInt8
        var status: UInt8
        var kind: UInt8
        var bucket: UInt8

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
