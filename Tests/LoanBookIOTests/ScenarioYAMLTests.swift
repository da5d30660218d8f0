import Foundation
import Testing
import LoanBook
@testable import LoanBookIO

/// A change to the good fixture scenario and what the single resulting problem must say.
struct BadScenario: Sendable, CustomTestStringConvertible {
    var old: String
    var new: String
    /// Text on the line the problem points at (the line is computed from it).
    var at: String
    var field: String
    var expected: String
    var testDescription: String { field }
}

@Suite struct ScenarioYAMLTests {
    @Test func decodesGoodScenario() throws {
        let decoded = try ScenarioYAML.decode(Fixture.scenario, file: "s.yaml")
        var behaviour = Dictionary(uniqueKeysWithValues: Kind.allCases.map { ($0, KindBehaviour()) })
        behaviour[.bk] = KindBehaviour(performing: StatusRow(prepay: 0.03, toArrears: 0.05),
                                       recoveryMean: 0.4, recoverySD: 0.2, recoveryLagMonths: 12)
        var regimes: [Int: FundingRegime] = [:]
        for year in 2014...2019 { regimes[year] = .normbaten }
        for year in 2020...2100 { regimes[year] = .reform2020 }
        let expected = Scenario(
            name: "test", book: "book.csv",
            riskClasses: [RiskClass(name: "A", annualPD: 0.02), RiskClass(name: "B", annualPD: 0.05)],
            economy: Economy(sectors: ["retail", "horeca"], correlation: [[1, 0.3], [0.3, 1]]),
            behaviour: behaviour,
            newBusiness: [NewBusinessProduct(
                name: "starters", segment: .starter, applications: 100, approvalShare: 0.2, amountMedian: 9000,
                amountSigma: 0.5, legalMaximum: 35130, termMix: [36: 0.5, 60: 0.5],
                riskClassMix: ["A": 0.4, "B": 0.6], sectorMix: ["retail": 0.7, "horeca": 0.3])],
            settlement: Settlement(regimes: regimes, defaultRegime: .reform2020, budget: [2014: 600_000]),
            provision: Provision(amount: 200_000))
        #expect(decoded == expected)
    }

