import Foundation
import LoanBook
import Testing
@testable import LoanBookIO

/// A small run: 50 paths, 2 years from 2014, every metric filled with a distinct pattern.
private func fixture() -> PathResults {
    var r = PathResults(firstYear: 2014, years: 2, paths: 50)
    for p in 0..<50 {
        for (m, metric) in Metric.allCases.enumerated() {
            var total = 0.0
            for y in 0..<2 {
                let v = Double((p * 31 + m * 17 + y * 7) % 50) * 12_345.67 - 100_000
                r[p, y, metric] = v
                total += v
            }
            r[p, 2, metric] = metric.isBalance ? r[p, 1, metric] : total
        }
        r.collectedShare[p] = 0.55 + Double((p * 13) % 50) / 500
    }
    return r
}

private func manifest() -> Manifest {
    Manifest(engineVersion: "0.1.0", commandLine: ["loanbook", "run", "scenarios/base.yaml", "--seed", "7"],
             seed: 7, paths: 50, inputs: [.init(role: "scenario", path: "scenarios/base.yaml", sha256: "00")])
}

@Suite struct ProjectionCSVTests {
    @Test func headerRowsAndBytes() {
        let text = ProjectionCSV.render(fixture())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "year,metric,mean,sd,se,p1,p5,p10,p50,p90,p95,p99,p99_5,var95,es95,var99,es99")
        #expect(lines.count == 1 + 3 * Metric.count + 1)  // header, rows, final empty after "\n"
        #expect(lines[1].hasPrefix("2014,lasten_bk,"))
        #expect(lines[1 + Metric.count].hasPrefix("2015,lasten_bk,"))
        #expect(lines[3 * Metric.count].hasPrefix("all,cost_above_budget,"))
        #expect(lines[1].split(separator: ",").count == 17)
        #expect(!text.contains("-0.00"))
        #expect(ProjectionCSV.render(fixture()) == text)
    }
}

@Suite struct SummaryJSONTests {
    @Test func fixedKeysAndDeterministicBytes() {
        let r = fixture()
        let provision = ProvisionAnalysis(results: r, amount: 200_000)
        let share = CollectedShareSummary(shares: r.collectedShare)
        let v = SummaryJSON.value(provision: provision, collectedShare: share, seed: 7,
                                  extra: [("contributions", .object([]))])
        guard case let .object(top) = v else { Issue.record("not an object"); return }
        #expect(top.map(\.0) == ["provision", "collected_share_current_book", "paths", "seed", "contributions"])
        #expect(v["provision"]?["amount"] == .int(200_000))
        #expect(v["paths"] == .int(50) && v["seed"] == .unsigned(7))
        guard case let .object(years)? = v["provision"]?["exceedance_probability"],
              let anyYear = v["provision"]?["exceedance_any_year"], let horizon = v["provision"]?["exceedance_horizon"] else {
            Issue.record("no exceedance"); return
        }
        // CLI.md: the map holds years only; the other probabilities stand beside it.
        #expect(years.map(\.0) == ["2014", "2015"])
        #expect(horizon["threshold"] == .int(400_000))
        // Each probability with its exact interval, the one of its count of exceeding paths.
        for (key, entry) in years + [("any_year", anyYear), ("horizon", horizon)] {
            guard case let .object(fields) = entry, case let .number(p)? = entry["p"],
                  case let .number(lower)? = entry["lower"], case let .number(upper)? = entry["upper"] else {
                Issue.record("\(key): \(entry)"); continue
            }
            #expect(fields.map(\.0).prefix(4) == ["p", "se", "lower", "upper"])
            let bounds = BinomialInterval.clopperPearson(successes: Int((p * 50).rounded()), trials: 50)
            #expect(lower == bounds.lower && upper == bounds.upper && lower <= p && p <= upper && upper > 0, "\(key)")
        }
        guard case let .object(required)? = v["provision"]?["required"] else { Issue.record("no required"); return }
        #expect(required.map(\.0) == ["p90", "p95", "p99"])
        guard case let .object(share_)? = v["collected_share_current_book"] else { Issue.record("no share"); return }
        #expect(share_.map(\.0) == ["mean", "se", "p5", "p50", "p95"])
        let text = SummaryJSON.render(provision: provision, collectedShare: share, seed: 7)
        #expect(text == SummaryJSON.render(provision: ProvisionAnalysis(results: fixture(), amount: 200_000),
                                           collectedShare: share, seed: 7))
        #expect(text.contains("\"amount\": 200000,"))
        #expect(SummaryJSON.levelKey(0.995) == "p99_5" && SummaryJSON.levelKey(0.9) == "p90")
    }
}

