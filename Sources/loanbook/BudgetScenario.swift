import Foundation
import LoanBook
import LoanBookIO

/// The budget of a stress scenario taken from another scenario (`budgeted_net_cost: base.yaml`):
/// the adviser's question is how a crisis compares with the budget made for the base case.
enum BudgetScenario {
    /// The budget scenario's mean net cost per year and over the horizon, on the same seed and
    /// number of paths (all of them, so every shard of a run gets the same budget).
    static func expectedNetCost(of path: String, for scenario: Scenario, file: String, threads: Int) throws
        -> (netCost: [Double], inputs: [Manifest.Input])
    {
        let budget = try ScenarioCheck.budgetInputs(path, for: scenario, file: file, checkingEngine: false)
        var budgetScenario = budget.scenario
        budgetScenario.paths = scenario.paths
        budgetScenario.seed = scenario.seed
        budgetScenario.provision = Provision()
        let simulation = try ScenarioCheck.simulation(budgetScenario, book: budget.book, file: path)
        // Every path of the budget scenario is held at once, whatever slice the run itself is.
        try MemoryGuard.check(simulation: simulation, paths: scenario.paths, threads: threads, file: file,
                              field: "provision.budgeted_net_cost")
        let run = simulation.run(paths: 0..<scenario.paths, threads: threads, settleBudget: false)
        let netCost = Settler.budgetedNetCost(run.results, provision: Provision())
        let inputs = budget.manifestInputs.map { Manifest.Input(role: "budget " + $0.role, path: $0.path, sha256: $0.sha256) }
        return (netCost, inputs)
    }
}
