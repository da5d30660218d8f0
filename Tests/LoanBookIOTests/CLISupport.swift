import Foundation
import Testing

/// The outcome of one run of the real `loanbook` binary.
struct CLIResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    var description: String { "exit \(status)\nstderr:\n\(stderr)" }
}

/// A scratch directory holding a good scenario, its book and history sidecar, and the outputs
/// of an "earlier run" in `out/`, for running the built binary against bad inputs and faults.
///
/// The binary is the `loanbook` built beside the tests (`swift build --build-tests` builds it), or
/// `.build/debug/loanbook` from the repository root found by `#filePath`; tests run it as
/// a subprocess in the directory, so messages name files as `scenario.yaml`, `book.csv`.
struct CLIWorkspace {
    static let binary: String = {
        // Beside the test bundle first (any configuration), else the debug build of the repository.
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("loanbook").path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: beside, isDirectory: &isDirectory), !isDirectory.boolValue,
           FileManager.default.isExecutableFile(atPath: beside) {
            return beside
        }
        return repositoryRoot() + "/.build/debug/loanbook"
    }()

    /// Outputs of an earlier run that a failed run must leave byte for byte.
    static let earlier: [String: String] = [
        "manifest.json": """
            {"engine_version": "0.0.1", "command_line": ["loanbook", "run", "scenario.yaml"], "seed": 7, "paths": 7,
             "shards": 1, "inputs": []}

            """,
        "projection.csv": "year,metric\n2014,lasten_bk\n",
        "summary.json": "{\"paths\": 7}\n",
        "report.html": "<!DOCTYPE html><p>earlier</p>\n",
    ]

    static let header = "id,kind,segment,sector,vintage,balance,annual_rate,remaining_months,repayment,status,risk_class,deferral_used_months"
    static let rows = [
        "B1,bk,starter,retail,2012,12345.67,0.08,36,annuity,performing,A,0",
        "L1,lo,established,horeca,2011,5000,0,0,bullet,arrears,B,12",
        "B2,bk,established,horeca,2010,8000.50,0.05,48,linear,deferred,B,6",
    ]
    static let book = ([header] + rows).joined(separator: "\n") + "\n"

    let directory: String

    /// Writes `scenario.yaml`, `book.csv` and (unless nil) `book.history.csv`, and `out/` with
    /// the earlier outputs.
    init(scenario: String = Fixture.scenario, book: String = CLIWorkspace.book,
         history: String? = Fixture.history) throws {
        directory = try temporaryDirectory()
        try write(scenario, to: directory + "/scenario.yaml")
        try write(book, to: directory + "/book.csv")
        if let history { try write(history, to: directory + "/book.history.csv") }
        try writeEarlierOutputs(at: "out")
    }

    /// Puts the earlier run's outputs into `relative` (a directory created here).
    func writeEarlierOutputs(at relative: String) throws {
        try FileManager.default.createDirectory(atPath: directory + "/" + relative, withIntermediateDirectories: true)
        for (name, text) in Self.earlier { try write(text, to: directory + "/\(relative)/" + name) }
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// Runs `loanbook ARGS` in the workspace directory and waits for it.
    func run(_ arguments: [String], environment: [String: String]? = nil) throws -> CLIResult {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary),
                     "build the runner first: swift build (looked for \(Self.binary))")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes to the end before waiting, so a chatty child never blocks on a full pipe.
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }

    /// `loanbook run scenario.yaml --out out --paths 16 --quiet` plus `extra`.
    func runScenario(_ extra: [String] = [], scenario: String = "scenario.yaml") throws -> CLIResult {
        try run(["run", scenario, "--out", "out", "--paths", "16", "--threads", "1", "--quiet"] + extra)
    }

    /// The earlier outputs are byte-identical and nothing was left beside them (no
    /// `out.tmp-*`, no `out.old-*`).
    func earlierOutputsIntact(at relative: String = "out", sourceLocation: SourceLocation = #_sourceLocation) {
        let fm = FileManager.default
        let target = directory + "/" + relative
        let names = (try? fm.contentsOfDirectory(atPath: target)) ?? []
        #expect(Set(names) == Set(Self.earlier.keys), "\(relative)/ holds \(names)", sourceLocation: sourceLocation)
        for (name, text) in Self.earlier {
            let data = fm.contents(atPath: target + "/" + name)
            #expect(data == Data(text.utf8), "\(relative)/\(name) changed", sourceLocation: sourceLocation)
        }
        let parent = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        let leftovers = ((try? fm.contentsOfDirectory(atPath: parent)) ?? [])
            .filter { $0.hasPrefix(base + ".") }
        #expect(leftovers.isEmpty, "left beside out/: \(leftovers)", sourceLocation: sourceLocation)
    }
}
