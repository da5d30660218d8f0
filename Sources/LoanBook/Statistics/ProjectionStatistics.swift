import Foundation

/// `SummaryStatistics` for every (year, metric) of a run: the content of projection.csv and
/// of the report's tables, computed once.
public struct ProjectionStatistics: Sendable, Equatable {
    public let firstYear: Int
    public let years: Int
    public let paths: Int
    /// `statistics[year * Metric.count + metric.index]`, year index `years` is the horizon.
    public let statistics: [SummaryStatistics]

    /// One column (with its sorted copy and the sort's scratch) at a time per worker, so
    /// memory stays at about 3 x `threads` columns of paths besides `results`.
    /// O(years x metrics x n); each column's figures depend only on the column, so `threads`
    /// does not change them.
    public init(results: PathResults, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        firstYear = results.firstYear
        years = results.years
        paths = results.paths
        let metrics = Metric.allCases
        let count = (results.years + 1) * metrics.count
        let workers = max(1, min(threads, count))
        statistics = [SummaryStatistics](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = SharedBuffer(buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var column = [Double](repeating: 0, count: results.paths)
                for index in stride(from: worker, to: count, by: workers) {
                    let year = index / metrics.count, metric = metrics[index % metrics.count]
                    for path in 0..<results.paths { column[path] = results[path, year, metric] }
                    (slots.base + index).initialize(to: SummaryStatistics(sample: column, metric: metric))
                }
            }
            initialized = count
        }
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
