import ArgumentParser
import LoanBookIO

extension ReportLocale: ExpressibleByArgument {}

extension ReportLocale {
    /// The locale a run's recorded command line asked for (`--locale en` or `--locale=en`), so
    /// that `merge` renders the report as the shards' run would have.
    static func recorded(in commandLine: [String]) -> ReportLocale {
        for (i, argument) in commandLine.enumerated() {
            if argument == "--locale", i + 1 < commandLine.count, let locale = ReportLocale(rawValue: commandLine[i + 1]) {
                return locale
            }
            if argument.hasPrefix("--locale="), let locale = ReportLocale(rawValue: String(argument.dropFirst(9))) {
                return locale
            }
        }
        return .nl
    }
}
