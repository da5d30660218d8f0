import Foundation
import Testing
@testable import LoanBookIO

@Suite(.serialized) struct BatchTests {
    /// A batch with a good scenario and a broken one, run twice on the same night.
    @Test func failingScenarioDoesNotStopOthersAndRerunReplacesTheNight() throws {
        let dir = try Runner.temporaryDirectory("batch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "name: broken\nbook: no-such-book.csv\n".write(toFile: dir + "/broken.yaml", atomically: true, encoding: .utf8)
        try """
            name: test-night
            scenarios:
              - \(Runner.root)/scenarios/base.yaml
              - broken.yaml
              - \(Runner.root)/scenarios/crisis.yaml
            paths: 40

            """.write(toFile: dir + "/batch.yaml", atomically: true, encoding: .utf8)
        let arguments = ["batch", dir + "/batch.yaml", "--out", dir + "/out", "--db", dir + "/history.sqlite",
                         "--night", "2014-06-30", "--threads", "1", "--quiet"]
        let first = try Runner.run(arguments)
        #expect(first.status == 1, "\(first.stderr)")
        #expect(first.stderr.contains("broken"))
        let night = dir + "/out/2014-01-01"
        for scenario in ["base", "crisis"] {
            for name in Runner.outputs {
                #expect(FileManager.default.fileExists(atPath: "\(night)/\(scenario)/\(name)"), "\(scenario)/\(name)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: night + "/broken"))
        let batchJSON = try String(contentsOfFile: night + "/batch.json", encoding: .utf8)
        #expect(batchJSON.contains("\"status\": \"failed\"") && batchJSON.contains("\"failed\": 1"))
        let log = try String(contentsOfFile: night + "/batch.log.jsonl", encoding: .utf8)
        let events = log.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(events.count == log.split(separator: "\n").count)
        #expect(events.compactMap { $0["event"] as? String }
            == ["batch_started", "scenario_started", "scenario_finished", "scenario_failed", "scenario_started",
                "scenario_finished", "batch_finished"])

        let history = try RunHistory(path: dir + "/history.sqlite")
        let counts = try history.rowCounts()
        #expect(counts["batch_run"] == 1 && counts["scenario_run"] == 3)
        #expect((counts["projection"] ?? 0) > 0 && (counts["figure"] ?? 0) > 0)

        let second = try Runner.run(arguments)
        #expect(second.status == 1)
        #expect(try history.rowCounts() == counts)

        // Another night adds to the history; `history` shows the drift night by night.
        let third = try Runner.run(Array(arguments.dropLast(5)) + ["--night", "2014-07-01", "--threads", "1", "--quiet"])
        #expect(third.status == 1)
        let csv = try Runner.run(["history", "--db", dir + "/history.sqlite", "--figure", "required_p95",
                                  "--year", "2014", "--scenario", "base"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "night,scenario,as_of,paths,year,figure,value,se,lower,upper")
        #expect(lines.dropFirst().map { $0.prefix(10) } == ["2014-06-30", "2014-07-01"])
        let metric = try Runner.run(["history", "--db", dir + "/history.sqlite", "--metric", "cost_above_budget",
                                     "--year", "all"])
        #expect(metric.status == 0 && metric.stdout.split(separator: "\n").count == 1 + 2 * 2)
        // A misspelt name is bad input, not an empty history; a kind's contribution is a figure.
        for (arguments, status) in [(["--metric", "cost_above_budgte"], Int32(2)), (["--figure", "required_p96"], 2),
                                    (["--figure", "contribution_es95.kind.bk"], 0)] {
            let query = try Runner.run(["history", "--db", dir + "/history.sqlite"] + arguments)
            #expect(query.status == status, "\(arguments): \(query.stderr)")
        }
        // Every figure the history holds is one `--figure` takes.
        let all = try Runner.run(["history", "--db", dir + "/history.sqlite"])
        let names = Set(all.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[5]) })
        #expect(names.count > 10)
        for name in names {
            #expect(RunHistory.figures.contains(name) || RunHistory.figureFamilies.contains { name.hasPrefix($0) }, "\(name)")
        }
    }

    /// CLI.md: a scenario is written to DIR/<as-of date>/<scenario name>/, whatever its file is
    /// called. A name is used once (letter case aside), never as one of the batch's own files,
    /// and an unreadable scenario's file stem takes no name away; the others still run.
    @Test func scenariosAreFiledByNameAndANameIsUsedOnce() throws {
        let dir = try Runner.temporaryDirectory("batchnames")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let book = "\(Runner.root)/scenarios/books/nijmegen-2014.csv"
        for (file, name) in [("first", "stress-test"), ("second", "Stress-Test"), ("third", "batch.json"),
                             ("fourth", "stress-test")] {
            try "base: \(Runner.root)/scenarios/base.yaml\nname: \(name)\nbook: \(book)\n"
                .write(toFile: "\(dir)/\(file).yaml", atomically: true, encoding: .utf8)
        }
        try "name: [not, a, name]\n".write(toFile: dir + "/stress-test.yaml", atomically: true, encoding: .utf8)
        try """
            name: names
            scenarios: [stress-test.yaml, first.yaml, absent.yaml, second.yaml, third.yaml, fourth.yaml, \(Runner.root)/scenarios/crisis.yaml]
            paths: 20

            """.write(toFile: dir + "/batch.yaml", atomically: true, encoding: .utf8)
        let result = try Runner.run(["batch", dir + "/batch.yaml", "--out", dir + "/out", "--db", dir + "/history.sqlite",
                                     "--threads", "1", "--quiet"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("second.yaml: name: got 'Stress-Test', expected a name of its own in the batch "
            + "(letter case aside): \(dir)/first.yaml is named 'stress-test'; rename one of them"), "\(result.stderr)")
        #expect(result.stderr.contains("third.yaml: name: got 'batch.json', expected a name other than batch.json "
            + "and batch.log.jsonl"), "\(result.stderr)")
        let night = dir + "/out/2014-01-01"
        let folders = try FileManager.default.contentsOfDirectory(atPath: night).filter { !$0.hasPrefix("batch.") }
        #expect(folders.sorted() == ["crisis", "stress-test"])
        let batchJSON = try String(contentsOfFile: night + "/batch.json", encoding: .utf8)
        #expect(batchJSON.contains("\"failed\": 5"), "\(batchJSON)")
        #expect(result.stderr.contains("\(dir)/absent.yaml: expected"), "\(result.stderr)")
        let manifest = try String(contentsOfFile: night + "/stress-test/manifest.json", encoding: .utf8)
        #expect(manifest.contains("first.yaml") && !manifest.contains("second.yaml"))
        // The history keeps the scenario that ran, and the five that could not run under their
        // files (the refused fourth.yaml is also 'stress-test'): seven rows.
        let csv = try Runner.run(["history", "--db", dir + "/history.sqlite", "--figure", "required_p95",
                                  "--year", "2014", "--scenario", "stress-test"])
        #expect(csv.status == 0 && csv.stdout.split(separator: "\n").count == 2, "\(csv)")
        let counts = try RunHistory(path: dir + "/history.sqlite").rowCounts()
        #expect(counts["scenario_run"] == 7, "\(counts)")
    }

