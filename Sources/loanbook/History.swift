import ArgumentParser
import Foundation
import LoanBook
import LoanBookIO

/// `loanbook history --db FILE`: how a figure drifted over the nights, as CSV (docs/batch.md).
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print how figures drifted over the nights, as CSV on standard output.",
        discussion: """
            With --metric: that metric's statistics from projection.csv per night (mean, sd, se, \
            quantiles, VaR/ES). Otherwise the summary figures (exceedance_probability, required_p90, \
            required_p95, required_p99, collected_share, contribution_es95, ...), all or the one \
            given with --figure. Example: the provision that holds at 95% in the first year, per night: \
            loanbook history --db history.sqlite --figure required_p95 --year 2014 --scenario base
            """)

    @Option(help: "The SQLite run history written by 'loanbook batch --db'.")
    var db: String

    @Option(help: "A metric of projection.csv (municipal_net_result, cost_above_budget, ...).")
    var metric: String?

    @Option(help: "A calendar year, 'all' for the whole horizon, 'any' for a probability in any year, or 'every' for every row (default).")
    var year: String = "every"

    @Option(help: "Only this scenario (its name).")
    var scenario: String?

    @Option(help: "Only this summary figure (required_p95, exceedance_probability, ...).")
    var figure: String?

    func validate() throws {
        if metric != nil && figure != nil {
            throw ValidationError("--metric and --figure: give one; a metric's statistics and the summary figures are separate tables")
        }
        if year != "every" && year != "all" && year != "any" && Int(year) == nil {
            throw ValidationError("--year: expected a calendar year, 'all', 'any' or 'every', got '\(year)'")
        }
        // A misspelt name would print only the header, which reads as "no history".
        if let metric, Metric(rawValue: metric) == nil {
            throw ValidationError("--metric: got '\(metric)', expected a metric of projection.csv: "
                + Metric.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if let figure, !RunHistory.figures.contains(figure),
           !RunHistory.figureFamilies.contains(where: { figure.hasPrefix($0) && figure.count > $0.count }) {
            throw ValidationError("--figure: got '\(figure)', expected one of "
                + (RunHistory.figures + RunHistory.figureFamilies.map { $0 + "NAME" }).joined(separator: ", "))
        }
    }

    func run() throws {
        try CommandFailure.report {
            guard FileManager.default.fileExists(atPath: db) else {
                throw InputProblem(file: db, expected: "an existing run history (written by 'loanbook batch --db')")
            }
            let history = try RunHistory(path: db)
            let query = RunHistory.Query(metric: metric, figure: figure, year: year == "every" ? nil : year,
                                         scenario: scenario)
            FileHandle.standardOutput.write(Data(try history.history(query).utf8))
        }
    }
}
