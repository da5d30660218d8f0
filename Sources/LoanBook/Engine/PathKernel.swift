import Foundation

/// What one path needs besides the positions: its hazards, its economy and where to book.
@usableFromInline
struct PathContext {
    @usableFromInline let philox: Philox4x32
    @usableFromInline let path: UInt32
    @usableFromInline let months: Int
    @usableFromInline let classCount: Int
    @usableFromInline let sectorCount: Int
    /// Monthly default hazard per `[year][class][sector]`, the scenario's multipliers included.
    @usableFromInline let hazards: UnsafePointer<Double>
    /// Sector factors per `[year][sector]` (recovery moves with the economy).
    @usableFromInline let factors: UnsafePointer<Double>
    @usableFromInline let recoverySensitivity: Double
    /// Behaviour per kind index.
    @usableFromInline let behaviour: UnsafePointer<MonthlyBehaviour>
    /// The ledger by sector: `[sector][year][bucket][flow]` cents.
    @usableFromInline let ledger: UnsafeMutablePointer<Int64>
    /// The positions' precomputed schedules (`Schedules`).
    @usableFromInline let schedules: ScheduleView

    @inlinable var yearStride: Int { FlowBucket.count * Flow.count }
    @inlinable var sectorStride: Int { (months / 12) * yearStride }
}

/// Read access to `Schedules` for the kernel.
@usableFromInline
struct ScheduleView {
    @usableFromInline let start: UnsafePointer<Int32>
    @usableFromInline let end: UnsafePointer<Int32>
    @usableFromInline let interestFree: UnsafePointer<Bool>
    @usableFromInline let balance: UnsafePointer<Int64>
    @usableFromInline let interest: UnsafePointer<Int64>
}

/// The monthly dynamics of MODEL.md section 4 for every position of one path.
///
/// Positions are independent given the path's economy, so each runs through its months with
/// its state in registers and stops at the month it closes.
///
/// Within a calendar year a position's monthly event probability p is constant (the economy
/// is yearly), so instead of one uniform per month the kernel draws one uniform U per event
/// and lets the months run while the position's survival since that draw, the product of
/// (1 - p) over its months, stays at or above U: the number of quiet months is then exactly
/// geometric, as a Bernoulli draw per month would give, and the clock carries over year ends
/// and status changes (memoryless). A quiet year costs a few multiplications and no logarithm.
/// A second uniform picks which event happens. Quiet months are then simple: a performing
/// position pays its instalments (two entries of its `Schedules`, or their closed form for an
/// interest-free loan), a deferred one its
/// interest, one in arrears nothing, and a claim in recovery receives its monthly amount; the
/// random-number cost is per event, not per month. Regular flows are summed in registers and
/// booked once a year.
@usableFromInline
enum PathKernel {
    @usableFromInline static let performing: UInt8 = 0, deferred: UInt8 = 1, arrears: UInt8 = 2,
        recovering: UInt8 = 3, closed: UInt8 = 4
    /// The recovery draw of a position that is already recovering in the book.
    @usableFromInline static let bookRecoveryStep: UInt32 = 0x00FF_FFFF

    @inlinable
    static func run(_ t: PositionTable, _ range: Range<Int>, _ c: PathContext) {
        for i in range { runPosition(t, i, c) }
    }

    @inlinable @inline(__always)
    static func cents(_ x: Double) -> Int64 { Schedule.cents(x) }

    /// Survival over `months` (below 16) from the survival over 1, 2, 4 and 8 months.
    @inlinable @inline(__always)
    static func survival(months n: Int, _ q1: Double, _ q2: Double, _ q4: Double, _ q8: Double) -> Double {
        var s = n & 8 != 0 ? q8 : 1
        if n & 4 != 0 { s *= q4 }
        if n & 2 != 0 { s *= q2 }
        if n & 1 != 0 { s *= q1 }
        return s
    }

    /// `Schedule.payment` for the table's repayment code.
    @inlinable @inline(__always)
    static func payment(balance b: Int64, months n: Int, monthlyRate r: Double, instalment: Int64,
                        repayment: UInt8) -> (interest: Int64, principal: Int64) {
        Schedule.payment(balance: b, months: n, monthlyRate: r, instalment: instalment,
                         repayment: repayment == 0 ? .annuity : (repayment == 1 ? .linear : .bullet))
    }

