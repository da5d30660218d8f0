import Testing
@testable import LoanBook

/// The horizon cost by sector, the basis of the sector risk contributions.
@Suite struct SectorAllocationTests {
    /// Per path the sector parts add up to the kinds' total, on a book of every kind and status.
    @Test func sectorPartsAddUpToTheTotalOnEveryPath() throws {
        let simulation = try Simulation(scenario: Fixtures.scenario(), book: Fixtures.book())
        let run = simulation.run(paths: 0..<64, threads: 1)
        let kinds = Kind.allCases.count, sectors = run.sectors.count
        for path in 0..<64 {
            let total = (0..<kinds).reduce(0.0) { $0 + run.costByKind[path * kinds + $1] }
            let bySector = (0..<sectors).reduce(0.0) { $0 + run.costBySector[path * sectors + $1] }
            #expect(abs(total - bySector) <= 1e-9 * max(1, abs(total)), "path \(path): \(total) vs \(bySector)")
        }
    }

    /// Forty equal loans of one kind, half in retail with good debtors, half in horeca with
    /// poor ones; no new business.
    static func run(kind: Kind) throws -> RunResult {
        var scenario = Fixtures.scenario(paths: 100, years: 5, newBusiness: false)
        scenario.riskClasses = [RiskClass(name: "A", annualPD: 0.001), RiskClass(name: "B", annualPD: 0.6)]
        let positions = (0..<40).map { i in
            Position(id: "P\(i)", kind: kind, segment: .established, sector: i % 2 == 0 ? "retail" : "horeca",
                     vintage: 2012, balanceCents: 1_000_000, annualRate: 0.05, remainingMonths: 60,
                     repayment: .annuity, status: .performing, riskClass: i % 2 == 0 ? "A" : "B", deferralUsedMonths: 0)
        }
        let simulation = try Simulation(scenario: scenario, book: Book(asOfYear: 2014, positions: positions))
        return simulation.run(paths: 0..<100, threads: 1)
    }

    /// Two sectors with the same loans, one of poor debtors: that sector costs the municipality
    /// more on every path. (Splitting the kind's result by credit losses did the opposite when
    /// the kind was a gain: the sector that lost most was credited with most of the gain.)
    @Test func theSectorWhoseDebtorsRepayLessCostsMore() throws {
        let run = try Self.run(kind: .other)
        let retail = Fixtures.sectors.firstIndex(of: "retail")!, horeca = Fixtures.sectors.firstIndex(of: "horeca")!
        let sectors = run.sectors.count
        for path in 0..<100 {
            let poor = run.costBySector[path * sectors + horeca], good = run.costBySector[path * sectors + retail]
            // Nothing is lent: each part is minus what came back, and the poor debtors return less.
            #expect(poor > good, "path \(path): horeca \(poor), retail \(good)")
            #expect(good < 0 && run.costBySector[path * sectors + 2] == 0)
        }
    }

    /// The state's share follows each sector's own flows. The same loans as established
    /// entrepreneurs' lo, of which the state takes 75% of the net repayments (TLG = L - B < 0,
    /// no budget, no top-up), cost each sector a quarter of what they cost as `other` (no state
    /// share); as BOB claims (the state's share 100%) they cost no sector anything.
    @Test func theStatesShareFollowsEachSectorsOwnFlows() throws {
        let other = try Self.run(kind: .other), lo = try Self.run(kind: .lo), bob = try Self.run(kind: .bob)
        for i in other.costBySector.indices {
            // Rounding: the state's share is rounded to the cent once a year.
            #expect(abs(lo.costBySector[i] - 0.25 * other.costBySector[i]) <= 0.01 * 5 + 1e-9,
                    "\(i): lo \(lo.costBySector[i]), other \(other.costBySector[i])")
            #expect(abs(bob.costBySector[i]) <= 0.01 * 5 + 1e-9, "\(i): bob \(bob.costBySector[i])")
        }
        #expect(other.costBySector.contains { abs($0) > 10_000 })
    }

    /// What no sector causes goes to the sectors that have something: a sector without a position
    /// (listed first) gets nothing, also where the rules give the budget U to bk and the book holds
    /// no bk (the rest then follows the sectors' whole exposure), under a simulated norm.
    @Test func aSectorWithoutPositionsGetsNothing() throws {
        var scenario = Fixtures.scenario(paths: 50, years: 8, newBusiness: false)
        let sectors = ["mining"] + Fixtures.sectors
        scenario.economy = Economy(sectors: sectors, correlation: sectors.indices.map { i in
            sectors.indices.map { j in i == j ? 1.0 : 0.3 }
        }, assetCorrelation: 0.12)
        scenario.settlement = Settlement(
            regimes: [2020: .reform2020, 2021: .reform2020], defaultRegime: .normbaten,
            macronorm: .simulated(NationalPortfolio(lending: [2000: 1e8], annualPD: 0.4, recoveryMean: 0.2,
                                                    termMonths: 60, annualRate: 0.08, smoothing: 1)),
            budget: [2014: 100_000])
        let book = Book(asOfYear: 2014, positions: Fixtures.book().positions.filter { $0.kind == .other })
        let run = try Simulation(scenario: scenario, book: book).run(paths: 0..<50, threads: 1)
        let kinds = Kind.allCases.count
        for path in 0..<50 {
            #expect(run.costBySector[path * sectors.count] == 0, "path \(path)")
            // The case is there: U went to bk, which has no position.
            #expect(run.costByKind[path * kinds + Kind.bk.index] <= -100_000 * 8)
            let total = (0..<kinds).reduce(0.0) { $0 + run.costByKind[path * kinds + $1] }
            let parts = (0..<sectors.count).reduce(0.0) { $0 + run.costBySector[path * sectors.count + $1] }
            #expect(abs(total - parts) <= 1e-9 * abs(total))
        }
    }
}
