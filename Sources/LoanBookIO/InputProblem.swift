/// One thing wrong with an input file, located as precisely as the format allows.
///
/// Its description reads like a compiler diagnostic, `file:line:column: field: ...`, so
/// editors and CI logs can jump to it.
public struct InputProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based line (YAML) or row (CSV, counting the header as line 1).
    public var line: Int?
    /// 1-based column where known.
    public var column: Int?
    /// The field or column name, or a dotted path such as `economy.persistence`.
    public var field: String?
    /// The offending value as written, if there is one.
    public var value: String?
    /// What was expected instead.
    public var expected: String

    public init(file: String, line: Int? = nil, column: Int? = nil, field: String? = nil,
                value: String? = nil, expected: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.value = value
        self.expected = expected
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        var text = "\(location): "
        if let field { text += "\(field): " }
        if let value { text += "got '\(value)', " }
        return text + "expected \(expected)"
    }
}

/// Every problem found in one or more input files; thrown when any is fatal.
public struct InputProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [InputProblem]
    public init(_ problems: [InputProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
