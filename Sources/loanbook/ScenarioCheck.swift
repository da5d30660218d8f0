import Foundation
import LoanBook
import LoanBookIO

/// What `run` checks before it simulates, shared with `validate` so that a file `validate`
/// calls good is one `run` accepts: the engine's own limits and the budget scenario's fit.
enum ScenarioCheck {
    /// The simulation of `scenario` on `book`, or the problem as one of `file`'s fields.
    static func simulation(_ scenario: Scenario, book: Book, file: String) throws -> Simulation {
        do {
            return try Simulation(scenario: scenario, book: book)
        } catch let failure as Simulation.Failure {
            throw InputProblems([problem(failure, scenario: scenario, file: file)])
        }
    }

    /// The budget scenario `path` (`provision.budgeted_net_cost`) of `scenario` in `file`, read and
    /// checked to share its as-of year and horizon, and (with `checkingEngine`) to be one the
    /// engine accepts; `BudgetScenario` makes that simulation itself.
    static func budgetInputs(_ path: String, for scenario: Scenario, file: String, checkingEngine: Bool = true) throws
        -> ScenarioInputs
    {
        let field = "provision.budgeted_net_cost"
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputProblems([InputProblem(file: file, field: field, value: path, expected: "an existing scenario file")])
        }
        let budget = try ScenarioInputs.load(path: path)
        guard budget.book.asOfYear == scenario.asOfYear, budget.scenario.horizonYears == scenario.horizonYears else {
            throw InputProblems([InputProblem(
                file: file, field: field, value: path,
                expected: "a budget scenario with the same as_of_year (\(scenario.asOfYear)) and horizon_years "
                    + "(\(scenario.horizonYears)); it has \(budget.book.asOfYear) and \(budget.scenario.horizonYears)")])
        }
        if checkingEngine { _ = try simulation(budget.scenario, book: budget.book, file: path) }
        return budget
    }

    /// The engine's refusal said as the field to change and what it should hold.
    static func problem(_ failure: Simulation.Failure, scenario: Scenario, file: String) -> InputProblem {
        /// `new_business[i]` as the scenario file writes it.
        func field(of name: String) -> String {
            scenario.newBusiness.firstIndex { $0.name == name }.map { "new_business[\($0)]" } ?? "new_business"
        }
        return switch failure {
        case .unknownSector(let position, let sector):
            InputProblem(file: file, field: "economy.sectors", value: sector,
                         expected: "every sector of the book (position \(position) is in '\(sector)')")
        case .unknownRiskClass(let position, let riskClass):
            InputProblem(file: file, field: "risk_classes", value: riskClass,
                         expected: "every risk class of the book (position \(position) has '\(riskClass)')")
        case .missingBehaviour(let kind):
            InputProblem(file: file, field: "behaviour.\(kind.rawValue)",
                         expected: "a behaviour for \(kind.rawValue): the book or the new business holds such positions")
        case .economy(let text):
            InputProblem(file: file, field: "economy", expected: "an economy the model can use: \(text)")
        case .unknownName(let product, let what, let name):
            InputProblem(file: file, field: field(of: product), value: name,
                         expected: "a \(what) the scenario defines (product '\(product)')")
        case .tooMuchNewBusiness(let product, let year, let expected):
            InputProblem(file: file, field: field(of: product) + ".applications",
                         value: "\(Int(expected.rounded())) loans expected in \(year)",
                         expected: "at most \(Simulation.maximumExpectedNewLoans) expected loans a product-year "
                             + "(product '\(product)': applications or applications_by_year, x approval_share, x the "
                             + "variant's multipliers); lower them")
        }
    }
}
