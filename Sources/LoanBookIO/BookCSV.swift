import Foundation
import LoanBook

/// Reads a book: the positions CSV and its lending-history sidecar.
public enum BookCSV {
    /// The sidecar of `X.csv` is `X.history.csv` beside it.
    public static func historyPath(forBookAt path: String) -> String {
        (path.hasSuffix(".csv") ? String(path.dropLast(4)) : path) + ".history.csv"
    }

    /// Reads the book at `path` as of 1 January of `asOfYear`, with its history sidecar.
    /// Problems of both files are reported together.
    public static func read(bookAt path: String, asOfYear: Int) throws(InputProblems) -> Book {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputProblems([InputProblem(file: path, expected: "an existing book CSV file")])
        }
        var problems: [InputProblem] = []
        var positions: [Position] = []
        var history = LendingHistory()
        do {
            positions = try BookCSVReader(file: path).positions(from: try InputFile.readText(path), asOfYear: asOfYear)
        } catch {
            problems += error.problems
        }
        let sidecar = historyPath(forBookAt: path)
        if FileManager.default.fileExists(atPath: sidecar) {
            do {
                history = try LendingHistoryReader(file: sidecar).history(from: try InputFile.readText(sidecar),
                                                                          asOfYear: asOfYear)
            } catch {
                problems += error.problems
            }
        } else {
            problems.append(InputProblem(file: path, field: "history",
                                         expected: "a lending-history sidecar at \(sidecar) (year,lasten_bk,lasten_lo)"))
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        return Book(asOfYear: asOfYear, asOfMonth: 1, positions: positions, history: history)
    }

    /// Reads book text (no sidecar), for tests and tools that hold the text already.
    public static func positions(from text: String, file: String, asOfYear: Int) throws(InputProblems) -> [Position] {
        try BookCSVReader(file: file).positions(from: text, asOfYear: asOfYear)
    }

    /// Reads history sidecar text.
    public static func history(from text: String, file: String, asOfYear: Int) throws(InputProblems) -> LendingHistory {
        try LendingHistoryReader(file: file).history(from: text, asOfYear: asOfYear)
    }
}
