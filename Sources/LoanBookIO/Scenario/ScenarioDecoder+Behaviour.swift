import Foundation
import LoanBook

extension ScenarioDecoder {
    static let kindKeys = ["performing", "deferred", "arrears", "recovery", "remission_fraction"]
    static let statusKeys = ["pd_multiplier", "prepay", "to_deferred", "to_arrears", "cure", "remission"]

    /// `behaviour: {bk: ..., lo: ...}`; a kind left out behaves as `KindBehaviour()`, so the
    /// engine always finds every kind.
    func behaviour(_ field: YAMLField?) -> [Kind: KindBehaviour] {
        var result = Dictionary(uniqueKeysWithValues: Kind.allCases.map { ($0, KindBehaviour()) })
        guard let field, let map = field.mapping(keys: Kind.allCases.map(\.rawValue)) else { return result }
        for (key, value) in map.children {
            if let kind = Kind(rawValue: key) { result[kind] = kindBehaviour(value) }
        }
        return result
    }

    func kindBehaviour(_ field: YAMLField) -> KindBehaviour {
        var result = KindBehaviour()
        guard let map = field.mapping(keys: Self.kindKeys) else { return result }
        result.performing = map.optional("performing").map(statusRow) ?? result.performing
        result.deferred = map.optional("deferred").map(statusRow) ?? result.deferred
        result.arrears = map.optional("arrears").map(statusRow) ?? result.arrears
        result.remissionFraction = map.optional("remission_fraction")?.probability() ?? result.remissionFraction
        if let recovery = map.optional("recovery"), let fields = recovery.mapping(keys: ["mean", "sd", "lag_months"]) {
            let mean = fields.optional("mean").flatMap { value -> Double? in
                guard let mean = value.double(in: 0...1, "a recovery mean above 0 and below 1") else { return nil }
                if mean <= 0 || mean >= 1 { value.report("a recovery mean above 0 and below 1"); return nil }
                return mean
            }
            let sd = fields.optional("sd")?.double(in: 0...1, "a standard deviation from 0 to 1")
            result.recoveryMean = mean ?? result.recoveryMean
            result.recoverySD = sd ?? result.recoverySD
            let m = result.recoveryMean, s = result.recoverySD
            if (mean != nil || sd != nil), s * s >= m * (1 - m) {
                // A Beta distribution with this mean exists only when sd^2 < mean (1 - mean).
                (fields.optional("sd") ?? recovery).report(
                    "sd^2 < mean (1 - mean) = \(m * (1 - m)) for a Beta distribution", value: "sd \(s)")
            }
            result.recoveryLagMonths = fields.optional("lag_months")?.int(in: 1...240) ?? result.recoveryLagMonths
        }
        return result
    }

    /// Annual transition probabilities out of one status.
    func statusRow(_ field: YAMLField) -> StatusRow {
        var row = StatusRow()
        guard let map = field.mapping(keys: Self.statusKeys) else { return row }
        row.pdMultiplier = map.optional("pd_multiplier")?.double(in: 0...1000, "a multiplier from 0 to 1000") ?? 1
        row.prepay = map.optional("prepay")?.probability() ?? 0
        row.toDeferred = map.optional("to_deferred")?.probability() ?? 0
        row.toArrears = map.optional("to_arrears")?.probability() ?? 0
        row.cure = map.optional("cure")?.probability() ?? 0
        row.remission = map.optional("remission")?.probability() ?? 0
        // The engine draws one uniform against the cumulated monthly probabilities.
        let annual = [row.prepay, row.toDeferred, row.toArrears, row.cure, row.remission]
        let monthly = annual.map { 1 - pow(1 - $0, 1.0 / 12) }.reduce(0, +)
        if monthly >= 1 {
            field.report("monthly transition probabilities summing to less than 1", value: "sum \(monthly)")
        }
        return row
    }
}
