import Foundation
import Testing
@testable import LoanBook

/// Recovery fractions are Beta draws from Gamma draws; the squeeze that spares the gamma
/// sampler its logs must accept exactly the trials the log test accepts, or every run's
/// recoveries would change.
@Suite struct GammaSqueezeTests {
    /// Marsaglia and Tsang's log test alone: what `gammaAccepts` must decide.
    static func logTestAccepts(x: Double, v: Double, uniform u: Double, d: Double) -> Bool {
        log(u) < 0.5 * x * x + d - d * v + d * log(v)
    }

    static let ds = [1.0, 1.22, 1.5, 4.89, 50, 1e4].map { $0 - 1.0 / 3.0 }
    /// The normals of a trial: near 0, where the squeeze touches the acceptance region, and across it.
    static let xs = [1e-6, 1e-5, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2].flatMap { [$0, -$0] }
        + stride(from: -2.34, through: 2.34, by: 0.01).map { $0 }

    /// (x, v, u) for every d with u at and just below the squeeze bound: where a rounding could
    /// make the squeeze and the log test disagree.
    static func trials(d: Double) -> [(x: Double, v: Double, u: Double)] {
        let c = 1 / (9 * d).squareRoot()
        return xs.flatMap { x -> [(x: Double, v: Double, u: Double)] in
            let t = 1 + c * x
            guard t > 0 else { return [] }
            let x2 = x * x
            var u = 1 - 0.0331 * x2 * x2
            guard u > 0 else { return [] }
            var trials: [(x: Double, v: Double, u: Double)] = []
            for _ in 0..<64 {
                trials.append((x, t * t * t, u))
                u = u.nextDown
            }
            return trials
        }
    }

    @Test func squeezeAcceptsOnlyWhatTheLogTestAccepts() {
        for d in Self.ds {
            let firstWrong = Self.trials(d: d).lazy.filter { x, v, u in
                Distributions.gammaAccepts(x: x, v: v, uniform: u, d: d) != Self.logTestAccepts(x: x, v: v, uniform: u, d: d)
            }.prefix(3)
            #expect(Array(firstWrong).isEmpty, "d \(d)")
        }
    }

    /// Why the squeeze has a ceiling: without it, it accepts trials near x = 0, u = 1 that the
    /// log test's rounding rejects.
    @Test func squeezeWithoutCeilingWouldDisagree() {
        let disagreements = Self.ds.flatMap { d in
            Self.trials(d: d).filter { x, v, u in
                !Self.logTestAccepts(x: x, v: v, uniform: u, d: d)
            }
        }
        #expect(!disagreements.isEmpty)
    }

    /// `Distributions.gamma` before the squeeze.
    static func gammaByLogTest(shape: Double, stream: inout CounterStream) -> Double {
        if shape < 1 {
            let g = gammaByLogTest(shape: shape + 1, stream: &stream)
            return g * pow(stream.uniform(), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = Distributions.normalQuantile(stream.uniform())
            let t = 1 + c * x
            if t <= 0 { continue }
            let v = t * t * t
            if logTestAccepts(x: x, v: v, uniform: stream.uniform(), d: d) { return d * v }
        }
    }

    @Test(arguments: [0.45, 0.92, 1.0, 1.22, 4.89, 30])
    func gammaDrawsAreTheLogTestDraws(shape: Double) {
        let philox = Philox4x32(seed: 31)
        let firstWrong = (0..<20_000).lazy.filter { (i: Int) -> Bool in
            var stream = CounterStream(philox: philox, path: UInt32(i), entity: 2, stream: .recovery, step: 0)
            var reference = stream
            return Distributions.gamma(shape: shape, stream: &stream).bitPattern
                != Self.gammaByLogTest(shape: shape, stream: &reference).bitPattern
        }.prefix(3)
        #expect(Array(firstWrong).isEmpty, "shape \(shape)")
    }
}
