import Foundation
import Testing

/// `validate` calls a file good only if `run` (or `batch`) would start on it.
@Suite struct ValidateCommandTests {
    @Test func engineLimitsAreCheckedAsRunChecksThem() throws {
        let scenario = Fixture.scenario.replacingOccurrences(of: "applications: 100", with: "applications: 50000")
            .replacingOccurrences(of: "approval_share: 0.2", with: "approval_share: 1")
        let workspace = try CLIWorkspace(scenario: scenario)
        defer { workspace.remove() }
        let expected = "scenario.yaml: new_business[0].applications: got '50000 loans expected in 2014', "
            + "expected at most 2000 expected loans a product-year (product 'starters'"
        let validate = try workspace.run(["validate", "scenario.yaml"])
        #expect(validate.status == 2 && validate.stderr.contains(expected), "\(validate)")
        let run = try workspace.runScenario()
        #expect(run.status == 2 && run.stderr.contains(expected), "\(run)")
        workspace.earlierOutputsIntact()
    }

    @Test func aBudgetScenarioMustShareTheHorizon() throws {
        let workspace = try CLIWorkspace()
        defer { workspace.remove() }
        let stress = Fixture.scenario.replacingOccurrences(of: "name: test\n", with: "name: stress\nhorizon_years: 5\n")
            .replacingOccurrences(of: "amount: 200000", with: "amount: 200000\n  budgeted_net_cost: scenario.yaml")
        try stress.write(toFile: workspace.directory + "/stress.yaml", atomically: true, encoding: .utf8)
        let result = try workspace.run(["validate", "stress.yaml"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("stress.yaml: provision.budgeted_net_cost: got 'scenario.yaml', expected a budget "
            + "scenario with the same as_of_year (2014) and horizon_years (5); it has 2014 and 10"), "\(result)")
    }

    @Test func aBatchIsGoodOnlyIfEveryScenarioIsAndNamesAreItsOwn() throws {
        let workspace = try CLIWorkspace()
        defer { workspace.remove() }
        let dir = workspace.directory
        try Fixture.scenario.write(toFile: dir + "/twin.yaml", atomically: true, encoding: .utf8)
        try Fixture.scenario.replacingOccurrences(of: "name: test\n", with: "name: broken\n")
            .replacingOccurrences(of: "amount: 200000", with: "amount: -1")
            .write(toFile: dir + "/broken.yaml", atomically: true, encoding: .utf8)
        // night.yaml lists itself: a batch is no scenario (and validating it must not recurse).
        try "name: night\nscenarios: [scenario.yaml, twin.yaml, broken.yaml, absent.yaml, night.yaml]\n"
            .write(toFile: dir + "/night.yaml", atomically: true, encoding: .utf8)
        let result = try workspace.run(["validate", "night.yaml"])
        #expect(result.status == 2, "\(result)")
        for fragment in ["twin.yaml: name: got 'test', expected a name of its own in the batch",
                         "broken.yaml:", "provision.amount: got '-1'", "absent.yaml: expected an existing file",
                         "night.yaml: scenarios: got 'night.yaml', expected a scenario file, not a batch"] {
            #expect(result.stderr.contains(fragment), "missing '\(fragment)' in \(result)")
        }
        #expect(!result.stdout.contains("ok: night.yaml"))
        try "name: night\nscenarios: [scenario.yaml]\n".write(toFile: dir + "/good.yaml", atomically: true, encoding: .utf8)
        let good = try workspace.run(["validate", "good.yaml"])
        #expect(good.status == 0 && good.stdout.contains("ok: good.yaml"), "\(good)")
    }
}
