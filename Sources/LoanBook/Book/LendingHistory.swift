/// Lasten (amounts lent or paid out) per calendar year before the book's date, in euro cents.
///
/// The normbaten rule needs bk lasten of the six years before each settled year, so a
/// book starting in 2014 needs at least 2007-2013.
public struct LendingHistory: Sendable, Hashable {
    /// bk lasten per calendar year.
    public var bk: [Int: Int64]
    /// lo lasten per calendar year.
    public var lo: [Int: Int64]

    public init(bk: [Int: Int64] = [:], lo: [Int: Int64] = [:]) {
        self.bk = bk
        self.lo = lo
    }

    public var years: ClosedRange<Int>? {
        let all = Array(bk.keys) + Array(lo.keys)
        guard let first = all.min(), let last = all.max() else { return nil }
        return first...last
    }
}