    static let badCases: [BadScenario] = [
        .init(old: "name: test", new: "name: test\nhorizon_yeras: 10", at: "horizon_yeras", field: "horizon_yeras",
              expected: "did you mean 'horizon_years'?"),
        .init(old: "name: test", new: "name: test\npaths: many", at: "paths", field: "paths",
              expected: "an integer from 1"),
        .init(old: "name: test", new: "name: test\nhorizon_years: 51", at: "horizon_years", field: "horizon_years",
              expected: "an integer from 1 to 50"),
        .init(old: "name: test", new: "name: test\nseed: -1", at: "seed", field: "seed",
              expected: "a non-negative integer"),
        .init(old: "name: test", new: "name: nightly/base", at: "name", field: "name",
              expected: "a name usable as a folder name"),
        .init(old: "name: test", new: "name: ..", at: "name", field: "name",
              expected: "a name usable as a folder name"),
        .init(old: "name: test", new: "name: \"\"", at: "name", field: "name",
              expected: "a non-empty text"),
        .init(old: "name: test", new: "name: \" base \"", at: "name", field: "name",
              expected: "a name usable as a folder name"),
        .init(old: "{A: 0.02,", new: "{A: 0,", at: "risk_classes", field: "risk_classes.A",
              expected: "an annual PD above 0 and below 1"),
        .init(old: "correlation: 0.3", new: "correlation: 1.3", at: "correlation", field: "economy.correlation",
              expected: "a correlation from -1 to 1"),
        .init(old: "correlation: 0.3", new: "correlation: [[1, 0.3], [0.2, 1]]", at: "correlation",
              field: "economy.correlation[1][0]", expected: "a symmetric matrix"),
        .init(old: "correlation: 0.3", new: "correlation: [[0.9, 0.3], [0.3, 1]]", at: "correlation",
              field: "economy.correlation[0][0]", expected: "1 on the diagonal"),
        .init(old: "correlation: 0.3", new: "correlation: [[1, 0.3], [0.3, 1, 0]]", at: "correlation",
              field: "economy.correlation[1]", expected: "a square matrix"),
        .init(old: "correlation: 0.3", new: "correlation: [[1, 0, 0], [0, 1, 0], [0, 0, 1]]", at: "correlation",
              field: "economy.correlation", expected: "one row per sector (2 sectors"),
        .init(old: "correlation: 0.3", new: "correlation: -1", at: "correlation", field: "economy.correlation",
              expected: "positive definite"),
        .init(old: "correlation: 0.3", new: "correlation: 0.3\n  persistance: 0.5", at: "persistance",
              field: "economy.persistance", expected: "did you mean 'persistence'?"),
        .init(old: "correlation: 0.3", new: "correlation: 0.3\n  asset_correlation: high", at: "asset_correlation",
              field: "economy.asset_correlation", expected: "an asset correlation from 0 to below 1"),
        .init(old: "{prepay: 0.03,", new: "{prepay: 1.5,", at: "performing", field: "behaviour.bk.performing.prepay",
              expected: "a probability from 0 to 1"),
        .init(old: "{prepay: 0.03, to_arrears: 0.05}", new: "{prepay: 1, to_arrears: 1}", at: "performing",
              field: "behaviour.bk.performing", expected: "monthly transition probabilities summing to less than 1"),
        .init(old: "sd: 0.2,", new: "sd: 0.5,", at: "recovery", field: "behaviour.bk.recovery.sd",
              expected: "sd^2 < mean (1 - mean)"),
        .init(old: "performing: {", new: "performin: {", at: "performin", field: "behaviour.bk.performin",
              expected: "did you mean 'performing'?"),
        .init(old: "segment: starter", new: "segment: startr", at: "segment", field: "new_business[0].segment",
              expected: "did you mean 'starter'?"),
        .init(old: "{36: 0.5, 60: 0.5}", new: "{36: 0.5, 60: 0.4}", at: "term_months",
              field: "new_business[0].term_months", expected: "shares summing to 1"),
        .init(old: "{A: 0.4, B: 0.6}", new: "{A: 0.4, C: 0.6}", at: "    risk_classes", field: "new_business[0].risk_classes.C",
              expected: "a known risk class: one of A, B"),
        .init(old: "{retail: 0.7, horeca: 0.3}", new: "{retail: 0.7, horecca: 0.3}", at: "sectors: {retail",
              field: "new_business[0].sectors.horecca", expected: "did you mean 'horeca'?"),
        .init(old: "approval_share: 0.2", new: "approval_share: 20%", at: "approval_share",
              field: "new_business[0].approval_share", expected: "a probability from 0 to 1"),
        .init(old: "{from: 2020, regime", new: "{from: 2019, regime", at: "from: 2019",
              field: "settlement.regimes[1]", expected: "ranges that do not overlap (2019"),
        .init(old: "to: 2019", new: "to: 2013", at: "to: 2013", field: "settlement.regimes[0].to",
              expected: "a last year >= from (2014)"),
        .init(old: "regime: reform2020", new: "regime: reform", at: "regime: reform",
              field: "settlement.regimes[1].regime", expected: "did you mean 'reform2020'?"),
        .init(old: "budget: {2014: 600000}", new: "budget: {2014: 600000}\n  macronorm: {table: {2013: 0.5}, simulated: {lending: {2013: 1}}}",
              at: "macronorm", field: "settlement.macronorm", expected: "exactly one of 'table' or 'simulated'"),
        .init(old: "budget: {2014: 600000}", new: "budget: {twenty: 600000}", at: "budget",
              field: "settlement.budget.twenty", expected: "a calendar year as key"),
        .init(old: "amount: 200000", new: "amount: 200000\n  budgeted_net_cost: maybe", at: "budgeted_net_cost",
              field: "provision.budgeted_net_cost", expected: "'expected', a scenario file"),
    ]

    @Test(arguments: badCases)
    func badFieldIsLocated(_ bad: BadScenario) throws {
        #expect(Fixture.scenario.contains(bad.old))
        let text = Fixture.scenario.replacingOccurrences(of: bad.old, with: bad.new)
        let found = problems { _ = try ScenarioYAML.decode(text, file: "s.yaml") }
        #expect(found.count == 1, "\(found)")
        let problem = try #require(found.first)
        #expect(problem.file == "s.yaml")
        #expect(problem.line == line(of: bad.at, in: text))
        #expect(problem.column != nil)
        #expect(problem.field == bad.field)
        #expect(problem.expected.contains(bad.expected), "\(problem)")
        #expect(problem.description.hasPrefix("s.yaml:\(problem.line!):\(problem.column!): \(bad.field): "))
    }

    @Test func missingRequiredKey() {
        let text = Fixture.scenario.replacingOccurrences(of: "book: book.csv\n", with: "")
        let found = problems { _ = try ScenarioYAML.decode(text, file: "s.yaml") }
        #expect(found.count == 1)
        #expect(found.first?.field == "book")
        #expect(found.first?.line == 1)
        #expect(found.first?.expected.contains("required key 'book'") == true)
    }

    @Test func syntaxErrorIsLocated() {
        let found = problems { _ = try ScenarioYAML.decode("name: x\neconomy: [a, b\nbook: y\n", file: "s.yaml") }
        #expect(found.count == 1)
        #expect(found.first?.line != nil)
        #expect(found.first?.expected.contains("valid YAML") == true)
        let twice = problems { _ = try ScenarioYAML.decode("name: x\nname: y\n", file: "s.yaml") }
        #expect(twice.first?.expected.contains("duplicated key") == true)
    }

