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
    ///   - contributions: drawn in report.html when given.
    ///   - locale: report.html's language and number format.
    ///   - threads: workers for the statistics (never changes a byte).
    public static func files(title: String, results: PathResults, provisionAmount: Double,
                             manifest: Manifest, extraSummary: [(String, JSONValue)] = [],
                             contributions: ContributionsReport? = nil, locale: ReportLocale = .nl,
                             threads: Int = ProcessInfo.processInfo.activeProcessorCount)
        -> [(name: String, contents: Data)]
    {
        let projection = ProjectionStatistics(results: results, threads: threads)
        let provision = ProvisionAnalysis(results: results, amount: provisionAmount)
        let figures = RunFigures(results: results, provisionAmount: provisionAmount, contributions: contributions,
                                 projection: projection, provision: provision)
        return files(title: title, figures: figures, manifest: manifest, extraSummary: extraSummary, locale: locale)
    }

    /// The files from a run's figures already computed (a caller that also draws or records
    /// them computes them once).
    public static func files(title: String, figures: RunFigures, manifest: Manifest,
                             extraSummary: [(String, JSONValue)] = [], locale: ReportLocale = .nl)
        -> [(name: String, contents: Data)]
    {
        let projection = figures.projection, provision = figures.provision
        return [
            (Self.projection, Data(ProjectionCSV.render(projection).utf8)),
            (Self.summary, Data(SummaryJSON.render(provision: provision, collectedShare: figures.collectedShare,
                                                   seed: manifest.seed,
                                                   extra: extraSummary + [tail90(projection)]).utf8)),
            (Self.manifest, Data(manifest.render().utf8)),
            (Self.report, Data(ReportHTML.run(title: title, figures: figures, manifest: manifest,
                                              locale: locale).utf8)),
        ]
    }

    /// VaR and ES at 90% of every metric and year (MODEL.md section 6 asks for 90, 95 and 99%;
    /// projection.csv's header, fixed by CLI.md, has room for 95 and 99 only).
    static func tail90(_ projection: ProjectionStatistics) -> (String, JSONValue) {
        let metrics = Metric.allCases.map { metric in
            (metric.rawValue, JSONValue.object((0...projection.years).map { year in
                let statistics = projection[year, metric]
                return (projection.yearLabel(year), .object([
                    ("var90", .number(statistics.valueAtRisk(0.90) ?? .nan)),
                    ("es90", .number(statistics.expectedShortfall(0.90) ?? .nan)),
                ]))
            }))
        }
        return ("var_es_90", .object(metrics))
    }
}
