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
    let locale: ReportLocale

    init(inputs: ScenarioInputs, options: RunOptions) throws {
        var scenario = inputs.scenario
        if let paths = options.paths { scenario.paths = paths }
        if let seed = options.seed { scenario.seed = seed }
        self.inputs = inputs
        totalPaths = scenario.paths
        shard = options.shard
        paths = options.shard?.paths(of: scenario.paths) ?? 0..<scenario.paths
        threads = options.threads
        quiet = options.quiet
        locale = options.locale
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
        var rateDescription: String {
            let rate = Double(run.positionMonths) / max(seconds, 1e-9)
            return String(format: "%.2fs, %.3g position-months/s", seconds, rate)
        }
    }

    func execute(label: String) -> Outcome {
        let progress = Progress(label: label, total: paths.count, quiet: quiet)
        let start = Date()
        let run = simulation.run(paths: paths, threads: threads) { progress.update($0) }
        let seconds = Date().timeIntervalSince(start)
        return Outcome(run: run, files: files(for: run), paths: paths.count, seconds: seconds)
    }

    var manifest: Manifest {
        Manifest(engineVersion: engineVersion, commandLine: Manifest.recordedCommandLine(CommandLine.arguments),
                 seed: simulation.scenario.seed, paths: totalPaths, shards: shard?.count ?? 1, shard: shard?.index,
                 inputs: inputs.manifestInputs)
    }

    func files(for run: RunResult) -> [(name: String, contents: Data)] {
        let contributions = ContributionsReport(run: run)
        var files = RunOutputs.files(title: simulation.scenario.name, results: run.results,
                                     provisionAmount: simulation.scenario.provision.amount, manifest: manifest,
                                     extraSummary: [("contributions", contributions.json)],
                                     contributions: contributions, locale: locale)
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