@Suite struct ManifestTests {
    @Test func hashesFiles() throws {
        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        #expect(Manifest.sha256(of: Array("abc".utf8)) == abc)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("abc".utf8).write(to: URL(fileURLWithPath: dir + "/book.csv"))
        #expect(try Manifest.Input.hashing(role: "book", path: dir + "/book.csv").sha256 == abc)
        #expect(throws: InputProblem.self) { try Manifest.sha256(ofFileAt: dir + "/missing.csv") }
    }

    @Test func jsonHasNoTimestamps() {
        let text = manifest().render()
        #expect(text == manifest().render())
        #expect(manifest().json["engine_version"] == .string("0.1.0"))
        #expect(manifest().json["shard"] == nil)
        #expect(!text.contains("created"))
    }
}

@Suite struct ReportHTMLTests {
    @Test func selfContained() {
        let r = fixture()
        let html = ReportHTML.run(title: "base <test>", figures: RunFigures(results: r, provisionAmount: 200_000),
                                  manifest: manifest())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("base &lt;test&gt;"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
        #expect(html.contains("scenarios/base.yaml"))
    }
}

@Suite struct OutputDirectoryTests {
    private func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("outdir-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    private func contents(_ dir: String) throws -> [String: String] {
        var out: [String: String] = [:]
        let fm = FileManager.default
        for name in try fm.subpathsOfDirectory(atPath: dir) {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: dir + "/" + name, isDirectory: &isDir), !isDir.boolValue {
                out[name] = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
            }
        }
        return out
    }

