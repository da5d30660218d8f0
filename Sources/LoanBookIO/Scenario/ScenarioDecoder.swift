import Foundation
import LoanBook

/// Turns a scenario's YAML tree into a `Scenario`, section by section.
///
/// Every accessor reports its own problem and yields nil; the decoder then falls back to
/// the default of `Scenario`'s initialisers so that later sections are still checked.
/// The result is only meaningful when no problem was reported.
struct ScenarioDecoder {
    let root: YAMLField

    static let keys = ["name", "description", "base", "book", "as_of_year", "seed", "paths", "horizon_years",
                       "risk_classes", "economy", "behaviour", "new_business", "variant", "settlement", "provision"]

    func scenario() -> Scenario {
        let empty = Scenario(name: "", book: "", riskClasses: [],
                             economy: Economy(sectors: [], correlation: []), behaviour: [:])
        guard let map = root.mapping(keys: Self.keys) else { return empty }
        var scenario = empty
        if let field = map.required("name"), let name = field.string() {
            // The nightly batch writes a scenario into a folder of this name.
            // 240 bytes leave room for the suffix of the folder it is first written to (.tmp-<pid>).
            if name == "." || name == ".." || name.contains("/") || name.utf8.count > 240
                || name != name.trimmingCharacters(in: .whitespacesAndNewlines)
                || name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                field.report("a name usable as a folder name (no '/', not '.' or '..', no control characters "
                    + "or surrounding spaces, at most 240 bytes)")
            }
            scenario.name = name
        }
        scenario.description = map.optional("description")?.scalar("a text") ?? ""
        scenario.book = map.required("book")?.string() ?? ""
        scenario.asOfYear = map.optional("as_of_year")?.int(in: 1990...2100) ?? scenario.asOfYear
        if let seed = map.optional("seed") {
            if let text = seed.scalar("a non-negative integer"),
               let value = UInt64(text.replacingOccurrences(of: "_", with: "")) {
                scenario.seed = value
            } else if case .scalar = seed.node.content, !seed.node.isNull {
                seed.report("a non-negative integer below 2^64")
            }
        }
        scenario.paths = map.optional("paths")?.int(in: 1...100_000_000) ?? scenario.paths
        scenario.horizonYears = map.optional("horizon_years")?.int(in: 1...50) ?? scenario.horizonYears
        scenario.riskClasses = map.required("risk_classes").map(riskClasses) ?? []
        scenario.economy = map.required("economy").map(economy) ?? scenario.economy
        scenario.behaviour = behaviour(map.optional("behaviour"))
        let classNames = scenario.riskClasses.map(\.name)
        scenario.newBusiness = map.optional("new_business").map {
            newBusiness($0, riskClasses: classNames, sectors: scenario.economy.sectors)
        } ?? []
        scenario.variant = map.optional("variant").map(variant) ?? Variant()
        scenario.settlement = map.optional("settlement").map(settlement) ?? Settlement()
        scenario.provision = map.optional("provision").map(provision) ?? Provision()
        return scenario
    }

    /// `risk_classes: {A: 0.02, B: 0.04}`: name and through-the-cycle annual PD, in file order.
    func riskClasses(_ field: YAMLField) -> [RiskClass] {
        guard let map = field.anyMapping() else { return [] }
        if map.entries.isEmpty { field.report("at least one risk class (name: annual PD)") }
        var classes: [RiskClass] = []
        for (name, value) in map.children {
            // A class with a bad PD is still a class: keeping its name spares the user a
            // second, misleading "unknown risk class" wherever a mix names it.
            var pd = value.double(in: 0...1, "an annual PD above 0 and below 1") ?? 0.5
            if pd <= 0 || pd >= 1 {
                value.report("an annual PD above 0 and below 1")
                pd = 0.5
            }
            classes.append(RiskClass(name: name, annualPD: pd))
        }
        return classes
    }

    /// `provision: {amount: 200000, budgeted_net_cost: expected}`, a table by year, or the
    /// file of another scenario whose expected net cost is the budget (`base.yaml`).
    func provision(_ field: YAMLField) -> Provision {
        var result = Provision()
        guard let map = field.mapping(keys: ["amount", "budgeted_net_cost"]) else { return result }
        result.amount = map.optional("amount")?.double(in: 0...1e12, "an amount in EUR >= 0") ?? result.amount
        if let budget = map.optional("budgeted_net_cost") {
            if case let .scalar(text, _) = budget.node.content {
                if text.hasSuffix(".yaml") || text.hasSuffix(".yml") {
                    result.budgetScenario = text
                } else if text != "expected" {
                    budget.report("'expected', a scenario file (e.g. base.yaml) or a table of EUR per year")
                }
            } else if let table = budget.anyMapping() {
                result.budgetedNetCost = table.yearTable(valueIn: -1e12...1e12, "an amount in EUR")
            }
        }
        return result
    }

    // MARK: Shared helpers

    /// A mix `{name: share}` over `names` whose shares are probabilities summing to 1 (within 1e-9).
    func mix(_ field: YAMLField, over names: [String], of what: String) -> [String: Double] {
        guard let map = field.anyMapping() else { return [:] }
        var result: [String: Double] = [:]
        for entry in map.entries {
            let value = field.child(entry.key, entry.value)
            guard names.contains(entry.key) else {
                field.problems.append(InputProblem(
                    file: field.node.file, line: entry.keyLine, column: entry.keyColumn, field: value.path,
                    value: entry.key, expected: "a known \(what): " + oneOf(names, near: entry.key)))
                continue
            }
            if let share = value.probability() { result[entry.key] = share }
        }
        checkSum(field, map.entries.compactMap { result[$0.key] }, count: map.entries.count)
        return result
    }

    /// Reports a mix whose (fully valid) shares do not sum to 1.
    func checkSum(_ field: YAMLField, _ shares: [Double], count: Int) {
        guard shares.count == count else { return }
        let sum = shares.reduce(0, +)
        if abs(sum - 1) > 1e-9 {
            // Rounded to 1e-12, so 0.7 + 0.2 reads `sum 0.9`, not `sum 0.8999999999999999`.
            field.report("shares summing to 1 within 1e-9", value: "sum \((sum * 1e12).rounded() / 1e12)")
        }
    }

    /// `{starter: 1.2, established: 0.9}`: a number per segment.
    func segmentTable(_ field: YAMLField, in range: ClosedRange<Double>, _ expected: String) -> [Segment: Double] {
        guard let map = field.mapping(keys: Segment.allCases.map(\.rawValue)) else { return [:] }
        var table: [Segment: Double] = [:]
        for (key, value) in map.children {
            if let segment = Segment(rawValue: key), let number = value.double(in: range, expected) {
                table[segment] = number
            }
        }
        return table
    }
}
