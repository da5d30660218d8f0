import ArgumentParser
import Foundation
import LoanBook
import LoanBookIO
import Synchronization

/// `loanbook batch BATCH.yaml --out DIR [--db FILE]`: the nightly job (docs/batch.md).
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every scenario of a batch into DIR/<as-of date>/<scenario>/ and record the figures in a SQLite history.",
        discussion: """
            Each scenario is written as 'run' would write it (whole or not at all). DIR/<date>/batch.json \
            holds the batch file's hash and each scenario's status; DIR/<date>/batch.log.jsonl gets one JSON \
            object per event. With --db every figure goes into the history; rerunning a night replaces its \
            rows. A failing scenario does not stop the others. Exit status: 0 all scenarios ran, 1 any \
            failed (or the history could not be written), 2 the batch file itself is bad.
            """)

    @Argument(help: "The batch YAML file (name, scenarios, paths).")
    var batchFile: String

    @Option(help: "Root output directory.")
    var out: String

    @Option(help: "SQLite run history to append to (created if missing).")
    var db: String?

    @Option(help: "Number of paths for every scenario (overrides the batch's and the scenarios' own).")
    var paths: Int?

    @OptionGroup var workers: WorkerThreads
    var threads: Int { workers.count }

    @Option(help: "The night being run, YYYY-MM-DD (default: today, UTC).")
    var night: String?

    @Flag(help: "No progress on standard error.")
    var quiet = false

    func validate() throws {
        if let paths, paths < 1 { throw ValidationError("--paths must be at least 1, got \(paths)") }
        if let night, Self.parseNight(night) == nil {
            throw ValidationError("--night: expected a date YYYY-MM-DD, got '\(night)'")
        }
    }

    static func parseNight(_ text: String) -> String? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        guard text.count == 10, let date = formatter.date(from: text), formatter.string(from: date) == text else {
            return nil
        }
        return text
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    func run() throws {
        Interruption.shared.install()
        var anyFailed = false
        try CommandFailure.report {
            let batch = try BatchYAML.load(path: batchFile)
            let batchHash = try Manifest.sha256(ofFileAt: batchFile)
            let night = self.night ?? Self.today()
            // Each scenario is read once, here: its name and as-of year decide its folder, and a file
            // edited while the batch runs must not slip past the checks made on them.
            let reads = batch.scenarios.map { path in Result { try ScenarioYAML.load(path: path) } }
            // The batch's date: the as-of date of its first readable scenario (they normally share one).
            guard let batchYear = reads.compactMap({ try? $0.get().asOfYear }).first else {
                throw InputProblem(file: batchFile, field: "scenarios", expected: "at least one readable scenario")
            }
            let date = Self.asOfDate(batchYear)
            let root = FilePaths.join(out, date)
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            let log = try BatchLog(path: FilePaths.join(root, "batch.log.jsonl"))
            let history = try db.map { try RunHistory(path: $0) }
            let record = RunHistory.BatchRun(batch: batch.name, batchFile: batchFile, batchSHA256: batchHash,
                                             night: night, engineVersion: engineVersion)
            let started = Date()
            let status = BatchStatusFile(path: FilePaths.join(root, "batch.json"), header: [
                ("batch", .string(batch.name)), ("file", .string(batchFile)), ("sha256", .string(batchHash)),
                ("night", .string(night)), ("as_of", .string(date)), ("engine_version", .string(engineVersion)),
                ("db", db.map(JSONValue.string) ?? .null),
            ])
            Interruption.shared.onInterrupt {
                log.event("batch_interrupted", [("batch", .string(batch.name)),
                                                ("scenario", status.running.map(JSONValue.string) ?? .null)], last: true)
                try? status.write(status: "interrupted")
            }
            try Interruption.shared.committing { try status.write(status: "running") }
            log.event("batch_started", [("batch", .string(batch.name)), ("file", .string(batchFile)),
                                        ("sha256", .string(batchHash)), ("night", .string(night)),
                                        ("scenarios", .int(Int64(batch.scenarios.count)))])
            var names: [String: (file: String, name: String)] = [:]
            for (file, read) in zip(batch.scenarios, reads) {
                let entry = Self.entry(file: file, read: read, batchYear: batchYear, names: &names)
                status.started(entry.label)
                let outcome = runScenario(entry, batch: batch, log: log)
                var run = outcome.record
                if let history {
                    do {
                        try Interruption.shared.committing { try history.record(record, run) }
                    } catch {
                        run.error = (run.error.map { $0 + "; " } ?? "") + "\(error)"
                        run.figures = nil
                        log.event("history_failed", [("scenario", .string(run.scenario)), ("error", .string("\(error)"))])
                        Progress.write("error: \(error)\n")
                    }
                }
                if run.error != nil { anyFailed = true }
                var scenarioStatus: [(String, JSONValue)] = [
                    ("scenario", .string(run.scenario)), ("file", .string(file)),
                    ("status", .string(run.error == nil ? "ok" : "failed")), ("out", .string(run.out)),
                    ("paths", .int(Int64(run.paths))), ("seconds", .number(run.seconds)),
                ]
                if let error = run.error { scenarioStatus.append(("error", .string(error))) }
                status.finished(.object(scenarioStatus))
            }
            let failed = status.failed
            try Interruption.shared.committing {
                try status.write(status: failed == 0 ? "ok" : "failed")
                // The night is over: a signal from here on must not relabel it.
                Interruption.shared.onInterrupt(nil)
            }
            let seconds = Date().timeIntervalSince(started)
            log.event("batch_finished", [("batch", .string(batch.name)), ("failed", .int(Int64(failed))),
                                         ("seconds", .number(seconds))])
            if !quiet {
                Progress.write("batch \(batch.name): \(status.count - failed) ok, \(failed) failed, "
                    + String(format: "%.1fs", seconds) + " -> \(root)\n")
            }
        }
        if anyFailed { throw ExitCode(1) }
    }

    static func asOfDate(_ year: Int) -> String { String(format: "%04d-01-01", year) }

    struct ScenarioOutcome {
        var record: RunHistory.ScenarioRun
    }

    /// What the batch writes beside the scenarios' folders, so no scenario may be named so.
    static let reservedNames = ["batch.json", "batch.log.jsonl"]

    /// A scenario of the batch: where it goes and under which label, or why it cannot run.
    struct Entry {
        var file: String
        /// The scenario as read when the batch started.
        var scenario: Scenario?
        /// Why it cannot run: it could not be read, or its name is taken or reserved.
        var refusal: (any Error)?
        /// The as-of year of the batch, for a scenario that could not be read.
        var batchYear: Int

        var asOfYear: Int { scenario?.asOfYear ?? batchYear }
        /// Its name in the log, batch.json and the history: a scenario that cannot run goes by its
        /// absolute path, which no name can be (names hold no '/'), so its failure is recorded
        /// beside the scenario of that name, not dropped.
        var label: String {
            if refusal == nil, let scenario { return scenario.name }
            return URL(fileURLWithPath: file).standardizedFileURL.path
        }
        /// `<as-of date>/<name>`; empty for a scenario that cannot run.
        var relativeOut: String { refusal == nil ? Batch.asOfDate(asOfYear) + "/" + label : "" }
    }

    /// The entry of `file`, its name claimed in `names` (lowercased: a name differing only in
    /// letter case would share a folder where file names ignore case, and names key the history).
    static func entry(file: String, read: Result<Scenario, any Error>, batchYear: Int,
                      names: inout [String: (file: String, name: String)]) -> Entry {
        var entry = Entry(file: file, scenario: try? read.get(), batchYear: batchYear)
        guard let scenario = entry.scenario else {
            if case .failure(let error) = read { entry.refusal = error }
            return entry
        }
        let name = scenario.name, key = name.lowercased()
        func refuse(_ expected: String) {
            entry.refusal = InputProblem(file: file, field: "name", value: name, expected: expected)
        }
        if reservedNames.contains(key) {
            refuse("a name other than \(reservedNames.joined(separator: " and ")), which the batch writes "
                + "beside the scenarios' folders")
        } else if let earlier = names[key] {
            refuse("a name of its own in the batch (letter case aside): \(earlier.file) is named "
                + "'\(earlier.name)'; rename one of them")
        } else {
            names[key] = (file, name)
        }
        return entry
    }

    /// One scenario, start to finish; never throws: a failure is logged and returned.
    private func runScenario(_ entry: Entry, batch: BatchFile, log: BatchLog) -> ScenarioOutcome {
        let file = entry.file, name = entry.label, relativeOut = entry.relativeOut
        let directory = FilePaths.join(out, relativeOut)
        let start = Date()
        var record = RunHistory.ScenarioRun(scenario: name, scenarioFile: file, scenarioSHA256: "",
                                            asOf: Self.asOfDate(entry.asOfYear),
                                            paths: paths ?? batch.paths ?? 0, seed: 0, seconds: 0, out: relativeOut,
                                            figures: nil, error: nil)
        do {
            record.scenarioSHA256 = (try? Manifest.sha256(ofFileAt: file)) ?? ""
            if let refusal = entry.refusal { throw refusal }
            let inputs = try ScenarioInputs.load(path: file)
            if inputs.scenario.name != entry.scenario?.name || inputs.scenario.asOfYear != entry.scenario?.asOfYear {
                throw InputProblem(file: file, expected: "the scenario as it was when the batch started (its name or "
                    + "as-of year changed while the batch ran)")
            }
            let pathCount = paths ?? batch.paths
            // The manifest records the `run` that reproduces these outputs.
            var commandLine = ["loanbook", "run", file]
            if let pathCount { commandLine += ["--paths", String(pathCount)] }
            let job = try RunJob(inputs: inputs, paths: pathCount, seed: nil, shard: nil, threads: threads,
                                 quiet: quiet, commandLine: commandLine)
            record.paths = job.totalPaths
            record.seed = job.simulation.scenario.seed
            log.event("scenario_started", [("scenario", .string(name)), ("file", .string(file)),
                                           ("paths", .int(Int64(job.totalPaths))), ("out", .string(relativeOut))])
            let outcome = job.execute(label: name)
            try OutputDirectory(path: directory).writeInterruptibly(outcome.files)
            record.seconds = Date().timeIntervalSince(start)
            record.figures = RunHistory.Figures(outcome.figures, contributions: outcome.contributions)
            log.event("scenario_finished", [("scenario", .string(name)), ("paths", .int(Int64(outcome.paths))),
                                            ("seconds", .number(record.seconds)), ("out", .string(relativeOut))])
            Progress(label: name, total: 1, quiet: quiet)
                .finish("\(name): \(outcome.paths) paths, \(outcome.rateDescription) -> \(directory)")
        } catch {
            record.seconds = Date().timeIntervalSince(start)
            let message: String
            if let problems = error as? InputProblems {
                message = problems.problems.map(\.description).joined(separator: "; ")
            } else {
                message = "\(error)"
            }
            record.error = message
            log.event("scenario_failed", [("scenario", .string(name)), ("file", .string(file)),
                                          ("seconds", .number(record.seconds)), ("error", .string(message))])
            // A scenario that could not run is named by the message itself.
            Progress.write("error: " + (entry.refusal == nil ? "\(name): " : "") + message + "\n")
        }
        return ScenarioOutcome(record: record)
    }
}

