/// A running sum with Neumaier's compensation: the error of naive summation over a
/// million paths of EUR amounts is far above a cent; this keeps it at a rounding or two.
///
/// Deterministic for a fixed order of additions, which is why every caller adds in path
/// order (never in the order threads finish).
@frozen
public struct CompensatedSum: Sendable {
    @usableFromInline var sum: Double = 0
    @usableFromInline var compensation: Double = 0

    @inlinable public init() {}

    @inlinable
    public mutating func add(_ x: Double) {
        let t = sum + x
        if abs(sum) >= abs(x) {
            compensation += (sum - t) + x
        } else {
            compensation += (x - t) + sum
        }
        sum = t
    }

    @inlinable public var value: Double { sum + compensation }

    /// The compensated sum of `values` in their order. O(n), no allocation.
    @inlinable
    public static func of(_ values: some Sequence<Double>) -> Double {
        var s = CompensatedSum()
        for x in values { s.add(x) }
        return s.value
    }
}
