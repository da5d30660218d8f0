/// The debtor portfolio as of a date: its positions and the lending history behind them.
public struct Book: Sendable, Hashable {
    /// First day of the first simulated month (the as-of date), as a calendar year and month.
    public var asOfYear: Int
    public var asOfMonth: Int
    public var positions: [Position]
    public var history: LendingHistory

    public init(asOfYear: Int, asOfMonth: Int = 1, positions: [Position], history: LendingHistory = .init()) {
        self.asOfYear = asOfYear
        self.asOfMonth = asOfMonth
        self.positions = positions
        self.history = history
    }

    /// Total outstanding principal in cents.
    public var totalBalanceCents: Int64 { positions.reduce(0) { $0 + $1.balanceCents } }

    /// Outstanding principal in cents per kind.
    public func balanceCents(of kind: Kind) -> Int64 {
        positions.reduce(0) { $0 + ($1.kind == kind ? $1.balanceCents : 0) }
    }

    /// The sectors that occur in the book, sorted, so that indices are stable.
    public var sectors: [String] { Array(Set(positions.map(\.sector))).sorted() }
}
