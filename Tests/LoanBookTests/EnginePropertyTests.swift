import LoanBook
import PropertyBased
import Testing

/// The engine's invariants on random small books and scenarios: money conserved to the cent
/// per path and bucket, no negative balance, every figure finite, probabilities in [0, 1].
/// Small on purpose (a debug build): a handful of positions, a few years, a few paths.
@Suite struct EnginePropertyTests {
    /// A random scenario around the fixture: behaviour rates, asset correlation, horizon and
    /// new business drawn from `seed`, every value inside its documented range.
    static func scenario(seed: UInt64, years: Int) -> Scenario {
        let g = Philox4x32(seed: seed ^ 0x5eed)
        var draw: UInt32 = 0
        func uniform(_ range: ClosedRange<Double>) -> Double {
            draw += 1
            let u = Double(g.block(draw, 9, 0, 0).0) / Double(UInt32.max)
            return range.lowerBound + u * (range.upperBound - range.lowerBound)
        }
        var scenario = Fixtures.scenario(paths: 8, years: years, rho: uniform(0...0.9), newBusiness: uniform(0...1) < 0.7,
                                         seed: seed)
        func row(_ pd: Double) -> StatusRow {
            // Annual rates up to 0.3 each: the monthly ones of a row stay well below 1 in sum.
            StatusRow(pdMultiplier: pd, prepay: uniform(0...0.3), toDeferred: uniform(0...0.3),
                      toArrears: uniform(0...0.3), cure: uniform(0...0.3), remission: uniform(0...0.3))
        }
        for kind in Kind.allCases {
            let mean = uniform(0.05...0.9)
            let sd = uniform(0...0.95) * (mean * (1 - mean)).squareRoot()
            scenario.behaviour[kind] = KindBehaviour(
                performing: row(uniform(0...3)), deferred: row(uniform(0...10)), arrears: row(uniform(0...30)),
                recoveryMean: mean, recoverySD: sd, recoveryLagMonths: Int(uniform(1...60)),
                remissionFraction: uniform(0...1))
        }
        scenario.economy.persistence = uniform(-1...1)
        scenario.economy.recoverySensitivity = uniform(-1...1)
        scenario.variant.recoveryMeanShift = uniform(-0.3...0.3)
        scenario.provision.amount = uniform(0...400_000)
        return scenario
    }

    @Test func conservationAndNoNegativeBalance() async throws {
        await propertyCheck(count: 25, input: Gen.int(in: 1...40), Gen.int(in: 1...8), Gen.uint64()) {
            positions, years, seed in
            let book = Fixtures.book(positions: positions, seed: seed)
            let scenario = Self.scenario(seed: seed, years: years)
            // ConservationTests.check expects closing >= 0 for every year and bucket, and
            // opening + lent = outflows + closing to the cent.
            try ConservationTests.check(book: book, scenario: scenario, paths: 0..<4)
        }
    }

    @Test func everyFigureFiniteAndProbabilitiesInRange() async throws {
        await propertyCheck(count: 20, input: Gen.int(in: 1...40), Gen.int(in: 1...8), Gen.uint64()) {
            positions, years, seed in
            let book = Fixtures.book(positions: positions, seed: seed)
            let scenario = Self.scenario(seed: seed, years: years)
            let simulation = try Simulation(scenario: scenario, book: book)
            let run = simulation.run(paths: 0..<8, threads: 1)
            let bad = run.results.values.indices.filter { !run.results.values[$0].isFinite }
            #expect(bad.isEmpty, "non-finite values at \(bad.prefix(5))")
            #expect(run.results.collectedShare.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 + 1e-12 })
            #expect(run.costByKind.allSatisfy { $0.isFinite })
            #expect(run.costBySector.allSatisfy { $0.isFinite })

            let provision = ProvisionAnalysis(results: run.results, amount: scenario.provision.amount)
            let probabilities = provision.exceedanceByYear + [provision.exceedanceAnyYear, provision.exceedanceHorizon]
            for e in probabilities {
                #expect(e.p >= 0 && e.p <= 1, "\(e)")
                #expect(e.se.isFinite && e.se >= 0, "\(e)")
            }
            for required in provision.requiredByYear.flatMap({ $0 }) + provision.requiredHorizon {
                #expect(required.amount.isFinite)
            }
        }
    }
}
