import Foundation
import LoanBook
import LoanBookIO

/// One scenario's simulation as the runner executes it: the paths of this shard, the
/// simulation, and the files it produces.
struct RunJob {
    let inputs: ScenarioInputs
    let simulation: Simulation
    let totalPaths: Int
    let paths: Range<Int>
    let shard: Shard?
    let threads: Int
    let quiet: Bool
    /// Whether to write `paths.bin` (always for a shard, so that it can be merged).
    let keepPaths: Bool
    /// The command line as recorded in the manifest (`Manifest.recordedCommandLine`).
    let commandLine: [String]
    /// Budgeted net cost per year and for the horizon when the provision names a budget
    /// scenario: that scenario's mean over all paths, whatever slice this job runs.
    let budgetedNetCost: [Double]?
    /// The manifest's inputs: the scenario's, and the budget scenario's if any.
    let manifestInputs: [Manifest.Input]
    /// Language and number format of report.html.
    let locale: ReportLocale

    init(inputs: ScenarioInputs, options: RunOptions) throws {
        try self.init(inputs: inputs, paths: options.paths, seed: options.seed, shard: options.shard,
                      threads: options.threads, quiet: options.quiet, keepPaths: options.keepPaths,
                      locale: options.locale)
    }

    /// - Parameters:
    ///   - paths, seed: override the scenario's own when given.
    ///   - commandLine: what the manifest records; by default this process's command line.
    init(inputs: ScenarioInputs, paths pathCount: Int?, seed: UInt64?, shard: Shard?, threads: Int, quiet: Bool,
         keepPaths: Bool = false, locale: ReportLocale = .nl,
         commandLine: [String] = Manifest.recordedCommandLine(CommandLine.arguments)) throws {
        var scenario = inputs.scenario
        if let pathCount { scenario.paths = pathCount }
        if let seed { scenario.seed = seed }
        self.inputs = inputs
        totalPaths = scenario.paths
        self.shard = shard
        paths = shard?.paths(of: scenario.paths) ?? 0..<scenario.paths
        if let shard, paths.isEmpty {
            throw InputProblems([InputProblem(
                file: inputs.path, field: "--shard", value: "\(shard.index)/\(shard.count)",
                expected: "a shard with paths: \(scenario.paths) paths make at most \(scenario.paths) shards")])
        }
        self.threads = threads
        self.quiet = quiet
        self.keepPaths = keepPaths || shard != nil
        self.commandLine = commandLine
        self.locale = locale
        do {
            simulation = try Simulation(scenario: scenario, book: inputs.book)
        } catch {
            throw InputProblems([InputProblem(file: inputs.path, expected: "\(error)")])
        }
        try MemoryGuard.check(simulation: simulation, paths: paths.count, threads: threads, file: inputs.path,
                              field: pathCount == nil ? "paths" : "--paths")
        if let budgetFile = scenario.provision.budgetScenario {
            let budget = try BudgetScenario.expectedNetCost(
                of: ScenarioYAML.relative(budgetFile, to: inputs.path), for: scenario, file: inputs.path,
                threads: threads)
            budgetedNetCost = budget.netCost
            manifestInputs = inputs.manifestInputs + budget.inputs
        } else {
            budgetedNetCost = nil
            manifestInputs = inputs.manifestInputs
        }
    }

    /// Fills `cost_above_budget` once all paths of the run are in `run`.
    func settleBudget(_ run: inout RunResult) {
        if let budgetedNetCost {
            Settler.fillCostAboveBudget(&run.results, budgetedNetCost: budgetedNetCost)
        } else {
            Settler.fillCostAboveBudget(&run.results, provision: simulation.scenario.provision)
        }
    }

    struct Outcome {
        var run: RunResult
        var files: [(name: String, contents: Data)]
        var paths: Int
        var seconds: Double
        var rateDescription: String {
            let rate = Double(run.positionMonths) / max(seconds, 1e-9)
            return String(format: "%.2fs, %.3g position-months/s", seconds, rate)
        }
    }

    func execute(label: String) -> Outcome {
        let progress = Progress(label: label, total: paths.count, quiet: quiet)
        let start = Date()
        var run = simulation.run(paths: paths, threads: threads, settleBudget: false) { progress.update($0) }
        settleBudget(&run)
        let seconds = Date().timeIntervalSince(start)
        return Outcome(run: run, files: files(for: run), paths: paths.count, seconds: seconds)
    }

    var manifest: Manifest {
        Manifest(engineVersion: engineVersion, commandLine: commandLine,
                 seed: simulation.scenario.seed, paths: totalPaths, shards: shard?.count ?? 1, shard: shard?.index,
                 inputs: manifestInputs)
    }

    func files(for run: RunResult) -> [(name: String, contents: Data)] {
        var outputs = files(for: run, manifest: manifest)
        if keepPaths { outputs.append((PathsFile.fileName, PathsFile.encode(run, firstPath: paths.lowerBound))) }
        return outputs
    }

    /// The outputs of `run` as one run would write them, with `manifest` (merge passes the
    /// merged one); without `paths.bin`.
    func files(for run: RunResult, manifest: Manifest) -> [(name: String, contents: Data)] {
        let contributions = ContributionsReport(run: run)
        var files = RunOutputs.files(title: simulation.scenario.name, results: run.results,
                                     provisionAmount: simulation.scenario.provision.amount, manifest: manifest,
                                     extraSummary: [("contributions", contributions.json)],
                                     contributions: contributions, locale: locale)
        files.append((ContributionsReport.fileName, Data(contributions.csv.utf8)))
        return files
    }

    /// The run's figures as its report draws them (for a comparison page).
    func figures(for run: RunResult) -> RunFigures {
        RunFigures(results: run.results, provisionAmount: simulation.scenario.provision.amount,
                   contributions: ContributionsReport(run: run))
    }
}
