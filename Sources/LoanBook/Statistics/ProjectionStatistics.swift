/// `SummaryStatistics` for every (year, metric) of a run: the content of projection.csv and
/// of the report's tables, computed once.
public struct ProjectionStatistics: Sendable, Equatable {
    public let firstYear: Int
    public let years: Int
    public let paths: Int
    /// `statistics[year * Metric.count + metric.index]`, year index `years` is the horizon.
    public let statistics: [SummaryStatistics]

    /// One column (and one sorted copy) at a time, so memory stays at about one column of
    /// paths besides `results`. O(years x metrics x n log n).
    public init(results: PathResults) {
        firstYear = results.firstYear
        years = results.years
        paths = results.paths
        var all: [SummaryStatistics] = []
        all.reserveCapacity((results.years + 1) * Metric.count)
        var column = [Double](repeating: 0, count: results.paths)
        for year in 0...results.years {
            for metric in Metric.allCases {
                for path in 0..<results.paths { column[path] = results[path, year, metric] }
                all.append(SummaryStatistics(sample: column, metric: metric))
            }
        }
        statistics = all
    }

    /// Year index 0..<years for calendar years, `years` for the whole horizon.
    public subscript(year: Int, metric: Metric) -> SummaryStatistics {
        statistics[year * Metric.count + metric.index]
    }

    /// "2014", ... or "all" for the horizon row.
    public func yearLabel(_ year: Int) -> String {
        year == years ? "all" : String(firstYear + year)
    }
}
