import Foundation

/// Samplers and special functions; all samplers map uniforms to values, so the caller keeps
/// control of which counter each draw comes from.
public enum Distributions {
    /// Standard normal CDF Phi(x), through erfc for accuracy in the tails.
    @inlinable
    public static func normalCDF(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// Inverse standard normal CDF, Wichura's AS 241 (PPND16): relative error about 1e-16.
    /// The polynomials are evaluated by Estrin's scheme: without fused multiply-adds (baseline
    /// x86-64) Horner's chain of seven dependent steps was most of the function's time.
    public static func normalQuantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "normalQuantile needs p in (0, 1)")
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let num = estrin(r, 3.387132872796366608, 133.14166789178437745, 1971.5909503065514427,
                             13731.693765509461125, 45921.953931549871457, 67265.770927008700853,
                             33430.575583588128105, 2509.0809287301226727)
            let den = estrin(r, 1.0, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077,
                             21213.794301586595867, 39307.89580009271061, 28729.085735721942674,
                             5226.495278852545925)
            return q * num / den
        }
        var r = q < 0 ? p : 1 - p
        r = (-log(r)).squareRoot()
        var value: Double
        if r <= 5 {
            r -= 1.6
            value = estrin(r, 1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055,
                           3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177,
                           0.0227238449892691845833, 7.7454501427834140764e-4)
                / estrin(r, 1.0, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455,
                         0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4,
                         1.05075007164441684324e-9)
        } else {
            r -= 5
            value = estrin(r, 6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358,
                           0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386,
                           2.71155556874348757815e-5, 2.01033439929228813265e-7)
                / estrin(r, 1.0, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525,
                         7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7,
                         2.04426310338993978564e-15)
        }
        return q < 0 ? -value : value
    }

    /// c0 + c1 x + ... + c7 x^7 as four independent pairs joined by x^2 and x^4.
    @inline(__always)
    static func estrin(_ x: Double, _ c0: Double, _ c1: Double, _ c2: Double, _ c3: Double,
                       _ c4: Double, _ c5: Double, _ c6: Double, _ c7: Double) -> Double {
        let x2 = x * x, x4 = x2 * x2
        return ((c0 + c1 * x) + (c2 + c3 * x) * x2) + ((c4 + c5 * x) + (c6 + c7 * x) * x2) * x4
    }

    /// Lognormal with the given median and log-sigma, from one uniform (inversion, so common
    /// random numbers couple monotonically).
    @inlinable
    public static func lognormal(median: Double, sigma: Double, uniform u: Double) -> Double {
        median * exp(sigma * normalQuantile(u))
    }

    /// Poisson(mean) by inversion of one uniform: monotone in both the uniform and the mean,
    /// so two variants with different means that share the uniform get ordered counts.
    /// Sums terms in log space beyond mean 600 to avoid underflow of e^-mean.
    public static func poisson(mean: Double, uniform u: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean < 600 {
            var k = 0
            var term = exp(-mean)
            var cumulative = term
            while u > cumulative {
                k += 1
                term *= mean / Double(k)
                cumulative += term
                if term < 1e-300 && Double(k) > mean { break }
            }
            return k
        }
        // Large means: normal approximation with continuity correction (documented).
        return max(0, Int((mean + mean.squareRoot() * normalQuantile(u)).rounded()))
    }

    /// Parameters (alpha, beta) of the Beta distribution with the given mean and standard
    /// deviation; nil when the pair is impossible (sd^2 >= mean (1 - mean)).
    public static func betaParameters(mean: Double, sd: Double) -> (alpha: Double, beta: Double)? {
        guard mean > 0, mean < 1, sd > 0 else { return nil }
        let v = sd * sd
        let common = mean * (1 - mean) / v - 1
        guard common > 0 else { return nil }
        return (mean * common, (1 - mean) * common)
    }

    /// Gamma(shape, 1) by Marsaglia and Tsang (2000), with the boost for shape < 1.
    public static func gamma(shape: Double, stream: inout CounterStream) -> Double {
        if shape < 1 {
            let g = gamma(shape: shape + 1, stream: &stream)
            return g * pow(stream.uniform(), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = normalQuantile(stream.uniform())
            let t = 1 + c * x
            if t <= 0 { continue }
            let v = t * t * t
            if gammaAccepts(x: x, v: v, uniform: stream.uniform(), d: d) { return d * v }
        }
    }

    /// Marsaglia and Tsang's acceptance test, log u < x^2 / 2 + d - d v + d log v, for v = (1 + c x)^3.
    /// Their squeeze u < 1 - 0.0331 x^4 lies inside the acceptance region and takes most trials
    /// without the two logs. The regions touch at x = 0, u = 1, where the log test's rounding
    /// (a few ulps of d) could reject what the squeeze accepts; a ceiling far below that keeps
    /// the squeeze from u = 1, so both decide alike and the draws are those of the log test alone.
    @inline(__always)
    static func gammaAccepts(x: Double, v: Double, uniform u: Double, d: Double) -> Bool {
        let x2 = x * x
        if u < min(1 - 0.0331 * x2 * x2, 1 - d * 0x1p-40) { return true }
        return log(u) < 0.5 * x * x + d - d * v + d * log(v)
    }

    /// Beta(alpha, beta) as G1 / (G1 + G2).
    public static func beta(alpha: Double, beta b: Double, stream: inout CounterStream) -> Double {
        let x = gamma(shape: alpha, stream: &stream)
        let y = gamma(shape: b, stream: &stream)
        return x / (x + y)
    }
}
