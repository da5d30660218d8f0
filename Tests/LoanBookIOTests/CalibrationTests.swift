import Foundation
import Testing
import LoanBook
import LoanBookIO

/// The shipped base scenario reproduces the report's figures it was calibrated to
/// (docs/model.md, "Calibration"): about 60% of today's book collected, new bk lending
/// of EUR 300-350k a year.
@Suite struct CalibrationTests {
    static let paths = 1_000

    /// One run shared by the tests below.
    static let base = Result { try runBase() }

    static func runBase() throws -> RunResult {
        let inputs = try ScenarioInputs.load(path: repositoryRoot() + "/scenarios/base.yaml")
        let simulation = try Simulation(scenario: inputs.scenario, book: inputs.book)
        return simulation.run(paths: 0..<paths, threads: 2)
    }

    @Test func collectedShareOfTodaysBookIsTheReportsSixtyPercent() throws {
        let run = try Self.base.get()
        let share = SummaryStatistics(sample: run.results.collectedShare, lossIsUpper: false)
        // The report's estimate is "about 60%": the calibration target is 0.60 +/- 0.02, and the
        // Monte Carlo mean must be inside it by more than its own 4 standard errors.
        #expect(abs(share.mean - 0.60) + 4 * share.se <= 0.02, "collected share \(share.mean) +/- \(share.se)")
    }

    @Test func newBusinessLendsAboutWhat2012Lent() throws {
        let run = try Self.base.get()
        for year in 0..<run.results.years {
            let lent = SummaryStatistics(sample: run.results.column(year: year, metric: .lastenBK), lossIsUpper: true)
            #expect(lent.mean - 4 * lent.se >= 300_000 && lent.mean + 4 * lent.se <= 350_000,
                    "bk lent in \(run.results.firstYear + year): \(lent.mean) +/- \(lent.se)")
        }
    }
}
