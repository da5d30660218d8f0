/// The regular repayment schedule of every position of a table, up to the horizon.
///
/// A performing position pays the same instalments on every path until an event changes its
/// balance other than by paying (a partial remission), and deferral or arrears only pause the
/// schedule. So a run of quiet months is a difference of two entries here instead of a loop:
/// `balance[j]` is the balance after j instalments, `interest[j]` the interest paid by then.
/// Today's book has one set for all paths; each path's new loans get theirs in the worker's
/// buffer, rebuilt per path.
///
/// A schedule is a chain (each month's interest depends on the balance the month before), so
/// one position at a time runs at the latency of its rounding arithmetic. `build` advances
/// four positions side by side instead, so that the processor overlaps their chains; the
/// entries are those of `Schedule.payment` month by month all the same.
///
/// An interest-free annuity (the Bbz's loans for living costs) needs no entries: without
/// interest there is no rounding, and its balance after j instalments is a closed form
/// (`Schedule.interestFreeBalance`). Such a position has its flag set, and `end` as for any other.
final class Schedules: @unchecked Sendable {
    /// Per position: index of its entry j = 0, or -1 without a schedule.
    private(set) var start: UnsafeMutablePointer<Int32>
    /// Per position: index of its last entry (balance 0, or the horizon's last instalment).
    /// An interest-free position has no entries: only `end - start`, its last j, counts.
    private(set) var end: UnsafeMutablePointer<Int32>
    /// Per position: its schedule is the closed form of an interest-free annuity, not entries.
    private(set) var interestFree: UnsafeMutablePointer<Bool>
    private(set) var balance: UnsafeMutablePointer<Int64>
    private(set) var interest: UnsafeMutablePointer<Int64>
    private var positionCapacity = 0
    private var entryCapacity = 0
    /// Entries written by the last `build`.
    private(set) var entries = 0
    /// A position's `start`, `end` and `interestFree`.
    static let bytesPerPosition = 2 * MemoryLayout<Int32>.size + MemoryLayout<Bool>.size

    init() {
        start = .allocate(capacity: 1)
        end = .allocate(capacity: 1)
        interestFree = .allocate(capacity: 1)
        balance = .allocate(capacity: 1)
        interest = .allocate(capacity: 1)
        start[0] = -1
        end[0] = -1
        interestFree[0] = false
        balance[0] = 0
        interest[0] = 0
        positionCapacity = 1
        entryCapacity = 1
    }

    convenience init(table: PositionTable, months: Int) {
        self.init()
        build(table, months: months)
    }

    deinit {
        start.deallocate()
        end.deallocate()
        interestFree.deallocate()
        balance.deallocate()
        interest.deallocate()
    }

    /// The kernel's read access.
    var view: ScheduleView {
        ScheduleView(start: start, end: end, interestFree: interestFree, balance: balance, interest: interest)
    }

    /// Whether `Schedule.payment` for position `i` is the closed form's: an annuity at rate
    /// zero (interest is then 0 cents whatever the balance) with an instalment of 0 or more.
    private static func isInterestFree(_ t: PositionTable, _ i: Int) -> Bool {
        t[i].repayment == Repayment.annuity.code && t[i].monthlyRate == 0 && t[i].instalment >= 0
    }

    /// Rebuilds the schedules of `t`'s positions.
    func build(_ t: PositionTable, months: Int) {
        reservePositions(t.count)
        var total = 0
        for i in 0..<t.count {
            interestFree[i] = false
            guard t[i].status != PathKernel.closed, t[i].balance > 0 else {
                start[i] = -1
                end[i] = -1
                continue
            }
            // The month with n <= 1 left repays the rest, so at most max(n, 1) instalments,
            // and none beyond the horizon. `end` holds the last entry allowed until written.
            let instalments = min(max(Int(t[i].remainingMonths), 1), max(0, months - Int(t[i].startMonth)))
            start[i] = Int32(total)
            if Self.isInterestFree(t, i) {
                // The first instalment that leaves nothing, if the horizon comes no sooner.
                let b = t[i].balance, a = t[i].instalment
                let repaid = a > 0 ? Int((b + a - 1) / a) : instalments
                interestFree[i] = true
                end[i] = Int32(total + min(instalments, repaid))
                continue
            }
            end[i] = Int32(total + instalments)
            total += instalments + 1
        }
        reserveEntries(total)
        entries = total
        Writer(table: t, start: start, end: end, interestFree: interestFree, balance: balance, interest: interest).fill()
    }

    /// Fills the entries `build` laid out. Storage comes in as plain pointers so the compiler
    /// keeps them in registers across the stores.
    private struct Writer {
        let table: PositionTable
        let start: UnsafeMutablePointer<Int32>
        let end: UnsafeMutablePointer<Int32>
        let interestFree: UnsafeMutablePointer<Bool>
        let balance: UnsafeMutablePointer<Int64>
        let interest: UnsafeMutablePointer<Int64>

        /// An annuity in its regular months (more than one left): the instalment less the
        /// month's interest repays principal. `Schedule.payment` clamps that principal to
        /// [0, balance]; a lane leaves both clamps out of its chain, which is exact because
        /// the lower one cannot bind (checked at loading: the instalment covers the first
        /// month's interest, and interest only falls with the balance) and the upper one
        /// binding would leave the balance negative, which `complete` catches and redoes.
        struct Lane {
            var position = -1
            var balance: Int64 = 0
            var paid: Int64 = 0
            /// The entry last written, and the last of the regular months.
            var at = 0
            var regularEnd = 0
            var rate = 0.0
            var instalment: Int64 = 0

