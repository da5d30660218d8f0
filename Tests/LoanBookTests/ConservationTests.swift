import Testing
import LoanBook

/// Money is conserved on every path, to the cent (MODEL.md section 4):
/// opening + lent = principal + prepaid + recovered + written off + remitted + closing.
@Suite struct ConservationTests {
    static func check(book: Book, scenario: Scenario, paths: Range<Int>) throws {
        let simulation = try Simulation(scenario: scenario, book: book)
        var opening = [Int64](repeating: 0, count: FlowBucket.count)
        for p in book.positions {
            opening[FlowBucket.of(kind: p.kind, segment: p.segment, vintage: p.vintage).rawValue] += p.balanceCents
        }
        let workspace = simulation.makeWorkspace()
        let last = scenario.horizonYears - 1
        for path in paths {
            _ = simulation.simulate(path: path, in: workspace)
            let ledger = workspace.ledger
            for bucket in FlowBucket.allCases {
                var inflow = opening[bucket.rawValue], outflow: Int64 = 0
                for year in 0..<scenario.horizonYears {
                    inflow += ledger[year, bucket, .lent]
                    outflow += ledger[year, bucket, .principal] + ledger[year, bucket, .prepaid]
                        + ledger[year, bucket, .recovered] + ledger[year, bucket, .writtenOff]
                        + ledger[year, bucket, .remitted]
                    #expect(ledger[year, bucket, .closing] >= 0)
                }
                #expect(inflow == outflow + ledger[last, bucket, .closing], "path \(path), bucket \(bucket)")
            }
        }
    }

    @Test func conservedOnEveryPathOfARandomBook() throws {
        try Self.check(book: Fixtures.book(), scenario: Fixtures.scenario(), paths: 0..<40)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func conservedOnOtherBooksAndSeeds(seed: UInt64) throws {
        try Self.check(book: Fixtures.book(positions: 120, seed: seed),
                       scenario: Fixtures.scenario(years: 12, seed: seed), paths: 0..<15)
    }
}
