import Foundation
import LoanBook
import LoanBookIO

/// Refuses, before it starts, a run that would not fit in memory.
///
/// The estimate counts what a run holds at its peak:
/// - results: per path every metric for every year and the horizon, the collected share, the
///   cost by kind and by sector (`RunResult`);
/// - statistics: while the outputs are made, per path the horizon total, one column per kind
///   and per sector and the index sort of `ContributionsReport` (or, per statistics thread,
///   the projection's column, its sorted copy and the radix sort's scratch: three columns);
/// - workers: one `Simulation.Workspace` per worker thread and the shared position table.
///
/// The limit is half of the memory this process may use: the machine's, or the cgroup's
/// limit (a container, a Kubernetes pod, a Slurm job) if that is lower. The other half is
/// left to the system, the allocator's slack and whatever else runs on the machine.
enum MemoryGuard {
    struct Estimate {
        var results: Int
        var statistics: Int
        var workers: Int
        var workerCount: Int
        /// Bytes per path of results and statistics, for "use at most N paths".
        var perPath: Int
        var total: Int { results + statistics + workers }
    }

    static func estimate(simulation: Simulation, paths: Int, threads: Int) -> Estimate {
        let kinds = Kind.allCases.count, sectors = simulation.sectors.count
        let double = MemoryLayout<Double>.size
        let resultsPerPath = ((simulation.years + 1) * Metric.count + 1 + kinds + sectors) * double
        // ContributionsReport's columns, or the projection's column, sorted copy and sort scratch per thread.
        let statisticsColumns = max(1 + kinds + sectors, 3 * max(1, threads))
        let statisticsPerPath = statisticsColumns * double + 2 * MemoryLayout<Int>.size
        let blocks = (paths + Simulation.blockPaths - 1) / Simulation.blockPaths + 1
        let workerCount = max(1, min(threads, blocks))
        return Estimate(results: paths * resultsPerPath, statistics: paths * statisticsPerPath,
                        workers: workerCount * simulation.workspaceBytes + simulation.positionTableBytes,
                        workerCount: workerCount, perPath: resultsPerPath + statisticsPerPath)
    }

    /// Memory this process may use: physical memory, or a lower cgroup (v2 or v1) limit.
    static var availableBytes: Int {
        var bytes = Int(clamping: ProcessInfo.processInfo.physicalMemory)
        for file in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
            if let text = try? String(contentsOfFile: file, encoding: .utf8),
               let limit = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)), limit > 0 {
                bytes = min(bytes, limit)
            }
        }
        return bytes
    }

    /// A run refused for its size: the run failed (CLI.md: exit status 1, the out of memory
    /// guard), though the message reads like an input problem, naming the file and field to change.
    struct Refusal: Error, CustomStringConvertible {
        let problem: InputProblem
        var description: String { problem.description }
    }

    /// - Throws: `Refusal` (exit status 1) naming the estimate, the limit and what to change;
    ///   a merge, whose paths are fixed by its shards, can only move to a bigger machine.
    static func check(simulation: Simulation, paths: Int, threads: Int, file: String, field: String,
                      merging: Bool = false, available: Int = availableBytes) throws {
        let estimate = estimate(simulation: simulation, paths: paths, threads: threads)
        let limit = available / 2
        guard estimate.total > limit else { return }
        let fitting = max(0, (limit - estimate.workers) / estimate.perPath)
        let shards = fitting > 0 ? (paths + fitting - 1) / fitting : 0
        let advice = merging
            ? "merge on a machine (or in a container) with at least \(mebibytes(2 * estimate.total)) MiB"
            : fitting > 0
            ? "use at most \(fitting) paths per process: --paths \(fitting), or --shard K/\(shards) and loanbook merge"
            : "use fewer threads (--threads) or a machine with more memory"
        throw Refusal(problem: InputProblem(
            file: file, field: field, value: "\(paths)",
            expected: "a run that fits in memory: \(paths) paths over \(simulation.years) years need about "
                + "\(mebibytes(estimate.total)) MiB (results \(mebibytes(estimate.results)) MiB, statistics "
                + "\(mebibytes(estimate.statistics)) MiB, \(estimate.workerCount) worker workspaces "
                + "\(mebibytes(estimate.workers)) MiB), over half of the \(mebibytes(available)) MiB this process "
                + "may use; \(advice)"))
    }

    private static func mebibytes(_ bytes: Int) -> Int { (bytes + (1 << 20) - 1) >> 20 }
}
