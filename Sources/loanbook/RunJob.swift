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
    /// With `--target-se`: run in blocks until the figure is precise enough; `totalPaths` is
    /// then the maximum.
    let target: PrecisionTarget?

    init(inputs: ScenarioInputs, options: RunOptions, targetSE: Double? = nil, targetFigure: String? = nil) throws {
        var scenario = inputs.scenario
        if let paths = options.paths { scenario.paths = paths }
        if let seed = options.seed { scenario.seed = seed }
        self.inputs = inputs
        totalPaths = scenario.paths
        shard = options.shard
        paths = options.shard?.paths(of: scenario.paths) ?? 0..<scenario.paths
        threads = options.threads
        quiet = options.quiet
        if let targetSE {
            switch TargetFigure.parse(targetFigure ?? "exceedance", firstYear: inputs.book.asOfYear,
                                      years: scenario.horizonYears) {
            case .success(let figure): target = PrecisionTarget(figure: figure, standardError: targetSE)
            case .failure(let problem):
                throw InputProblems([InputProblem(file: "command line", field: "--target-figure",
                                                  value: problem.name, expected: problem.expected)])
            }
        } else {
            target = nil
        }
        do {
            simulation = try Simulation(scenario: scenario, book: inputs.book)
        } catch {
            throw InputProblems([InputProblem(file: inputs.path, expected: "\(error)")])
        }
        try MemoryGuard.check(paths: paths.count, years: scenario.horizonYears, sectors: scenario.economy.sectors.count,
                              file: inputs.path)
    }

    struct Outcome {
        var run: RunResult
        var files: [(name: String, contents: Data)]
        var paths: Int
        var seconds: Double
        /// With `--target-se`: the figure's standard error and whether the target was met.
        var targetNote: String?
        var rateDescription: String {
            let rate = Double(run.positionMonths) / max(seconds, 1e-9)
            return String(format: "%.2fs, ", seconds) + "\(run.positionMonths) position-months, " + String(format: "%.3g position-months/s", rate)
        }
    }

    func execute(label: String) -> Outcome {
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
            let recorded = Self.commandLine(CommandLine.arguments, paths: used)
            return Outcome(run: targeted.result, files: files(for: targeted.result, paths: used, commandLine: recorded),
                           paths: used, seconds: seconds, targetNote: note)
        }
        let run = simulation.run(paths: paths, threads: threads) { progress.update($0) }
        let seconds = Date().timeIntervalSince(start)
        return Outcome(run: run, files: files(for: run), paths: paths.count, seconds: seconds)
    }

    var manifest: Manifest { manifest(paths: totalPaths, commandLine: CommandLine.arguments) }

    func manifest(paths: Int, commandLine: [String]) -> Manifest {
        Manifest(engineVersion: engineVersion, commandLine: Manifest.recordedCommandLine(commandLine),
                 seed: simulation.scenario.seed, paths: paths, shards: shard?.count ?? 1, shard: shard?.index,
                 inputs: inputs.manifestInputs)
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

    func files(for run: RunResult) -> [(name: String, contents: Data)] {
        files(for: run, paths: totalPaths, commandLine: CommandLine.arguments)
    }

    func files(for run: RunResult, paths: Int, commandLine: [String]) -> [(name: String, contents: Data)] {
        let contributions = ContributionsReport(run: run)
        let manifest = manifest(paths: paths, commandLine: commandLine)
        var files = RunOutputs.files(title: simulation.scenario.name, results: run.results,
                                     provisionAmount: simulation.scenario.provision.amount, manifest: manifest,
                                     extraSummary: [("contributions", contributions.json)])
        files.append((ContributionsReport.fileName, Data(contributions.csv.utf8)))
        return files
    }
}

/// Refuses a run whose per-path results would not fit in memory, before it starts.
enum MemoryGuard {
    static func estimatedBytes(paths: Int, years: Int, sectors: Int) -> Int {
        paths * ((years + 1) * Metric.count + 1 + Kind.allCases.count + sectors) * MemoryLayout<Double>.size
    }

    static func check(paths: Int, years: Int, sectors: Int, file: String) throws {
        let bytes = estimatedBytes(paths: paths, years: years, sectors: sectors)
        // Statistics sort a copy of one column at a time; half the machine leaves room for it.
        let limit = Int(ProcessInfo.processInfo.physicalMemory / 2)
        if bytes > limit {
            throw InputProblems([InputProblem(
                file: file, field: "paths", value: "\(paths)",
                expected: "a run that fits in memory: \(paths) paths need about \(bytes >> 20) MiB of results, "
                    + "over half of this machine's \(ProcessInfo.processInfo.physicalMemory >> 20) MiB; "
                    + "use fewer paths or --shard K/N and merge")])
        }
    }
}
