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
    /// With `--target-se`: run in blocks until the figure is precise enough; `totalPaths` is
    /// then the maximum.
    let target: PrecisionTarget?

    init(inputs: ScenarioInputs, options: RunOptions, shard: Shard? = nil, targetSE: Double? = nil,
         targetFigure: String? = nil) throws {
        var target: PrecisionTarget?
        if let targetSE {
            switch TargetFigure.parse(targetFigure ?? "exceedance", firstYear: inputs.book.asOfYear,
                                      years: inputs.scenario.horizonYears) {
            case .success(let figure): target = PrecisionTarget(figure: figure, standardError: targetSE)
            case .failure(let problem):
                throw InputProblems([InputProblem(file: "command line", field: "--target-figure",
                                                  value: problem.name, expected: problem.expected)])
            }
        }
        try self.init(inputs: inputs, paths: options.paths, seed: options.seed, shard: shard,
                      threads: options.threads, quiet: options.quiet, keepPaths: options.keepPaths,
                      locale: options.locale, target: target)
    }

    /// - Parameters:
    ///   - paths, seed: override the scenario's own when given.
    ///   - commandLine: what the manifest records; by default this process's command line.
    ///   - merging: the job puts shards together (its memory guard then advises a bigger machine).
    init(inputs: ScenarioInputs, paths pathCount: Int?, seed: UInt64?, shard: Shard?, threads: Int, quiet: Bool,
         keepPaths: Bool = false, locale: ReportLocale = .nl, target: PrecisionTarget? = nil, merging: Bool = false,
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
        self.target = target
        if target != nil && scenario.provision.budgetScenario != nil {
            throw InputProblems([InputProblem(
                file: inputs.path, field: "provision.budgeted_net_cost", value: scenario.provision.budgetScenario,
                expected: "a budget of the run's own (expected) or a table with --target-se; "
                    + "a budget scenario's mean depends on the number of paths, so give --paths instead")])
        }
        simulation = try ScenarioCheck.simulation(scenario, book: inputs.book, file: inputs.path)
        try MemoryGuard.check(simulation: simulation, paths: paths.count, threads: threads, file: inputs.path,
                              field: pathCount == nil || merging ? "paths" : "--paths", merging: merging)
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
        /// What the files were made from: for a comparison page or the batch's history.
        var figures: RunFigures
        var contributions: ContributionsReport
        var paths: Int
        var seconds: Double
        /// With `--target-se`: the figure's standard error and whether the target was met.
        var targetNote: String?
        var rateDescription: String {
            let rate = Double(run.positionMonths) / max(seconds, 1e-9)
            return String(format: "%.2fs, ", seconds) + "\(run.positionMonths) position-months, " + String(format: "%.3g position-months/s", rate)
        }
    }

    /// The run's budget as `cost_above_budget` took it, for another run to be measured against,
    /// with the files it comes from as `budget ...` roles: this scenario's, or its budget
    /// scenario's when it has one.
    func budget(of run: RunResult) -> Budget {
        if let budgetedNetCost {
            return Budget(netCost: budgetedNetCost, inputs: manifestInputs.filter { $0.role.hasPrefix("budget ") })
        }
        return Budget(netCost: Settler.budgetedNetCost(run.results, provision: simulation.scenario.provision),
                      inputs: manifestInputs.map { Manifest.Input(role: "budget " + $0.role, path: $0.path, sha256: $0.sha256) })
    }

    /// Whether the scenario sets its budget (a table or a budget scenario) rather than taking
    /// its own mean.
    var hasOwnBudget: Bool {
        simulation.scenario.provision.budgetedNetCost != nil || simulation.scenario.provision.budgetScenario != nil
    }

    /// A budget from elsewhere: the budgeted net cost per year and for the horizon, and the
    /// inputs it comes from (for the manifest, as `budget ...` roles).
    struct Budget {
        var netCost: [Double]
        var inputs: [Manifest.Input]
    }

    /// - Parameter budget: what to measure `cost_above_budget` against instead of the
    ///   scenario's own budget (a comparison measures B against A's).
    func execute(label: String, budget: Budget? = nil) -> Outcome {
        let progress = Progress(label: label, total: paths.count, quiet: quiet)
        let start = Date()
        if let target {
            let targeted = simulation.run(target: target, maximumPaths: totalPaths, threads: threads) {
                progress.update($0)
            }
            let seconds = Date().timeIntervalSince(start)
            let used = targeted.paths
            let se = String(format: "%.3g", targeted.standardError)
            let note = targeted.reached
                ? "target reached: se(\(target.figure)) = \(se) < \(target.standardError) after \(used) paths"
                : "target not reached: se(\(target.figure)) = \(se) at the maximum of \(used) paths (raise --paths)"
            // The outputs are those of `run --paths <used>`, and the manifest records that command:
            // rerunning it reproduces every byte.
            let recorded = Manifest.recordedCommandLine(Self.commandLine(CommandLine.arguments, paths: used))
            return outcome(of: targeted.result, manifest: manifest(paths: used, commandLine: recorded),
                           keepingPaths: keepPaths, paths: used, seconds: seconds, targetNote: note)
        }
        var run = simulation.run(paths: paths, threads: threads, settleBudget: false) { progress.update($0) }
        var manifest = self.manifest
        if let budget {
            Settler.fillCostAboveBudget(&run.results, budgetedNetCost: budget.netCost)
            manifest.inputs += budget.inputs
        } else {
            settleBudget(&run)
        }
        let seconds = Date().timeIntervalSince(start)
        return outcome(of: run, manifest: manifest, keepingPaths: keepPaths, paths: paths.count, seconds: seconds)
    }

    /// The run's figures, computed once, and the files made from them (with paths.bin if
    /// `keepingPaths`).
    private func outcome(of run: RunResult, manifest: Manifest, keepingPaths: Bool, paths: Int, seconds: Double,
                         targetNote: String? = nil) -> Outcome {
        let contributions = ContributionsReport(run: run)
        let figures = figures(for: run, contributions: contributions)
        var files = files(figures: figures, contributions: contributions, manifest: manifest)
        if keepingPaths {
            files.append((PathsFile.fileName, PathsFile.encode(run, firstPath: self.paths.lowerBound)))
        }
        return Outcome(run: run, files: files, figures: figures, contributions: contributions, paths: paths,
                       seconds: seconds, targetNote: targetNote)
    }

    var manifest: Manifest { manifest(paths: totalPaths, commandLine: commandLine) }

    func manifest(paths: Int, commandLine: [String]) -> Manifest {
        Manifest(engineVersion: engineVersion, commandLine: commandLine,
                 seed: simulation.scenario.seed, paths: paths, shards: shard?.count ?? 1, shard: shard?.index,
                 inputs: manifestInputs)
    }

    /// `arguments` with `--target-se`, `--target-figure` and `--paths` (each as `--opt v` or
    /// `--opt=v`) replaced by `--paths used` at the end: the plain run with the same outputs.
    static func commandLine(_ arguments: [String], paths used: Int) -> [String] {
        let replaced: Set<String> = ["--target-se", "--target-figure", "--paths"]
        var out: [String] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if replaced.contains(argument) {
                i += 2
                continue
            }
            if let name = argument.split(separator: "=", maxSplits: 1).first, replaced.contains(String(name)) {
                i += 1
                continue
            }
            out.append(argument)
            i += 1
        }
        return out + ["--paths", "\(used)"]
    }

    /// The outputs of `run` as one run would write them, with `manifest` (merge passes the
    /// merged one); without `paths.bin`.
    func files(for run: RunResult, manifest: Manifest) -> [(name: String, contents: Data)] {
        let contributions = ContributionsReport(run: run)
        return files(figures: figures(for: run, contributions: contributions), contributions: contributions,
                     manifest: manifest)
    }

    private func files(figures: RunFigures, contributions: ContributionsReport,
                       manifest: Manifest) -> [(name: String, contents: Data)] {
        var files = RunOutputs.files(title: simulation.scenario.name, figures: figures, manifest: manifest,
                                     extraSummary: [("contributions", contributions.json)], locale: locale)
        files.append((ContributionsReport.fileName, Data(contributions.csv.utf8)))
        return files
    }

    /// The run's figures as its report draws them, its statistics on `threads` workers.
    private func figures(for run: RunResult, contributions: ContributionsReport) -> RunFigures {
        RunFigures(results: run.results, provisionAmount: simulation.scenario.provision.amount,
                   contributions: contributions,
                   projection: ProjectionStatistics(results: run.results, threads: threads))
    }
}
