import Testing
@testable import LoanBook

/// Hand-computed settlements, one per funding regime. Amounts in the comments are EUR.
@Suite struct SettlementTests {
    static func cents(_ euros: Double) -> Int64 { Int64((euros * 100).rounded()) }

    static func scenario(_ settlement: Settlement, provision: Provision = .init()) -> Scenario {
        Scenario(name: "settlement-test", book: "", riskClasses: [],
                 economy: Economy(sectors: ["retail"], correlation: [[1]]), behaviour: [:],
                 settlement: settlement, provision: provision)
    }

    /// To the cent.
    static func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 0.005 }

    /// Year 0 of the hand cases: no defaults, known cash.
    /// bk: lent 100,000; principal 20,000 + interest 5,000 + recovered 1,000 = baten 26,000;
    ///     remitted 3,000 and written off 500 (neither is baten).
    /// lo established: lent 40,000, principal 10,000. lo starter: lent 30,000, principal 2,000.
    /// BOB: principal 5,000. other: principal 1,000.
    /// Total baten 44,000, total lasten 170,000.
    static func fillYear0(_ l: inout YearLedger) {
        l[0, .bk, .lent] = cents(100_000)
        l[0, .bk, .principal] = cents(20_000)
        l[0, .bk, .interest] = cents(5_000)
        l[0, .bk, .recovered] = cents(1_000)
        l[0, .bk, .remitted] = cents(3_000)
        l[0, .bk, .writtenOff] = cents(500)
        l[0, .bk, .closing] = cents(250_000)
        l[0, .loEstablished, .lent] = cents(40_000)
        l[0, .loEstablished, .principal] = cents(10_000)
        l[0, .loStarter, .lent] = cents(30_000)
        l[0, .loStarter, .principal] = cents(2_000)
        l[0, .bob, .principal] = cents(5_000)
        l[0, .other, .principal] = cents(1_000)
    }

    static let history2014 = LendingHistory(bk: [
        2008: cents(600_000), 2009: cents(500_000), 2010: cents(400_000),
        2011: cents(350_000), 2012: cents(300_000), 2013: cents(250_000),
    ])

    @Test func pre2013ByHand() {
        let settler = Settler(scenario: Self.scenario(.init(defaultRegime: .pre2013, budget: [2012: 10_000])),
                              history: .init(), firstYear: 2012, years: 1)
        var ledger = YearLedger(years: 1)
        Self.fillYear0(&ledger)
        var r = PathResults(firstYear: 2012, years: 1, paths: 1)
        let kinds = settler.settle(ledger: ledger, factors: [], path: 0, into: &r)
        // TLG = (40,000 - 10,000) + (100,000 - 26,000) = 104,000 (starters' lo is outside TLG).
        #expect(Self.same(r[0, 0, .tlg], 104_000))
        // State: 0.75 x 104,000 = 78,000, BOB 100% x (0 - 5,000) = -5,000: 73,000.
        #expect(Self.same(r[0, 0, .stateShare], 73_000))
        #expect(Self.same(r[0, 0, .normBaten], 0))
        #expect(Self.same(r[0, 0, .bonusMalus], 0))
        // AU = max(0, 0.25 x 104,000 - 1.15 x 10,000) = 26,000 - 11,500 = 14,500.
        #expect(Self.same(r[0, 0, .budget], 10_000))
        #expect(Self.same(r[0, 0, .topUp], 14_500))
        // Net = 44,000 - 170,000 + 73,000 + 10,000 + 14,500 = -28,500.
        #expect(Self.same(r[0, 0, .municipalNetResult], -28_500))
        #expect(Self.same(r[0, 1, .municipalNetResult], -28_500))
        // Cash lines.
        #expect(Self.same(r[0, 0, .lastenBK], 100_000))
        #expect(Self.same(r[0, 0, .batenBK], 26_000))
        #expect(Self.same(r[0, 0, .lastenLO], 70_000))
        #expect(Self.same(r[0, 0, .batenLO], 12_000))
        #expect(Self.same(r[0, 0, .batenBOB], 5_000))
        #expect(Self.same(r[0, 0, .principalRepaid], 38_000))
        #expect(Self.same(r[0, 0, .interest], 5_000))
        #expect(Self.same(r[0, 0, .recoveries], 1_000))
        #expect(Self.same(r[0, 0, .remissions], 3_000))
        #expect(Self.same(r[0, 0, .writeOffs], 500))
        #expect(Self.same(r[0, 0, .balanceBK], 250_000))
        // Cost by kind: bk = -(26,000 - 100,000 + 55,500) - U+AU share; U + AU = 24,500 goes
        // 74,000/104,000 to bk = 17,432.69 and 7,067.31 to lo.
        // bk 18,500 - 17,432.69 = 1,067.31; lo 58,000 - 22,500 - 7,067.31 = 28,432.69;
        // BOB 0; other -1,000. Total 28,500.
        #expect(kinds.bkCents == 106_731)
        #expect(kinds.loCents == 2_843_269)
        #expect(kinds.bobCents == 0)
        #expect(kinds.otherCents == -100_000)
        #expect(kinds.totalCents == 2_850_000)
    }

    @Test func normbatenByHand() {
        let settlement = Settlement(defaultRegime: .normbaten, macronorm: .table([2014: 0.549, 2016: 0.633]),
                                    budget: [2014: 10_000])
        let settler = Settler(scenario: Self.scenario(settlement), history: Self.history2014, firstYear: 2014, years: 3)
        var ledger = YearLedger(years: 3)
        Self.fillYear0(&ledger)
        ledger[2, .bk, .lent] = Self.cents(1_000_000)
        var r = PathResults(firstYear: 2014, years: 3, paths: 1)
        let kinds = settler.settle(ledger: ledger, factors: [], path: 0, into: &r)

        // 2014: NB = 0.549 x mean(2008..2012) = 0.549 x 430,000 = 236,070.
        #expect(Self.same(r[0, 0, .normBaten], 236_070))
        // TLG = (40,000 - 10,000) + (100,000 - 236,070) = -106,070.
        #expect(Self.same(r[0, 0, .tlg], -106_070))
        // State: 0.75 x -106,070 = -79,552.50, BOB -5,000: -84,552.50 (the municipality pays).
        #expect(Self.same(r[0, 0, .stateShare], -84_552.50))
        // Bonus-malus = 26,000 - 236,070 = -210,070 (a malus).
        #expect(Self.same(r[0, 0, .bonusMalus], -210_070))
        #expect(Self.same(r[0, 0, .topUp], 0))
        // Net = 44,000 - 170,000 - 84,552.50 + 10,000 = -200,552.50.
        #expect(Self.same(r[0, 0, .municipalNetResult], -200_552.50))

        // 2015: m holds at 0.549; NB = 0.549 x mean(2009..2013) = 0.549 x 360,000 = 197,640.
        // No cash: TLG = -197,640, state -148,230, net = -148,230 + 10,000 = -138,230.
        #expect(Self.same(r[0, 1, .normBaten], 197_640))
        #expect(Self.same(r[0, 1, .bonusMalus], -197_640))
        #expect(Self.same(r[0, 1, .stateShare], -148_230))
        #expect(Self.same(r[0, 1, .municipalNetResult], -138_230))

        // 2016: NB = 0.633 x mean(2010..2014) = 0.633 x (400 + 350 + 300 + 250 + 100)k / 5
        //     = 0.633 x 280,000 = 177,240 (2014 is simulated lending).
        // TLG = 1,000,000 - 177,240 = 822,760; state 617,070;
        // AU = max(0, 205,690 - 11,500) = 194,190; net = -1,000,000 + 617,070 + 10,000 + 194,190 = -178,740.
        #expect(Self.same(r[0, 2, .normBaten], 177_240))
        #expect(Self.same(r[0, 2, .tlg], 822_760))
        #expect(Self.same(r[0, 2, .stateShare], 617_070))
        #expect(Self.same(r[0, 2, .topUp], 194_190))
        #expect(Self.same(r[0, 2, .municipalNetResult], -178_740))

        // Horizon: flows add up, balances take the last year (0 here), 2014's 250,000 dropped.
        #expect(Self.same(r[0, 3, .municipalNetResult], -517_522.50))
        #expect(Self.same(r[0, 3, .normBaten], 610_950))
        #expect(Self.same(r[0, 3, .balanceBK], 0))
        #expect(kinds.totalCents == 51_752_250)
    }

    @Test func normBatenOfFirstTwoYearsDependsOnlyOnHistory() {
        let settlement = Settlement(defaultRegime: .normbaten, macronorm: .published)
        let settler = Settler(scenario: Self.scenario(settlement), history: Self.history2014, firstYear: 2014, years: 4)
        var low = YearLedger(years: 4), high = YearLedger(years: 4)
        low[0, .bk, .lent] = Self.cents(100_000)
        high[0, .bk, .lent] = Self.cents(500_000)
        high[1, .bk, .lent] = Self.cents(300_000)
        var r = PathResults(firstYear: 2014, years: 4, paths: 2)
        settler.settle(ledger: low, factors: [], path: 0, into: &r)
        settler.settle(ledger: high, factors: [], path: 1, into: &r)
        #expect(r[0, 0, .normBaten] == r[1, 0, .normBaten])
        #expect(r[0, 1, .normBaten] == r[1, 1, .normBaten])
        // 2016 (m = 0.633) sees 2014's extra 400,000: 0.633 x 400,000 / 5 = 50,640.
        #expect(Self.same(r[1, 2, .normBaten] - r[0, 2, .normBaten], 50_640))
        // 2017 (m = 0.770) sees both: 0.770 x 700,000 / 5 = 107,800.
        #expect(Self.same(r[1, 3, .normBaten] - r[0, 3, .normBaten], 107_800))
        #expect(settler.missingHistoryYears.isEmpty)
    }

    @Test func reform2020ByHand() {
        let settlement = Settlement(defaultRegime: .reform2020)
        let history = LendingHistory(bk: [2019: Self.cents(50_000)])
        let settler = Settler(scenario: Self.scenario(settlement), history: history, firstYear: 2020, years: 7)
        var ledger = YearLedger(years: 7)
        // 2020: new (reform) bk lent 100,000, baten 1,000 + 500; old bk baten 40,000 + 4,000;
        // lo established lent 20,000, repaid 5,000. No budget.
        ledger[0, .bkReform, .lent] = Self.cents(100_000)
        ledger[0, .bkReform, .principal] = Self.cents(1_000)
        ledger[0, .bkReform, .interest] = Self.cents(500)
        ledger[0, .bk, .principal] = Self.cents(40_000)
        ledger[0, .bk, .interest] = Self.cents(4_000)
        ledger[0, .loEstablished, .lent] = Self.cents(20_000)
        ledger[0, .loEstablished, .principal] = Self.cents(5_000)
        var r = PathResults(firstYear: 2020, years: 7, paths: 1)
        settler.settle(ledger: ledger, factors: [], path: 0, into: &r)
        // TLG = lo only = 15,000. State: 100% of new bk lent (100,000) + 0.75 x 15,000 = 111,250.
        #expect(Self.same(r[0, 0, .tlg], 15_000))
        #expect(Self.same(r[0, 0, .stateShare], 111_250))
        // AU = max(0, 0.25 x 15,000 - 0) = 3,750.
        #expect(Self.same(r[0, 0, .topUp], 3_750))
        // To the state: 75% of old bk baten 44,000 = 33,000 (2019 lending is pre-reform: no instalment).
        #expect(Self.same(r[0, 0, .stateRepayment], 33_000))
        #expect(Self.same(r[0, 0, .normBaten], 0))
        #expect(Self.same(r[0, 0, .bonusMalus], 0))
        // Net = 50,500 - 120,000 + 111,250 + 3,750 - 33,000 = 12,500.
        #expect(Self.same(r[0, 0, .municipalNetResult], 12_500))
        // 75% of 100,000 paid 20/20/15/10/10% of the lent in 2021..2025, nothing after.
        let expected: [Double] = [20_000, 20_000, 15_000, 10_000, 10_000, 0]
        for (k, amount) in expected.enumerated() {
            #expect(Self.same(r[0, k + 1, .stateRepayment], amount))
            #expect(Self.same(r[0, k + 1, .municipalNetResult], -amount))
        }
        #expect(Self.same(r[0, 7, .stateRepayment], 33_000 + 75_000))
        // What is still owed at each year end: 75,000 after lending, less each instalment paid.
        let owed: [Double] = [75_000, 55_000, 35_000, 20_000, 10_000, 0, 0]
        for (year, amount) in owed.enumerated() { #expect(Self.same(r[0, year, .reformDebt], amount), "\(year)") }
        #expect(Self.same(r[0, 7, .reformDebt], 0))
    }

    /// `ledger` settled from 2022 under reform2020, after bk lending of 80,000 in 2019 (before the
    /// reform), 100,000 in 2020 and 200,000 in 2021.
    static func settleReformFrom2022(_ ledger: YearLedger) -> PathResults {
        let history = LendingHistory(bk: [2019: cents(80_000), 2020: cents(100_000), 2021: cents(200_000)])
        let settler = Settler(scenario: scenario(Settlement(defaultRegime: .reform2020)), history: history,
                              firstYear: 2022, years: ledger.years)
        var r = PathResults(firstYear: 2022, years: ledger.years, paths: 1)
        settler.settle(ledger: ledger, factors: [], path: 0, into: &r)
        return r
    }

    /// A horizon that ends before the instalments do: the rest is the debt at the horizon,
    /// on the simulated lending and on lending before the book.
    @Test func reformDebtLeftAtTheHorizon() {
        var ledger = YearLedger(years: 2)
        ledger[1, .bkReform, .lent] = Self.cents(40_000)
        let r = Self.settleReformFrom2022(ledger)
        // End of 2022: 2020's 15% + 10% + 10% of 100,000 (35,000) and 2021's 20% + 15% + 10% + 10%
        // of 200,000 (110,000) = 145,000; 2019 is pre-reform.
        #expect(Self.same(r[0, 0, .reformDebt], 145_000))
        // End of 2023: 20,000 + 70,000 + 75% of the 40,000 lent in 2023 = 120,000, and so in the
        // horizon row: owed beyond the horizon, outside the net result.
        #expect(Self.same(r[0, 1, .reformDebt], 120_000))
        #expect(Self.same(r[0, 2, .reformDebt], 120_000))
    }

    @Test func reformInstalmentsOnLendingBeforeTheBook() {
        let r = Self.settleReformFrom2022(YearLedger(years: 3))
        // 2022: 20% of 2020's 100,000 + 20% of 2021's 200,000 = 60,000; 2019 is pre-reform.
        // 2023: 15% x 100,000 + 20% x 200,000 = 55,000. 2024: 10% x 100,000 + 15% x 200,000 = 40,000.
        #expect(Self.same(r[0, 0, .stateRepayment], 60_000))
        #expect(Self.same(r[0, 1, .stateRepayment], 55_000))
        #expect(Self.same(r[0, 2, .stateRepayment], 40_000))
    }

    @Test func costByKindAddsUpToNetCostInEveryRegime() {
        for regime in FundingRegime.allCases {
            let settlement = Settlement(defaultRegime: regime, budget: [2018: 40_000])
            let settler = Settler(scenario: Self.scenario(settlement), history: Self.history2014, firstYear: 2018, years: 6)
            var ledger = YearLedger(years: 6)
            var x: Int64 = 12_345
            for i in ledger.cents.indices {
                x = (x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407) & 0x7fff_ffff_ffff_ffff
                ledger.cents[i] = (x >> 33) % 9_000_000
            }
            var r = PathResults(firstYear: 2018, years: 6, paths: 1)
            let kinds = settler.settle(ledger: ledger, factors: [], path: 0, into: &r)
            let netCents = Int64((r[0, 6, .municipalNetResult] * 100).rounded())
            #expect(kinds.totalCents == -netCents, "\(regime)")
        }
    }

    @Test func costAboveBudgetAgainstTableAndMean() {
        let settlement = Settlement(defaultRegime: .pre2013)
        var ledgers = [YearLedger(years: 2), YearLedger(years: 2)]
        // "other" claims are 100% municipal: the net cost is what is lent.
        ledgers[0][0, .other, .lent] = Self.cents(25_000)
        ledgers[1][0, .other, .lent] = Self.cents(75_000)
        ledgers[1][1, .other, .lent] = Self.cents(10_000)

        // Table: net cost 2012 = 25,000 and 75,000, budget 50,000 -> -25,000 and 25,000.
        let fixed = Settler(scenario: Self.scenario(settlement, provision: .init(budgetedNetCost: [2012: 50_000])),
                            history: .init(), firstYear: 2012, years: 2)
        var r = PathResults(firstYear: 2012, years: 2, paths: 2)
        for p in 0..<2 { fixed.settle(ledger: ledgers[p], factors: [], path: p, into: &r) }
        #expect(Self.same(r[0, 0, .costAboveBudget], -25_000))
        #expect(Self.same(r[1, 0, .costAboveBudget], 25_000))
        // 2013 holds 50,000: net cost 0 and 10,000. Horizon budget 100,000.
        #expect(Self.same(r[1, 1, .costAboveBudget], -40_000))
        #expect(Self.same(r[1, 2, .costAboveBudget], -15_000))

        // Mean: the second pass centres each year on the run's mean net cost.
        let expected = Settler(scenario: Self.scenario(settlement), history: .init(), firstYear: 2012, years: 2)
        var m = PathResults(firstYear: 2012, years: 2, paths: 2)
        for p in 0..<2 { expected.settle(ledger: ledgers[p], factors: [], path: p, into: &m) }
        Settler.fillCostAboveBudget(&m, provision: .init())
        #expect(Self.same(m[0, 0, .costAboveBudget], -25_000))
        #expect(Self.same(m[1, 0, .costAboveBudget], 25_000))
        #expect(Self.same(m[0, 1, .costAboveBudget], -5_000))
        #expect(Self.same(m[1, 2, .costAboveBudget], 30_000))
    }
}
