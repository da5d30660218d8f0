import Testing
@testable import LoanBook

/// `Schedules` builds four positions' schedules side by side, and gives interest-free annuities
/// a closed form; every entry must still be what `Schedule.payment` gives month by month for
/// that position alone.
@Suite struct SchedulesTests {
    /// Positions of every repayment, status and size, including tiny balances (where the
    /// annuity's clamps bind), zero rates, terms past the horizon and starts at it.
    static func mixedTable(count: Int, seed: UInt64) -> PositionTable {
        let philox = Philox4x32(seed: seed)
        var table = PositionTable()
        for k in 0..<count {
            let w = philox.block(UInt32(k), 0, 0, 0)
            let x = philox.block(UInt32(k), 1, 0, 0)
            let balance: Int64 = w.0 % 4 == 0 ? Int64(w.1 % 200) : Int64(w.1 % 20_000_000)
            let rate = w.2 % 5 == 0 ? 0 : Double(w.3 % 1500) / 10_000
            let repayment: Repayment = [.annuity, .annuity, .annuity, .linear, .bullet][Int(x.0 % 5)]
            let status: Status = [.performing, .performing, .deferred, .arrears, .closed][Int(x.1 % 5)]
            table.append(balance: balance, annualRate: rate, remainingMonths: Int(x.2 % 150),
                         repayment: repayment, status: status, deferralUsed: 0, riskClass: 0, sector: 0,
                         kind: .bk, bucket: .bk, pdScale: 1,
                         startMonth: Int(x.3 % 125), entity: UInt32(k))
        }
        return table
    }

    @Test(arguments: [1, 3, 4, 5, 1000])
    func entriesEqualTheMonthlyRule(count: Int) {
        let months = 120
        let t = Self.mixedTable(count: count, seed: UInt64(count))
        let schedules = Schedules(table: t, months: months)
        var checked = 0, closedForm = 0
        for i in 0..<t.count {
            let start = Int(schedules.start[i])
            guard t[i].status != PathKernel.closed, t[i].balance > 0 else {
                #expect(start == -1)
                continue
            }
            var b = t[i].balance, n = Int(t[i].remainingMonths), paid: Int64 = 0, j = 0
            #expect(schedules.entry(i, after: 0, in: t) == (b, 0))
            if schedules.interestFree[i] { closedForm += 1 }
            while b > 0 && j < months - Int(t[i].startMonth) {
                let (interest, principal) = PathKernel.payment(
                    balance: b, months: n, monthlyRate: t[i].monthlyRate, instalment: t[i].instalment,
                    repayment: t[i].repayment)
                paid += interest
                b -= principal
                n -= 1
                j += 1
                #expect(schedules.entry(i, after: j, in: t) == (b, paid), "position \(i), instalment \(j)")
                checked += 1
            }
            #expect(Int(schedules.end[i]) == start + j, "position \(i)")
        }
        #expect(checked > 0)
        #expect(count < 1000 || closedForm > 0, "the table has interest-free annuities")
    }

    @Test func rebuildingForAnotherTableForgetsTheFirst() {
        let schedules = Schedules(table: Self.mixedTable(count: 1000, seed: 1), months: 120)
        let small = Self.mixedTable(count: 7, seed: 2)
        schedules.build(small, months: 120)
        let fresh = Schedules(table: small, months: 120)
        #expect(schedules.entries == fresh.entries)
        for i in 0..<small.count {
            #expect(schedules.start[i] == fresh.start[i] && schedules.end[i] == fresh.end[i])
            #expect(schedules.interestFree[i] == fresh.interestFree[i])
            guard fresh.start[i] >= 0 else { continue }
            for j in 0...Int(fresh.end[i] - fresh.start[i]) {
                #expect(schedules.entry(i, after: j, in: small) == fresh.entry(i, after: j, in: small))
            }
        }
    }
}

extension Schedules {
    /// Position `i`'s balance and interest paid after `j` instalments (`j` up to its last
    /// entry), as the kernel reads them: from the entries, or the interest-free closed form.
    func entry(_ i: Int, after j: Int, in t: PositionTable) -> (balance: Int64, interestPaid: Int64) {
        if interestFree[i] {
            return (Schedule.interestFreeBalance(balance: t[i].balance, instalment: t[i].instalment,
                                                 months: Int(t[i].remainingMonths), after: j), 0)
        }
        return (balance[Int(start[i]) + j], interest[Int(start[i]) + j])
    }
}
