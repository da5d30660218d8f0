import LoanBook

extension ScenarioDecoder {
    static let economyKeys = ["sectors", "correlation", "asset_correlation", "persistence", "initial_factor",
                              "shift", "fixed", "recovery_sensitivity", "national_weights"]

    /// The sector factor model (MODEL.md section 4, step 5).
    func economy(_ field: YAMLField) -> Economy {
        let fallback = Economy(sectors: [], correlation: [])
        guard let map = field.mapping(keys: Self.economyKeys) else { return fallback }
        let sectors = map.required("sectors").map(sectorNames) ?? []
        let correlation = map.required("correlation").map { correlationMatrix($0, sectors: sectors) } ?? []
        var economy = Economy(sectors: sectors, correlation: correlation)
        economy.assetCorrelation = map.optional("asset_correlation").flatMap { value -> Double? in
            guard let rho = value.double(in: 0...1, "an asset correlation from 0 to below 1") else { return nil }
            if rho >= 1 { value.report("an asset correlation from 0 to below 1"); return nil }
            return rho
        } ?? economy.assetCorrelation
        economy.persistence = map.optional("persistence")?
            .double(in: -1...1, "an AR(1) persistence from -1 to 1") ?? economy.persistence
        economy.initialFactor = map.optional("initial_factor")?
            .double(in: -10...10, "a factor value from -10 to 10 (standard deviations)") ?? 0
        economy.shift = map.optional("shift")?.anyMapping()?
            .yearTable(valueIn: -10...10, "a factor shift from -10 to 10") ?? [:]
        economy.fixed = map.optional("fixed")?.anyMapping()?
            .yearTable(valueIn: -10...10, "a factor value from -10 to 10") ?? [:]
        economy.recoverySensitivity = map.optional("recovery_sensitivity")?
            .double(in: -1...1, "a recovery shift per unit of factor from -1 to 1") ?? 0
        if let weights = map.optional("national_weights") {
            let mix = mix(weights, over: sectors, of: "sector")
            economy.nationalWeights = sectors.map { mix[$0] ?? 0 }
        }
        return economy
    }

    /// A list of distinct, non-empty sector names.
    func sectorNames(_ field: YAMLField) -> [String] {
        guard let items = field.list() else { return [] }
        if items.isEmpty { field.report("at least one sector") }
        var names: [String] = []
        for item in items {
            guard let name = item.string() else { continue }
            if names.contains(name) { item.report("distinct sector names (this one is listed twice)") }
            names.append(name)
        }
        return names
    }

    /// `correlation: 0.3` (every pair of sectors alike) or a full matrix, one list per sector.
    ///
    /// Checked: square, one row per sector, entries in [-1, 1], unit diagonal, symmetric and
    /// positive definite (the engine takes its Cholesky factor).
    func correlationMatrix(_ field: YAMLField, sectors: [String]) -> [[Double]] {
        let n = sectors.count
        var matrix: [[Double]]
        if case .scalar = field.node.content {
            guard let rho = field.double(in: -1...1, "a correlation from -1 to 1, or a matrix") else { return [] }
            matrix = (0..<n).map { i in (0..<n).map { j in i == j ? 1 : rho } }
        } else {
            guard let rows = field.list() else { return [] }
            matrix = []
            var valid = true
            for row in rows {
                guard let cells = row.list() else { valid = false; continue }
                if cells.count != rows.count {
                    row.report("a square matrix: \(rows.count) entries in every row", value: "\(cells.count) entries")
                    valid = false
                }
                let numbers = cells.map { $0.double(in: -1...1, "a correlation from -1 to 1") }
                if numbers.contains(where: { $0 == nil }) { valid = false }
                matrix.append(numbers.map { $0 ?? 0 })
            }
            guard valid else { return [] }
            if rows.count != n {
                field.report("one row per sector (\(n) sectors: \(sectors.joined(separator: ", ")))",
                             value: "\(rows.count) rows")
                return []
            }
            for i in 0..<n {
                if abs(matrix[i][i] - 1) > 1e-9 { rows[i].list()?[i].report("1 on the diagonal") }
                for j in 0..<i where abs(matrix[i][j] - matrix[j][i]) > 1e-9 {
                    rows[i].list()?[j].report("a symmetric matrix: equal to entry [\(j)][\(i)] (\(matrix[j][i]))")
                }
            }
        }
        if n > 0, let pivot = Cholesky.firstNonPositivePivot(matrix) {
            field.report("a positive definite correlation matrix (Cholesky fails at sector '\(sectors[pivot])')",
                         value: field.node.shown)
        }
        return matrix
    }
}
