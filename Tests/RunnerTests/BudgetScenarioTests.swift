import Foundation
import Testing

/// `budgeted_net_cost: base.yaml`: a stress scenario measured against the base budget.
@Suite(.serialized) struct BudgetScenarioTests {
    static func summary(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }

    static func exceedance(_ summary: [String: Any], _ year: String) -> Double {
        let provision = summary["provision"] as! [String: Any]
        let byYear = provision["exceedance_probability"] as! [String: Any]
        return (byYear[year] as! [String: Any])["p"] as! Double
    }

    @Test func crisisAgainstTheBaseBudgetExceedsTheProvisionFarMoreOften() throws {
        let dir = try Runner.temporaryDirectory("budget")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let common = ["--paths", "400", "--quiet"]
        let base = try Runner.run(["run", "scenarios/base.yaml", "--out", dir + "/base"] + common)
        let crisis = try Runner.run(["run", "scenarios/crisis.yaml", "--out", dir + "/crisis"] + common)
        #expect(base.status == 0 && crisis.status == 0, "\(base.stderr) \(crisis.stderr)")
        let p = Self.exceedance(try Self.summary(dir + "/base/summary.json"), "2015")
        let q = Self.exceedance(try Self.summary(dir + "/crisis/summary.json"), "2015")
        // Binomial se at 400 paths; the crisis must lie well above base, by more than 4 se of the difference.
        let se = (p * (1 - p) / 400 + q * (1 - q) / 400).squareRoot()
        #expect(q - p > 4 * se, "crisis \(q) vs base \(p)")
        // The budget scenario's files are inputs of the run, hashed in its manifest.
        let manifest = try String(contentsOfFile: dir + "/crisis/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"budget scenario\""))
    }

    @Test func validateRefusesAMissingBudgetScenario() throws {
        let dir = try Runner.temporaryDirectory("budget-missing")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let scenario = dir + "/stress.yaml"
        try "base: \(Runner.root)/scenarios/base.yaml\nbook: \(Runner.root)/scenarios/books/nijmegen-2014.csv\nprovision:\n  budgeted_net_cost: nosuch.yaml\n"
            .write(toFile: scenario, atomically: true, encoding: .utf8)
        let result = try Runner.run(["validate", scenario])
        #expect(result.status == 2)
        #expect(result.stderr.contains("provision.budgeted_net_cost") && result.stderr.contains("nosuch.yaml"))
    }

    /// The output folder is checked before the job is made, and with it the budget scenario's
    /// simulation (which takes as long as the run): here the memory guard would refuse the job,
    /// so the --out refusal must come first.
    @Test func aForeignOutputFolderIsRefusedBeforeTheBudgetScenarioRuns() throws {
        let dir = try Runner.temporaryDirectory("budget-out")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "mine".write(toFile: dir + "/notes.txt", atomically: true, encoding: .utf8)
        let result = try Runner.run(["run", "scenarios/crisis.yaml", "--paths", "100000000", "--out", dir, "--quiet"])
        #expect(result.status == 2 && result.stderr.contains("--out:") && !result.stderr.contains("fits in memory"),
                "\(result.stderr)")
        #expect(try String(contentsOfFile: dir + "/notes.txt", encoding: .utf8) == "mine")
    }
}
