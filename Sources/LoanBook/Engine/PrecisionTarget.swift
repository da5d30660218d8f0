/// A figure of a run whose Monte Carlo standard error a run can be asked to bring below a
/// target (`loanbook run --target-se X --target-figure NAME`).
///
/// Names (`description` gives them back):
/// - `exceedance`: the first simulated year's probability that the cost above budget exceeds
///   the provision (the default: the risicomelding's headline figure);
/// - `exceedance:YYYY`: the same for calendar year YYYY;
/// - `exceedance_any_year`, `exceedance_horizon`: as in summary.json;
/// - `METRIC` or `METRIC:YYYY`: the mean of a projection.csv metric over the whole horizon
///   (the `all` row) or in calendar year YYYY.
///
/// Exceedance: se = sqrt(p (1 - p) / n), as summary.json reports it. A mean: se = sd / sqrt(n),
/// as projection.csv reports it.
public enum TargetFigure: Sendable, Equatable, CustomStringConvertible {
    /// Year index 0 is the first simulated year.
    case exceedance(yearIndex: Int)
    case exceedanceAnyYear
    case exceedanceHorizon
    /// `yearIndex` nil is the whole horizon.
    case mean(Metric, yearIndex: Int?)

    public static let `default` = TargetFigure.exceedance(yearIndex: 0)

    /// Parses `name` for a run of `years` years from `firstYear`.
    public static func parse(_ name: String, firstYear: Int, years: Int) -> Result<TargetFigure, ParseError> {
        let parts = name.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        var yearIndex: Int?
        if parts.count == 2 {
            guard let year = Int(parts[1]), year >= firstYear, year < firstYear + years else {
                return .failure(ParseError(name: name, expected:
                    "a calendar year of the run after ':', \(firstYear) to \(firstYear + years - 1)"))
            }
            yearIndex = year - firstYear
        }
        switch parts[0] {
        case "exceedance": return .success(.exceedance(yearIndex: yearIndex ?? 0))
        case "exceedance_any_year" where yearIndex == nil: return .success(.exceedanceAnyYear)
        case "exceedance_horizon" where yearIndex == nil: return .success(.exceedanceHorizon)
        default:
            if let metric = Metric(rawValue: parts[0]) { return .success(.mean(metric, yearIndex: yearIndex)) }
            return .failure(ParseError(name: name, expected:
                "exceedance, exceedance:YEAR, exceedance_any_year, exceedance_horizon, or a metric of "
                    + "projection.csv (optionally METRIC:YEAR): "
                    + Metric.allCases.map(\.rawValue).joined(separator: ", ")))
        }
    }

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var name: String
        public var expected: String
        public var description: String { "unknown target figure '\(name)': expected \(expected)" }
    }

    public var description: String {
        switch self {
        case .exceedance(let y): y == 0 ? "exceedance" : "exceedance[year \(y + 1)]"
        case .exceedanceAnyYear: "exceedance_any_year"
        case .exceedanceHorizon: "exceedance_horizon"
        case .mean(let metric, let y): y.map { "\(metric.rawValue)[year \($0 + 1)]" } ?? metric.rawValue
        }
    }

    /// The figure's standard error over the paths of `results`, whose `cost_above_budget` need
    /// not be filled yet: it is derived here exactly as `Settler.fillCostAboveBudget` would
    /// (`-municipal_net_result - budgeted`), so the value equals what the outputs report.
    /// - Complexity: O(paths x years), no sorting.
    public func standardError(of results: PathResults, provision: Provision) -> Double {
        let n = results.paths, years = results.years
        guard n > 0 else { return .nan }
        let budgeted = Settler.budgetedNetCost(results, provision: provision)
        func costAboveBudget(_ path: Int, _ year: Int) -> Double {
            -results[path, year, .municipalNetResult] - budgeted[year]
        }
        func value(_ metric: Metric, _ path: Int, _ year: Int) -> Double {
            metric == .costAboveBudget ? costAboveBudget(path, year) : results[path, year, metric]
        }
        let amount = provision.amount
        switch self {
        case .exceedance(let year):
            var k = 0
            for path in 0..<n where costAboveBudget(path, year) > amount { k += 1 }
            return ExceedanceProbability(exceedances: k, paths: n).se
        case .exceedanceAnyYear:
            var k = 0
            for path in 0..<n {
                for year in 0..<years where costAboveBudget(path, year) > amount {
                    k += 1
                    break
                }
            }
            return ExceedanceProbability(exceedances: k, paths: n).se
        case .exceedanceHorizon:
            var k = 0
            for path in 0..<n where costAboveBudget(path, years) > amount * Double(years) { k += 1 }
            return ExceedanceProbability(exceedances: k, paths: n).se
        case .mean(let metric, let yearIndex):
            guard n > 1 else { return .nan }
            let year = yearIndex ?? years
            var sum = 0.0
            for path in 0..<n { sum += value(metric, path, year) }
            let mean = sum / Double(n)
            var squares = 0.0
            for path in 0..<n {
                let d = value(metric, path, year) - mean
                squares += d * d
            }
            return (squares / Double(n - 1)).squareRoot() / Double(n).squareRoot()
        }
    }
}

