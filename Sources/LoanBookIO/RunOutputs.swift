import Foundation
import LoanBook

/// The files of one `run` (CLI.md, "Outputs of run"), as names and bytes, ready for
/// `OutputDirectory.write(_:)`. Pure: the same results and manifest give the same bytes.
public enum RunOutputs {
    public static let projection = "projection.csv"
    public static let summary = "summary.json"
    public static let manifest = "manifest.json"
    public static let report = "report.html"

    /// - Parameters:
    ///   - title: the report's heading (the scenario's name).
    ///   - provisionAmount: the provision to test, EUR per year.
    ///   - extraSummary: sections appended to summary.json after the fixed ones.
    public static func files(title: String, results: PathResults, provisionAmount: Double,
                             manifest: Manifest, extraSummary: [(String, JSONValue)] = [])
        -> [(name: String, contents: Data)]
    {
        let projection = ProjectionStatistics(results: results)
        let provision = ProvisionAnalysis(results: results, amount: provisionAmount)
        let share = CollectedShareSummary(shares: results.collectedShare)
        return [
            (Self.projection, Data(ProjectionCSV.render(projection).utf8)),
            (Self.summary, Data(SummaryJSON.render(provision: provision, collectedShare: share,
                                                   seed: manifest.seed, extra: extraSummary).utf8)),
            (Self.manifest, Data(manifest.render().utf8)),
            (Self.report, Data(ReportHTML.render(title: title, projection: projection, provision: provision,
                                                 collectedShare: share, manifest: manifest).utf8)),
        ]
    }
}