/// `batch.log.jsonl`: one JSON object per line and event, appended and flushed as it happens,
/// so a log survives whatever stops the batch. A signal's last event may come from another
/// thread, hence the lock.
final class BatchLog: Sendable {
    /// The file, and whether its last event is written (nothing may follow it).
    private let handle: Mutex<(file: FileHandle, closed: Bool)>
    let path: String

    init(path: String) throws {
        self.path = path
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw OutputError(path: path, message: "cannot open the batch log for appending")
        }
        handle.seekToEndOfFile()
        self.handle = Mutex((handle, false))
    }

    deinit { handle.withLock { try? $0.file.close() } }

    /// Appends an event; `last` makes it the log's last (the batch was interrupted).
    func event(_ name: String, _ fields: [(String, JSONValue)], last: Bool = false) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let object: JSONValue = .object([("time", .string(formatter.string(from: Date()))), ("event", .string(name))] + fields)
        // One line: JSON strings hold no raw newline, so dropping line breaks and indentation is safe.
        let line = object.serialized().split(separator: "\n")
            .map { $0.drop { $0 == " " } }.joined() + "\n"
        handle.withLock { handle in
            guard !handle.closed else { return }
            handle.file.write(Data(line.utf8))
            try? handle.file.synchronize()
            handle.closed = last
        }
    }
}