/// Run until a figure's standard error is below `standardError`, in blocks of paths.
public struct PrecisionTarget: Sendable, Equatable {
    /// 1,024: four whole factor chunks, so no chunk of the economy is generated twice.
    public static let defaultBlockPaths = 4 * FactorModel.chunkSize
    /// 2,048: an exceedance probability estimated as 0 (or 1) on the first few hundred paths
    /// has se 0; the run never stops before this many paths.
    public static let defaultMinimumPaths = 8 * FactorModel.chunkSize

    public var figure: TargetFigure
    public var standardError: Double
    public var blockPaths: Int
    public var minimumPaths: Int

    public init(figure: TargetFigure = .default, standardError: Double,
                blockPaths: Int = PrecisionTarget.defaultBlockPaths,
                minimumPaths: Int = PrecisionTarget.defaultMinimumPaths) {
        precondition(blockPaths > 0)
        self.figure = figure
        self.standardError = standardError
        self.blockPaths = blockPaths
        self.minimumPaths = minimumPaths
    }
}

extension Simulation {
    /// What `run(target:maximumPaths:threads:progress:)` did.
    public struct TargetedRun: Sendable {
        /// The run over paths `0..<paths`, the same values as `run(paths: 0..<paths, ...)`.
        public var result: RunResult
        public var paths: Int { result.results.paths }
        /// The figure's standard error over those paths.
        public var standardError: Double
        /// Whether it is below the target (false: stopped at the maximum).
        public var reached: Bool
    }

    /// Simulates paths `0..<b`, `b..<2b`, ... (b = `target.blockPaths`) until, after at least
    /// `target.minimumPaths` paths, the figure's standard error is below the target, or
    /// `maximumPaths` are done. Whether to stop is decided only at block ends from the paths
    /// so far, which depend only on (seed, path index): the stopping point is the same for a
    /// given seed on any number of threads, and the result is exactly that of `run(paths:
    /// 0..<n, threads:)` with the n paths used (per-path figures concatenated in path order,
    /// `cost_above_budget` filled once over all of them).
    public func run(target: PrecisionTarget, maximumPaths: Int, threads: Int,
                    progress: (@Sendable (Int) -> Void)? = nil) -> TargetedRun {
        precondition(maximumPaths > 0)
        var accumulated: RunResult?
        var se = Double.nan
        var reached = false
        var start = 0
        while start < maximumPaths {
            let end = min(maximumPaths, start + target.blockPaths)
            let offset = start
            var blockProgress: (@Sendable (Int) -> Void)?
            if let progress { blockProgress = { progress(offset + $0) } }
            let block = run(paths: start..<end, threads: threads, settleBudget: false, progress: blockProgress)
            if accumulated == nil { accumulated = block } else { accumulated!.append(block) }
            start = end
            progress?(end)
            if end >= target.minimumPaths || end == maximumPaths {
                se = target.figure.standardError(of: accumulated!.results, provision: scenario.provision)
                if se < target.standardError && end >= target.minimumPaths {
                    reached = true
                    break
                }
            }
        }
        var result = accumulated!
        Settler.fillCostAboveBudget(&result.results, provision: scenario.provision)
        return TargetedRun(result: result, standardError: se, reached: reached)
    }
}

extension RunResult {
    /// Appends the paths of `next`, which must be the paths directly after these.
    public mutating func append(_ next: RunResult) {
        precondition(next.sectors == sectors && next.results.years == results.years
            && next.results.firstYear == results.firstYear)
        var values: [Double] = [], shares: [Double] = []
        swap(&values, &results.values)
        swap(&shares, &results.collectedShare)
        values.append(contentsOf: next.results.values)
        shares.append(contentsOf: next.results.collectedShare)
        results = PathResults(firstYear: results.firstYear, years: results.years, values: values,
                              collectedShare: shares)
        costByKind.append(contentsOf: next.costByKind)
        costBySector.append(contentsOf: next.costBySector)
        positionMonths += next.positionMonths
    }
}

extension PathResults {
    /// Paths' figures laid out as `values` documents; the path count follows from their length.
    init(firstYear: Int, years: Int, values: [Double], collectedShare: [Double]) {
        precondition(values.count == collectedShare.count * (years + 1) * Metric.count)
        self.firstYear = firstYear
        self.years = years
        paths = collectedShare.count
        self.values = values
        self.collectedShare = collectedShare
    }
}
