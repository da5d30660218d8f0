import ArgumentParser
import Foundation
import LoanBook
import LoanBookIO

/// `loanbook merge SHARD_DIR... --out DIR`: the outputs of `run --shard K/N` put back together
/// into exactly the bytes one unsharded run would have written (docs/scale-out.md).
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the outputs of 'run --shard K/N' into what one run would have written.",
        discussion: """
            Reads each SHARD_DIR's manifest.json and paths.bin. The shards must come from the same \
            inputs (SHA-256), seed, paths, command line and shard count and from this loanbook's \
            engine, and together hold every shard exactly once; DIR must not be or hold a shard. \
            Otherwise nothing is written and the exit status is 2, naming the field and the \
            directories that differ. The scenario files the manifests name \
            are read again (from the current directory, as in the manifests) and must still have the \
            recorded hashes. Writes projection.csv, summary.json, contributions.csv, manifest.json \
            and report.html, byte for byte those of the unsharded run.
            """)

    @Argument(help: "The output directories of the shards, in any order.")
    var shardDirectories: [String]

    @Option(help: "Output directory for the merged outputs.")
    var out: String

    @Flag(help: "Also write the merged paths.bin (for merging merges).")
    var keepPaths = false

    @Flag(help: "No summary line on standard error.")
    var quiet = false

    func validate() throws { try RunOptions.validate(out: out) }

    func run() throws {
        Interruption.shared.install()
        try CommandFailure.report {
            let shards = try shardDirectories.map { directory in
                (directory: directory, manifest: try Manifest.read(path: directory + "/" + RunOutputs.manifest))
            }
            let plan = try ShardSet.check(shards)
            try plan.checkOutside(out)
            try OutputDirectory(path: out).checkReplaceable()
            let inputs = try plan.loadInputs()
            let job = try RunJob(inputs: inputs, paths: plan.manifest.paths, seed: plan.manifest.seed, shard: nil,
                                 threads: 1, quiet: true, keepPaths: keepPaths,
                                 locale: ReportLocale.recorded(in: plan.manifest.commandLine), merging: true,
                                 commandLine: plan.manifest.commandLine)
            guard job.manifestInputs == plan.manifest.inputs else {
                throw InputProblem(file: inputs.path, field: "provision.budgeted_net_cost",
                                   expected: "the budget scenario files the shards ran on (same SHA-256); they changed since")
            }
            let simulation = job.simulation
            var merged = RunResult(firstYear: simulation.firstYear, years: simulation.years,
                                   paths: plan.manifest.paths, sectors: simulation.sectors)
            for (directory, manifest) in plan.ordered {
                let file = directory + "/" + PathsFile.fileName
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw InputProblem(file: file, expected: "the shard's paths.bin (written by 'run --shard')")
                }
                let (header, part) = try PathsFile.decode(data, file: file, sectors: simulation.sectors)
                let expected = Shard(index: manifest.shard ?? 1, count: manifest.shards).paths(of: manifest.paths)
                guard header.firstPath == expected.lowerBound, header.pathCount == expected.count,
                      header.firstYear == simulation.firstYear, header.years == simulation.years else {
                    throw InputProblem(file: file, field: "paths",
                                       value: "\(header.firstPath)..<\(header.firstPath + header.pathCount)",
                                       expected: "paths \(expected) of shard \(manifest.shard ?? 1)/\(manifest.shards), "
                                           + "years \(simulation.firstYear)+\(simulation.years)")
                }
                merged.place(part, at: header.firstPath)
            }
            // With the run's own mean as budget, the cost above budget depends on every path.
            job.settleBudget(&merged)
            var files = job.files(for: merged, manifest: plan.manifest)
            if keepPaths { files.append((PathsFile.fileName, PathsFile.encode(merged, firstPath: 0))) }
            try OutputDirectory(path: out).writeInterruptibly(files)
            if !quiet {
                Progress.write("merged \(plan.ordered.count) shard(s), \(merged.results.paths) paths -> \(out)\n")
            }
        }
    }
}

extension Shard {
    init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }
}

/// A set of shard manifests checked to belong to one run and to cover it exactly once.
struct ShardSet {
    /// The manifest the merged output carries: the shards' own, as one unsharded run's.
    var manifest: Manifest
    /// Directories and manifests in shard order.
    var ordered: [(directory: String, manifest: Manifest)]