    @Test func everyProblemIsReported() {
        let text = Fixture.scenario
            .replacingOccurrences(of: "correlation: 0.3", with: "correlation: 2")
            .replacingOccurrences(of: "segment: starter", with: "segment: nobody")
            .replacingOccurrences(of: "amount: 200000", with: "amount: -5")
        let found = problems { _ = try ScenarioYAML.decode(text, file: "s.yaml") }
        #expect(found.count == 3)
        #expect(found.map(\.field) == ["economy.correlation", "new_business[0].segment", "provision.amount"])
    }

    @Test func simulatedMacronormAndTables() throws {
        let text = Fixture.scenario.replacingOccurrences(of: "budget: {2014: 600000}", with: """
            budget: {2014: 600000, 2016: 550000}
              macronorm:
                simulated:
                  lending: {2008: 60000000, 2013: 40000000}
                  annual_pd: 0.05
                  smoothing: 0.5
            """)
        let scenario = try ScenarioYAML.decode(text, file: "s.yaml")
        #expect(scenario.settlement.budget == [2014: 600_000, 2016: 550_000])
        guard case let .simulated(national) = scenario.settlement.macronorm else {
            Issue.record("expected a simulated macronorm")
            return
        }
        #expect(national.lending[2013] == 40_000_000)
        #expect(national.annualPD == 0.05 && national.smoothing == 0.5 && national.termMonths == 60)
        let published = Fixture.scenario.replacingOccurrences(of: "budget: {2014: 600000}",
                                                              with: "budget: {2014: 1}\n  macronorm: published")
        #expect(try ScenarioYAML.decode(published, file: "s.yaml").settlement.macronorm == .published)
    }

    @Test func inheritsFromBase() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write(Fixture.scenario, to: dir + "/base.yaml")
        try write("base: base.yaml\nname: crisis\neconomy:\n  fixed: {2014: -2, 2015: -2}\n", to: dir + "/crisis.yaml")
        let crisis = try ScenarioYAML.load(path: dir + "/crisis.yaml")
        let base = try ScenarioYAML.load(path: dir + "/base.yaml")
        #expect(crisis.name == "crisis")
        #expect(crisis.economy.fixed == [2014: -2, 2015: -2])
        #expect(crisis.economy.sectors == base.economy.sectors)
        #expect(crisis.newBusiness == base.newBusiness)
        // A problem in the inheriting file points at that file, not at the base.
        try write("base: base.yaml\nname: crisis\neconomy:\n  fixd: {2014: -2}\n", to: dir + "/typo.yaml")
        let found = problems { _ = try ScenarioYAML.load(path: dir + "/typo.yaml") }
        #expect(found.count == 1)
        #expect(found.first?.file == dir + "/typo.yaml" && found.first?.line == 4)
        try write("base: loop.yaml\nname: loop\n", to: dir + "/loop.yaml")
        #expect(problems { _ = try ScenarioYAML.load(path: dir + "/loop.yaml") }.first?.expected.contains("cycles") == true)
        try write("base: nothere.yaml\nname: x\n", to: dir + "/orphan.yaml")
        #expect(problems { _ = try ScenarioYAML.load(path: dir + "/orphan.yaml") }.first?.field == "base")
    }

    @Test func shippedScenariosDecode() throws {
        let dir = repositoryRoot() + "/scenarios"
        for name in ["base", "current", "variant-1-regional", "variant-2-ez", "crisis", "national", "crisis-national"] {
            let scenario = try ScenarioYAML.load(path: "\(dir)/\(name).yaml")
            #expect(scenario.name == name)
            #expect(scenario.book == "books/nijmegen-2014.csv")
            #expect(scenario.economy.sectors == ["retail", "horeca", "construction", "business_services", "binnenvaart", "other"])
            #expect(scenario.riskClasses.map(\.annualPD) == [0.02, 0.04, 0.07, 0.12, 0.20])
            #expect(scenario.settlement.regime(in: 2019) == .normbaten && scenario.settlement.regime(in: 2020) == .reform2020)
        }
        #expect(try ScenarioYAML.load(path: dir + "/crisis.yaml").economy.fixed == [2014: -2, 2015: -2])
        #expect(try ScenarioYAML.load(path: dir + "/variant-2-ez.yaml").variant.name == "variant-2-ez")
        // A simulated norm replaces the base's table whole (the two are alternatives).
        let crisisNational = try ScenarioYAML.load(path: dir + "/crisis-national.yaml")
        guard case let .simulated(pool) = crisisNational.settlement.macronorm else {
            Issue.record("crisis-national: \(crisisNational.settlement.macronorm)"); return
        }
        #expect(pool.annualPD == 0.44 && crisisNational.economy.fixed == [2014: -2, 2015: -2])
        #expect(crisisNational.provision.budgetScenario == "national.yaml")
        let batch = try BatchYAML.load(path: dir + "/nightly.yaml")
        #expect(batch.name == "nightly")
        #expect(batch.scenarios.count == 7)
        #expect(batch.paths == nil)
    }
}
