import Foundation
import Testing

/// The runner against faults of the output directory (exit status 1), its memory guard and
/// shard limits (exit status 2), and the Dutch Excel dialect (accepted), through the binary.
@Suite struct CLIFaultTests {
    // MARK: Output directory faults: exit 1, a message, earlier outputs intact

    @Test func outputUnderProcIsAnIOError() throws {
        let workspace = try CLIWorkspace()
        defer { workspace.remove() }
        let result = try workspace.runScenario(["--out", "/proc/loanbook-robustness"])
        record("fault out under proc", result)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("error: /proc/loanbook-robustness.tmp-"), "\(result)")
        #expect(result.stderr.contains("mkdir failed:"), "\(result)")
        workspace.earlierOutputsIntact()
    }

    @Test func outputWhoseParentIsARegularFileIsAnIOError() throws {
        let workspace = try CLIWorkspace()
        defer { workspace.remove() }
        let result = try workspace.runScenario(["--out", "book.csv/out"])
        record("fault parent is a file", result)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("error: book.csv: is not a directory (it would hold book.csv/out)"), "\(result)")
        #expect(try String(contentsOfFile: workspace.directory + "/book.csv", encoding: .utf8) == CLIWorkspace.book)
        workspace.earlierOutputsIntact()
    }

    @Test func outputThatIsARegularFileIsAnIOError() throws {
        let workspace = try CLIWorkspace()
        defer { workspace.remove() }
        let result = try workspace.runScenario(["--out", "book.csv"])
        record("fault out is a file", result)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("error: book.csv: exists and is not a directory"), "\(result)")
        #expect(try String(contentsOfFile: workspace.directory + "/book.csv", encoding: .utf8) == CLIWorkspace.book)
        workspace.earlierOutputsIntact()
    }

    @Test func outputHoldingOtherFilesIsRefusedBeforeTheRun() throws {
        let workspace = try CLIWorkspace()
        defer { workspace.remove() }
        let result = try workspace.runScenario(["--out", "."])
        #expect(result.status == 2, "\(result)")
        // The workspace itself holds the scenario and the book: nothing of it may go.
        let here = try workspace.run(["run", "scenario.yaml", "--out", "../" + URL(fileURLWithPath: workspace.directory).lastPathComponent,
                                      "--paths", "16", "--threads", "1", "--quiet"])
        record("fault out holds other files", here)
        #expect(here.status == 2, "\(here)")
        #expect(here.stderr.contains("--out: expected a new or empty directory, or the outputs of one earlier loanbook run"),
                "\(here)")
        #expect(here.stderr.contains("it holds book.csv, book.history.csv, out/, scenario.yaml, which are not"), "\(here)")
        #expect(try String(contentsOfFile: workspace.directory + "/book.csv", encoding: .utf8) == CLIWorkspace.book)
        workspace.earlierOutputsIntact()
    }

    /// `--shard auto/N` takes its number from the job's environment, and says what it read when
    /// that names no shard.
    @Test func shardAutoReadsTheEnvironment() throws {
        let workspace = try CLIWorkspace()
        defer { workspace.remove() }
        let base = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SLURM_") && $0.key != "JOB_COMPLETION_INDEX" }
        let missing = try workspace.run(["run", "scenario.yaml", "--paths", "16", "--shard", "auto/3", "--out", "s"],
                                        environment: base)
        #expect(missing.status == 2 && missing.stderr.contains("--shard auto/3: expected JOB_COMPLETION_INDEX")
            && missing.stderr.contains("neither is set"), "\(missing)")
        var outside = base
        outside["SLURM_ARRAY_TASK_ID"] = "7"
        let range = try workspace.run(["run", "scenario.yaml", "--paths", "16", "--shard", "auto/3", "--out", "s"],
                                      environment: outside)
        #expect(range.status == 2 && range.stderr.contains("got SLURM_ARRAY_TASK_ID=7"), "\(range)")
        // A number that overflows, or a variable that is set but no number, names no shard.
        for (name, value) in [("JOB_COMPLETION_INDEX", "9223372036854775807"), ("JOB_COMPLETION_INDEX", "abc")] {
            var environment = base
            environment[name] = value
            environment["SLURM_ARRAY_TASK_ID"] = "2"
            let refused = try workspace.run(["run", "scenario.yaml", "--paths", "16", "--shard", "auto/3", "--out", "s"],
                                            environment: environment)
            #expect(refused.status == 2 && refused.stderr.contains("got \(name)=\(value)"), "\(refused)")
        }
        var kubernetes = base
        kubernetes["JOB_COMPLETION_INDEX"] = "1"
        let second = try workspace.run(["run", "scenario.yaml", "--paths", "16", "--shard", "auto/3", "--out", "s",
                                        "--quiet"], environment: kubernetes)
        #expect(second.status == 0, "\(second)")
        let manifest = try String(contentsOfFile: workspace.directory + "/s/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"shard\": 2"), "\(manifest)")
    }

    /// Foundation's `deletingLastPathComponent` trapped on a one-character path.
    @Test func oneCharacterPathsWork() throws {
        let workspace = try CLIWorkspace()
        defer { workspace.remove() }
        try FileManager.default.copyItem(atPath: workspace.directory + "/scenario.yaml", toPath: workspace.directory + "/s")
        let run = try workspace.run(["run", "s", "--out", "x", "--paths", "16", "--threads", "1", "--quiet"])
        #expect(run.status == 0, "\(run)")
        #expect(FileManager.default.fileExists(atPath: workspace.directory + "/x/summary.json"))
        let validate = try workspace.run(["validate", "s"])
        #expect(validate.status == 0, "\(validate)")
    }

    @Test func bookGenerateLeavesDevicesFoldersAndOtherFilesAlone() throws {
        let workspace = try CLIWorkspace()
        defer { workspace.remove() }
        try FileManager.default.createDirectory(atPath: workspace.directory + "/folder.csv", withIntermediateDirectories: true)
        for (target, message) in [("/dev/null", "expected a .csv file path"), ("scenario.yaml", "expected a .csv file path"),
                                  ("folder.csv", "folder.csv exists and is not a regular file")] {
            let result = try workspace.run(["book", "generate", "--out", target])
            #expect(result.status == 2, "\(target): \(result)")
            #expect(result.stderr.contains(message), "\(target): \(result)")
        }
        #expect(try String(contentsOfFile: workspace.directory + "/scenario.yaml", encoding: .utf8) == Fixture.scenario)
        let made = try workspace.run(["book", "generate", "--out", "book.csv"])
        #expect(made.status == 0, "\(made)")
        let names = try FileManager.default.contentsOfDirectory(atPath: workspace.directory)
        #expect(!names.contains { $0.hasPrefix(".book.") }, "left beside the book: \(names)")
    }

    /// A full filesystem under an earlier run's outputs: the write fails part-way (ENOSPC), the
    /// run exits 1 and the earlier outputs are exactly as they were. Needs root (a tmpfs
    /// mount); elsewhere the test says so and passes.
    @Test func fullFilesystemLeavesEarlierOutputsIntact() throws {
        let workspace = try CLIWorkspace()
        defer { workspace.remove() }
        let mountPoint = workspace.directory + "/full"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: false)
        guard shell("mount -t tmpfs -o size=512k tmpfs '\(mountPoint)'") == 0 else {
            print("fullFilesystemLeavesEarlierOutputsIntact: cannot mount a tmpfs here (not root?); skipped")
            return
        }
        defer { _ = shell("umount '\(mountPoint)'") }
        try workspace.writeEarlierOutputs(at: "full/out")
        // Fill what is left; `cat` stops at ENOSPC.
        _ = shell("cat /dev/zero > '\(mountPoint)/filler' 2>/dev/null")
        let result = try workspace.runScenario(["--out", "full/out"])
        record("fault full filesystem", result)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("error: full/out.tmp-"), "\(result)")
        #expect(result.stderr.contains("No space left on device"), "\(result)")
        workspace.earlierOutputsIntact(at: "full/out")
    }

    // MARK: Resource guard (exit 1) and shards (exit 2): nothing written

    @Test func hugePathsAreRefusedWithTheEstimate() throws {
        let workspace = try CLIWorkspace()
        defer { workspace.remove() }
        let result = try workspace.runScenario(["--paths", "100000000"])
        record("guard huge paths", result)
        #expect(result.status == 1, "\(result)")
        for fragment in ["scenario.yaml: --paths: got '100000000', expected a run that fits in memory",
                         "100000000 paths over 10 years need about", "MiB (results", "statistics",
                         "worker workspaces", "use at most", "--shard K/", "loanbook merge"] {
            #expect(result.stderr.contains(fragment), "missing '\(fragment)' in \(result)")
        }
        workspace.earlierOutputsIntact()
    }

    @Test func hugePathsInTheScenarioNameTheField() throws {
        let scenario = Fixture.scenario.replacingOccurrences(of: "name: test\n", with: "name: test\npaths: 100000000\n")
        let workspace = try CLIWorkspace(scenario: scenario)
        defer { workspace.remove() }
        let result = try workspace.run(["run", "scenario.yaml", "--out", "out", "--quiet"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("scenario.yaml: paths: got '100000000', expected a run that fits in memory"),
                "\(result)")
        workspace.earlierOutputsIntact()
    }

    @Test func shardWithoutPathsIsBadInput() throws {
        let workspace = try CLIWorkspace()
        defer { workspace.remove() }
        let result = try workspace.runScenario(["--paths", "2", "--shard", "1/3"])
        record("shard without paths", result)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("--shard: got '1/3', expected a shard with paths: 2 paths make at most 2 shards"),
                "\(result)")
        workspace.earlierOutputsIntact()
    }

    /// `--shard K/N` near Int.max: the slice bounds are computed without overflow; the first
    /// slice of 16 paths is empty (bad input), the last holds the 16th path.
    @Test func hugeShardNumbersDoNotOverflow() throws {
        let big = String(Int.max)
        let first = try CLIWorkspace()
        defer { first.remove() }
        let empty = try first.runScenario(["--shard", "1/\(big)"])
        #expect(empty.status == 2, "\(empty)")
        #expect(empty.stderr.contains("--shard: got '1/\(big)'"), "\(empty)")
        first.earlierOutputsIntact()

        let last = try CLIWorkspace()
        defer { last.remove() }
        let result = try last.runScenario(["--shard", "\(big)/\(big)"])
        #expect(result.status == 0, "\(result)")
        let summary = try String(contentsOfFile: last.directory + "/out/summary.json", encoding: .utf8)
        #expect(summary.contains("\"paths\": 1"), "\(summary)")
    }

    // MARK: The Dutch Excel dialect

    /// A book and history saved by Dutch Excel (`;`, decimal commas, CRLF) give the same
    /// projection as the same book in the plain dialect.
    @Test func dutchDialectIsAcceptedAndGivesTheSameResult() throws {
        func dutch(_ text: String) -> String {
            text.replacingOccurrences(of: ",", with: ";").replacingOccurrences(of: ".", with: ",")
                .replacingOccurrences(of: "\n", with: "\r\n")
        }
        let plain = try CLIWorkspace()
        defer { plain.remove() }
        let excel = try CLIWorkspace(book: dutch(CLIWorkspace.book), history: dutch(Fixture.history))
        defer { excel.remove() }
        let a = try plain.runScenario(), b = try excel.runScenario()
        #expect(a.status == 0, "\(a)")
        #expect(b.status == 0, "\(b)")
        let projection = { (w: CLIWorkspace) in FileManager.default.contents(atPath: w.directory + "/out/projection.csv") }
        #expect(projection(plain) != nil)
        #expect(projection(plain) == projection(excel))
        let validated = try excel.run(["validate", "scenario.yaml", "book.csv"])
        #expect(validated.status == 0, "\(validated)")
        #expect(validated.stdout.contains("ok: book.csv"))
    }
}

/// Runs `command` with /bin/sh and returns its exit status.
@discardableResult
func shell(_ command: String) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
}
