/// The one sort of the statistics: every column of a run (10k-100k paths) is sorted for its
/// quantiles, VaR/ES and confidence intervals.
///
/// The result is exactly that of the standard library's stable `sorted()`: ascending by `<`,
/// equal values in input order. Since -0.0 == +0.0 under `<`, zeros of either sign keep
/// their input order too. Columns hold no NaN: a precondition (not checked in the
/// -Ounchecked release build, where a NaN would end up first or last by its sign bit).
extension Array where Element == Double {
    /// This array sorted ascending, the same array as `sorted()`. O(n); the sorted copy and
    /// one scratch column besides `self`.
    public func sortedAscending() -> [Double] {
        guard count >= DoubleSort.smallCount else {
            precondition(!contains { $0.isNaN }, "NaN in a column to sort")
            return sorted()
        }
        let sorted = [Double](unsafeUninitializedCapacity: count) { output, initialized in
            withUnsafeBufferPointer { DoubleSort.radixSort($0, into: output) }
            initialized = count
        }
        // A NaN's key is beyond the infinities', so the ends tell.
        precondition(!sorted.first!.isNaN && !sorted.last!.isNaN, "NaN in a column to sort")
        return sorted
    }

    /// Sorts in place, as `sort()` does.
    public mutating func sortAscending() {
        self = sortedAscending()
    }
}

/// A stable LSD radix sort of doubles on their IEEE 754 bit patterns: 11-bit digits, six
/// passes, each a counting scatter; a pass whose digit is the same for every value is
/// skipped (often the top one, sign and high exponent bits).
enum DoubleSort {
    /// Below about this many values the standard library's merge sort is faster (measured:
    /// its ~10 merge levels cost less than the histograms and 5-6 scattered passes).
    static let smallCount = 1500

    static let digitBits = 11
    static let buckets = 1 << digitBits
    static let passes = (64 + digitBits - 1) / digitBits

    /// An unsigned key whose order is that of `<`: positives get the sign bit set, negatives
    /// are inverted so that larger magnitudes come first. -0.0 takes the key of +0.0 so that
    /// the two stay in input order, as under a stable sort by `<`.
    @inline(__always)
    static func key(_ x: Double) -> UInt64 {
        let bits = (x == 0 ? 0 : x).bitPattern
        let negative = UInt64(bitPattern: Int64(bitPattern: bits) >> 63)
        return bits ^ (negative | 1 << 63)
    }

    @inline(__always)
    static func digit(_ key: UInt64, pass: Int) -> Int {
        Int(truncatingIfNeeded: key &>> UInt64(pass * digitBits)) & (buckets - 1)
    }

    /// Writes `source` sorted into `output` (same count, not overlapping `source`).
    static func radixSort(_ source: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>) {
        let n = source.count
        precondition(output.count == n, "output of another length")
        guard n > 0 else { return }

        // All six histograms in one read of the column.
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: passes * buckets)
        defer { counts.deallocate() }
        counts.initialize(repeating: 0, count: passes * buckets)
        for x in source {
            let k = key(x)
            for pass in 0..<passes { counts[pass * buckets + digit(k, pass: pass)] += 1 }
        }
        let firstKey = key(source[0])
        let active = (0..<passes).filter { counts[$0 * buckets + digit(firstKey, pass: $0)] != n }
        guard !active.isEmpty else {
            // One key for all (a column of zeros, say): already in order.
            _ = output.initialize(from: source)
            return
        }

        let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        defer { scratch.deallocate() }
        // Ping-pong between scratch and output so that the last pass writes into output.
        var from = source
        var to = active.count % 2 == 1 ? output : scratch
        for pass in active {
            // Counts to starting offsets.
            let offsets = counts + pass * buckets
            var next = 0
            for bucket in 0..<buckets {
                let count = offsets[bucket]
                offsets[bucket] = next
                next += count
            }
            for x in from {
                let d = digit(key(x), pass: pass)
                to[offsets[d]] = x
                offsets[d] += 1
            }
            from = UnsafeBufferPointer(to)
            to = to.baseAddress == output.baseAddress ? scratch : output
        }
    }
}
