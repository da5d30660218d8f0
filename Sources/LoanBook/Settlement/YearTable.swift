/// Reading a per-calendar-year table of the scenario (budget U, macronorm, national lending,
/// budgeted net cost) for a year it may not list.
///
/// The rule, the same for every table: the value of the latest listed year at or before `year`
/// ("the last value holds after"); a year before the first listed one takes the first value
/// (flat back-fill: a scheme that existed before the table started); an empty table is 0.
enum YearTable {
    static func value(_ table: [Int: Double], in year: Int) -> Double {
        guard let first = table.keys.min() else { return 0 }
        if year <= first { return table[first]! }
        if let exact = table[year] { return exact }
        let before = table.keys.filter { $0 <= year }.max()!
        return table[before]!
    }

    /// Euros to whole cents, half away from zero (as `Schedule` rounds).
    @inline(__always)
    static func cents(_ euros: Double) -> Int64 { Int64((euros * 100).rounded()) }
}