            @inline(__always)
            mutating func pay(into b: UnsafeMutablePointer<Int64>, _ i: UnsafeMutablePointer<Int64>) {
                let interest = Schedule.interest(balance: balance, monthlyRate: rate)
                paid &+= interest
                balance += interest - instalment
                at += 1
                b[at] = balance
                i[at] = paid
            }
        }

        func fill() {
            var next = 0
            /// The next annuity with regular months to run; every other position is written
            /// whole on the way. Nil when the table is done.
            func load() -> Lane? {
                while next < table.count {
                    let i = next
                    next += 1
                    guard start[i] >= 0, !interestFree[i] else { continue }
                    let at = Int(start[i])
                    balance[at] = table[i].balance
                    interest[at] = 0
                    let regular = min(Int(table[i].remainingMonths) - 1, Int(end[i]) - at)
                    let firstInterest = Schedule.interest(balance: table[i].balance, monthlyRate: table[i].monthlyRate)
                    if table[i].repayment != Repayment.annuity.code || regular <= 0
                        || table[i].instalment < firstInterest {
                        finish(i, balance: table[i].balance, paid: 0, at: at)
                        continue
                    }
                    return Lane(position: i, balance: table[i].balance, paid: 0, at: at, regularEnd: at + regular,
                                rate: table[i].monthlyRate, instalment: table[i].instalment)
                }
                return nil
            }
            var lanes = (load() ?? Lane(), load() ?? Lane(), load() ?? Lane(), load() ?? Lane())
            /// Finishes a lane at the end of its regular months and loads the next position;
            /// false when none is left.
            func refill(_ lane: inout Lane) -> Bool {
                guard lane.at == lane.regularEnd else { return true }
                complete(lane)
                lane = load() ?? Lane()
                return lane.position >= 0
            }
            // Four chains side by side until one runs out of regular months.
            while lanes.3.position >= 0 {
                let steps = min(lanes.0.regularEnd - lanes.0.at, lanes.1.regularEnd - lanes.1.at,
                                lanes.2.regularEnd - lanes.2.at, lanes.3.regularEnd - lanes.3.at)
                for _ in 0..<steps {
                    lanes.0.pay(into: balance, interest)
                    lanes.1.pay(into: balance, interest)
                    lanes.2.pay(into: balance, interest)
                    lanes.3.pay(into: balance, interest)
                }
                guard refill(&lanes.0), refill(&lanes.1), refill(&lanes.2), refill(&lanes.3) else { break }
            }
            // The table is done: the lanes still running end one by one.
            func drain(_ lane: inout Lane) {
                guard lane.position >= 0 else { return }
                while lane.at < lane.regularEnd { lane.pay(into: balance, interest) }
                complete(lane)
            }
            drain(&lanes.0)
            drain(&lanes.1)
            drain(&lanes.2)
            drain(&lanes.3)
        }

        /// Finishes a lane's position after its regular months, or all over again month by
        /// month if the balance went negative (the upper clamp would have bound: a balance of
        /// a few cents).
        func complete(_ lane: Lane) {
            if lane.balance < 0 {
                finish(lane.position, balance: table[lane.position].balance, paid: 0, at: Int(start[lane.position]))
            } else {
                finish(lane.position, balance: lane.balance, paid: lane.paid, at: lane.at)
            }
        }

        /// Runs position `i` on from entry `at` with `Schedule.payment` to its last entry
        /// (balance 0, or the horizon) and records that entry as its end.
        func finish(_ i: Int, balance b: Int64, paid: Int64, at: Int) {
            var b = b, paid = paid, at = at
            let last = Int(end[i])
            var n = Int(table[i].remainingMonths) - (at - Int(start[i]))
            while b > 0 && at < last {
                let (monthInterest, principal) = PathKernel.payment(
                    balance: b, months: n, monthlyRate: table[i].monthlyRate,
                    instalment: table[i].instalment, repayment: table[i].repayment)
                paid &+= monthInterest
                b -= principal
                n -= 1
                at += 1
                balance[at] = b
                interest[at] = paid
            }
            end[i] = Int32(at)
        }
    }

    private func reservePositions(_ n: Int) {
        guard n > positionCapacity else { return }
        positionCapacity = max(n, 2 * positionCapacity)
        Self.reallocate(&start, positionCapacity)
        Self.reallocate(&end, positionCapacity)
        Self.reallocate(&interestFree, positionCapacity)
    }

    private func reserveEntries(_ n: Int) {
        guard n > entryCapacity else { return }
        entryCapacity = max(n, 2 * entryCapacity)
        Self.reallocate(&balance, entryCapacity)
        Self.reallocate(&interest, entryCapacity)
    }

    /// Fresh storage for `capacity` elements; the old contents go (a build rewrites them all).
    private static func reallocate<T>(_ pointer: inout UnsafeMutablePointer<T>, _ capacity: Int) {
        pointer.deallocate()
        pointer = .allocate(capacity: capacity)
    }
}
