import Testing
@testable import LoanBook

/// New loans' terms, classes and sectors come from `NewBusiness.Mix.pick`; it must pick what
/// a plain scan of the cumulative shares picks for every uniform, or every run's output would change.
@Suite struct NewBusinessMixTests {
    static let philox = Philox4x32(seed: 77)

    /// The scan `pick` replaces: the first value whose cumulative share exceeds the scaled
    /// uniform, else the last value (0 for an empty mix).
    static func scan(_ cumulative: [(Double, Int)], _ u: Double) -> Int {
        let scaled = u * (cumulative.last?.0 ?? 1)
        for (bound, value) in cumulative where scaled < bound { return value }
        return cumulative.last?.1 ?? 0
    }

    /// Cumulative shares in value order, as `NewBusiness` sums them.
    static func cumulative(_ shares: [(Int, Double)]) -> [(Double, Int)] {
        var total = 0.0
        return shares.map { value, share in
            total += share
            return (total, value)
        }
    }

    static let mixes: [[(Int, Double)]] = [
        [],
        [(3, 1)],
        [(0, 0.3), (1, 0.3), (2, 0.4)],
        [(0, 0.10), (1, 0.20), (2, 0.35), (3, 0.25), (4, 0.10)],
        // A zero share (never drawn), a value index skipped, and more than four values.
        [(0, 0.25), (1, 0.20), (2, 0.20), (3, 0.25), (4, 0.0), (6, 0.10)],
        [(0, 0.0), (1, 0.5), (2, 0.0), (3, 0.5), (4, 0.0)],
        // Shares that do not sum to one, and all-zero shares.
        [(0, 0.2), (1, 0.2), (2, 0.2)],
        [(0, 0.0), (1, 0.0)],
        // Eleven terms: three groups of four.
        (0..<11).map { ($0, 1.0 / 11) },
        // A negative share makes the sums fall; the scan still stops at the first sum above.
        [(0, 0.4), (1, -0.2), (2, 0.5), (3, 0.3)],
    ]

    /// Uniforms as the engine draws them, the extremes, and each bound over the total with its
    /// neighbours: where the scaled uniform meets a bound, a count could slip by one.
    static func uniforms(for cumulative: [(Double, Int)]) -> [Double] {
        let random = (0..<20_000).map { i in Uniform.open(philox.block(UInt32(i), 3, 0, 0).0) }
        let total = cumulative.last?.0 ?? 1
        let ties = cumulative.flatMap { bound, _ -> [Double] in
            let u = bound / total
            return [u.nextDown.nextDown, u.nextDown, u, u.nextUp, u.nextUp.nextUp]
        }
        return random + ties + [Double.leastNonzeroMagnitude, 0.5, 1.0.nextDown, 1, .infinity, .nan]
    }

    @Test(arguments: 0..<mixes.count)
    func pickIsThePlainScan(mix index: Int) {
        let cumulative = Self.cumulative(Self.mixes[index])
        let mix = NewBusiness.Mix(cumulative: cumulative)
        let firstWrong = Self.uniforms(for: cumulative).lazy.filter { u in
            mix.pick(u) != Self.scan(cumulative, u)
        }.prefix(3)
        #expect(Array(firstWrong).isEmpty, "mix \(Self.mixes[index])")
    }
}

/// A new loan's balance is its amount rounded to the cent, half away from zero as `rounded()` does.
@Suite struct NewBusinessCentsTests {
    static func euros() -> [Double] {
        let philox = Philox4x32(seed: 78)
        let amounts = (0..<20_000).map { i in
            let w = philox.block(UInt32(i), 4, 0, 0)
            return Distributions.lognormal(median: 9_000, sigma: 1.5, uniform: Uniform.open53(w.0, w.1))
        }
        // Halves of a cent and their neighbours, where rounding could go either way (adding one
        // half rounds 0.5.nextDown cents up to 1); amounts of a fraction of a cent; amounts from
        // 2^52 cents up, where adding one half rounds to even.
        let halfCents: [Double] = [0.5, 1.5, 2.5, 1234.5, 0x1p51 + 0.5]
        let halves = halfCents.flatMap { (cents: Double) -> [Double] in
            let near = [cents.nextDown, cents, cents.nextUp].map { $0 / 100 }
            return near + near.map(\.nextDown) + near.map(\.nextUp)
        }
        let extremeCents: [Double] = [0, 1e-300, 0.4, 0x1p52, 0x1p52 + 1, 0x1p53 - 1, 1e17]
        let extremes = extremeCents.map { $0 / 100 }
        return amounts + halves + extremes
    }

    @Test func centsAreTheRoundedAmount() {
        let firstWrong = Self.euros().lazy.filter { euros in
            NewBusiness.cents(euros: euros) != Int64((euros * 100).rounded())
        }.prefix(3)
        #expect(Array(firstWrong).isEmpty)
    }
}