    @Test func badBatchFileExitsTwo() throws {
        let dir = try Runner.temporaryDirectory("badbatch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "name: x\nscenarios: []\n".write(toFile: dir + "/batch.yaml", atomically: true, encoding: .utf8)
        let result = try Runner.run(["batch", dir + "/batch.yaml", "--out", dir + "/out", "--quiet"])
        #expect(result.status == 2)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }
}

@Suite struct InterruptTests {
    /// SIGTERM in the middle of a run: exit 1, the earlier outputs as they were, no temporary directory.
    @Test func interruptedRunLeavesNothingBehind() throws {
        let dir = try Runner.temporaryDirectory("interrupt")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/base"
        let first = try Runner.run(["run", "scenarios/base.yaml", "--paths", "20", "--out", out, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let before = Runner.outputs.map { Runner.bytes(out + "/" + $0) }

        let said = try Self.terminateWhileSimulating(["run", "scenarios/base.yaml", "--paths", "100000",
                                                      "--out", out, "--threads", "1"])
        #expect(said.contains("interrupted"), "\(said)")
        #expect(Runner.outputs.map { Runner.bytes(out + "/" + $0) } == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0 != "base" }
        #expect(leftovers.isEmpty, "left behind: \(leftovers)")
    }

    /// SIGTERM in the middle of a batch: batch.json says "interrupted" and which scenario was
    /// running (it said "running" from the start), and the log ends with that event.
    @Test func interruptedBatchSaysSoInItsStatusAndLog() throws {
        let dir = try Runner.temporaryDirectory("interruptbatch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "name: night\nscenarios: [\(Runner.root)/scenarios/base.yaml, \(Runner.root)/scenarios/crisis.yaml]\npaths: 100000\n"
            .write(toFile: dir + "/batch.yaml", atomically: true, encoding: .utf8)
        let said = try Self.terminateWhileSimulating(["batch", dir + "/batch.yaml", "--out", dir + "/out", "--threads", "1"])
        let night = dir + "/out/2014-01-01"
        let status = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: night + "/batch.json")))
            as? [String: Any]
        #expect(status?["status"] as? String == "interrupted", "\(String(describing: status)) \(said)")
        #expect(status?["interrupted_scenario"] as? String == "base")
        #expect((status?["scenarios"] as? [Any])?.isEmpty == true)
        let log = try String(contentsOfFile: night + "/batch.log.jsonl", encoding: .utf8).split(separator: "\n")
        let last = try log.last.flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(last?["event"] as? String == "batch_interrupted" && last?["scenario"] as? String == "base", "\(log)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: night).sorted() == ["batch.json", "batch.log.jsonl"])
    }

    /// Starts `loanbook ARGS`, sends SIGTERM once it reports progress (so while it simulates),
    /// expects exit status 1 and returns what it wrote to standard error.
    static func terminateWhileSimulating(_ arguments: [String]) throws -> String {
        let (process, stdout, stderr) = try Runner.start(arguments)
        let handle = stderr.fileHandleForReading
        let deadline = Date().addingTimeInterval(60)
        var seen = Data()
        while Date() < deadline && !String(decoding: seen, as: UTF8.self).contains("paths") {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        Thread.sleep(forTimeInterval: 0.3)
        kill(process.processIdentifier, SIGTERM)
        _ = stdout.fileHandleForReading.readDataToEndOfFile()
        let said = String(decoding: seen + handle.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 1, "\(said)")
        return said
    }
}
