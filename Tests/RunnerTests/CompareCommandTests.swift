import Foundation
import LoanBookIO
import Testing

/// `loanbook compare` through the binary: both runs, the difference, its report and a manifest
/// naming both scenarios' inputs, written as one directory.
@Suite(.serialized) struct CompareCommandTests {
    @Test func writesBothRunsTheDifferenceAndAManifest() throws {
        let dir = try Runner.temporaryDirectory("compare")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try Runner.run(["compare", "scenarios/current.yaml", "scenarios/variant-2-ez.yaml",
                                     "--paths", "300", "--tornado-paths", "0", "--quiet", "--out", dir + "/cmp"])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir + "/cmp").sorted()
        #expect(names == ["comparison.json", "current", "difference.csv", "manifest.json", "report.html", "variant-2-ez"])
        for run in ["current", "variant-2-ez"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/cmp/\(run)/projection.csv"))
        }
        let manifest = try String(contentsOfFile: dir + "/cmp/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"a scenario\"") && manifest.contains("\"b scenario\""))
        #expect(manifest.contains("scenarios/variant-2-ez.yaml"))

        // B is measured against A's budget: the cost above budget moves exactly against the net result.
        let json = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: dir + "/cmp/comparison.json"))) as? [String: Any])
        let metrics = try #require(json["metrics"] as? [String: [String: [String: Any]]])
        let cost = try #require(metrics["cost_above_budget"]?["all"]?["mean_difference"] as? Double)
        let net = try #require(metrics["municipal_net_result"]?["all"]?["mean_difference"] as? Double)
        #expect(abs(cost + net) <= 1e-6 * abs(net) && abs(net) > 1000, "\(cost) vs \(net)")
        // The paired risicomelding agrees with each run's own summary.json.
        let provision = try #require(json["provision"] as? [String: Any])
        #expect(provision["budget_of_b"] as? String == "a")
        let byYear = try #require(provision["exceedance_probability"] as? [String: [String: Any]])
        func summaryP(_ run: String, _ year: String) throws -> Double? {
            let summary = try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: dir + "/cmp/\(run)/summary.json"))) as? [String: Any]
            let exceedance = (summary?["provision"] as? [String: Any])?["exceedance_probability"] as? [String: [String: Any]]
            return exceedance?[year]?["p"] as? Double
        }
        for year in ["2014", "2019"] {
            let entry = try #require(byYear[year])
            let pA = try #require(entry["p_a"] as? Double), pB = try #require(entry["p_b"] as? Double)
            let ownA = try summaryP("current", year), ownB = try summaryP("variant-2-ez", year)
            #expect(pA == ownA && pB == ownB, "\(year)")
            #expect(abs((entry["mean_difference"] as? Double ?? .nan) - (pB - pA)) < 1e-12)
        }
        // B's outputs depend on A's scenario: its manifest names A's files as the budget's.
        let manifestB = try Manifest.read(path: dir + "/cmp/variant-2-ez/manifest.json")
        #expect(manifestB.inputs.contains { $0.role == "budget scenario" && $0.path == "scenarios/current.yaml" })
    }

    /// A scenario B with a budget of its own keeps it (crisis: the base scenario's budget).
    @Test func aScenarioWithItsOwnBudgetKeepsIt() throws {
        let dir = try Runner.temporaryDirectory("compare-own")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try Runner.run(["compare", "scenarios/base.yaml", "scenarios/crisis.yaml", "--paths", "200",
                                     "--tornado-paths", "0", "--quiet", "--out", dir + "/cmp"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/cmp/comparison.json")))
            as? [String: Any]
        #expect((json?["provision"] as? [String: Any])?["budget_of_b"] as? String == "own")
        let run = try Runner.run(["run", "scenarios/crisis.yaml", "--paths", "200", "--quiet", "--out", dir + "/crisis"])
        #expect(run.status == 0)
        #expect(Runner.bytes(dir + "/cmp/crisis/projection.csv") == Runner.bytes(dir + "/crisis/projection.csv"))

        // The other way round, B takes A's budget, which is base's: B's manifest names base's files.
        let reverse = try Runner.run(["compare", "scenarios/crisis.yaml", "scenarios/current.yaml", "--paths", "200",
                                      "--tornado-paths", "0", "--quiet", "--out", dir + "/rev"])
        #expect(reverse.status == 0, "\(reverse.stderr)")
        let roles = try Manifest.read(path: dir + "/rev/current/manifest.json").inputs.map { "\($0.role) \($0.path)" }
        #expect(roles.filter { $0.hasPrefix("budget scenario") } == ["budget scenario scenarios/base.yaml"], "\(roles)")
        #expect(Set(roles).count == roles.count, "\(roles)")
    }
}
