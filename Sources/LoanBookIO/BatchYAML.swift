import Foundation

/// A nightly batch: a named list of scenario files run on the current book.
public struct BatchFile: Sendable, Hashable {
    public var name: String
    /// Scenario paths, resolved against the batch file's directory.
    public var scenarios: [String]
    /// Overrides every scenario's `paths` when set.
    public var paths: Int?

    public init(name: String, scenarios: [String], paths: Int? = nil) {
        self.name = name
        self.scenarios = scenarios
        self.paths = paths
    }
}

/// Reads a batch file such as `scenarios/nightly.yaml`:
/// `{name: nightly, scenarios: [base.yaml, crisis.yaml], paths: 20000}`.
public enum BatchYAML {
    public static func load(path: String) throws(InputProblems) -> BatchFile {
        try decode(try InputFile.readText(path), file: path)
    }

    /// Decodes batch text; scenario paths are made relative to `file`'s directory. A scenario
    /// file that is missing is not the batch file's problem: `batch` runs the others and
    /// records that one as failed (`validate` reports it).
    public static func decode(_ text: String, file: String) throws(InputProblems) -> BatchFile {
        let problems = ProblemList()
        let root = YAMLField(node: try YAMLNode.parse(text, file: file), path: "", problems: problems)
        var batch = BatchFile(name: "", scenarios: [])
        if let map = root.mapping(keys: ["name", "scenarios", "paths"]) {
            batch.name = map.required("name")?.string() ?? ""
            batch.paths = map.optional("paths")?.int(in: 1...100_000_000)
            if let list = map.required("scenarios"), let items = list.list() {
                if items.isEmpty { list.report("at least one scenario file") }
                for item in items {
                    guard let name = item.string() else { continue }
                    let path = InputFile.relative(name, to: file)
                    if batch.scenarios.contains(path) {
                        item.report("each scenario once")
                    }
                    batch.scenarios.append(path)
                }
            }
        }
        try problems.throwIfAny()
        return batch
    }

    /// True when the text looks like a batch (a top-level `scenarios:` key), so that
    /// `validate` can tell batch files from scenarios without being told.
    public static func looksLikeBatch(_ text: String) -> Bool {
        guard let tree = try? YAMLNode.parse(text, file: ""), case let .mapping(entries) = tree.content else {
            return false
        }
        return entries.contains { $0.key == "scenarios" }
    }
}
