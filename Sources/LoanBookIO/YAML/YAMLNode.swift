import Yams

/// A YAML document as a plain tree in which every node remembers the file, line and column
/// it came from.
///
/// Yams' `Node` keeps a line and column but not the file; a scenario that inherits from a
/// `base:` file mixes nodes of two files, and a problem must still point at the right one.
/// Keys are kept as written (years such as `2014` stay text until a reader asks for a year).
struct YAMLNode: Sendable {
    enum Content: Sendable {
        /// A scalar as written; `plain` is false for quoted scalars.
        case scalar(String, plain: Bool)
        case mapping([YAMLEntry])
        case sequence([YAMLNode])
    }

    var content: Content
    var file: String
    var line: Int?
    var column: Int?

    /// True for `~`, `null` and an empty plain value (`key:` with nothing after it).
    var isNull: Bool {
        if case let .scalar(text, plain) = content, plain {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// How the node reads in a message: the scalar itself, or what kind of node it is.
    var shown: String {
        switch content {
        case let .scalar(text, _): text
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }
}

/// One `key: value` pair of a mapping, with the key's own location for unknown-key messages.
struct YAMLEntry: Sendable {
    var key: String
    var keyLine: Int?
    var keyColumn: Int?
    var value: YAMLNode
}

extension YAMLNode {
    /// Parses one YAML document. A syntax error becomes a single located problem, since
    /// libyaml cannot go on after one.
    static func parse(_ text: String, file: String) throws(InputProblems) -> YAMLNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw InputProblems([problem(from: error, file: file)])
        } catch {
            throw InputProblems([InputProblem(file: file, expected: "valid YAML (\(error))")])
        }
        guard let root else {
            throw InputProblems([InputProblem(file: file, line: 1, expected: "a YAML mapping, not an empty file")])
        }
        var keyProblems: [InputProblem] = []
        var budget = maximumNodes
        let tree = convert(root, file: file, problems: &keyProblems, budget: &budget)
        if budget < 0 {
            throw InputProblems([InputProblem(
                file: file, line: root.mark?.line, column: root.mark?.column,
                expected: "a document of at most \(maximumNodes) values once aliases (*name) are expanded")])
        }
        if !keyProblems.isEmpty { throw InputProblems(keyProblems) }
        return tree
    }

    /// Nodes a document may expand to. A scenario has a few hundred; the limit stops a
    /// "billion laughs" document (aliases of aliases, exponential once expanded) before it
    /// takes the machine's memory.
    static let maximumNodes = 100_000

    private static func convert(_ node: Node, file: String, problems: inout [InputProblem],
                                budget: inout Int) -> YAMLNode {
        let line = node.mark?.line
        let column = node.mark?.column
        budget -= 1
        if budget < 0 { return YAMLNode(content: .scalar("", plain: true), file: file, line: line, column: column) }
        switch node {
        case let .scalar(scalar):
            return YAMLNode(content: .scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any),
                            file: file, line: line, column: column)
        case let .sequence(sequence):
            var items: [YAMLNode] = []
            for item in sequence where budget >= 0 {
                items.append(convert(item, file: file, problems: &problems, budget: &budget))
            }
            return YAMLNode(content: .sequence(items), file: file, line: line, column: column)
        case let .mapping(mapping):
            var entries: [YAMLEntry] = []
            for (key, value) in mapping where budget >= 0 {
                guard case let .scalar(keyScalar) = key else {
                    problems.append(InputProblem(file: file, line: key.mark?.line, column: key.mark?.column,
                                                 expected: "a plain key (a name or a year), not a list or mapping"))
                    continue
                }
                entries.append(YAMLEntry(key: keyScalar.string, keyLine: key.mark?.line, keyColumn: key.mark?.column,
                                         value: convert(value, file: file, problems: &problems, budget: &budget)))
            }
            return YAMLNode(content: .mapping(entries), file: file, line: line, column: column)
        case let .alias(alias):
            return YAMLNode(content: .scalar("*\(alias.anchor)", plain: false), file: file, line: line, column: column)
        }
    }

    private static func problem(from error: YamlError, file: String) -> InputProblem {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return InputProblem(file: file, line: mark.line, column: mark.column, expected: "valid YAML (\(problem))")
        case let .duplicatedKeysInMapping(duplicates, context):
            return InputProblem(file: file, line: context.mark.line, column: context.mark.column,
                                field: duplicates.joined(separator: ", "),
                                expected: "each key once in a mapping (duplicated key)")
        default:
            return InputProblem(file: file, expected: "valid YAML (\(error))")
        }
    }

    /// Deep merge for `base:` inheritance: mappings merge key by key, the override's value
    /// wins everywhere else (lists are replaced whole, so a list never half-inherits), and so
    /// does a mapping at one of the `whole` paths (dotted, such as `settlement.macronorm`): one
    /// that chooses between alternatives (`table` or `simulated`) must not keep the base's choice.
    func merged(over base: YAMLNode, whole: Set<String> = [], at path: String = "") -> YAMLNode {
        guard !whole.contains(path), case let .mapping(mine) = content, case let .mapping(theirs) = base.content else {
            return self
        }
        var result: [YAMLEntry] = []
        for entry in theirs {
            if let override = mine.first(where: { $0.key == entry.key }) {
                var merged = override
                merged.value = override.value.merged(over: entry.value, whole: whole,
                                                     at: path.isEmpty ? entry.key : path + "." + entry.key)
                result.append(merged)
            } else {
                result.append(entry)
            }
        }
        for entry in mine where !theirs.contains(where: { $0.key == entry.key }) {
            result.append(entry)
        }
        var node = self
        node.content = .mapping(result)
        return node
    }
}
