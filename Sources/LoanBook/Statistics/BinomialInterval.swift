import Foundation

/// The Clopper-Pearson ("exact") confidence interval of a binomial proportion: k successes in
/// n trials. Its coverage is at least the level for every true proportion, so an estimate of 0
/// exceedances in n paths still reports how large the probability may be (1 - (alpha/2)^(1/n)),
/// where the standard error would say 0. The bounds solve their defining equations to a
/// relative error of about 1e-16 n / (k + 2) (k <= n / 2; the continued fraction cancels near
/// x = 1): 2e-9 at n = 1e8 and k = 7, far below any digit a report shows.
public enum BinomialInterval {
    /// The bounds (lower, upper): P(X >= k | lower) = P(X <= k | upper) = (1 - level) / 2;
    /// NaN for impossible arguments (no trials, k outside 0...n, a level outside (0, 1)).
    public static func clopperPearson(successes k: Int, trials n: Int, level: Double = 0.95)
        -> (lower: Double, upper: Double)
    {
        // A guard, not a precondition: the engine is built with -Ounchecked, which drops those.
        guard n > 0 && k >= 0 && k <= n && level > 0 && level < 1 else { return (.nan, .nan) }
        let tail = (1 - level) / 2
        // k = 0 and k = n in closed form: (1 - upper)^n = tail, lower^n = tail.
        // P(X >= k | p) and P(X > k | p) increase with p.
        let lower = k == 0 ? 0 : k == n ? exp(log(tail) / Double(n))
            : inverse(at: tail) { p in 1 - cumulative(k - 1, n, p) }
        let upper = k == n ? 1 : k == 0 ? -expm1(log(tail) / Double(n))
            : inverse(at: 1 - tail) { p in 1 - cumulative(k, n, p) }
        return (lower, upper)
    }

    /// P(X <= k) for X ~ Binomial(n, p), 0 <= k < n: I_{1-p}(n - k, k + 1), with p passed as
    /// 1 - x exactly (1 - p would lose the low bits of a small p).
    static func cumulative(_ k: Int, _ n: Int, _ p: Double) -> Double {
        regularizedIncompleteBeta(x: 1 - p, y: p, Double(n - k), Double(k + 1))
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

    /// I_x(a, b), the regularized incomplete beta function, for x and y = 1 - x (each given
    /// to full precision), by its continued fraction (modified Lentz) on the side of x where
    /// it converges fast.
    static func regularizedIncompleteBeta(x: Double, y: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if y <= 0 { return 1 }
        let logX = x > 0.5 ? log1p(-y) : log(x), logY = y > 0.5 ? log1p(-x) : log(y)
        let front = exp(a * logX + b * logY - logBeta(a, b))
        if x < (a + 1) / (a + b + 2) { return front * continuedFraction(x, a, b) / a }
        return 1 - front * continuedFraction(y, b, a) / b
    }

    /// log B(a, b). For large arguments lgamma(a) + lgamma(b) - lgamma(a + b) cancels numbers
    /// near a log a (1.7e9 at a = 1e8, so about 2e-7 lost); Stirling's series with its
    /// remainders taken apart (as R's lbeta) keeps the difference to about 1e-14.
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let p = min(a, b), q = max(a, b), r = p / (p + q)
        if p >= 10 {
            let correction = stirlingRemainder(p) + stirlingRemainder(q) - stirlingRemainder(p + q)
            return -0.5 * log(q) + 0.5 * log(2 * Double.pi) + correction + (p - 0.5) * log(r) + q * log1p(-r)
        }
        if q >= 10 {
            let correction = stirlingRemainder(q) - stirlingRemainder(p + q)
            return lgamma(p) + correction + p - p * log(p + q) + (q - 0.5) * log1p(-r)
        }
        return lgamma(p) + lgamma(q) - lgamma(p + q)
    }

    /// lgamma(x) - ((x - 0.5) log x - x + log(2 pi) / 2) for x >= 10: the series to x^-9, whose
    /// next term is below 2e-14 there.
    static func stirlingRemainder(_ x: Double) -> Double {
        let s = 1 / (x * x)
        return (1.0 / 12 - s * (1.0 / 360 - s * (1.0 / 1260 - s * (1.0 / 1680 - s / 1188)))) / x
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
