/// Settles each simulated year of one path with the state (MODEL.md section 5) and writes
/// every `Metric` of that path into `PathResults`.
///
/// Per calendar year y, with L and B the lasten and baten (principal + prepaid + interest +
/// recovered; remissions and write-offs are not baten) of a ledger bucket, "bk" both bk
/// buckets and "lo" established entrepreneurs' living allowance only (starters' lo is paid
/// from the general benefits budget: 100% municipal, outside TLG):
///
/// - `pre2013`:    TLG = (L_lo - B_lo) + (L_bk - B_bk).
/// - `normbaten`:  NB = m(y) * mean(L_bk(y-6 ... y-2)); TLG = (L_lo - B_lo) + (L_bk - NB);
///                 bonus-malus = B_bk - NB (carried wholly by the municipality).
/// - `reform2020`: TLG = L_lo - B_lo. bk lent in a reform year (bucket bkReform): the state
///                 pays 100% of the amount lent (`reformLastenStateShare`), the municipality
///                 pays back `reformStateShare` of it in the five following years by
///                 `reformSchedule` and keeps all baten. Older bk: the state takes
///                 1 - `reformKeptShareOldBaten` (75%) of their baten, booked as a payment
///                 to the state, and pays 75% of any lasten on them.
/// - Always: state share = `stateShare` x TLG (+ the reform items) + `stateShareBOB` x
///   (L_bob - B_bob); U(y) from `budget`; AU = max(0, (1 - stateShare) TLG - 1.15 U);
///   net result = baten - lasten + state share + U + AU - payments to the state.
///
/// Money stays in whole cents: each amount the state computes (its share, NB, AU, an
/// instalment) is rounded to the cent half away from zero, so every identity holds exactly.
/// `PathResults` receives euros. The choices and a worked example: docs/settlement.md.
public struct Settler: Sendable {
    public let firstYear: Int
    public let years: Int
    /// The municipality's top-up threshold: AU pays what its share exceeds 115% of U.
    public static let topUpThreshold = 1.15
    /// reform2020: the state's share of the amount lent on new bk (the full amount; the
    /// municipality then pays back `reformStateShare` of it on a fixed schedule).
    public static let reformLastenStateShare = 1.0

    let stateShare: Double
    let stateShareBOB: Double
    let keptShareOldBaten: Double
    /// Funding regime per horizon year.
    let regimes: [FundingRegime]
    /// m(y) per horizon year when the macronorm is a table.
    let tableNorm: [Double]
    let national: NationalAverage?
    /// Local bk lasten of the six years before the as-of year, cents (index u - (firstYear - 6)).
    let historyBK: [Int64]
    /// Years of that window the lending history does not list (counted as 0).
    public let missingHistoryYears: [Int]
    /// U(y) per horizon year, cents.
    let budgetCents: [Int64]
    /// Reform instalments due per horizon year on bk lent before the as-of year, cents.
    let historicReformDue: [Int64]
    /// What is still owed at the end of each horizon year on that lending, cents.
    let historicReformDebt: [Int64]
    /// Instalment k (paid in year v + 1 + k) as a fraction of the amount lent in year v.
    let instalments: [Double]
    /// Budgeted net cost per horizon year in EUR, when the provision fixes it.
    let budgetedNetCost: [Double]?

