import Foundation
import Testing
@testable import LoanBookIO

@Suite struct BatchYAMLTests {
    @Test func readsBatchRelativeToItsFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write(Fixture.scenario, to: dir + "/a.yaml")
        try write("name: nightly\nscenarios: [a.yaml]\npaths: 2000\n", to: dir + "/nightly.yaml")
        let batch = try BatchYAML.load(path: dir + "/nightly.yaml")
        #expect(batch == BatchFile(name: "nightly", scenarios: [dir + "/a.yaml"], paths: 2000))
    }

    @Test func reportsEveryProblem() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("name: nightly\nscenarios:\n  - missing.yaml\n  - missing.yaml\npath: 10\n", to: dir + "/b.yaml")
        let found = problems { _ = try BatchYAML.load(path: dir + "/b.yaml") }
        #expect(found.count == 2, "\(found)")
        #expect(found.contains { $0.field == "path" && $0.line == 5 && $0.expected.contains("did you mean 'paths'?") })
        #expect(found.contains { $0.field == "scenarios[1]" && $0.line == 4 && $0.expected == "each scenario once" })
        // A missing scenario is not the batch file's problem: the batch runs the others.
        #expect(!found.contains { $0.field == "scenarios[0]" })
    }

    @Test func missingFile() {
        let found = problems { _ = try BatchYAML.load(path: "/nonexistent/nightly.yaml") }
        #expect(found.first?.file == "/nonexistent/nightly.yaml")
    }
}
