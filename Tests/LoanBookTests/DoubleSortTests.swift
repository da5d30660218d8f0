import Testing
@testable import LoanBook

/// SplitMix64: a fixed-seed source of test columns.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Values whose bit patterns stress the key: both zeros, both infinities, subnormals, the
/// extremes of the normals and neighbours that differ in the last bit only.
private let edgeValues: [Double] = [
    -.infinity, -.greatestFiniteMagnitude, -1e300, -1.5, -1, -1.0.nextDown, -Double.leastNormalMagnitude,
    -Double.leastNormalMagnitude.nextDown, -.leastNonzeroMagnitude, -0.0, 0.0, .leastNonzeroMagnitude,
    Double.leastNormalMagnitude.nextDown, .leastNormalMagnitude, 1.0.nextDown, 1, 1.0.nextUp, 1.5, 1e300,
    .greatestFiniteMagnitude, .infinity,
]

/// Sizes around the fallback to the standard sort and well above it.
private let sizes = [0, 1, 2, 3, 100, DoubleSort.smallCount - 1, DoubleSort.smallCount, DoubleSort.smallCount + 1,
                     5_000, 20_000]

/// Columns of `n` values of several shapes, like and unlike a run's.
private func columns(_ n: Int, _ rng: inout SplitMix) -> [[Double]] {
    [
        // Amounts in cents over many magnitudes, one sign.
        (0..<n).map { _ in Double(Int.random(in: 0...(1 << Int.random(in: 0...40, using: &rng)), using: &rng)) / 100 },
        // Both signs, with many duplicates.
        (0..<n).map { _ in Double(Int.random(in: -20...20, using: &rng)) * 0.25 },
        // Mostly zeros of both signs.
        (0..<n).map { _ in
            Bool.random(using: &rng) ? (Bool.random(using: &rng) ? 0.0 : -0.0) : Double.random(in: -1e6...1e6, using: &rng)
        },
        // Edge values only.
        (0..<n).map { _ in edgeValues.randomElement(using: &rng)! },
        // Any finite or infinite bit pattern (NaNs redrawn).
        (0..<n).map { _ in
            var x = Double(bitPattern: rng.next())
            while x.isNaN { x = Double(bitPattern: rng.next()) }
            return x
        },
    ]
}

/// Where two arrays first differ bit for bit (so that the sign of each zero counts), or nil;
/// a failure names one index instead of printing whole columns.
private func firstDifference(_ a: [Double], _ b: [Double]) -> Int? {
    a.count != b.count ? min(a.count, b.count) : a.indices.first { a[$0].bitPattern != b[$0].bitPattern }
}

@Suite struct DoubleSortTests {
    @Test func sameArrayAsSorted() {
        var rng = SplitMix(state: 20_240_229)
        for n in sizes {
            for (shape, column) in columns(n, &rng).enumerated() {
                let expected = column.sorted()
                #expect(firstDifference(column.sortedAscending(), expected) == nil, "n \(n), shape \(shape)")
                var inPlace = column
                inPlace.sortAscending()
                #expect(firstDifference(inPlace, expected) == nil, "in place, n \(n), shape \(shape)")
            }
        }
    }

    @Test func zerosKeepTheirInputOrder() {
        var rng = SplitMix(state: 7)
        for n in [10, DoubleSort.smallCount + 10, 10_000] {
            let column = (0..<n).map { _ in [-0.0, 0.0, -1.0, 1.0].randomElement(using: &rng)! }
            let sorted = column.sortedAscending()
            let zeroSigns = { (values: [Double]) in values.filter { $0 == 0 }.map(\.sign) }
            #expect(zeroSigns(sorted) == zeroSigns(column), "n \(n)")
            #expect(sorted.first == -1 && sorted.last == 1)
        }
    }

    @Test func columnOfOneKey() {
        // Every pass skipped: the column comes back as it was, zeros in input order.
        let zeros = (0..<5_000).map { $0 % 3 == 0 ? -0.0 : 0.0 }
        #expect(firstDifference(zeros.sortedAscending(), zeros) == nil)
        let constant = [Double](repeating: 42.5, count: 5_000)
        #expect(constant.sortedAscending() == constant)
    }

    @Test func keyOrderIsThatOfLessThan() {
        for (a, b) in zip(edgeValues, edgeValues.dropFirst()) where a < b {
            #expect(DoubleSort.key(a) < DoubleSort.key(b), "\(a) < \(b)")
        }
        #expect(DoubleSort.key(-0.0) == DoubleSort.key(0.0))
    }
}
