import Foundation
import Testing
@testable import LoanBookIO

@Suite struct ManifestShardTests {
    /// Every shard and the merge of them record the unsharded run's command line.
    @Test func commandLineLeavesOutShardAndKeepPaths() {
        let single = Manifest.recordedCommandLine(["/x/.build/debug/loanbook", "run", "s.yaml", "--paths", "600"])
        #expect(Manifest.recordedCommandLine(["loanbook", "run", "s.yaml", "--shard", "2/3", "--paths", "600"]) == single)
        #expect(Manifest.recordedCommandLine(["loanbook", "run", "s.yaml", "--shard=auto/3", "--paths", "600",
                                              "--keep-paths", "--threads", "1"]) == single)
        #expect(single == ["loanbook", "run", "s.yaml", "--paths", "600"])
    }

    @Test func readsBackWhatItWrites() throws {
        let manifest = Manifest(engineVersion: "0.1.0", commandLine: ["loanbook", "run", "s.yaml"],
                                seed: UInt64.max - 1, paths: 600, shards: 3, shard: 2,
                                inputs: [.init(role: "scenario", path: "s.yaml", sha256: "ab")])
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write(manifest.render(), to: dir + "/manifest.json")
        #expect(try Manifest.read(path: dir + "/manifest.json") == manifest)
        var whole = manifest
        whole.shard = nil
        whole.shards = 1
        try write(whole.render(), to: dir + "/manifest.json")
        #expect(try Manifest.read(path: dir + "/manifest.json") == whole)
    }
}
