import Foundation
import Testing
@testable import LoanBook

/// The new-business counts come from `PoissonTable`; they must be `Distributions.poisson`'s
/// counts exactly, or every run's output would change.
@Suite struct PoissonTableTests {
    static let philox = Philox4x32(seed: 2024)

    /// Uniforms as the engine draws them, and the extremes of the open interval.
    static let uniforms: [Double] = (0..<10_000).map { i in
        let w = philox.block(UInt32(i), 9, 0, 0)
        return Uniform.open53(w.0, w.1)
    } + [Double.leastNonzeroMagnitude, 1e-300, 0.5, 1.0.nextDown]

    @Test(arguments: [0, -1, 1e-300, 1e-12, 1e-3, 0.7, 7.35, 17.7, 50, 73.5, 599.99, 600, 700, 2000])
    func tableCountsAreThePoissonCounts(mean: Double) {
        let table = PoissonTable(mean: mean)
        // The table's own sums and their neighbours too: the ties are where a search could slip.
        let ties = (table.cumulative ?? []).flatMap { [$0.nextDown, $0, $0.nextUp] }.filter { $0 > 0 && $0 < 1 }
        let firstWrong = (Self.uniforms + ties).lazy.filter { u in
            table.count(uniform: u) != Distributions.poisson(mean: mean, uniform: u)
        }.prefix(3)
        #expect(Array(firstWrong).isEmpty, "mean \(mean)")
    }

    @Test func tablesSumTermsBelowMean600Only() {
        #expect(PoissonTable(mean: 0).cumulative == nil)
        #expect(PoissonTable(mean: 50).cumulative != nil)
        #expect(PoissonTable(mean: 700).cumulative == nil)
    }
}
