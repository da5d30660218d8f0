import Foundation
import LoanBook

/// Risk contributions to the horizon ES 95% of the municipality's net cost, by kind and by
/// sector (conditional-expectation allocation: each part's mean over the ES tail paths),
/// as `contributions.csv` and a `summary.json` section. Each set sums to the ES.
public struct ContributionsReport: Sendable {
    public static let fileName = "contributions.csv"
    public static let level = 0.95

    public let expectedShortfall: Double
    public let byKind: [(name: String, value: Double)]
    public let bySector: [(name: String, value: Double)]

    public init(run: RunResult) {
        let paths = run.results.paths
        let kinds = Kind.allCases.count, sectors = run.sectors.count
        let total = (0..<paths).map { p in (0..<kinds).reduce(0.0) { $0 + run.costByKind[p * kinds + $1] } }
        guard paths > 0 else {
            expectedShortfall = 0
            byKind = []
            bySector = []
            return
        }
        let kindParts = (0..<kinds).map { k in (0..<paths).map { run.costByKind[$0 * kinds + k] } }
        let sectorParts = (0..<sectors).map { s in (0..<paths).map { run.costBySector[$0 * sectors + s] } }
        let kindES = RiskContributions.esContributions(total: total, components: kindParts, level: Self.level)
        let sectorES = RiskContributions.esContributions(total: total, components: sectorParts, level: Self.level)
        expectedShortfall = kindES.es
        byKind = zip(Kind.allCases, kindES.contributions).map { ($0.rawValue, $1) }
        bySector = zip(run.sectors, sectorES.contributions).map { ($0, $1) }
    }

    public var csv: String {
        var lines = ["dimension,name,contribution_es95,share"]
        for (dimension, parts) in [("kind", byKind), ("sector", bySector)] {
            for part in parts {
                let share = expectedShortfall != 0 ? part.value / expectedShortfall : 0
                lines.append("\(dimension),\(part.name),\(DecimalFormat.fixed(part.value, digits: 2)),"
                    + DecimalFormat.fixed(share, digits: 6))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public var json: JSONValue {
        func parts(_ list: [(name: String, value: Double)]) -> JSONValue {
            .object(list.map { ($0.name, .number($0.value)) })
        }
        return .object([
            ("measure", .string("ES 95% of the horizon net cost of the municipality (EUR)")),
            ("es95", .number(expectedShortfall)),
            ("by_kind", parts(byKind)),
            ("by_sector", parts(bySector)),
        ])
    }
}
