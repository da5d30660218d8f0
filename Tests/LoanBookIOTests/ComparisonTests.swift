import Foundation
import Testing
import LoanBook
@testable import LoanBookIO

/// The shipped scenarios, paired on the shipped book.
private func shippedRuns(_ nameA: String, _ nameB: String, paths: Int)
    throws -> (a: Simulation, b: Simulation, ra: RunResult, rb: RunResult)
{
    let dir = repositoryRoot() + "/scenarios"
    var a = try ScenarioInputs.load(path: "\(dir)/\(nameA).yaml")
    var b = try ScenarioInputs.load(path: "\(dir)/\(nameB).yaml")
    a.scenario.paths = paths
    b.scenario.paths = paths
    #expect(Pairing.check(a: a.scenario, bookA: a.book, b: b.scenario, bookB: b.book).refusals.isEmpty)
    let sa = try Simulation(scenario: a.scenario, book: a.book)
    let sb = try Simulation(scenario: b.scenario, book: b.book)
    let threads = ProcessInfo.processInfo.activeProcessorCount
    return (sa, sb, sa.run(paths: 0..<paths, threads: threads), sb.run(paths: 0..<paths, threads: threads))
}

@Suite(.serialized) struct ComparisonTests {
    /// The acceptance figure of issue 5: pairing current and variant-2-ez on the shipped book
    /// shrinks the se of the horizon net result difference to below 0.8 of independent runs'.
    @Test func pairedSEBelowIndependentOnShippedBook() throws {
        let (_, _, ra, rb) = try shippedRuns("current", "variant-2-ez", paths: 2000)
        let comparison = PairedComparison(a: ra.results, b: rb.results)
        let d = comparison[comparison.years, .municipalNetResult]
        let ratio = d.se / d.seIndependent
        print("current vs variant-2-ez, 2000 paths: horizon net result B - A = \(d.meanDifference) "
            + "(se \(d.se), independent se \(d.seIndependent), se ratio \(ratio), "
            + "variance reduction \(d.varianceReduction), P(B costs less) \(d.bGreater.p))")
        #expect(ratio < 0.8)
        #expect(d.varianceReduction > 1 / (0.8 * 0.8))
    }

    /// Every (year, metric) of comparison.json agrees with the same row of difference.csv.
    @Test func jsonAgreesWithDifferenceCSV() throws {
        let (sa, _, ra, rb) = try shippedRuns("current", "variant-1-regional", paths: 200)
        let comparison = PairedComparison(a: ra.results, b: rb.results)
        let text = ComparisonJSON.render(
            a: .init(name: "current", file: "current.yaml", directory: "current"),
            b: .init(name: "v1", file: "variant-1-regional.yaml", directory: "variant-1-regional"),
            seed: sa.scenario.seed, comparison: comparison,
            meansA: ProjectionStatistics(results: ra.results), meansB: ProjectionStatistics(results: rb.results),
            warnings: [], tornado: nil)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let metrics = try #require(json["metrics"] as? [String: [String: [String: Any]]])
        let csv = ComparisonOutputs.differenceCSV(comparison).split(separator: "\n").dropFirst()
        #expect(csv.count == (comparison.years + 1) * Metric.count)
        for row in csv {
            let f = row.split(separator: ",").map(String.init)
            let entry = try #require(metrics[f[1]]?[f[0]])
            let mean = try #require(entry["mean_difference"] as? Double)
            let se = try #require(entry["se"] as? Double)
            let meanA = try #require(entry["mean_a"] as? Double), meanB = try #require(entry["mean_b"] as? Double)
            #expect(abs(mean - Double(f[2])!) <= 0.005 + 1e-9 * abs(mean))
            #expect(abs(se - Double(f[4])!) <= 0.005 + 1e-9 * se)
            #expect(abs((meanB - meanA) - mean) <= 1e-6 * max(1, abs(meanA), abs(meanB)))
        }
        let headline = try #require(json["headline"] as? [String: Any])
        #expect(headline["mean_difference"] as? Double
            == metrics["municipal_net_result"]?["all"]?["mean_difference"] as? Double)
    }

    @Test func selfComparisonWritesZeroDifference() throws {
        let (sa, _, ra, _) = try shippedRuns("current", "current", paths: 50)
        let rb = sa.run(paths: 0..<50, threads: 1)
        let comparison = PairedComparison(a: ra.results, b: rb.results)
        let csv = ComparisonOutputs.differenceCSV(comparison).split(separator: "\n").dropFirst()
        for row in csv {
            for field in row.split(separator: ",").dropFirst(2) { #expect(Double(field)! == 0) }
        }
        #expect(ComparisonOutputs.directories(stemA: "current", stemB: "current") == ("current-a", "current-b"))
        let files = ComparisonOutputs.files(a: ("x", [("projection.csv", Data())]), b: ("y", [("projection.csv", Data())]),
                                            comparison: comparison, comparisonJSON: "{}\n")
        #expect(files.map(\.name) == ["x/projection.csv", "y/projection.csv", "difference.csv", "comparison.json"])
    }
}
