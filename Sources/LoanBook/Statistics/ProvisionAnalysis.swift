/// The *risicomelding* questions (MODEL.md sections 1 and 6): how often the cost above budget
/// exceeds the provision, and which provision would hold at 90, 95 and 99%.
///
/// - Per calendar year: P(cost_above_budget(y) > amount).
/// - Any year: P(max over the horizon's years of cost_above_budget(y) > amount), the chance
///   that the provision falls short at least once.
/// - Horizon: P(cost_above_budget over the whole horizon (`all` row) > amount x years), the
///   provision set aside every year against the horizon's total cost above budget.
/// - Required provision per year (and for the horizon's total) at `levels`, each with a
///   distribution-free 95% confidence interval (`RequiredProvision`).
public struct ProvisionAnalysis: Sendable, Equatable {
    public static let levels: [Double] = [0.90, 0.95, 0.99]

    public var amount: Double
    public var firstYear: Int
    public var paths: Int
    /// One per calendar year, in order.
    public var exceedanceByYear: [ExceedanceProbability]
    public var exceedanceAnyYear: ExceedanceProbability
    /// Against `amount * years`.
    public var exceedanceHorizon: ExceedanceProbability
    /// Per calendar year, one per `levels`.
    public var requiredByYear: [[RequiredProvision]]
    /// For the whole horizon's total cost above budget, one per `levels`.
    public var requiredHorizon: [RequiredProvision]

    /// - Precondition: `results.paths > 0`.
    public init(results: PathResults, amount: Double) {
        precondition(results.paths > 0, "provision analysis needs at least one path")
        self.amount = amount
        firstYear = results.firstYear
        paths = results.paths
        let years = results.years

        var byYear: [ExceedanceProbability] = []
        var required: [[RequiredProvision]] = []
        byYear.reserveCapacity(years)
        required.reserveCapacity(years)
        for year in 0..<years {
            var column = results.column(year: year, metric: .costAboveBudget)
            byYear.append(ExceedanceProbability(sample: column, above: amount))
            column.sortAscending()
            required.append(Self.levels.map { RequiredProvision(sorted: column, level: $0) })
        }
        exceedanceByYear = byYear
        requiredByYear = required

        var anyYear = 0
        for path in 0..<results.paths {
            for year in 0..<years where results[path, year, .costAboveBudget] > amount {
                anyYear += 1
                break
            }
        }
        exceedanceAnyYear = ExceedanceProbability(exceedances: anyYear, paths: results.paths)

        var horizon = results.column(year: years, metric: .costAboveBudget)
        exceedanceHorizon = ExceedanceProbability(sample: horizon, above: amount * Double(years))
        horizon.sortAscending()
        requiredHorizon = Self.levels.map { RequiredProvision(sorted: horizon, level: $0) }
    }

    /// The first simulated year's required provisions: the headline figures.
    public var requiredFirstYear: [RequiredProvision] { requiredByYear.first ?? requiredHorizon }
}
