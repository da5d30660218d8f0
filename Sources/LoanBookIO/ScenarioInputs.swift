import Foundation
import LoanBook

/// A scenario file with everything it refers to, read and checked, and the manifest entries
/// (SHA-256 of every file) that let a run be reproduced byte for byte.
public struct ScenarioInputs: Sendable {
    public var path: String
    public var scenario: Scenario
    public var book: Book
    public var manifestInputs: [Manifest.Input]

    /// Reads the scenario (with its `base:` chain), its book and the book's history sidecar.
    /// - Throws: `InputProblems` naming file, line, column and field of every problem found.
    public static func load(path: String) throws -> ScenarioInputs {
        let scenario = try ScenarioYAML.load(path: path)
        let bookPath = ScenarioYAML.relative(scenario.book, to: path)
        guard FileManager.default.fileExists(atPath: bookPath) else {
            throw InputProblems([InputProblem(file: path, field: "book", value: scenario.book,
                                              expected: "an existing book CSV (looked for \(bookPath))")])
        }
        let book = try BookCSV.read(bookAt: bookPath, asOfYear: scenario.asOfYear)
        let unknown = BookCSV.unknownNames(inBookAt: bookPath, scenario: scenario)
        if !unknown.isEmpty { throw InputProblems(unknown) }
        let chain = ScenarioYAML.chain(path: path)
        var inputs = try chain.enumerated().map { index, file in
            try Manifest.Input.hashing(role: index == 0 ? "scenario" : "base", path: file)
        }
        inputs.append(try Manifest.Input.hashing(role: "book", path: bookPath))
        inputs.append(try Manifest.Input.hashing(role: "history", path: BookCSV.historyPath(forBookAt: bookPath)))
        return ScenarioInputs(path: path, scenario: scenario, book: book, manifestInputs: inputs)
    }

    /// The scenario's file name without directory and extension (`variant-2-ez`).
    public var stem: String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}
