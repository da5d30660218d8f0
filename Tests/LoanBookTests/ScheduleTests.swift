import Testing
import LoanBook

@Suite struct ScheduleTests {
    @Test func annuityInstalmentMatchesHandComputedValue() {
        // EUR 10,000 at 8% over 60 months: A = 10000 * (0.08/12) / (1 - (1 + 0.08/12)^-60) = 202.76.
        #expect(Schedule.annuityInstalment(balance: 1_000_000, monthlyRate: 0.08 / 12, months: 60) == 20_276)
    }

    @Test func annuityTableRepaysExactly() {
        let rows = Schedule.table(balance: 1_000_000, annualRate: 0.08, months: 60, repayment: .annuity)
        #expect(rows.count == 60)
        // First month: interest 66.67, principal 136.09 (hand-computed).
        #expect(rows[0].interest == 6_667)
        #expect(rows[0].principal == 13_609)
        #expect(rows.reduce(0) { $0 + $1.principal } == 1_000_000)
        #expect(rows.last?.balance == 0)
        // Every instalment but the last equals A; the last absorbs the rounding.
        #expect(rows.dropLast().allSatisfy { $0.payment == 20_276 })
        // The last instalment takes exactly what is left, with that month's interest on it.
        #expect(rows[59].principal == rows[58].balance)
        #expect(rows[59].interest == Schedule.interest(balance: rows[58].balance, monthlyRate: 0.08 / 12))
        #expect(rows[59].payment == rows[59].principal + rows[59].interest)
    }

    @Test func linearPaysEqualPrincipal() {
        let rows = Schedule.table(balance: 1_200_000, annualRate: 0.05, months: 12, repayment: .linear)
        #expect(rows.count == 12)
        #expect(rows.allSatisfy { $0.principal == 100_000 })
        // Interest on 12,000 at 5%/12 = 50.00, then on 11,000 = 45.83.
        #expect(rows[0].interest == 5_000)
        #expect(rows[1].interest == 4_583)
    }

    @Test func bulletPaysInterestThenPrincipal() {
        let rows = Schedule.table(balance: 500_000, annualRate: 0.08, months: 3, repayment: .bullet)
        #expect(rows.map(\.principal) == [0, 0, 500_000])
        #expect(rows.map(\.interest) == [3_333, 3_333, 3_333])
    }

    @Test func zeroRateAnnuityIsBalanceOverMonths() {
        #expect(Schedule.annuityInstalment(balance: 600_000, monthlyRate: 0, months: 60) == 10_000)
    }
}