    public init(scenario: Scenario, history: LendingHistory, firstYear: Int, years: Int) {
        self.firstYear = firstYear
        self.years = years
        let rules = scenario.settlement
        stateShare = rules.stateShare
        stateShareBOB = rules.stateShareBOB
        keptShareOldBaten = rules.reformKeptShareOldBaten
        regimes = (0..<years).map { rules.regime(in: firstYear + $0) }

        switch rules.macronorm {
        case .table(let table):
            tableNorm = (0..<years).map { YearTable.value(table, in: firstYear + $0) }
            national = nil
        case .simulated(let portfolio):
            tableNorm = []
            national = NationalAverage(portfolio: portfolio, economy: scenario.economy, firstYear: firstYear, years: years)
        }

        let window = (firstYear - 6)..<firstYear
        historyBK = window.map { history.bk[$0] ?? 0 }
        missingHistoryYears = window.filter { history.bk[$0] == nil }

        budgetCents = (0..<years).map { YearTable.cents(YearTable.value(rules.budget, in: firstYear + $0)) }

        // The schedule's fractions are of the debt (reformStateShare x lent): with the default
        // 20/20/15/10/10 summing to 75% = reformStateShare, they are also fractions of the lent.
        let scheduleSum = rules.reformSchedule.reduce(0, +)
        instalments = rules.reformSchedule.map { scheduleSum > 0 ? rules.reformStateShare * $0 / scheduleSum : 0 }

        var due = Array(repeating: Int64(0), count: years)
        var debt = Array(repeating: Int64(0), count: years)
        for (year, lent) in history.bk where year < firstYear && Self.isReformLending(year: year, regime: rules.regime(in: year)) {
            for (k, fraction) in instalments.enumerated() {
                let i = year + 1 + k - firstYear
                let amount = Int64((Double(lent) * fraction).rounded())
                if i >= 0 && i < years { due[i] += amount }
                for end in 0..<min(max(i, 0), years) { debt[end] += amount }
            }
        }
        historicReformDue = due
        historicReformDebt = debt

        budgetedNetCost = scenario.provision.budgetedNetCost.map { table in
            (0..<years).map { YearTable.value(table, in: firstYear + $0) }
        }
    }

    /// Whether bk lent in `year` falls under the 2020 reform's fixed repayment.
    static func isReformLending(year: Int, regime: FundingRegime) -> Bool {
        regime == .reform2020 && year >= FlowBucket.reformYear
    }

    /// m(y) per horizon year for one path (allocates; for tests and reports).
    public func macronorm(factors: [Double]) -> [Double] {
        national?.macronorm(factors: factors) ?? tableNorm
    }

