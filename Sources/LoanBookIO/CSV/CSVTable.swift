/// Header and row-shape checks shared by the book and the history sidecar.
enum CSVTable {
    /// The rows of `text` whose shape is right, as named fields. Reported here: an empty
    /// file, missing or repeated columns (once, naming all of them), a wrong field count,
    /// a row in the other dialect and an unclosed quote. Extra columns are ignored.
    static func rows(of text: String, file: String, required: [String], problems: ProblemList) -> [CSVFields] {
        let csv = CSVText(text)
        guard let header = csv.header else {
            problems.append(InputProblem(file: file, line: 1, expected: "a header line: \(required.joined(separator: ","))"))
            return []
        }
        let names = header.fields.map(\.trimmingSpaces)
        var columns: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if columns[name] != nil, required.contains(name) {
                problems.append(InputProblem(file: file, line: 1, column: index + 1, field: name, value: name,
                                             expected: "each column once in the header"))
            }
            if columns[name] == nil { columns[name] = index }
        }
        let missing = required.filter { columns[$0] == nil }
        if !missing.isEmpty {
            var expected = "the column(s) " + missing.joined(separator: ", ")
            let unknown = names.filter { !required.contains($0) }
            let guesses = missing.compactMap { name in suggestion(for: name, among: unknown).map { "'\($0)' for '\(name)'" } }
            if !guesses.isEmpty { expected += " (misspelt? " + guesses.joined(separator: ", ") + ")" }
            problems.append(InputProblem(file: file, line: 1, field: "header", value: names.joined(separator: ","),
                                         expected: expected))
            return []
        }
        var result: [CSVFields] = []
        for record in csv.rows {
            if record.unterminatedQuote {
                problems.append(InputProblem(file: file, line: record.line, expected: "a closing double quote"))
                continue
            }
            guard record.fields.count == names.count else {
                let otherCount = record.raw.unicodeScalars.split(separator: csv.dialect.otherSeparator,
                                                                 omittingEmptySubsequences: false).count
                let expected = otherCount == names.count
                    ? "fields separated like the header (\(csv.dialect.name)); this row mixes dialects"
                    : "\(names.count) fields like the header"
                problems.append(InputProblem(file: file, line: record.line, value: "\(record.fields.count) fields",
                                             expected: expected))
                continue
            }
            result.append(CSVFields(file: file, record: record, columns: columns, dialect: csv.dialect,
                                    problems: problems))
        }
        return result
    }
}
