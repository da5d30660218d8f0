import Testing
import LoanBook

/// `Simulation.run(target:maximumPaths:threads:)`: where it stops depends only on the seed, and
/// what it returns is bit for bit the plain run of the paths it used.
@Suite struct PrecisionTargetTests {
    static let simulation = try! Simulation(scenario: Fixtures.scenario(paths: 600, years: 3),
                                            book: Fixtures.book(positions: 60))
    static let figure = TargetFigure.mean(.interest, yearIndex: 0)

    static func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

    static func expectIdentical(_ a: RunResult, _ b: RunResult) {
        #expect(a.results.paths == b.results.paths)
        #expect(bits(a.results.values) == bits(b.results.values))
        #expect(bits(a.results.collectedShare) == bits(b.results.collectedShare))
        #expect(bits(a.costByKind) == bits(b.costByKind))
        #expect(bits(a.costBySector) == bits(b.costBySector))
        #expect(a.positionMonths == b.positionMonths)
    }

    /// A target between the se at 100 and at 600 paths, so the run stops somewhere inside.
    static func target(block: Int = 50) -> PrecisionTarget {
        let full = simulation.run(paths: 0..<600, threads: 2)
        let seFull = figure.standardError(of: full.results, provision: simulation.scenario.provision)
        return PrecisionTarget(figure: figure, standardError: seFull * 1.6, blockPaths: block, minimumPaths: 100)
    }

    @Test func stopsAtTheFirstBlockEndBelowTheTargetAndEqualsAPlainRun() {
        let target = Self.target()
        let run = Self.simulation.run(target: target, maximumPaths: 600, threads: 2)
        let n = run.paths
        #expect(run.reached)
        #expect(n > target.minimumPaths && n < 600 && n % target.blockPaths == 0)
        let plain = Self.simulation.run(paths: 0..<n, threads: 2)
        Self.expectIdentical(run.result, plain)
        let provision = Self.simulation.scenario.provision
        #expect(Self.figure.standardError(of: plain.results, provision: provision) == run.standardError)
        #expect(run.standardError < target.standardError)
        // One block fewer was not precise enough.
        let before = Self.simulation.run(paths: 0..<(n - target.blockPaths), threads: 2)
        #expect(Self.figure.standardError(of: before.results, provision: provision) >= target.standardError)
    }

    @Test func theStoppingPointDoesNotDependOnThreads() {
        let target = Self.target()
        let one = Self.simulation.run(target: target, maximumPaths: 600, threads: 1)
        let two = Self.simulation.run(target: target, maximumPaths: 600, threads: 2)
        let again = Self.simulation.run(target: target, maximumPaths: 600, threads: 2)
        #expect(one.paths == two.paths && two.paths == again.paths)
        Self.expectIdentical(one.result, two.result)
        Self.expectIdentical(two.result, again.result)
    }

    @Test func neverStopsBeforeTheMinimumEvenWhenTheSEIsZero() {
        // A year-one exceedance far above any cost: p = 0, se = 0 from the first block on.
        var scenario = Self.simulation.scenario
        scenario.provision.amount = 1e12
        let simulation = try! Simulation(scenario: scenario, book: Self.simulation.book)
        let target = PrecisionTarget(standardError: 0.01, blockPaths: 64, minimumPaths: 200)
        let run = simulation.run(target: target, maximumPaths: 600, threads: 2)
        #expect(run.reached && run.standardError == 0)
        #expect(run.paths == 256)  // the first block end at or past 200
    }

    @Test func stopsAtTheMaximumWhenTheTargetIsOutOfReach() {
        let target = PrecisionTarget(figure: Self.figure, standardError: 1e-9, blockPaths: 64, minimumPaths: 100)
        let run = Self.simulation.run(target: target, maximumPaths: 300, threads: 2)
        #expect(!run.reached && run.paths == 300)
        Self.expectIdentical(run.result, Self.simulation.run(paths: 0..<300, threads: 2))
    }

    @Test func figureNames() {
        func parse(_ name: String) -> TargetFigure? {
            try? TargetFigure.parse(name, firstYear: 2014, years: 10).get()
        }
        #expect(parse("exceedance") == .exceedance(yearIndex: 0))
        #expect(parse("exceedance:2016") == .exceedance(yearIndex: 2))
        #expect(parse("exceedance_any_year") == .exceedanceAnyYear)
        #expect(parse("exceedance_horizon") == .exceedanceHorizon)
        #expect(parse("lasten_bk") == .mean(.lastenBK, yearIndex: nil))
        #expect(parse("cost_above_budget:2023") == .mean(.costAboveBudget, yearIndex: 9))
        #expect(parse("exceedance:2024") == nil)
        #expect(parse("exceedance_horizon:2015") == nil)
        #expect(parse("lasten") == nil)
    }

    @Test func exceedanceSEMatchesTheProvisionAnalysis() {
        let run = Self.simulation.run(paths: 0..<300, threads: 2)
        let provision = Self.simulation.scenario.provision
        let analysis = ProvisionAnalysis(results: run.results, amount: provision.amount)
        #expect(TargetFigure.exceedance(yearIndex: 1).standardError(of: run.results, provision: provision)
            == analysis.exceedanceByYear[1].se)
        #expect(TargetFigure.exceedanceAnyYear.standardError(of: run.results, provision: provision)
            == analysis.exceedanceAnyYear.se)
        #expect(TargetFigure.exceedanceHorizon.standardError(of: run.results, provision: provision)
            == analysis.exceedanceHorizon.se)
    }
}