/// `batch.json`: the night's status, rewritten whole as the batch goes: "running" from the start
/// (so a monitor never takes an unfinished night for the previous one), then "ok" or "failed",
/// or "interrupted" when a signal stops it.
final class BatchStatusFile: Sendable {
    let path: String
    private let header: [(String, JSONValue)]
    private let state = Mutex<(scenarios: [JSONValue], running: String?)>(([], nil))

    init(path: String, header: [(String, JSONValue)]) {
        self.path = path
        self.header = header
    }

    func started(_ scenario: String) { state.withLock { $0.running = scenario } }

    func finished(_ status: JSONValue) {
        state.withLock {
            $0.scenarios.append(status)
            $0.running = nil
        }
    }

    var running: String? { state.withLock { $0.running } }
    var failed: Int { state.withLock { Self.failed($0.scenarios) } }
    var count: Int { state.withLock { $0.scenarios.count } }

    private static func failed(_ scenarios: [JSONValue]) -> Int {
        scenarios.filter { $0["status"] == .string("failed") }.count
    }

    /// Puts the file in place whole, with `status` and the scenarios finished so far.
    func write(status: String) throws {
        let (scenarios, running) = state.withLock { ($0.scenarios, $0.running) }
        var fields = header + [("status", .string(status)),
                               ("failed", .int(Int64(Self.failed(scenarios))))]
        if status == "interrupted" { fields.append(("interrupted_scenario", running.map(JSONValue.string) ?? .null)) }
        fields.append(("scenarios", .array(scenarios)))
        try OutputDirectory.replaceFile(at: path, with: Data((JSONValue.object(fields).serialized() + "\n").utf8))
    }
}
