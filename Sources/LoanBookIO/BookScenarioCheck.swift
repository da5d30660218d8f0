import LoanBook

extension BookCSV {
    /// The sectors and risk classes a book uses that its scenario does not define.
    ///
    /// The engine would have no factor or no PD for such a position. Each unknown name is
    /// reported once, at the first row that uses it, with the number of rows; a large book
    /// with one misspelt sector would otherwise print thousands of lines.
    public static func unknownNames(inBookAt path: String, scenario: Scenario) -> [InputProblem] {
        guard let text = try? InputFile.readText(path) else { return [] }
        let rows = CSVTable.rows(of: text, file: path, required: BookCSVReader.columns, problems: ProblemList())
        var problems: [InputProblem] = []
        for (column, known, what) in [("sector", scenario.economy.sectors, "economy.sectors"),
                                      ("risk_class", scenario.riskClasses.map(\.name), "risk_classes")] {
            var first: [String: CSVFields] = [:]
            var count: [String: Int] = [:]
            var order: [String] = []
            for row in rows {
                let name = row.text(column)
                guard !name.isEmpty, !known.contains(name) else { continue }
                if first[name] == nil { first[name] = row; order.append(name) }
                count[name, default: 0] += 1
            }
            for name in order {
                let row = first[name]!
                problems.append(InputProblem(
                    file: path, line: row.record.line, column: row.columns[column].map { $0 + 1 }, field: column,
                    value: name,
                    expected: "a name from the scenario's \(what): " + oneOf(known, near: name)
                        + " (used on \(count[name]!) row(s), first here)"))
            }
        }
        return problems
    }
}