    /// - Throws: `InputProblems` naming each differing field and the directories involved.
    static func check(_ shards: [(directory: String, manifest: Manifest)]) throws -> ShardSet {
        guard let first = shards.first else {
            throw InputProblem(file: "merge", expected: "at least one shard directory")
        }
        var problems: [InputProblem] = []
        func compare<T: Equatable>(_ field: String, _ value: (Manifest) -> T, _ show: (T) -> String) {
            for other in shards.dropFirst() where value(other.manifest) != value(first.manifest) {
                problems.append(InputProblem(
                    file: other.directory + "/" + RunOutputs.manifest, field: field, value: show(value(other.manifest)),
                    expected: "the same \(field) as \(first.directory) (\(show(value(first.manifest)))): "
                        + "shards of different runs cannot be merged"))
            }
        }
        compare("engine_version", \.engineVersion) { $0 }
        // This engine must be the shards': it makes the merged files and labels them with its version.
        if first.manifest.engineVersion != engineVersion {
            problems.append(InputProblem(
                file: first.directory + "/" + RunOutputs.manifest, field: "engine_version", value: first.manifest.engineVersion,
                expected: "this loanbook's engine (\(engineVersion)); merge with the loanbook that ran the shards"))
        }
        compare("seed", \.seed) { "\($0)" }
        compare("paths", \.paths) { "\($0)" }
        compare("shards", \.shards) { "\($0)" }
        compare("inputs", \.inputs) { inputs in
            inputs.map { "\($0.role) \($0.path) \($0.sha256.prefix(12))" }.joined(separator: ", ")
        }
        compare("command_line", \.commandLine) { $0.joined(separator: " ") }
        if !problems.isEmpty { throw InputProblems(problems) }

        let count = first.manifest.shards
        var byIndex: [Int: String] = [:]
        for shard in shards {
            let index = shard.manifest.shard ?? 1
            if let number = shard.manifest.shard, !(1...max(count, 1)).contains(number) {
                problems.append(InputProblem(file: shard.directory + "/" + RunOutputs.manifest, field: "shard",
                                             value: "\(number)/\(count)", expected: "a shard number 1...\(count)"))
            } else if shard.manifest.shard == nil && count != 1 {
                problems.append(InputProblem(file: shard.directory + "/" + RunOutputs.manifest, field: "shard",
                                             expected: "a shard number 1...\(count)"))
            } else if let previous = byIndex[index] {
                problems.append(InputProblem(file: shard.directory + "/" + RunOutputs.manifest, field: "shard",
                                             value: "\(index)/\(count)",
                                             expected: "each shard once: \(previous) already holds shard \(index)/\(count)"))
            } else {
                byIndex[index] = shard.directory
            }
        }
        let missing = (1...max(count, 1)).filter { byIndex[$0] == nil }
        if !missing.isEmpty {
            problems.append(InputProblem(
                file: "merge", field: "shards",
                value: shards.map(\.directory).joined(separator: " "),
                expected: "all \(count) shards; missing shard(s) \(missing.map { "\($0)/\(count)" }.joined(separator: ", "))"))
        }
        if !problems.isEmpty { throw InputProblems(problems) }

        var merged = first.manifest
        merged.shards = 1
        merged.shard = nil
        let ordered = shards.sorted { ($0.manifest.shard ?? 1) < ($1.manifest.shard ?? 1) }
        return ShardSet(manifest: merged, ordered: ordered)
    }

    /// Refuses an output folder that is a shard's or holds one: it is replaced whole, and the
    /// shards' paths.bin are the only copy of the per-path figures. Folders are compared by
    /// device and inode, from each shard's folder up to the root, so no spelling of the path
    /// (links, `..` after a link, letter case) gets past it.
    func checkOutside(_ out: String) throws {
        func identity(_ path: String) -> (dev_t, ino_t)? {
            var info = stat()
            return stat(path, &info) == 0 ? (info.st_dev, info.st_ino) : nil
        }
        guard let target = identity(out) else { return }  // a new folder is no shard's
        for (directory, _) in ordered {
            guard let real = realpath(directory, nil) else { continue }
            var folder = String(cString: real)
            free(real)
            while true {
                if let here = identity(folder), here == target {
                    throw InputProblem(file: out, field: "--out", value: out,
                                       expected: "a folder apart from the shards (\(directory) would be replaced with it)")
                }
                let parent = FilePaths.directory(of: folder)
                if parent.isEmpty || parent == folder { break }
                folder = parent
            }
        }
    }

    /// The scenario the shards ran, read again, refused if any input changed since.
    func loadInputs() throws -> ScenarioInputs {
        guard let scenario = manifest.inputs.first(where: { $0.role == "scenario" }) else {
            throw InputProblem(file: ordered[0].directory + "/" + RunOutputs.manifest, field: "inputs",
                               expected: "a scenario input")
        }
        let inputs = try ScenarioInputs.load(path: scenario.path)
        // A budget scenario's files are hashed by the job that runs it (checked in `run`).
        let recorded = manifest.inputs.filter { !$0.role.hasPrefix("budget") }
        if inputs.manifestInputs != recorded {
            let changed = zip(inputs.manifestInputs, recorded).filter { $0 != $1 }.map(\.0.path)
            throw InputProblem(file: scenario.path, field: "inputs",
                               value: changed.isEmpty ? "a different set of files" : changed.joined(separator: ", "),
                               expected: "the input files the shards ran on (same SHA-256); they changed since")
        }
        return inputs
    }
}
