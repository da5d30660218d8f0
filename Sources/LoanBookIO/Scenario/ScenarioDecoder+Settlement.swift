import LoanBook

extension ScenarioDecoder {
    static let settlementKeys = ["regimes", "default_regime", "macronorm", "state_share", "state_share_bob", "budget",
                                 "reform_state_share", "reform_schedule", "reform_kept_share_old_baten"]
    static let nationalKeys = ["lending", "annual_pd", "recovery_mean", "term_months", "annual_rate", "smoothing"]

    /// The last year an open-ended regime range (`{from: 2020, regime: reform2020}`) is spelt out to;
    /// beyond it the open range's regime is also the default.
    static let lastRegimeYear = 2100

    /// The settlement with the state (MODEL.md section 5).
    func settlement(_ field: YAMLField) -> Settlement {
        var result = Settlement()
        guard let map = field.mapping(keys: Self.settlementKeys) else { return result }
        var openRegime: FundingRegime?
        if let regimes = map.optional("regimes") {
            (result.regimes, openRegime) = regimeRanges(regimes)
        }
        result.defaultRegime = map.optional("default_regime")?.enumValue(FundingRegime.self)
            ?? openRegime ?? result.defaultRegime
        if let macronorm = map.optional("macronorm") { result.macronorm = self.macronorm(macronorm) ?? .published }
        result.stateShare = map.optional("state_share")?.probability() ?? result.stateShare
        result.stateShareBOB = map.optional("state_share_bob")?.probability() ?? result.stateShareBOB
        result.budget = map.optional("budget")?.anyMapping()?.yearTable(valueIn: 0...1e12, "an amount in EUR >= 0") ?? [:]
        result.reformStateShare = map.optional("reform_state_share")?.probability() ?? result.reformStateShare
        result.reformKeptShareOldBaten = map.optional("reform_kept_share_old_baten")?.probability()
            ?? result.reformKeptShareOldBaten
        if let schedule = map.optional("reform_schedule"), let items = schedule.list() {
            let shares = items.compactMap { $0.probability() }
            if shares.count == items.count {
                result.reformSchedule = shares
                if items.isEmpty { schedule.report("at least one instalment share") }
            }
        }
        // The instalments pay off exactly the share of the amount lent that is owed.
        let owed = result.reformSchedule.reduce(0, +)
        if abs(owed - result.reformStateShare) > 1e-9 {
            (map.optional("reform_schedule") ?? map.optional("reform_state_share") ?? field).report(
                "reform_schedule summing to reform_state_share (\(result.reformStateShare))", value: "sum \(owed)")
        }
        return result
    }

    /// `regimes: [{from: 2014, to: 2019, regime: normbaten}, {from: 2020, regime: reform2020}]`.
    /// Ranges may not overlap; at most one may be open-ended.
    func regimeRanges(_ field: YAMLField) -> ([Int: FundingRegime], FundingRegime?) {
        guard let items = field.list() else { return ([:], nil) }
        var years: [Int: FundingRegime] = [:]
        var open: FundingRegime?
        for item in items {
            guard let range = item.mapping(keys: ["from", "to", "regime"]) else { continue }
            let from = range.required("from")?.int(in: 1990...Self.lastRegimeYear)
            let to = range.optional("to")?.int(in: 1990...Self.lastRegimeYear)
            let regime = range.required("regime")?.enumValue(FundingRegime.self)
            guard let from, let regime, range.optional("to") == nil || to != nil else { continue }
            if let to, to < from {
                range.required("to")?.report("a last year >= from (\(from))")
                continue
            }
            if to == nil {
                if open != nil { item.report("at most one open-ended range (without 'to')") }
                open = regime
            }
            let span = from...(to ?? Self.lastRegimeYear)
            if let overlap = span.first(where: { years[$0] != nil }) {
                item.report("ranges that do not overlap (\(overlap) is already covered)")
                continue
            }
            for year in span { years[year] = regime }
        }
        return (years, open)
    }

    /// `macronorm: published`, `{table: {2013: 0.549, ...}}` or `{simulated: {...}}`.
    func macronorm(_ field: YAMLField) -> Macronorm? {
        if case let .scalar(text, _) = field.node.content {
            if text != "published" { field.report("'published', a 'table:' by year or 'simulated:'") }
            return .published
        }
        guard let map = field.mapping(keys: ["table", "simulated"]) else { return nil }
        switch (map.optional("table"), map.optional("simulated")) {
        case let (table?, nil):
            guard let years = table.anyMapping() else { return nil }
            if years.entries.isEmpty { table.report("at least one year: value") }
            return .table(years.yearTable(valueIn: 0...2, "a macronorm from 0 to 2"))
        case let (nil, simulated?):
            guard let fields = simulated.mapping(keys: Self.nationalKeys) else { return nil }
            var national = NationalPortfolio(lending: [:])
            national.lending = fields.required("lending")?.anyMapping()?
                .yearTable(valueIn: 0...1e12, "national lending in EUR >= 0") ?? [:]
            national.annualPD = fields.optional("annual_pd")?.double(in: 0...1, "an annual PD above 0 and below 1")
                ?? national.annualPD
            national.recoveryMean = fields.optional("recovery_mean")?.probability() ?? national.recoveryMean
            national.termMonths = fields.optional("term_months")?.int(in: 1...600) ?? national.termMonths
            national.annualRate = fields.optional("annual_rate")?
                .double(in: 0...0.25, "an annual rate from 0 to 0.25") ?? national.annualRate
            national.smoothing = fields.optional("smoothing")?.probability() ?? national.smoothing
            if national.annualPD <= 0 || national.annualPD >= 1 {
                fields.optional("annual_pd")?.report("an annual PD above 0 and below 1")
            }
            return .simulated(national)
        default:
            field.report("exactly one of 'table' or 'simulated'")
            return nil
        }
    }
}
