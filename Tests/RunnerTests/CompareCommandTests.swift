import Foundation
import Testing

/// `loanbook compare` through the binary: both runs, the difference, its report and a manifest
/// naming both scenarios' inputs, written as one directory.
@Suite(.serialized) struct CompareCommandTests {
    @Test func writesBothRunsTheDifferenceAndAManifest() throws {
        let dir = try Runner.temporaryDirectory("compare")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try Runner.run(["compare", "scenarios/current.yaml", "scenarios/variant-2-ez.yaml",
                                     "--paths", "300", "--tornado-paths", "0", "--quiet", "--out", dir + "/cmp"])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir + "/cmp").sorted()
        #expect(names == ["comparison.json", "current", "difference.csv", "manifest.json", "report.html", "variant-2-ez"])
        for run in ["current", "variant-2-ez"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/cmp/\(run)/projection.csv"))
        }
        let manifest = try String(contentsOfFile: dir + "/cmp/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"a scenario\"") && manifest.contains("\"b scenario\""))
        #expect(manifest.contains("scenarios/variant-2-ez.yaml"))
    }
}
