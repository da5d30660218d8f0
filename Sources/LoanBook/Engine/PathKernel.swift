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
/// Positions are independent given the path's economy, so each is run through all its
/// months with its state in registers, and stops at the month it closes. Four months of
/// status draws come from one Philox call keyed (path, position, month / 4).
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
        let cls = Int(t.riskClass[i]), sec = Int(t.sector[i])
        let beh = c.behaviour[Int(t.kind[i])]
        let scale = t.pdScale[i]
        let entity = t.entity[i]
        let start = Int(t.startMonth[i])
        let base = c.ledger + sec * c.sectorStride + Int(t.bucket[i]) * Flow.count
        let yearStride = c.yearStride
        let hazardStride = c.classCount * c.sectorCount
        let hazardBase = c.hazards + cls * c.sectorCount + sec

        var recoveryMonthly: Int64 = 0, recoveryLeft = 0, recoveryToGo: Int64 = 0
        @inline(__always) func startRecovery(month: Int, step: UInt32) {
            let year = month / 12
            var mean = beh.recoveryMean + c.recoverySensitivity * c.factors[year * c.sectorCount + sec]
            mean = min(max(mean, 0.001), 0.999)
            let sd = min(beh.recoverySD, 0.99 * (mean * (1 - mean)).squareRoot())
            var fraction = mean
            if let (alpha, beta) = Distributions.betaParameters(mean: mean, sd: sd) {
                var stream = CounterStream(philox: c.philox, path: c.path, entity: entity, stream: .recovery, step: step)
                fraction = Distributions.beta(alpha: alpha, beta: beta, stream: &stream)
            }
            recoveryToGo = min(b, Int64((fraction * Double(b)).rounded()))
            recoveryLeft = beh.recoveryLag
            recoveryMonthly = recoveryToGo / Int64(recoveryLeft)
        }
        if status == recovering { startRecovery(month: start, step: bookRecoveryStep) }

        var block = -1
        var words: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
        var m = start
        while m < c.months {
            let year = m / 12
            let row = base + year * yearStride
            if status == recovering {
                let pay = recoveryLeft > 1 ? recoveryMonthly : recoveryToGo
                row[Flow.recovered.rawValue] &+= pay
                b -= pay
                recoveryToGo -= pay
                recoveryLeft -= 1
                if recoveryLeft == 0 {
                    row[Flow.writtenOff.rawValue] &+= b
                    b = 0
                    status = closed
                }
            } else {
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
                if status == deferred && used >= maximumDeferralMonths { status = performing }
                let rowRates = status == performing ? beh.performing : (status == deferred ? beh.deferred : beh.arrears)
                let hd = min(hazardBase[year * hazardStride] * scale * rowRates.pdMultiplier, 0.999)
                if u < hd {
                    row[Flow.defaulted.rawValue] &+= b
                    startRecovery(month: m, step: UInt32(m))
                    status = recovering
                } else if u < hd + rowRates.prepay {
                    row[Flow.interest.rawValue] &+= Schedule.interest(balance: b, monthlyRate: r)
                    row[Flow.prepaid.rawValue] &+= b
                    b = 0
                    status = closed
                } else if u < hd + rowRates.toDeferred {
                    if status != deferred && used < maximumDeferralMonths { status = deferred }
                    payMonth()
                } else if u < hd + rowRates.toArrears {
                    status = arrears
                } else if u < hd + rowRates.cure {
                    status = performing
                    payMonth()
                } else if u < hd + rowRates.remission {
                    let gift = beh.remissionFraction >= 1 ? b : Int64((Double(b) * beh.remissionFraction).rounded())
                    row[Flow.remitted.rawValue] &+= gift
                    b -= gift
                    if b <= 0 {
                        status = closed
                    } else if repayment == 0 {
                        instalment = Schedule.annuityInstalment(balance: b, monthlyRate: r, months: n)
                    }
                } else {
                    payMonth()
                }

                /// Performing pays interest and principal; deferred pays interest only; arrears nothing.
                @inline(__always) func payMonth() {
                    if status == arrears { return }
                    let interest = Schedule.interest(balance: b, monthlyRate: r)
                    row[Flow.interest.rawValue] &+= interest
                    if status == deferred {
                        used += 1
                        return
                    }
                    let principal: Int64
                    if n <= 1 {
                        principal = b
                    } else if repayment == 0 {
                        principal = min(b, max(0, instalment - interest))
                    } else if repayment == 1 {
                        principal = min(b, Int64((Double(b) / Double(n)).rounded()))
                    } else {
                        principal = 0
                    }
                    row[Flow.principal.rawValue] &+= principal
                    b -= principal
                    n -= 1
                    if b == 0 { status = closed }
                }
            }
            if m % 12 == 11 { row[Flow.closing.rawValue] &+= b }
            if status == closed { return }
            m += 1
        }
    }
}
