extension Settler {
    /// The budgeted net cost per year (index `years` is the horizon), EUR.
    ///
    /// The provision's table when it has one (read with `YearTable`'s rule; the horizon is the
    /// sum of the years); otherwise the run's own mean over paths of the net cost
    /// (-municipal_net_result), summed in path order so it does not depend on threads.
    /// With shards, compute it on the merged results (or pass the merged means to
    /// `fillCostAboveBudget(_:budgetedNetCost:)`).
    public static func budgetedNetCost(_ results: PathResults, provision: Provision) -> [Double] {
        let years = results.years
        if let table = provision.budgetedNetCost {
            let perYear = (0..<years).map { YearTable.value(table, in: results.firstYear + $0) }
            return perYear + [perYear.reduce(0, +)]
        }
        guard results.paths > 0 else { return Array(repeating: 0, count: years + 1) }
        return (0...years).map { year in
            -CompensatedSum.of((0..<results.paths).lazy.map { results[$0, year, .municipalNetResult] })
                / Double(results.paths)
        }
    }

    /// Fills `cost_above_budget` = net cost - budgeted net cost for every path and year
    /// (and the horizon row), from the already settled `municipal_net_result`.
    public static func fillCostAboveBudget(_ results: inout PathResults, budgetedNetCost budgeted: [Double]) {
        precondition(budgeted.count == results.years + 1, "one budgeted net cost per year and one for the horizon")
        for path in 0..<results.paths {
            for year in 0...results.years {
                results[path, year, .costAboveBudget] = -results[path, year, .municipalNetResult] - budgeted[year]
            }
        }
    }

    /// The second pass after all paths are settled: `cost_above_budget` against the
    /// provision's budgeted net cost, or against the run's mean when it has none.
    public static func fillCostAboveBudget(_ results: inout PathResults, provision: Provision) {
        fillCostAboveBudget(&results, budgetedNetCost: budgetedNetCost(results, provision: provision))
    }
}
