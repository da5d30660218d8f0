extension RunResult {
    /// A run result from its parts (a shard read back from disk, say).
    /// - Precondition: the arrays are sized for `results.paths`, `Kind.allCases.count` and `sectors`.
    public init(_ results: PathResults, costByKind: [Double], costBySector: [Double], sectors: [String],
                positionMonths: Int) {
        precondition(costByKind.count == results.paths * Kind.allCases.count, "one cost per path and kind")
        precondition(costBySector.count == results.paths * sectors.count, "one cost per path and sector")
        self.results = results
        self.costByKind = costByKind
        self.costBySector = costBySector
        self.sectors = sectors
        self.positionMonths = positionMonths
    }

    /// The shards' results one after the other, in the order given (which must be path order).
    ///
    /// Every per-path figure is copied as it was computed; `cost_above_budget` is copied too
    /// but depends on the mean over all paths when the budget is the run's own mean, so call
    /// `Settler.fillCostAboveBudget` on the result. Empty when `parts` is.
    /// - Precondition: the parts agree on first year, years and sectors.
    public static func concatenating(_ parts: [RunResult]) -> RunResult? {
        guard let first = parts.first else { return nil }
        for part in parts {
            precondition(part.results.firstYear == first.results.firstYear && part.results.years == first.results.years
                && part.sectors == first.sectors, "shards of one run agree on years and sectors")
        }
        var results = PathResults(firstYear: first.results.firstYear, years: first.results.years,
                                  paths: parts.reduce(0) { $0 + $1.results.paths })
        results.values = parts.flatMap(\.results.values)
        results.collectedShare = parts.flatMap(\.results.collectedShare)
        return RunResult(results, costByKind: parts.flatMap(\.costByKind),
                         costBySector: parts.flatMap(\.costBySector), sectors: first.sectors,
                         positionMonths: parts.reduce(0) { $0 + $1.positionMonths })
    }
}