    @Test func createsAndReplacesWhole() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = OutputDirectory(path: root + "/runs/base/")
        let m = manifest().render()
        try out.write([("manifest.json", Data(m.utf8)), ("projection.csv", Data("old".utf8)), ("paths.bin", Data("x".utf8))])
        #expect(try contents(root + "/runs/base") == ["manifest.json": m, "projection.csv": "old", "paths.bin": "x"])
        let comparison = #"{"a": {"directory": "a"}, "b": {"directory": "b"}}"#
        try out.write([("manifest.json", Data(m.utf8)), ("comparison.json", Data(comparison.utf8)),
                       ("a/manifest.json", Data(m.utf8)), ("a/summary.json", Data("s".utf8))])
        #expect(try contents(root + "/runs/base")
            == ["manifest.json": m, "comparison.json": comparison, "a/manifest.json": m, "a/summary.json": "s"])
        // A comparison's run folders (a manifest and outputs) are part of its output.
        try out.write([("manifest.json", Data(m.utf8)), ("summary.json", Data("s".utf8))])
        #expect(try contents(root + "/runs/base") == ["manifest.json": m, "summary.json": "s"])
        // Nothing left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/runs") == ["base"])
    }

    /// `--out ~/Documents` must not delete the documents, nor `--out out` the folders of several
    /// earlier runs, nor `merge ... --out results` the shards it reads: a DIR that is not one
    /// earlier output is refused as bad input and left exactly as it was.
    @Test func refusesToReplaceWhatIsNotOneEarlierOutput() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fm = FileManager.default
        let target = root + "/docs"
        let m = manifest().render()
        func write(_ text: String, _ name: String) throws {
            try fm.createDirectory(atPath: FilePaths.directory(of: target + "/" + name), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: target + "/" + name))
        }
        let cases: [(setUp: () throws -> Void, named: String)] = [
            ({ try write(m, "manifest.json"); try write("mine", "thesis.txt") }, "thesis.txt"),
            ({ try write(m, "manifest.json"); try fm.createDirectory(atPath: target + "/empty", withIntermediateDirectories: true) },
             "empty/"),
            // Not a comparison's: a run folder beside a run's outputs.
            ({ try write(m, "manifest.json"); try write(m, "run/manifest.json") }, "run/"),
            ({ try write(m, "manifest.json"); try write(#"{"a": {"directory": "run"}}"#, "comparison.json")
               try write(m, "run/manifest.json"); try write("mine", "run/notes.md") }, "run/"),
            // A comparison's folder with a merge's shards put beside its two runs.
            ({ try write(m, "manifest.json"); try write(#"{"a": {"directory": "x"}, "b": {"directory": "y"}}"#, "comparison.json")
               try write(m, "x/manifest.json"); try write(m, "shard-1/manifest.json"); try write("", "shard-1/paths.bin") },
             "shard-1/"),
            // Two earlier runs side by side, or the shards of a run: no manifest of its own.
            ({ try write(m, "a/manifest.json"); try write(m, "b/manifest.json") }, "a/, b/, summary.json"),
            // Generic names do not make an output: the manifest must be loanbook's.
            ({ try write("{\"title\": \"mine\"}", "manifest.json") }, "manifest.json, summary.json"),
        ]
        // A symbolic link would be replaced by a folder, its target's outputs left behind.
        try fm.createDirectory(atPath: root + "/real", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/real")
        #expect(throws: InputProblem.self) { try OutputDirectory(path: root + "/link").write([("summary.json", Data())]) }
        #expect(try fm.destinationOfSymbolicLink(atPath: root + "/link") == root + "/real")
        try fm.removeItem(atPath: root + "/link")
        try fm.removeItem(atPath: root + "/real")
        for (setUp, named) in cases {
            try? fm.removeItem(atPath: target)
            try fm.createDirectory(atPath: target, withIntermediateDirectories: true)
            try Data("old".utf8).write(to: URL(fileURLWithPath: target + "/summary.json"))
            try setUp()
            let before = try contents(target)
            let subfolders = try fm.subpathsOfDirectory(atPath: target).sorted()
            do {
                try OutputDirectory(path: target).write([("summary.json", Data("new".utf8))])
                Issue.record("replaced \(target) holding \(named)")
            } catch let problem as InputProblem {
                #expect(problem.field == "--out")
                #expect(problem.expected.contains("it holds \(named), which are not"), "\(problem)")
            }
            #expect(try contents(target) == before)
            #expect(try fm.subpathsOfDirectory(atPath: target).sorted() == subfolders)
            #expect(try fm.contentsOfDirectory(atPath: root) == ["docs"])
        }
    }

    @Test func pathsOfOneCharacterHaveADirectory() {
        for (path, directory) in [("x", ""), ("ab", ""), ("x/", ""), ("/x", "/"), ("/", "/"), ("a/b", "a"),
                                  ("a//b", "a"), ("a/b/", "a"), ("./a", "."), (".//", ""), ("a/b/c.yaml", "a/b")] {
            #expect(FilePaths.directory(of: path) == directory, "\(path)")
        }
    }

    @Test func failedWriteLeavesExistingUntouched() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let target = root + "/out"
        let m = manifest().render()
        try OutputDirectory(path: target).write([("manifest.json", Data(m.utf8)), ("summary.json", Data("first".utf8))])

        struct DiskFull: Error {}
        let failing = OutputDirectory(path: target) { data, path in
            if path.hasSuffix("report.html") { throw DiskFull() }
            try OutputDirectory.writeDurably(data, to: path)
        }
        #expect(throws: OutputError.self) {
            try failing.write([("summary.json", Data("second".utf8)), ("report.html", Data("<html>".utf8))])
        }
        #expect(try contents(target) == ["manifest.json": m, "summary.json": "first"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["out"])
    }

    @Test func rejectsBadNamesBeforeWriting() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for name in ["../escape", "/abs", "", "a//b", "x.csv"] {
            let files: [(name: String, contents: Data)] =
                name == "x.csv" ? [("x.csv", Data()), ("x.csv", Data())] : [(name, Data())]
            #expect(throws: OutputError.self) { try OutputDirectory(path: root + "/out").write(files) }
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/out"))
    }

    @Test func unwritableParentIsAnError() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("file".utf8).write(to: URL(fileURLWithPath: root + "/plain"))
        // A regular file where a directory is needed: both as the target and as its parent.
        #expect(throws: OutputError.self) { try OutputDirectory(path: root + "/plain").write([]) }
        #expect(throws: OutputError.self) { try OutputDirectory(path: root + "/plain/out").write([]) }
        #expect(try String(contentsOfFile: root + "/plain", encoding: .utf8) == "file")
    }
}

