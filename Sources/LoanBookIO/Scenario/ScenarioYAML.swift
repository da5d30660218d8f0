import Foundation
import LoanBook

/// Reads a scenario YAML file into a `Scenario`, reporting every problem with its file,
/// line, column and dotted field path (docs/scenario-format.md describes the schema).
///
/// A scenario may inherit from another with `base: other.yaml` (relative to the file):
/// mappings merge key by key and the inheriting file wins, so a variant only states what
/// differs from the base.
public enum ScenarioYAML {
    /// Reads, merges with its `base:` chain and decodes the scenario at `path`.
    public static func load(path: String) throws(InputProblems) -> Scenario {
        let tree = try resolvedTree(path: path, visited: [])
        return try decode(tree)
    }

    /// Decodes scenario text; `file` names it in messages and anchors a `base:` path.
    public static func decode(_ text: String, file: String) throws(InputProblems) -> Scenario {
        let tree = try YAMLNode.parse(text, file: file)
        return try decode(try resolveBase(of: tree, file: file, visited: [absolute(file)]))
    }

    static func decode(_ tree: YAMLNode) throws(InputProblems) -> Scenario {
        let problems = ProblemList()
        let scenario = ScenarioDecoder(root: YAMLField(node: tree, path: "", problems: problems)).scenario()
        try problems.throwIfAny()
        return scenario
    }

    /// The scenario file and every file of its `base:` chain, the scenario first.
    /// Assumes the chain was loaded successfully (`load(path:)`).
    public static func chain(path: String) -> [String] {
        var files = [path]
        var current = path
        while let text = try? InputFile.readText(current), let tree = try? YAMLNode.parse(text, file: current),
              case let .mapping(entries) = tree.content, let entry = entries.first(where: { $0.key == "base" }),
              case let .scalar(name, _) = entry.value.content, !name.isEmpty, files.count < 64 {
            current = relative(name, to: current)
            files.append(current)
        }
        return files
    }

    // MARK: Inheritance

    static func resolvedTree(path: String, visited: Set<String>) throws(InputProblems) -> YAMLNode {
        let text = try InputFile.readText(path)
        let tree = try YAMLNode.parse(text, file: path)
        return try resolveBase(of: tree, file: path, visited: visited.union([absolute(path)]))
    }

    private static func resolveBase(of tree: YAMLNode, file: String, visited: Set<String>) throws(InputProblems) -> YAMLNode {
        guard case let .mapping(entries) = tree.content,
              let entry = entries.first(where: { $0.key == "base" }) else { return tree }
        guard case let .scalar(name, _) = entry.value.content, !entry.value.isNull, !name.isEmpty else {
            throw InputProblems([InputProblem(file: file, line: entry.value.line, column: entry.value.column,
                                              field: "base", value: entry.value.shown,
                                              expected: "the path of the scenario file to inherit from")])
        }
        let basePath = relative(name, to: file)
        guard !visited.contains(absolute(basePath)) else {
            throw InputProblems([InputProblem(file: file, line: entry.value.line, column: entry.value.column,
                                              field: "base", value: name,
                                              expected: "a base chain without cycles")])
        }
        guard FileManager.default.fileExists(atPath: basePath) else {
            throw InputProblems([InputProblem(file: file, line: entry.value.line, column: entry.value.column,
                                              field: "base", value: name,
                                              expected: "an existing scenario file (looked for \(basePath))")])
        }
        let base = try resolvedTree(path: basePath, visited: visited)
        return tree.merged(over: base, whole: replacedWhole)
    }

    /// Mappings that choose between alternatives, replaced whole by a scenario that sets them:
    /// `macronorm: {simulated: ...}` over a base's `{table: ...}` is the other choice, not both,
    /// and a budget table over a base's table is that table, not a blend of the two.
    static let replacedWhole: Set<String> = ["settlement.macronorm", "provision.budgeted_net_cost"]

    /// `path` as written in `file` (a scenario's `book:`), relative to the directory of `file`.
    public static func relative(_ path: String, to file: String) -> String {
        InputFile.relative(path, to: file)
    }

    private static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (full as NSString).standardizingPath
    }
}