    @inlinable
    static func runPosition(_ t: PositionTable, _ i: Int, _ c: PathContext) {
        let position = t[i]
        var status = position.status
        var b = position.balance
        if status == closed || b <= 0 { return }
        let r = position.monthlyRate
        var n = Int(position.remainingMonths)
        var instalment = position.instalment
        let repayment = position.repayment
        var used = Int(position.deferralUsed)
        let sec = Int(position.sector)
        let beh = c.behaviour[Int(position.kind)]
        let scale = position.pdScale
        let entity = position.entity
        let start = Int(position.startMonth)
        let base = c.ledger + sec * c.sectorStride + Int(position.bucket) * Flow.count
        let hazardStride = c.classCount * c.sectorCount
        let hazardBase = c.hazards + Int(position.riskClass) * c.sectorCount + sec
        let years = c.months / 12

        // On its precomputed schedule (every live position starts on one), a position is at
        // entry `j` (instalments paid); a partial remission takes it off. An interest-free
        // annuity's entries are a closed form in today's balance, instalment and term.
        var onSchedule = true
        var j = 0
        let interestFree = c.schedules.interestFree[i]
        let opening = b, term = n
        let scheduleStart = Int(c.schedules.start[i])
        let scheduleEnd = Int(c.schedules.end[i]) - scheduleStart
        let scheduleBalance = c.schedules.balance + scheduleStart
        let scheduleInterest = c.schedules.interest + scheduleStart

        var recoveryMonthly: Int64 = 0, recoveryLeft = 0, recoveryToGo: Int64 = 0
        @inline(__always) func startRecovery(year: Int, step: UInt32) {
            var mean = beh.recoveryMean + c.recoverySensitivity * c.factors[year * c.sectorCount + sec]
            mean = min(max(mean, 0.001), 0.999)
            let sd = min(beh.recoverySD, 0.99 * (mean * (1 - mean)).squareRoot())
            var fraction = mean
            if let (alpha, beta) = Distributions.betaParameters(mean: mean, sd: sd) {
                var stream = CounterStream(philox: c.philox, path: c.path, entity: entity, stream: .recovery, step: step)
                fraction = Distributions.beta(alpha: alpha, beta: beta, stream: &stream)
            }
            recoveryToGo = min(b, cents(fraction * Double(b)))
            recoveryLeft = beh.recoveryLag
            recoveryMonthly = recoveryToGo / Int64(recoveryLeft)
        }
        if status == recovering { startRecovery(year: start / 12, step: bookRecoveryStep) }

        // The event clock (the uniform the survival must fall below, and the survival since
        // it was drawn) and the uniform that picks the event: one Philox call per event.
        var draws: UInt32 = 0
        var level = 0.0, survival = 1.0, pick = 0.0
        @inline(__always) func drawEvent() {
            let w = c.philox.block(c.path, entity, (Stream.status.rawValue << 24) | draws, 0)
            draws &+= 1
            level = Uniform.open53(w.0, w.1)
            survival = 1
            pick = Uniform.open53(w.2, w.3)
        }
        drawEvent()

        var m = start
        var year = start / 12
        while year < years {
            let row = base + year * c.yearStride
            let yearEnd = (year + 1) * 12
            let hazard = hazardBase[year * hazardStride] * scale
            var interest: Int64 = 0, principal: Int64 = 0, recovered: Int64 = 0

            /// Pays `k` regular instalments; false if the loan is repaid on the way.
            @inline(__always) func payInstalments(_ k: Int) -> Bool {
                if onSchedule {
                    // On its schedule, b is the balance at entry j.
                    let next = min(j + k, scheduleEnd)
                    let after: Int64
                    if interestFree {
                        after = Schedule.interestFreeBalance(balance: opening, instalment: instalment, months: term,
                                                             after: next)
                    } else {
                        interest &+= scheduleInterest[next] - scheduleInterest[j]
                        after = scheduleBalance[next]
                    }
                    principal &+= b - after
                    b = after
                    n -= next - j
                    j = next
                } else {
                    for _ in 0..<k {
                        let (i, p) = payment(balance: b, months: n, monthlyRate: r, instalment: instalment,
                                             repayment: repayment)
                        interest &+= i
                        principal &+= p
                        b -= p
                        n -= 1
                        if b == 0 { break }
                    }
                }
                if b == 0 {
                    status = closed
                    return false
                }
                return true
            }

            months: while m < yearEnd {
                if status == recovering {
                    let regular = min(recoveryLeft - 1, yearEnd - m)
                    if regular > 0 {
                        let amount = recoveryMonthly * Int64(regular)
                        recovered &+= amount
                        b -= amount
                        recoveryToGo -= amount
                        recoveryLeft -= regular
                        m += regular
                        continue
                    }
                    // The last month of recovery takes the remainder; the rest is written off.
                    recovered &+= recoveryToGo
                    b -= recoveryToGo
                    row[Flow.writtenOff.rawValue] &+= b
                    b = 0
                    status = closed
                    break months
                }
                if status == deferred && used >= maximumDeferralMonths { status = performing }
                let rates = beh.row(status)
                let hd = min(hazard * rates.pdMultiplier, 0.999)
                let p = min(hd + rates.others(deferralAllowed: used < maximumDeferralMonths), 1 - 1e-12)
                let available = status == deferred ? min(yearEnd - m, maximumDeferralMonths - used) : yearEnd - m
                // Survival over 1, 2, 4 and 8 months; a stretch is at most the 12 months of a year.
                let q1 = 1 - p, q2 = q1 * q1, q4 = q2 * q2, q8 = q4 * q4
                var quiet = available
                let survivalAfter = survival * Self.survival(months: available, q1, q2, q4, q8)
                if survivalAfter >= level {
                    survival = survivalAfter
                } else {
                    // The event falls in this stretch: the months survived before it, bit by bit.
                    quiet = 0
                    @inline(__always) func survive(_ months: Int, _ factor: Double) {
                        if quiet + months < available && survival * factor >= level {
                            quiet += months
                            survival *= factor
                        }
                    }
                    survive(8, q8)
                    survive(4, q4)
                    survive(2, q2)
                    survive(1, q1)
                }

                // Quiet months.
                if quiet > 0 {
                    if status == performing {
                        if !payInstalments(quiet) { break months }
                    } else if status == deferred {
                        interest &+= cents(Double(b) * r) * Int64(quiet)
                        used += quiet
                    }
                    m += quiet
                    if quiet == available { continue }
                }

                // The event month: which event, in the order of MODEL.md section 4.
                var x = pick * p
                drawEvent()
                m += 1
                if x < hd {
                    row[Flow.defaulted.rawValue] &+= b
                    startRecovery(year: year, step: UInt32(m - 1))
                    status = recovering
                    continue
                }
                x -= hd
                if x < rates.prepay {
                    interest &+= cents(Double(b) * r)
                    row[Flow.prepaid.rawValue] &+= b
                    b = 0
                    status = closed
                    break months
                }
                x -= rates.prepay
                if used < maximumDeferralMonths {
                    if x < rates.toDeferred {
                        status = deferred
                        interest &+= cents(Double(b) * r)
                        used += 1
                        continue
                    }
                    x -= rates.toDeferred
                }
                if x < rates.toArrears {
                    status = arrears
                    continue
                }
                x -= rates.toArrears
                if x < rates.cure {
                    status = performing
                    if !payInstalments(1) { break months }
                    continue
                }
                // Remission: part of the balance becomes a gift, without cash.
                let gift = beh.remissionFraction >= 1 ? b : cents(Double(b) * beh.remissionFraction)
                row[Flow.remitted.rawValue] &+= gift
                b -= gift
                if b <= 0 {
                    status = closed
                    break months
                }
                // The rest of the loan follows a new schedule, computed month by month.
                onSchedule = false
                if repayment == 0 {
                    instalment = Schedule.annuityInstalment(balance: b, monthlyRate: r, months: n)
                }
            }
            row[Flow.interest.rawValue] &+= interest
            row[Flow.principal.rawValue] &+= principal
            row[Flow.recovered.rawValue] &+= recovered
            row[Flow.closing.rawValue] &+= b
            if status == closed { return }
            year += 1
        }
    }
}