    /// Settles one path: writes every metric of `path` (each year and the `all` row) into
    /// `results`, and returns the path's horizon net cost by kind.
    ///
    /// `cost_above_budget` is filled only when the provision fixes the budgeted net cost;
    /// otherwise call `fillCostAboveBudget` once all paths are settled.
    /// - Parameter factors: the path's Z(s, y), `[yearIndex * sectorCount + sector]`; read only
    ///   for a simulated macronorm (pass an empty buffer otherwise).
    /// - Complexity: O(years x (buckets + 5)); no heap allocation.
    @discardableResult
    public func settle(ledger: YearLedger, factors: UnsafeBufferPointer<Double>, path: Int,
                       into results: inout PathResults) -> CostByKind {
        precondition(ledger.years == years, "ledger covers \(ledger.years) years, settler \(years)")
        precondition(results.years == years && results.firstYear == firstYear, "results cover other years")
        precondition(path >= 0 && path < results.paths)
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: max(years, 1)) { norm in
            macronorm(factors: factors, into: norm)
            return ledger.cents.withUnsafeBufferPointer { cents in
                results.values.withUnsafeMutableBufferPointer { out in
                    settle(cents: cents, norm: UnsafeBufferPointer(norm), path: path, out: out)
                }
            }
        }
    }

    /// m(y) per horizon year on the path with sector `factors`: the table's, or simulated.
    func macronorm(factors: UnsafeBufferPointer<Double>, into norm: UnsafeMutableBufferPointer<Double>) {
        if let national {
            national.macronorm(factors: factors, into: norm)
        } else {
            for i in 0..<years { norm[i] = tableNorm[i] }
        }
    }

    /// The net cost by kind of `ledger` alone under the path's `norm` (`macronorm`), as `settle`
    /// computes it, without writing figures (`SectorAllocation` settles a path once more per sector).
    func costByKind(ledger: YearLedger, norm: UnsafeBufferPointer<Double>) -> CostByKind {
        ledger.cents.withUnsafeBufferPointer { cents in settle(cents: cents, norm: norm, path: 0, out: nil) }
    }

    /// `settle` with the factors in an array.
    @discardableResult
    public func settle(ledger: YearLedger, factors: [Double], path: Int, into results: inout PathResults) -> CostByKind {
        factors.withUnsafeBufferPointer { settle(ledger: ledger, factors: $0, path: path, into: &results) }
    }

    private func settle(cents: UnsafeBufferPointer<Int64>, norm: UnsafeBufferPointer<Double>, path: Int,
                        out: UnsafeMutableBufferPointer<Double>?) -> CostByKind {
        @inline(__always) func flow(_ year: Int, _ bucket: FlowBucket, _ flow: Flow) -> Int64 {
            cents[YearLedger.offset(year: year, bucket: bucket.rawValue, flow: flow.rawValue)]
        }
        @inline(__always) func baten(_ year: Int, _ bucket: FlowBucket) -> Int64 {
            flow(year, bucket, .principal) + flow(year, bucket, .prepaid) + flow(year, bucket, .interest)
                + flow(year, bucket, .recovered)
        }
        @inline(__always) func lentBK(_ year: Int) -> Int64 {
            year < 0 ? historyBK[year + 6] : flow(year, .bk, .lent) + flow(year, .bkReform, .lent)
        }
        @inline(__always) func round(_ x: Double) -> Int64 { Int64(x.rounded()) }

        var total = YearFigures()
        var kinds = CostByKind()
        let rowStride = Metric.count
        for i in 0..<years {
            var f = YearFigures()
            var totalLent: Int64 = 0, totalBaten: Int64 = 0
            for bucket in FlowBucket.allCases {
                totalLent += flow(i, bucket, .lent)
                totalBaten += baten(i, bucket)
                f.principalRepaid += flow(i, bucket, .principal)
                f.prepaid += flow(i, bucket, .prepaid)
                f.interest += flow(i, bucket, .interest)
                f.recoveries += flow(i, bucket, .recovered)
                f.defaults += flow(i, bucket, .defaulted)
                f.writeOffs += flow(i, bucket, .writtenOff)
                f.remissions += flow(i, bucket, .remitted)
            }
            let lentOld = flow(i, .bk, .lent), lentReform = flow(i, .bkReform, .lent)
            let batenOld = baten(i, .bk)
            let lentLOEstablished = flow(i, .loEstablished, .lent)
            f.lastenBK = lentOld + lentReform
            f.lastenLO = flow(i, .loStarter, .lent) + lentLOEstablished
            f.lastenBOB = flow(i, .bob, .lent)
            f.batenBK = batenOld + baten(i, .bkReform)
            f.batenLO = baten(i, .loStarter) + baten(i, .loEstablished)
            f.batenBOB = baten(i, .bob)
            f.balanceBK = flow(i, .bk, .closing) + flow(i, .bkReform, .closing)
            f.balanceLO = flow(i, .loStarter, .closing) + flow(i, .loEstablished, .closing)
            f.balanceBOB = flow(i, .bob, .closing)
            f.balanceOther = flow(i, .other, .closing)

            // TLG by component, and what the state pays or takes outside TLG.
            let tlgLO = lentLOEstablished - baten(i, .loEstablished)
            var tlgBK: Int64 = 0
            var stateBKOutsideTLG: Int64 = 0
            var paidToState: Int64 = 0
            switch regimes[i] {
            case .pre2013:
                tlgBK = f.lastenBK - f.batenBK
            case .normbaten:
                var window: Int64 = 0
                for u in (i - 6)...(i - 2) { window += lentBK(u) }
                f.normBaten = round(norm[i] * Double(window) / 5)
                tlgBK = f.lastenBK - f.normBaten
                f.bonusMalus = f.batenBK - f.normBaten
            case .reform2020:
                let reformLent = Self.isReformLending(year: firstYear + i, regime: .reform2020) ? lentReform : 0
                stateBKOutsideTLG = round(Self.reformLastenStateShare * Double(reformLent))
                    + round(stateShare * Double(f.lastenBK - reformLent))
                paidToState = round((1 - keptShareOldBaten) * Double(batenOld))
            }
            paidToState += historicReformDue[i]
            for (k, fraction) in instalments.enumerated() {
                let j = i - 1 - k
                if j >= 0 && Self.isReformLending(year: firstYear + j, regime: regimes[j]) {
                    paidToState += round(fraction * Double(flow(j, .bkReform, .lent)))
                }
            }

            // Instalments scheduled on reform lending up to this year and due after it: a figure
            // only, so not for the cost-only settlements of `costByKind`.
            if out != nil {
                f.reformDebt = historicReformDebt[i]
                for j in max(0, i + 1 - instalments.count)..<(i + 1)
                where Self.isReformLending(year: firstYear + j, regime: regimes[j]) {
                    for (k, fraction) in instalments.enumerated() where j + 1 + k > i {
                        f.reformDebt += round(fraction * Double(flow(j, .bkReform, .lent)))
                    }
                }
            }

            f.tlg = tlgBK + tlgLO
            let stateTLG = round(stateShare * Double(f.tlg))
            let stateBK = round(stateShare * Double(tlgBK))
            let stateLO = stateTLG - stateBK
            let stateBOB = round(stateShareBOB * Double(f.lastenBOB - f.batenBOB))
            f.stateShare = stateTLG + stateBKOutsideTLG + stateBOB
            f.budget = budgetCents[i]
            f.topUp = max(0, round((1 - stateShare) * Double(f.tlg) - Self.topUpThreshold * Double(f.budget)))
            f.stateRepayment = paidToState
            f.municipalNetResult = totalBaten - totalLent + f.stateShare + f.budget + f.topUp - paidToState

            // Net cost by kind (cost = minus result); U + AU spread by TLG share.
            let toBK = Self.budgetShareBK(amount: f.budget + f.topUp, tlgBK: tlgBK, tlgLO: tlgLO,
                                          lastenBK: f.lastenBK, lastenLO: lentLOEstablished)
            kinds.bkCents -= f.batenBK - f.lastenBK + stateBK + stateBKOutsideTLG - paidToState + toBK
            kinds.loCents -= f.batenLO - f.lastenLO + stateLO + (f.budget + f.topUp - toBK)
            kinds.bobCents -= f.batenBOB - f.lastenBOB + stateBOB
            kinds.otherCents -= baten(i, .other) - flow(i, .other, .lent)

            if let out { write(f, row: (path * (years + 1) + i) * rowStride, year: i, out: out) }
            total.accumulate(f)
        }
        if let out { write(total, row: (path * (years + 1) + years) * rowStride, year: years, out: out) }
        return kinds
    }

    @inline(__always)
    private func write(_ f: YearFigures, row: Int, year: Int, out: UnsafeMutableBufferPointer<Double>) {
        for (k, metric) in Metric.allCases.enumerated() {
            if let c = f.cents(metric) {
                out[row + k] = Double(c) / 100
            } else if let budgeted = budgetedNetCost {
                let b = year < years ? budgeted[year] : budgeted.reduce(0, +)
                out[row + k] = -Double(f.municipalNetResult) / 100 - b
            } else {
                out[row + k] = 0
            }
        }
    }

    /// The part of U + AU attributed to bk (the rest goes to lo), in cents.
    static func budgetShareBK(amount: Int64, tlgBK: Int64, tlgLO: Int64, lastenBK: Int64, lastenLO: Int64) -> Int64 {
        var wBK = Double(max(0, tlgBK)), wLO = Double(max(0, tlgLO))
        if wBK + wLO == 0 { (wBK, wLO) = (Double(max(0, lastenBK)), Double(max(0, lastenLO))) }
        if wBK + wLO == 0 { return amount }
        return Int64((Double(amount) * wBK / (wBK + wLO)).rounded())
    }
}
