/// What a position is a claim for (MODEL.md section 2).
public enum Kind: String, CaseIterable, Sendable, Codable, Hashable {
    /// Bedrijfskapitaal: an interest-bearing business-capital loan.
    case bk
    /// Levensonderhoud: living allowance lent (established entrepreneurs) or reclaimed.
    case lo
    /// Claims on inland-waterway skippers (binnenvaart), 100% state risk.
    case bob
    /// Anything else on the debtor ledger.
    case other

    @inlinable public var index: Int {
        switch self {
        case .bk: 0
        case .lo: 1
        case .bob: 2
        case .other: 3
        }
    }
}

/// The kind of entrepreneur behind a position.
public enum Segment: String, CaseIterable, Sendable, Codable, Hashable {
    case starter
    case established
    case skipper

    @inlinable public var index: Int {
        switch self {
        case .starter: 0
        case .established: 1
        case .skipper: 2
        }
    }
}

/// How principal is paid back (MODEL.md section 4, step 3).
public enum Repayment: String, CaseIterable, Sendable, Codable, Hashable {
    case annuity
    case linear
    case bullet
}

/// Where a position stands at the start of a month.
///
/// `closed` is never read from a book: positions that are repaid, written off or
/// fully remitted become closed during a run.
public enum Status: String, CaseIterable, Sendable, Codable, Hashable {
    case performing
    case deferred
    case arrears
    case recovering
    case closed

    /// The statuses a book may hold (a closed position is not in the book).
    public static let inBook: [Status] = [.performing, .deferred, .arrears, .recovering]
}
