import Testing
import LoanBook

/// A path's result depends only on (seed, path): the same on any number of threads, and a
/// slice of the paths equals the same slice of a full run (the basis of `--shard`).
@Suite struct ReproducibilityTests {
    static let simulation = Result {
        try Simulation(scenario: Fixtures.scenario(paths: 600, years: 6), book: Fixtures.book(positions: 150))
    }

    @Test func identicalOnOneTwoAndFourThreads() throws {
        let simulation = try Self.simulation.get()
        let one = simulation.run(paths: 0..<600, threads: 1)
        for threads in [2, 4] {
            let other = simulation.run(paths: 0..<600, threads: threads)
            #expect(other.results.values == one.results.values, "\(threads) threads")
            #expect(other.results.collectedShare == one.results.collectedShare)
            #expect(other.costByKind == one.costByKind && other.costBySector == one.costBySector)
            #expect(other.positionMonths == one.positionMonths)
        }
    }

    @Test func aSliceEqualsTheSameSliceOfTheWholeRun() throws {
        let simulation = try Self.simulation.get()
        let whole = simulation.run(paths: 0..<600, threads: 2, settleBudget: false)
        // A slice that starts and ends inside factor chunks of 256 paths.
        let slice = simulation.run(paths: 200..<450, threads: 2, settleBudget: false)
        let row = (whole.results.years + 1) * Metric.count
        #expect(Array(whole.results.values[(200 * row)..<(450 * row)]) == slice.results.values)
        #expect(Array(whole.results.collectedShare[200..<450]) == slice.results.collectedShare)
    }

    @Test func anotherSeedGivesOtherPaths() throws {
        let a = try Simulation(scenario: Fixtures.scenario(years: 3, seed: 1), book: Fixtures.book(positions: 50))
        let b = try Simulation(scenario: Fixtures.scenario(years: 3, seed: 2), book: Fixtures.book(positions: 50))
        #expect(a.run(paths: 0..<20, threads: 1).results.values != b.run(paths: 0..<20, threads: 1).results.values)
    }
}

@Suite struct NewBusinessLimitTests {
    @Test func unknownNamesInAProductAreRefused() {
        var scenario = Fixtures.scenario(years: 2)
        scenario.newBusiness[0].sectorMix = ["nowhere": 1]
        #expect(throws: Simulation.Failure.unknownName(product: "starters", what: "sector", name: "nowhere")) {
            try Simulation(scenario: scenario, book: Fixtures.book(positions: 10))
        }
    }

    @Test func countsThatWouldBeCutAreRefused() {
        var scenario = Fixtures.scenario(years: 2)
        scenario.newBusiness[0].applications = 1_000_000
        #expect(throws: Simulation.Failure.self) { try Simulation(scenario: scenario, book: Fixtures.book(positions: 10)) }
    }
}
