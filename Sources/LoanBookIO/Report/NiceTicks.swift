/// Round tick values for an axis: multiples of 1, 2 or 5 x 10^e (Heckbert's "nice numbers",
/// with d3's thresholds), about `count` of them between `lower` and `upper`.
///
/// Values are computed as integer multiples of the step and scaled by an exact power of ten,
/// so they print without binary noise (0.3, not 0.30000000000000004) and the same on every
/// machine. O(count).
struct NiceTicks: Equatable {
    /// The distance between ticks.
    let step: Double
    /// The ticks inside [lower, upper], ascending.
    let values: [Double]
    /// The nice domain that contains [lower, upper]: the multiples of `step` around it.
    let niceLower: Double
    let niceUpper: Double

    /// - Parameter covering: whether the ticks run over the whole nice domain (an axis whose
    ///   scale is the nice domain) or only inside [lower, upper] (an axis over data as it is).
    init(lower: Double, upper: Double, count: Int = 5, covering: Bool = false) {
        var (lo, hi) = (min(lower, upper), max(lower, upper))
        if !(lo.isFinite && hi.isFinite) { (lo, hi) = (0, 1) }
        if lo == hi {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            (lo, hi) = (lo - pad, hi + pad)
        }
        let (multiple, exponent) = Self.increment(span: hi - lo, count: max(count, 1))
        let k0 = (lo / Self.value(multiple, exponent)).rounded(.up)
        let k1 = (hi / Self.value(multiple, exponent)).rounded(.down)
        let kLower = (lo / Self.value(multiple, exponent)).rounded(.down)
        let kUpper = (hi / Self.value(multiple, exponent)).rounded(.up)
        step = Self.value(multiple, exponent)
        let (first, last) = covering ? (kLower, kUpper) : (k0, k1)
        values = first <= last ? (Int(first)...Int(last)).map { Self.value($0 * multiple, exponent) } : []
        niceLower = Self.value(Int(kLower) * multiple, exponent)
        niceUpper = Self.value(Int(kUpper) * multiple, exponent)
    }

    /// The step as m x 10^e, m in {1, 2, 5}: the nice number nearest span / count.
    static func increment(span: Double, count: Int) -> (multiple: Int, exponent: Int) {
        let raw = span / Double(count)
        // log10 is only a first guess; the exact powers decide, so no platform's rounding can
        // move a step across a decade.
        var e = Int(raw.log10Estimate.rounded(.down))
        while power(e) > raw { e -= 1 }
        while power(e + 1) <= raw { e += 1 }
        let f = raw / power(e)
        let m = f >= 50.0.squareRoot() ? 10 : f >= 10.0.squareRoot() ? 5 : f >= 2.0.squareRoot() ? 2 : 1
        return m == 10 ? (1, e + 1) : (m, e)
    }

    /// n x 10^e, exact where n x 10^e is (10^e is exact up to 10^22).
    static func value(_ n: Int, _ e: Int) -> Double {
        e >= 0 ? Double(n) * power(e) : Double(n) / power(-e)
    }

    static func power(_ e: Int) -> Double {
        var p = 1.0
        for _ in 0..<abs(e) { p *= 10 }
        return e >= 0 ? p : 1 / p
    }

    /// Decimals needed to print multiples of `step` exactly: 0 for 1, 2, 5, 10, ...; 1 for 0.5.
    static func decimals(forStep step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        var digits = 0
        var scaled = step
        while digits < 9 && abs(scaled - scaled.rounded()) > 1e-9 * max(1, abs(scaled)) {
            scaled *= 10
            digits += 1
        }
        return digits
    }
}

private extension Double {
    /// log10 without Foundation: the binary exponent times log10(2), good to within one decade.
    var log10Estimate: Double {
        guard self > 0, isFinite else { return 0 }
        return Double(exponent) * 0.30102999566398120
    }
}
