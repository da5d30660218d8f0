import Foundation
import Testing
import LoanBook

/// The samplers' moments against their distributions, within 4 standard errors of the
/// sample mean (and of the sample variance, whose se uses the fourth central moment).
@Suite struct SamplerTests {
    static let n = 200_000
    static let philox = Philox4x32(seed: 12345)

    static func uniforms(_ stream: UInt32) -> [Double] {
        (0..<n).map { i in
            let w = philox.block(UInt32(i), stream, 0, 0)
            return Uniform.open53(w.0, w.1)
        }
    }

    /// Mean and variance of `sample` must match `mean` and `variance` within 4 se.
    static func checkMoments(_ sample: [Double], mean: Double, variance: Double, fourthCentral: Double,
                             _ name: String) {
        let n = Double(sample.count)
        let m = sample.reduce(0, +) / n
        let v = sample.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
        #expect(abs(m - mean) <= 4 * (variance / n).squareRoot(), "\(name) mean \(m) vs \(mean)")
        let seVariance = ((fourthCentral - variance * variance) / n).squareRoot()
        #expect(abs(v - variance) <= 4 * seVariance, "\(name) variance \(v) vs \(variance)")
    }

    @Test func uniformIsUniform() {
        Self.checkMoments(Self.uniforms(1), mean: 0.5, variance: 1.0 / 12, fourthCentral: 1.0 / 80, "uniform")
    }

    @Test func normalQuantileGivesStandardNormals() {
        let sample = Self.uniforms(2).map(Distributions.normalQuantile)
        Self.checkMoments(sample, mean: 0, variance: 1, fourthCentral: 3, "normal")
        // Inverse of the CDF to 1e-12 over the body and the tails.
        for p in [1e-10, 1e-4, 0.025, 0.3, 0.5, 0.8, 0.975, 1 - 1e-6] {
            #expect(abs(Distributions.normalCDF(Distributions.normalQuantile(p)) - p) <= 1e-12 * max(1, p / (1 - p)))
        }
    }

    @Test func lognormalHasItsMoments() {
        let median = 9_000.0, sigma = 0.5
        let sample = Self.uniforms(3).map { Distributions.lognormal(median: median, sigma: sigma, uniform: $0) }
        let s2 = sigma * sigma
        let mean = median * exp(s2 / 2), variance = (exp(s2) - 1) * median * median * exp(s2)
        // Fourth central moment of the lognormal.
        let mu4 = median * median * median * median * exp(2 * s2)
            * (exp(4 * s2) + 2 * exp(3 * s2) + 3 * exp(2 * s2) - 3) * (exp(s2) - 1) * (exp(s2) - 1)
        Self.checkMoments(sample, mean: mean, variance: variance, fourthCentral: mu4, "lognormal")
    }

    @Test(arguments: [0.7, 4.0, 35.0, 250.0])
    func poissonHasMeanEqualToVariance(lambda: Double) {
        let sample = Self.uniforms(4).map { Double(Distributions.poisson(mean: lambda, uniform: $0)) }
        Self.checkMoments(sample, mean: lambda, variance: lambda, fourthCentral: lambda * (1 + 3 * lambda), "poisson \(lambda)")
    }

    @Test(arguments: [(0.2, 0.15), (0.35, 0.2), (0.6, 0.1), (0.05, 0.1)])
    func betaHasTheRequestedMeanAndSD(mean: Double, sd: Double) throws {
        let (a, b) = try #require(Distributions.betaParameters(mean: mean, sd: sd))
        let sample = (0..<Self.n).map { i -> Double in
            var stream = CounterStream(philox: Self.philox, path: UInt32(i), entity: 5, stream: .recovery, step: 0)
            return Distributions.beta(alpha: a, beta: b, stream: &stream)
        }
        #expect(sample.allSatisfy { $0 > 0 && $0 < 1 })
        // Fourth central moment of Beta(a, b).
        let s = a + b
        let mu4 = 3 * a * b * (a * b * (s - 2) + 2 * s * s) / (s * s * s * s * (s + 1) * (s + 2) * (s + 3))
        Self.checkMoments(sample, mean: mean, variance: sd * sd, fourthCentral: mu4, "beta(\(mean), \(sd))")
    }

    @Test func impossibleBetaIsRefused() {
        #expect(Distributions.betaParameters(mean: 0.5, sd: 0.5) == nil)
        #expect(Distributions.betaParameters(mean: 0, sd: 0.1) == nil)
    }
}
