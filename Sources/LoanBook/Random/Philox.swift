/// Philox4x32-10, the counter-based generator of Salmon et al. (SC'11, "Parallel random
/// numbers: as easy as 1, 2, 3").
///
/// A draw is a pure function of a 64-bit key and a 128-bit counter, so every
/// (path, stream, entity, step) has its own numbers: results do not depend on the order
/// in which paths are simulated, the number of threads or the number of shards.
/// One call gives four 32-bit words. Cost: ten rounds of two 32x32->64 multiplies.
@frozen
public struct Philox4x32: Sendable {
    public var key0: UInt32
    public var key1: UInt32

    @inlinable
    public init(seed: UInt64) {
        key0 = UInt32(truncatingIfNeeded: seed)
        key1 = UInt32(truncatingIfNeeded: seed >> 32)
    }

    @inlinable
    public init(key0: UInt32, key1: UInt32) {
        self.key0 = key0
        self.key1 = key1
    }

    /// The four output words for the counter (c0, c1, c2, c3).
    @inlinable @inline(__always)
    public func block(_ c0: UInt32, _ c1: UInt32, _ c2: UInt32, _ c3: UInt32)
        -> (UInt32, UInt32, UInt32, UInt32)
    {
        var x0 = c0, x1 = c1, x2 = c2, x3 = c3
        var k0 = key0, k1 = key1
        for round in 0..<10 {
            if round > 0 {
                k0 &+= 0x9E37_79B9
                k1 &+= 0xBB67_AE85
            }
            let p0 = UInt64(0xD251_1F53) &* UInt64(x0)
            let p1 = UInt64(0xCD9E_8D57) &* UInt64(x2)
            let hi0 = UInt32(truncatingIfNeeded: p0 >> 32), lo0 = UInt32(truncatingIfNeeded: p0)
            let hi1 = UInt32(truncatingIfNeeded: p1 >> 32), lo1 = UInt32(truncatingIfNeeded: p1)
            x0 = hi1 ^ x1 ^ k0
            x1 = lo1
            x2 = hi0 ^ x3 ^ k1
            x3 = lo0
        }
        return (x0, x1, x2, x3)
    }
}

/// Conversions of generator words to numbers in (0, 1).
public enum Uniform {
    /// A 32-bit word as a double strictly inside (0, 1): (u + 0.5) / 2^32.
    @inlinable @inline(__always)
    public static func open(_ u: UInt32) -> Double {
        (Double(u) + 0.5) * 0x1p-32
    }

    /// Two words as a 53-bit double strictly inside (0, 1), for tails that 32 bits resolve too coarsely.
    @inlinable @inline(__always)
    public static func open53(_ hi: UInt32, _ lo: UInt32) -> Double {
        let bits = (UInt64(hi) << 21) ^ (UInt64(lo) >> 11)
        return (Double(bits & ((1 << 53) - 1)) + 0.5) * 0x1p-53
    }
}