@Suite struct RunOutputsTests {
    @Test func fourFilesSameBytesTwice() {
        let a = RunOutputs.files(title: "base", results: fixture(), provisionAmount: 200_000, manifest: manifest())
        let b = RunOutputs.files(title: "base", results: fixture(), provisionAmount: 200_000, manifest: manifest())
        #expect(a.map(\.name) == ["projection.csv", "summary.json", "manifest.json", "report.html"])
        #expect(a.map(\.contents) == b.map(\.contents))
    }
}

@Suite struct CommandLineTests {
    @Test func dropsOptionsThatChangeNoFigure() {
        let typed = [".build/release/loanbook", "run", "scenarios/base.yaml", "--threads", "8", "--out=out/base",
                     "--seed", "7", "--quiet", "--threads=2", "--out", "x", "--paths", "1000"]
        #expect(Manifest.recordedCommandLine(typed)
            == ["loanbook", "run", "scenarios/base.yaml", "--seed", "7", "--paths", "1000"])
    }
}

@Suite struct ProjectionRowTests {
    @Test func handComputedRows() {
        var r = PathResults(firstYear: 2014, years: 1, paths: 4)
        for (p, v) in [4.0, 1, 3, 2].enumerated() {
            r[p, 0, .costAboveBudget] = v
            r[p, 0, .batenBK] = v
        }
        let lines = ProjectionCSV.render(r).split(separator: "\n")
        // mean 2.5; variance (2.25 + 0.25 + 0.25 + 2.25) / 3 = 5/3, sd 1.29, se 0.65;
        // type 7 with h = 3q: p1 1.03, p5 1.15, p10 1.30, p50 2.50, p90 3.70, p95 3.85, p99 3.97.
        let cost = lines.first { $0.hasPrefix("2014,cost_above_budget,") }!
        #expect(cost.hasPrefix("2014,cost_above_budget,2.50,1.29,0.65,1.03,1.15,1.30,2.50,3.70,3.85,3.97,"))
        // Cost: VaR95 = p95, ES95 = worst ceil(0.2) = 1 value (4); VaR99 = p99, ES99 = 4.
        #expect(cost.hasSuffix(",3.85,4.00,3.97,4.00"))
        // Income: VaR95 = p5, ES95 = lowest value (1); VaR99 = p1, ES99 = 1.
        let baten = lines.first { $0.hasPrefix("2014,baten_bk,") }!
        #expect(baten.hasSuffix(",1.15,1.00,1.03,1.00"))
        // A metric that is zero on every path prints 0.00, never -0.00.
        #expect(lines.first { $0.hasPrefix("2014,lasten_bk,") }!
            == "2014,lasten_bk" + String(repeating: ",0.00", count: 15))
    }
}

@Suite struct TailNinetyTests {
    /// summary.json carries VaR and ES at 90% for every metric and year, the loss side as
    /// projection.csv's 95 and 99: for a cost, VaR90 is the 90% quantile.
    @Test func summaryHasVaRAndESAtNinety() throws {
        var results = PathResults(firstYear: 2014, years: 1, paths: 10)
        for path in 0..<10 { results[path, 0, .writeOffs] = Double(path + 1) }
        let projection = ProjectionStatistics(results: results)
        let (name, value) = RunOutputs.tail90(projection)
        #expect(name == "var_es_90")
        let text = JSONValue.object([(name, value)]).serialized()
        // Type 7 quantile of 1...10 at 0.9 is 9.1; the worst ceil(10 x 0.1) = 1 value is 10.
        #expect(abs(try #require(projection[0, .writeOffs].valueAtRisk(0.90)) - 9.1) < 1e-12)
        #expect(projection[0, .writeOffs].expectedShortfall(0.90) == 10)
        #expect(text.contains("\"write_offs\""))
    }
}
