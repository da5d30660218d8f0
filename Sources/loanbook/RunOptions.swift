import ArgumentParser
import Foundation
import LoanBookIO

/// The options `run` and `compare` share (CLI.md): they override the scenario's own
/// `paths` and `seed`; `--threads` never changes a result. Each command has its own `--out`
/// (its default differs) and only `run` has `--shard`.
struct RunOptions: ParsableArguments {
    @Option(help: "Number of Monte Carlo paths (overrides the scenario's paths).")
    var paths: Int?

    @Option(help: "Random seed (overrides the scenario's seed).")
    var seed: UInt64?

    @OptionGroup var workers: WorkerThreads
    var threads: Int { workers.count }

    @Option(help: "Language and number format of report.html: nl (Dutch, the default) or en.")
    var locale: ReportLocale = .nl

    @Flag(help: "No progress on standard error.")
    var quiet = false

    @Flag(help: "Also write paths.bin, the per-path figures 'loanbook merge' reads (always written with --shard).")
    var keepPaths = false

    func validate() throws {
        // The scenario's own `paths` has the same range (docs/scenario-format.md).
        if let paths, !(1...100_000_000).contains(paths) {
            throw ValidationError("--paths: got \(paths), expected a number of paths from 1 to 100000000")
        }
    }

    /// DIR is replaced whole by renaming, which the current, parent or root directory cannot be.
    static func validate(out: String?) throws {
        if let out, ["", ".", "..", "/", "./", "../"].contains(out) {
            throw ValidationError("--out: got '\(out)', expected a directory of its own for the outputs, such as out/base")
        }
    }
}

/// `--threads`: the workers of a run; all cores unless given. Never changes a result.
struct WorkerThreads: ParsableArguments {
    static let maximum = 1024

    @Option(name: .customLong("threads"), help: ArgumentHelp(
        "Worker threads (default: all cores). Never changes a result.", valueName: "threads"))
    var requested: Int?

    var count: Int { requested ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        if let requested, !(1...Self.maximum).contains(requested) {
            throw ValidationError(requested < 1 ? "--threads must be at least 1, got \(requested)"
                                                : "--threads: got \(requested), expected at most \(Self.maximum)")
        }
    }
}

/// `--shard K/N`: which slice of the paths this process runs.
struct Shard: ExpressibleByArgument, Sendable {
    var index: Int
    var count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[1]), count >= 1 else { return nil }
        if parts[0] == "auto" {
            // 0 when the environment names no shard of 1...count: `run` says which variable it read.
            let index = Shard.indexFromEnvironment() ?? 0
            self.index = (1...count).contains(index) ? index : 0
        } else {
            guard let index = Int(parts[0]), index >= 1, index <= count else { return nil }
            self.index = index
        }
        self.count = count
    }

    static var defaultValueDescription: String { "K/N" }

    /// `auto/N` without a usable shard number in the environment.
    var isUnresolved: Bool { index == 0 }

    /// What `auto/N` read, for its error message.
    static var environmentDescription: String {
        let environment = ProcessInfo.processInfo.environment
        let set = ["JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN"]
            .compactMap { name in environment[name].map { "\(name)=\($0)" } }
        return set.isEmpty ? "neither is set" : "got " + set.joined(separator: ", ")
    }

    /// 1-based shard index from a Kubernetes indexed Job (0-based `JOB_COMPLETION_INDEX`) or a
    /// Slurm array (`SLURM_ARRAY_TASK_ID`, counted from `SLURM_ARRAY_TASK_MIN`, default 0).
    /// A variable that is set but no number, or a sum that overflows, names no shard (nil).
    static func indexFromEnvironment() -> Int? {
        let environment = ProcessInfo.processInfo.environment
        if let value = environment["JOB_COMPLETION_INDEX"] {
            guard let index = Int(value) else { return nil }
            let (shard, overflow) = index.addingReportingOverflow(1)
            return overflow ? nil : shard
        }
        if let value = environment["SLURM_ARRAY_TASK_ID"] {
            guard let index = Int(value) else { return nil }
            var minimum = 0
            if let text = environment["SLURM_ARRAY_TASK_MIN"] {
                guard let parsed = Int(text) else { return nil }
                minimum = parsed
            }
            let (offset, overflow) = index.subtractingReportingOverflow(minimum)
            guard !overflow else { return nil }
            let (shard, overflow1) = offset.addingReportingOverflow(1)
            return overflow1 ? nil : shard
        }
        return nil
    }

    /// The paths of this shard: the K-th of N slices as equal as integer division allows.
    /// Full-width products, so no index or count overflows.
    func paths(of total: Int) -> Range<Int> {
        func boundary(_ k: Int) -> Int { count.dividingFullWidth(total.multipliedFullWidth(by: k)).quotient }
        return boundary(index - 1)..<boundary(index)
    }
}
