import LoanBook

/// Reads a book's lending-history sidecar `X.history.csv` (`year,lasten_bk,lasten_lo`, EUR).
///
/// The normbaten rule for year y averages bk lasten over y-6 ... y-2, so the first
/// simulated year needs the six years before it; a gap would silently change the norm.
struct LendingHistoryReader {
    static let columns = ["year", "lasten_bk", "lasten_lo"]
    /// Years of history the settlement needs before the as-of year.
    static let requiredYears = 6

    let file: String

    func history(from text: String, asOfYear: Int) throws(InputProblems) -> LendingHistory {
        let problems = ProblemList()
        let rows = CSVTable.rows(of: text, file: file, required: Self.columns, problems: problems)
        let hadShapeProblems = !problems.isEmpty
        var history = LendingHistory()
        var lineOfYear: [Int: Int] = [:]
        for row in rows {
            let year = row.int("year", in: 1990...(asOfYear - 1))
            let bk = row.cents("lasten_bk")
            let lo = row.cents("lasten_lo")
            guard let year, let bk, let lo else { continue }
            if let first = lineOfYear[year] {
                row.report("year", "each year once (already on line \(first))")
                continue
            }
            lineOfYear[year] = row.record.line
            history.bk[year] = bk
            history.lo[year] = lo
        }
        if !hadShapeProblems && problems.isEmpty {
            let needed = (asOfYear - Self.requiredYears)...(asOfYear - 1)
            let missing = needed.filter { lineOfYear[$0] == nil }
            if !missing.isEmpty {
                problems.append(InputProblem(
                    file: file, line: rows.isEmpty ? 1 : rows.last!.record.line, field: "year",
                    value: missing.map(String.init).joined(separator: ","),
                    expected: "a row for each of the \(Self.requiredYears) years \(needed.lowerBound)-\(needed.upperBound) before the book's date (missing years shown)"))
            }
        }
        try problems.throwIfAny()
        return history
    }
}
