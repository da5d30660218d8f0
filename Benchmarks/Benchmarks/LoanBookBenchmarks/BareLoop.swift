// The floor the issue measures the engine against: a bare loop that, for every position-month,
// draws a number, compares it with a hazard and takes an annuity step to the cent. It has none
// of the model (no events but default, no new business, no recoveries, no settlement), so the
// engine's throughput over this loop's says how close the whole model runs to the machine.

import Dispatch
import LoanBook

enum BareLoop {
    /// SplitMix64: about as cheap as a decent generator gets (a handful of instructions).
    @inline(__always)
    static func next(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `groups` x `lanes` loans of EUR 20,000 at 4% over `months` months, `lanes` side by side
    /// (independent chains the processor overlaps; one lane runs at the latency of the step's
    /// rounding). Returns the money defaulted plus left, so that nothing is optimised away.
    /// Inlined where `lanes` is a literal, so that the lanes unroll and stay in registers.
    @inline(__always)
    static func run(groups: Int, lanes: Int, months: Int, seed: UInt64) -> Int64 {
        var state = seed
        var total: Int64 = 0
        let rate = 0.04 / 12, instalment: Int64 = 36_833
        let threshold = UInt64(0.003 * 0x1p64)  // a monthly default probability of 0.3%
        let balance = UnsafeMutablePointer<Int64>.allocate(capacity: lanes)
        defer { balance.deallocate() }
        for _ in 0..<groups {
            balance.initialize(repeating: 2_000_000, count: lanes)
            for _ in 0..<months {
                for k in 0..<lanes {
                    let defaults = next(&state) < threshold
                    total &+= defaults ? balance[k] : 0
                    let b = defaults ? 0 : balance[k]
                    let interest = Int64(Double(b) * rate + 0.5)
                    balance[k] = b - min(b, instalment - interest)
                }
            }
            for k in 0..<lanes { total &+= balance[k] }
        }
        return total
    }

    /// Position-months of `run` on `threads` threads, each with its own generator.
    @inline(__always)
    static func positionMonths(groups: Int, lanes: Int, months: Int, threads: Int) -> (months: Int, check: Int64) {
        let totals = UnsafeMutablePointer<Int64>.allocate(capacity: threads)
        defer { totals.deallocate() }
        let shared = SharedBuffer(totals)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            shared.base[thread] = run(groups: groups, lanes: lanes, months: months, seed: UInt64(thread + 1))
        }
        return (threads * groups * lanes * months, (0..<threads).reduce(0) { $0 &+ totals[$1] })
    }
}
