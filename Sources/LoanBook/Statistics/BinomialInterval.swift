import Foundation

/// The Clopper-Pearson ("exact") confidence interval of a binomial proportion: k successes in
/// n trials. Its coverage is at least the level for every true proportion, so an estimate of 0
/// exceedances in n paths still reports how large the probability may be (1 - (alpha/2)^(1/n)),
/// where the standard error would say 0.
public enum BinomialInterval {
    /// The bounds (lower, upper): P(X >= k | lower) = P(X <= k | upper) = (1 - level) / 2.
    public static func clopperPearson(successes k: Int, trials n: Int, level: Double = 0.95)
        -> (lower: Double, upper: Double)
    {
        precondition(n > 0 && k >= 0 && k <= n && level > 0 && level < 1)
        let tail = (1 - level) / 2
        // k = 0 and k = n in closed form: (1 - upper)^n = tail, lower^n = tail.
        // P(X >= k | p) and P(X > k | p) increase with p.
        let lower = k == 0 ? 0 : k == n ? exp(log(tail) / Double(n))
            : inverse(at: tail) { p in 1 - cumulative(k - 1, n, p) }
        let upper = k == n ? 1 : k == 0 ? -expm1(log(tail) / Double(n))
            : inverse(at: 1 - tail) { p in 1 - cumulative(k, n, p) }
        return (lower, upper)
    }

    /// P(X <= k) for X ~ Binomial(n, p), 0 <= k < n: I_{1-p}(n - k, k + 1).
    static func cumulative(_ k: Int, _ n: Int, _ p: Double) -> Double {
        regularizedIncompleteBeta(1 - p, Double(n - k), Double(k + 1))
    }

    /// The p in (0, 1) where the increasing `f` reaches `target`, by bisection to the last bit.
    private static func inverse(at target: Double, of f: (Double) -> Double) -> Double {
        var low = 0.0, high = 1.0
        while true {
            let mid = 0.5 * (low + high)
            if mid <= low || mid >= high { return mid }
            if f(mid) < target { low = mid } else { high = mid }
        }
    }

    /// I_x(a, b), the regularized incomplete beta function, by its continued fraction (modified
    /// Lentz), on the side of x where the fraction converges fast.
    static func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x))
        if x < (a + 1) / (a + b + 2) { return front * continuedFraction(x, a, b) / a }
        return 1 - front * continuedFraction(1 - x, b, a) / b
    }

    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        func clamp(_ v: Double) -> Double { abs(v) < tiny ? tiny : v }
        var c = 1.0
        var d = 1 / clamp(1 - (a + b) * x / (a + 1))
        var h = d
        // Terms needed grow like sqrt(max(a, b)); a billion trials need about 30,000.
        for m in 1...1_000_000 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a - 1 + 2 * m) * (a + 2 * m))
            d = 1 / clamp(1 + even * d)
            c = clamp(1 + even / c)
            h *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 1 + 2 * m))
            d = 1 / clamp(1 + odd * d)
            c = clamp(1 + odd / c)
            let step = d * c
            h *= step
            if abs(step - 1) < 1e-15 { break }
        }
        return h
    }
}
