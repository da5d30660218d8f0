import Foundation
import LoanBook
import Testing
@testable import LoanBookIO

@Suite(.serialized) struct MergeTests {
    /// Three shards on one thread, merged, against one run on two threads: the same bytes.
    @Test func mergeOfShardsIsTheSingleRunByteForByte() throws {
        let dir = try Runner.temporaryDirectory("merge")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let common = ["run", "scenarios/base.yaml", "--paths", "600", "--seed", "7", "--quiet"]
        let single = try Runner.run(common + ["--threads", "2", "--out", dir + "/single"])
        #expect(single.status == 0, "\(single.stderr)")
        var shardDirectories: [String] = []
        for k in [3, 1, 2] {
            let out = dir + "/shard-\(k)"
            let shard = try Runner.run(common + ["--threads", "1", "--shard", "\(k)/3", "--out", out])
            #expect(shard.status == 0, "\(shard.stderr)")
            #expect(FileManager.default.fileExists(atPath: out + "/paths.bin"))
            shardDirectories.append(out)
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/single/paths.bin"))
        let merge = try Runner.run(["merge"] + shardDirectories + ["--out", dir + "/merged", "--quiet"])
        #expect(merge.status == 0, "\(merge.stderr)")
        for name in Runner.outputs {
            let a = Runner.bytes(dir + "/single/" + name), b = Runner.bytes(dir + "/merged/" + name)
            #expect(a != nil && a == b, "\(name) differs between the single run and the merge")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir + "/merged").sorted()
        #expect(names == Runner.outputs.sorted())
        // A shard records the run's command line without --shard, and which shard it is.
        let shardManifest = try Manifest.read(path: dir + "/shard-2/manifest.json")
        let singleManifest = try Manifest.read(path: dir + "/single/manifest.json")
        #expect(shardManifest.shards == 3 && shardManifest.shard == 2)
        #expect(shardManifest.commandLine == singleManifest.commandLine)
        #expect(singleManifest.shards == 1 && singleManifest.shard == nil)

        // Merging into the shards' own folder would delete them: refused, nothing touched.
        let before = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        let intoParent = try Runner.run(["merge"] + shardDirectories + ["--out", dir, "--quiet"])
        #expect(intoParent.status == 2 && intoParent.stderr.contains("a folder apart from the shards"), "\(intoParent.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == before)
        #expect(FileManager.default.fileExists(atPath: dir + "/shard-1/paths.bin"))
        let intoShard = try Runner.run(["merge"] + shardDirectories + ["--out", dir + "/shard-1/", "--quiet"])
        #expect(intoShard.status == 2 && intoShard.stderr.contains("a folder apart from the shards"), "\(intoShard.stderr)")
        // `..` after a link is the link target's parent to the system, whatever the text says:
        // elsewhere/link/../shard-1 reads as elsewhere/shard-1 but is the shards' shard-1.
        try FileManager.default.createDirectory(atPath: dir + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/elsewhere/link", withDestinationPath: dir + "/shard-2")
        let throughLink = try Runner.run(["merge"] + shardDirectories
            + ["--out", dir + "/elsewhere/link/../shard-1", "--quiet"])
        #expect(throughLink.status == 2 && throughLink.stderr.contains("a folder apart from the shards"),
                "\(throughLink.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/shard-1/paths.bin"))
        try FileManager.default.removeItem(atPath: dir + "/elsewhere")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == before)
        #expect(FileManager.default.fileExists(atPath: dir + "/shard-1/paths.bin"))
    }

