/// The regular repayment schedule of every book position, computed once for all paths.
///
/// A performing position pays the same instalments on every path until an event changes its
/// balance other than by paying (a partial remission), and deferral or arrears only pause the
/// schedule. So a run of quiet months is a difference of two entries here instead of a loop:
/// `balance[j]` is the balance after j instalments, `interest[j]` the interest paid by then.
struct BookSchedules: Sendable {
    /// Per position: index of its entry j = 0 in the flat arrays, or -1 without a schedule.
    var start: [Int32] = []
    /// Per position: index of its last entry (balance 0, or the horizon's last instalment).
    var end: [Int32] = []
    var balance: [Int64] = []
    var interest: [Int64] = []

    /// - Parameter months: the horizon; no position pays more instalments than that in a run.
    init(table t: PositionTable, months: Int) {
        start.reserveCapacity(t.count)
        end.reserveCapacity(t.count)
        for i in 0..<t.count {
            var b = t.balance[i]
            guard t.status[i] != PathKernel.closed, b > 0 else {
                start.append(-1)
                end.append(-1)
                continue
            }
            start.append(Int32(balance.count))
            var n = Int(t.remainingMonths[i])
            var paid: Int64 = 0
            balance.append(b)
            interest.append(0)
            while b > 0 && balance.count - Int(start[i]) <= months {
                let (i, p) = PathKernel.payment(balance: b, months: n, monthlyRate: t.monthlyRate[i],
                                                instalment: t.instalment[i], repayment: t.repayment[i])
                paid += i
                b -= p
                n -= 1
                balance.append(b)
                interest.append(paid)
            }
            end.append(Int32(balance.count - 1))
        }
        // Never empty, so that the kernel's view always has addresses.
        if balance.isEmpty {
            balance = [0]
            interest = [0]
        }
        if start.isEmpty {
            start = [-1]
            end = [-1]
        }
    }
}
