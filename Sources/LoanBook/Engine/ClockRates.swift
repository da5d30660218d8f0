import Foundation

/// The event clock's rate lambda = -log(1 - p) for a monthly event probability p, remembered.
///
/// A path sees a few thousand distinct p (hazard by year, class and sector times the status
/// rows) but asks for them once per position and status-year, so `log1p` is mostly asked
/// again for a p it has seen. A direct-mapped table keyed by p's exact bits returns the very
/// double `log1p` gave, so results do not depend on what the table holds. One per worker.
@usableFromInline
struct ClockRates {
    @usableFromInline static let slotBits = 12
    /// `(p's bits, lambda)` per slot; a key of all ones is a NaN that no probability has.
    @usableFromInline let slots: UnsafeMutablePointer<(UInt64, Double)>

    static func allocate() -> ClockRates {
        let slots = UnsafeMutablePointer<(UInt64, Double)>.allocate(capacity: 1 << slotBits)
        slots.initialize(repeating: (.max, 0), count: 1 << slotBits)
        return ClockRates(slots: slots)
    }

    func deallocate() { slots.deallocate() }

    @inlinable @inline(__always)
    func rate(_ p: Double) -> Double {
        let key = p.bitPattern
        // Fibonacci hashing: the top bits of the product mix every bit of the key.
        let slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - Self.slotBits))
        if slots[slot].0 == key { return slots[slot].1 }
        let lambda = -log1p(-p)
        slots[slot] = (key, lambda)
        return lambda
    }
}
