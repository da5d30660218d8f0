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

    /// A result of zeros for `paths` paths, to be filled shard by shard with `place(_:at:)`, so
    /// that a merge holds the run's paths once and beside them only the shard being placed (its
    /// file and its figures), not every shard twice.
    public init(firstYear: Int, years: Int, paths: Int, sectors: [String]) {
        self.init(PathResults(firstYear: firstYear, years: years, paths: paths),
                  costByKind: Array(repeating: 0, count: paths * Kind.allCases.count),
                  costBySector: Array(repeating: 0, count: paths * sectors.count), sectors: sectors,
                  positionMonths: 0)
    }

    /// Copies a shard's per-path figures into paths `firstPath...` and adds its position-months.
    ///
    /// Every per-path figure is copied as it was computed; `cost_above_budget` is copied too
    /// but depends on the mean over all paths when the budget is the run's own mean, so call
    /// `Settler.fillCostAboveBudget` once every shard is in.
    /// - Precondition: the part agrees on first year, years and sectors, and fits from `firstPath`.
    public mutating func place(_ part: RunResult, at firstPath: Int) {
        precondition(part.results.firstYear == results.firstYear && part.results.years == results.years
            && part.sectors == sectors, "shards of one run agree on years and sectors")
        precondition(firstPath >= 0 && firstPath + part.results.paths <= results.paths, "the shard's paths fit")
        func copy(_ source: [Double], into target: inout [Double], perPath: Int) {
            target.replaceSubrange(firstPath * perPath..<(firstPath + part.results.paths) * perPath, with: source)
        }
        copy(part.results.values, into: &results.values, perPath: (results.years + 1) * Metric.count)
        copy(part.results.collectedShare, into: &results.collectedShare, perPath: 1)
        copy(part.costByKind, into: &costByKind, perPath: Kind.allCases.count)
        copy(part.costBySector, into: &costBySector, perPath: sectors.count)
        positionMonths += part.positionMonths
    }
}
