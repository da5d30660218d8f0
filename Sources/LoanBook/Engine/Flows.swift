/// The ledger lines a path's cash flows are booked on, per calendar year.
///
/// Settlement needs bk split by whether the loan falls under the 2020 reform (lent from
/// 2020), and living allowance split by segment (starters' is 100% municipal risk).
public enum FlowBucket: Int, CaseIterable, Sendable {
    case bk
    /// bk lent from 2020 on (reform2020: the municipality owes 75% of the amount lent).
    case bkReform
    case loStarter
    case loEstablished
    case bob
    case other

    public static let count = allCases.count
    /// First year whose new bk loans fall under the 2020 reform.
    public static let reformYear = 2020

    @inlinable
    public static func of(kind: Kind, segment: Segment, vintage: Int) -> FlowBucket {
        switch kind {
        case .bk: vintage >= reformYear ? .bkReform : .bk
        case .lo: segment == .starter ? .loStarter : .loEstablished
        case .bob: .bob
        case .other: .other
        }
    }

    public var kind: Kind {
        switch self {
        case .bk, .bkReform: .bk
        case .loStarter, .loEstablished: .lo
        case .bob: .bob
        case .other: .other
        }
    }
}

/// The cash-flow lines per bucket. All in euro cents.
///
/// Conservation per path and bucket (MODEL.md section 4):
/// opening + lent = principal + prepaid + recovered + writtenOff + remitted + closing.
public enum Flow: Int, CaseIterable, Sendable {
    /// Lasten: amounts lent or paid out this year.
    case lent
    /// Scheduled principal repaid.
    case principal
    /// Principal repaid early (whole balance at prepayment).
    case prepaid
    /// Interest received (income, not principal).
    case interest
    /// Recovery cash after default.
    case recovered
    /// Balance written off at the end of recovery.
    case writtenOff
    /// Balance turned into a gift (kwijtschelding), without cash.
    case remitted
    /// Exposure at default (balance moved into recovery this year).
    case defaulted
    /// Outstanding balance at the end of the year (including claims in recovery).
    case closing

    public static let count = allCases.count
}

/// One path's yearly ledger: `[year][bucket][flow]`, euro cents, flat.
///
/// Laid out flat so the engine's inner loop adds into a fixed offset without allocation.
@frozen
public struct YearLedger: Sendable {
    public let years: Int
    public var cents: [Int64]

    public init(years: Int) {
        self.years = years
        cents = Array(repeating: 0, count: years * FlowBucket.count * Flow.count)
    }

    @inlinable @inline(__always)
    public static func offset(year: Int, bucket: Int, flow: Int) -> Int {
        (year * FlowBucket.count + bucket) * Flow.count + flow
    }

    @inlinable
    public subscript(year: Int, bucket: FlowBucket, flow: Flow) -> Int64 {
        get { cents[Self.offset(year: year, bucket: bucket.rawValue, flow: flow.rawValue)] }
        set { cents[Self.offset(year: year, bucket: bucket.rawValue, flow: flow.rawValue)] = newValue }
    }

    /// Sum of a flow over buckets of one kind in a year.
    public func total(year: Int, kind: Kind, flow: Flow) -> Int64 {
        FlowBucket.allCases.reduce(0) { $0 + ($1.kind == kind ? self[year, $1, flow] : 0) }
    }
}
