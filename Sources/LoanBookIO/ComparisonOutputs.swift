import Foundation
import LoanBook

/// The files of one `compare` (CLI.md), as names relative to DIR and bytes, ready for one
/// `OutputDirectory.write(_:)` over DIR as a whole: each run's own files under its directory,
/// `difference.csv`, `comparison.json` and a `report.html` of the difference beside them. Pure: the same runs give the same bytes.
public enum ComparisonOutputs {
    public static let difference = "difference.csv"
    public static let comparison = "comparison.json"
    public static let report = "report.html"

    /// The runs' directories: the scenario file stems, or `<stem>-a` and `<stem>-b` when the
    /// stems are the same (a scenario compared with itself, or two files of one name).
    public static func directories(stemA: String, stemB: String) -> (a: String, b: String) {
        stemA == stemB ? ("\(stemA)-a", "\(stemB)-b") : (stemA, stemB)
    }

    /// difference.csv: projection.csv's columns over the per-path difference B - A.
    public static func differenceCSV(_ comparison: PairedComparison) -> String {
        ProjectionCSV.render(comparison.difference)
    }

    public static func files(a: (directory: String, files: [(name: String, contents: Data)]),
                             b: (directory: String, files: [(name: String, contents: Data)]),
                             comparison: PairedComparison, comparisonJSON: String, report: String? = nil)
        -> [(name: String, contents: Data)]
    {
        a.files.map { ("\(a.directory)/\($0.name)", $0.contents) }
            + b.files.map { ("\(b.directory)/\($0.name)", $0.contents) }
            + [
                (Self.difference, Data(differenceCSV(comparison).utf8)),
                (Self.comparison, Data(comparisonJSON.utf8)),
            ] + (report.map { [(Self.report, Data($0.utf8))] } ?? [])
    }
}
