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

    @inlinable var yearStride: Int { FlowBucket.count * Flow.count }
    @inlinable var sectorStride: Int { (months / 12) * yearStride }
}

/// The monthly dynamics of MODEL.md section 4 for every position of one path.
///
/// Positions are independent given the path's economy, so each runs through all its months
/// with its state in registers and stops at the month it closes. Four months of status draws
/// come from one Philox call keyed (path, position, month / 4). Regular payments are summed
/// in registers and booked once a year; events (default, prepayment, remission) are rare
/// and booked as they happen.
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

    @inlinable
    static func runPosition(_ t: PositionTable, _ i: Int, _ c: PathContext) {
        var status = t.status[i]
        var b = t.balance[i]
        if status == closed || b <= 0 { return }
        let r = t.monthlyRate[i]
        var n = Int(t.remainingMonths[i])
        var instalment = t.instalment[i]
        let repayment = t.repayment[i]
        var used = Int(t.deferralUsed[i])
        let sec = Int(t.sector[i])
        let beh = c.behaviour[Int(t.kind[i])]
        let scale = t.pdScale[i]
        let entity = t.entity[i]
        let start = Int(t.startMonth[i])
        let base = c.ledger + sec * c.sectorStride + Int(t.bucket[i]) * Flow.count
        let hazardStride = c.classCount * c.sectorCount
        let hazardBase = c.hazards + Int(t.riskClass[i]) * c.sectorCount + sec
        let years = c.months / 12

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

        var block = -1
        var words: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
        var m = start
        var year = start / 12
        while year < years {
            let row = base + year * c.yearStride
            let yearEnd = (year + 1) * 12
            // This year's default hazard by status, and where the performing row's events end.
            let hazard = hazardBase[year * hazardStride] * scale
            let hdPerforming = min(hazard * beh.performing.pdMultiplier, 0.999)
            let performingQuiet = hdPerforming + beh.performing.remission
            var interest: Int64 = 0, principal: Int64 = 0, recovered: Int64 = 0

            while m < yearEnd {
                if status == recovering {
                    let pay = recoveryLeft > 1 ? recoveryMonthly : recoveryToGo
                    recovered &+= pay
                    b -= pay
                    recoveryToGo -= pay
                    recoveryLeft -= 1
                    if recoveryLeft == 0 {
                        row[Flow.writtenOff.rawValue] &+= b
                        b = 0
                        status = closed
                        break
                    }
                    m += 1
                    continue
                }
                if m >> 2 != block {
                    block = m >> 2
                    words = c.philox.block(c.path, entity, (Stream.status.rawValue << 24) | UInt32(block), 0)
                }
                let word: UInt32
                switch m & 3 {
                case 0: word = words.0
                case 1: word = words.1
                case 2: word = words.2
                default: word = words.3
                }
                let u = Uniform.open(word)
                m += 1

                if status == performing && u >= performingQuiet {
                    // The common case: a regular payment.
                    let i = cents(Double(b) * r)
                    interest &+= i
                    let p: Int64
                    if n <= 1 {
                        p = b
                    } else if repayment == 0 {
                        p = min(b, max(0, instalment - i))
                    } else if repayment == 1 {
                        p = min(b, cents(Double(b) / Double(n)))
                    } else {
                        p = 0
                    }
                    principal &+= p
                    b -= p
                    n -= 1
                    if b == 0 {
                        status = closed
                        break
                    }
                    continue
                }

                // An event, or a month in deferral or arrears.
                if status == deferred && used >= maximumDeferralMonths { status = performing }
                let rates = status == performing ? beh.performing : (status == deferred ? beh.deferred : beh.arrears)
                let hd = status == performing ? hdPerforming : min(hazard * rates.pdMultiplier, 0.999)
                var pays = false
                if u < hd {
                    row[Flow.defaulted.rawValue] &+= b
                    startRecovery(year: year, step: UInt32(m - 1))
                    status = recovering
                } else if u < hd + rates.prepay {
                    interest &+= cents(Double(b) * r)
                    row[Flow.prepaid.rawValue] &+= b
                    b = 0
                    status = closed
                    break
                } else if u < hd + rates.toDeferred {
                    if status != deferred && used < maximumDeferralMonths { status = deferred }
                    pays = true
                } else if u < hd + rates.toArrears {
                    status = arrears
                } else if u < hd + rates.cure {
                    status = performing
                    pays = true
                } else if u < hd + rates.remission {
                    let gift = beh.remissionFraction >= 1 ? b : cents(Double(b) * beh.remissionFraction)
                    row[Flow.remitted.rawValue] &+= gift
                    b -= gift
                    if b <= 0 {
                        status = closed
                        break
                    }
                    if repayment == 0 {
                        instalment = Schedule.annuityInstalment(balance: b, monthlyRate: r, months: n)
                    }
                } else {
                    pays = status != arrears
                }
                guard pays else { continue }
                // Deferred pays interest only; performing (after a cure) pays its instalment.
                let i = cents(Double(b) * r)
                interest &+= i
                if status == deferred {
                    used += 1
                    continue
                }
                let p: Int64
                if n <= 1 {
                    p = b
                } else if repayment == 0 {
                    p = min(b, max(0, instalment - i))
                } else if repayment == 1 {
                    p = min(b, cents(Double(b) / Double(n)))
                } else {
                    p = 0
                }
                principal &+= p
                b -= p
                n -= 1
                if b == 0 {
                    status = closed
                    break
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