    /// The report's language is part of the run: a merge renders it as the shards' run asked.
    @Test func mergeKeepsTheLocale() throws {
        let dir = try Runner.temporaryDirectory("merge-locale")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let common = ["run", "scenarios/base.yaml", "--paths", "300", "--seed", "3", "--quiet", "--locale", "en"]
        #expect(try Runner.run(common + ["--out", dir + "/single"]).status == 0)
        for k in [1, 2] { #expect(try Runner.run(common + ["--shard", "\(k)/2", "--out", dir + "/s\(k)"]).status == 0) }
        #expect(try Runner.run(["merge", dir + "/s1", dir + "/s2", "--out", dir + "/merged", "--quiet"]).status == 0)
        let a = Runner.bytes(dir + "/single/report.html"), b = Runner.bytes(dir + "/merged/report.html")
        #expect(a != nil && a == b)
    }

    @Test func refusesShardsOfDifferentRunsAndIncompleteSets() throws {
        let dir = try Runner.temporaryDirectory("refuse")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func shard(_ k: Int, of n: Int, seed: Int, paths: Int = 40) throws -> String {
            let out = dir + "/s\(k)of\(n)-seed\(seed)-p\(paths)"
            let r = try Runner.run(["run", "scenarios/base.yaml", "--paths", "\(paths)", "--seed", "\(seed)",
                                    "--shard", "\(k)/\(n)", "--out", out, "--quiet", "--threads", "1"])
            #expect(r.status == 0, "\(r.stderr)")
            return out
        }
        let a1 = try shard(1, of: 2, seed: 1), a2 = try shard(2, of: 2, seed: 1)
        let b2 = try shard(2, of: 2, seed: 2)
        let c3 = try shard(3, of: 3, seed: 1)
        let p2 = try shard(2, of: 2, seed: 1, paths: 50)

        let seed = try Runner.run(["merge", a1, b2, "--out", dir + "/m1"])
        #expect(seed.status == 2)
        #expect(seed.stderr.contains("seed") && seed.stderr.contains(a1) && seed.stderr.contains(b2))

        let paths = try Runner.run(["merge", a1, p2, "--out", dir + "/m2"])
        #expect(paths.status == 2 && paths.stderr.contains("paths"))

        let count = try Runner.run(["merge", a1, c3, "--out", dir + "/m3"])
        #expect(count.status == 2 && count.stderr.contains("shards"))

        let missing = try Runner.run(["merge", a1, "--out", dir + "/m4"])
        #expect(missing.status == 2 && missing.stderr.contains("missing shard(s) 2/2"))

        let duplicate = try Runner.run(["merge", a1, a1, a2, "--out", dir + "/m5"])
        #expect(duplicate.status == 2 && duplicate.stderr.contains("each shard once"))

        // Manifests edited by hand: a shard number out of range, another engine's shards.
        func edit(_ shard: String, _ change: (String) -> String) throws -> String {
            let copy = shard + "-edited"
            try? FileManager.default.removeItem(atPath: copy)
            try FileManager.default.copyItem(atPath: shard, toPath: copy)
            let text = try String(contentsOfFile: copy + "/manifest.json", encoding: .utf8)
            try change(text).write(toFile: copy + "/manifest.json", atomically: true, encoding: .utf8)
            return copy
        }
        let outOfRange = try edit(a2) { $0.replacingOccurrences(of: "\"shard\": 2", with: "\"shard\": 7") }
        let range = try Runner.run(["merge", a1, outOfRange, "--out", dir + "/m6"])
        #expect(range.status == 2 && range.stderr.contains("shard: got '7/2', expected a shard number 1...2"), "\(range.stderr)")
        let older = try [a1, a2].map { try edit($0) { $0.replacingOccurrences(of: "\"engine_version\": \"", with: "\"engine_version\": \"0.0.") } }
        let engine = try Runner.run(["merge"] + older + ["--out", dir + "/m7"])
        #expect(engine.status == 2 && engine.stderr.contains("expected this loanbook's engine"), "\(engine.stderr)")

        for m in ["m1", "m2", "m3", "m4", "m5", "m6", "m7"] {
            #expect(!FileManager.default.fileExists(atPath: dir + "/" + m))
        }
        let good = try Runner.run(["merge", a2, a1, "--out", dir + "/good", "--quiet"])
        #expect(good.status == 0, "\(good.stderr)")
    }
}

@Suite struct PathsFileTests {
    @Test func headerRoundTrips() throws {
        var results = PathResults(firstYear: 2014, years: 2, paths: 3)
        for i in results.values.indices { results.values[i] = Double(i) * 1.5 - 7 }
        results.collectedShare = [0.5, 0.6, 0.7]
        let run = RunResult(results, costByKind: (0..<12).map(Double.init),
                                     costBySector: (0..<6).map { Double($0) / 3 }, sectors: ["a", "b"],
                                     positionMonths: 99)
        let data = PathsFile.encode(run, firstPath: 12)
        #expect(Array(data.prefix(8)) == Array("LBPATHS\0".utf8))
        let (header, back) = try PathsFile.decode(data, file: "x", sectors: ["a", "b"])
        #expect(header.firstPath == 12 && header.pathCount == 3 && header.years == 2 && header.firstYear == 2014)
        #expect(back.results.values == results.values && back.costByKind == run.costByKind)
        #expect(back.costBySector == run.costBySector && back.results.collectedShare == results.collectedShare)
        #expect(back.positionMonths == 99)
        #expect(throws: InputProblem.self) { try PathsFile.decode(data.dropLast(8), file: "x", sectors: ["a", "b"]) }
    }
}
