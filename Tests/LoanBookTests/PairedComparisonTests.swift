import Testing
@testable import LoanBook

private func near(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

@Suite struct PairedDifferenceTests {
    /// a = 1 2 3 4, b = 2 2 5 3: D = 1 0 2 -1, mean 0.5, var(D) = 5/3, var(A) = 5/3, var(B) = 2.
    @Test func handComputed() {
        let d = PairedDifference(a: [1, 2, 3, 4], b: [2, 2, 5, 3])
        #expect(near(d.meanDifference, 0.5))
        #expect(near(d.sdDifference, (5.0 / 3).squareRoot()))
        #expect(near(d.se, (5.0 / 3 / 4).squareRoot()))
        #expect(near(d.seIndependent, ((5.0 / 3 + 2) / 4).squareRoot()))
        #expect(near(d.varianceReduction, (5.0 / 3 + 2) / (5.0 / 3)))
        #expect(near(d.lower95, 0.5 - PairedDifference.z95 * d.se))
        #expect(d.bGreater.exceedances == 2 && d.equal.exceedances == 1)
    }

    @Test func identicalSamplesGiveZeroAndInfiniteReduction() {
        let x: [Double] = [3, -1, 7, 7, 2]
        let d = PairedDifference(a: x, b: x)
        #expect(d.meanDifference == 0 && d.se == 0 && d.bGreater.p == 0 && d.equal.p == 1)
        #expect(d.varianceReduction == .infinity)
    }
}

@Suite struct CommonRandomNumbersTests {
    /// The same scenario twice: every figure of every path is the same, so B - A is exactly 0.
    @Test func selfComparisonIsExactlyZero() throws {
        let simulation = try Simulation(scenario: Fixtures.scenario(paths: 300), book: Fixtures.book())
        let a = simulation.run(paths: 0..<300, threads: 2)
        let b = simulation.run(paths: 0..<300, threads: 1)
        let comparison = PairedComparison(a: a.results, b: b.results)
        #expect(comparison.difference.values.allSatisfy { $0 == 0 })
        #expect(comparison.statistics.allSatisfy { $0.meanDifference == 0 && $0.se == 0 })
    }

    /// A variant that lends more pairs far better than an independent run would.
    @Test func pairingReducesVariance() throws {
        let scenario = Fixtures.scenario(paths: 800)
        var moved = scenario
        moved.variant.newLoanPDMultiplier = [.starter: 1.3]
        let a = try Simulation(scenario: scenario, book: Fixtures.book()).run(paths: 0..<800, threads: 2)
        let b = try Simulation(scenario: moved, book: Fixtures.book()).run(paths: 0..<800, threads: 2)
        let d = PairedComparison(a: a.results, b: b.results)[5, .municipalNetResult]
        #expect(d.meanDifference < 0)
        #expect(d.varianceReduction > 4)
    }

    @Test func pairingRefusesDifferentHorizonsAndWarnsOnEconomy() {
        let a = Fixtures.scenario()
        var b = a
        b.horizonYears = 6
        #expect(Pairing.check(a: a, bookA: Fixtures.book(), b: b, bookB: Fixtures.book()).refusals.count == 1)
        var c = a
        c.economy.persistence = 0.8
        let report = Pairing.check(a: a, bookA: Fixtures.book(), b: c, bookB: Fixtures.book())
        #expect(report.refusals.isEmpty && report.warnings.count == 1)
        #expect(!Pairing.check(a: a, bookA: Fixtures.book(), b: a, bookB: Fixtures.book(positions: 10)).refusals.isEmpty)
        var d = a
        d.economy.sectors = ["retail", "construction", "horeca"]
        #expect(!Pairing.check(a: a, bookA: Fixtures.book(), b: d, bookB: Fixtures.book()).refusals.isEmpty)
    }
}

@Suite struct VariantTornadoTests {
    @Test func orderedBySizeAndZeroChangeGivesZero() throws {
        let scenario = Fixtures.scenario(paths: 400)
        var target = Variant(name: "b")
        target.applicationsMultiplier = [.starter: 2]
        target.newLoanPDMultiplier = [.established: 1.5]
        target.extraApplications = [.starter: 0]          // stated, but no change
        target.recoveryMeanShift = -0.1
        let simulation = try Simulation(scenario: scenario, book: Fixtures.book())
        let entries = try VariantTornado.run(base: simulation, target: target, paths: 0..<400, threads: 2)
        #expect(entries.map(\.assumption.name).sorted() == [
            "applications_multiplier.starter", "extra_applications.starter", "new_loan_pd_multiplier.established",
            "pd_multiplier", "recovery_mean_shift",
        ])
        let sizes = entries.map { abs($0.difference.meanDifference) }
        #expect(sizes == sizes.sorted(by: >))
        for entry in entries where entry.assumption.from == entry.assumption.to {
            #expect(entry.difference.meanDifference == 0 && entry.difference.se == 0)
        }
        #expect(entries.first { $0.assumption.name == "recovery_mean_shift" }!.difference.meanDifference < 0)

        // A zero change really simulated (not short-cut) is also exactly A.
        var same = scenario
        same.variant = VariantAssumption(key: .extraApplications(.starter), from: 0, to: 0).applied(to: same.variant)
        let rerun = try Simulation(scenario: same, book: Fixtures.book()).run(paths: 0..<400, threads: 2)
        let base = simulation.run(paths: 0..<400, threads: 2)
        #expect(rerun.results.values == base.results.values)
    }
}
