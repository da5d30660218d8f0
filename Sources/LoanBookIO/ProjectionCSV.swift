import LoanBook

/// projection.csv (CLI.md): long format, one row per (year, metric), calendar years in order
/// then `all`, metrics in `Metric.allCases` order within a year. EUR with two decimals
/// (`DecimalFormat`), so the same results always give the same bytes.
public enum ProjectionCSV {
    public static let header = "year,metric,mean,sd,se,p1,p5,p10,p50,p90,p95,p99,p99_5,var95,es95,var99,es99"

    public static func render(_ projection: ProjectionStatistics) -> String {
        var out = header + "\n"
        for year in 0...projection.years {
            let label = projection.yearLabel(year)
            for metric in Metric.allCases {
                let s = projection[year, metric]
                var fields: [Double] = [s.mean, s.sd, s.se]
                fields += s.quantiles
                fields += [s.valueAtRisk(0.95)!, s.expectedShortfall(0.95)!,
                           s.valueAtRisk(0.99)!, s.expectedShortfall(0.99)!]
                out += label + "," + metric.rawValue
                for x in fields { out += "," + DecimalFormat.fixed(x, digits: 2) }
                out += "\n"
            }
        }
        return out
    }

    public static func render(_ results: PathResults) -> String {
        render(ProjectionStatistics(results: results))
    }
}
