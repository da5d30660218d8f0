import Foundation
import Testing
@testable import LoanBook

struct BinomialIntervalTests {
    /// P(X <= k) for X ~ Binomial(n, p), summed term by term from the nearer end (log C(n, i)
    /// built up one factor at a time): independent of the incomplete beta and of lgamma, and
    /// accurate for n = 1e8 when k or n - k is small.
    static func cumulative(_ k: Int, _ n: Int, _ p: Double) -> Double {
        guard k >= 0 else { return 0 }
        guard k < n else { return 1 }
        func term(_ i: Int, _ logChoose: Double) -> Double {
            exp(logChoose + Double(i) * log(p) + Double(n - i) * log1p(-p))
        }
        var sum = 0.0, logChoose = 0.0
        if k <= n / 2 {
            for i in 0...k {
                if i > 0 { logChoose += log(Double(n - i + 1) / Double(i)) }
                sum += term(i, logChoose)
            }
            return sum
        }
        for i in stride(from: n, through: k + 1, by: -1) {
            if i < n { logChoose += log(Double(i + 1) / Double(n - i)) }
            sum += term(i, logChoose)
        }
        return 1 - sum
    }

    /// scipy 1.17.1, `binomtest(k, n).proportion_ci(confidence_level=0.95, method="exact")`, which
    /// is itself good to about 1e-10 here (its k = 0 bound is 1.6e-10 from the closed form
    /// 1 - 0.025^(1/n)); the others agree to 1e-11. 1e-9 relative leaves room and is far below
    /// any digit a report shows.
    @Test(arguments: [
        (0, 2000, 0.0, 0.0018427397936931899),
        (21, 2000, 0.006511085658226307, 0.016005794878681128),
        (1, 10, 0.0025285785444625728, 0.44501611702819543),
        (9, 10, 0.5549838829718047, 0.9974714214555375),
        (10, 10, 0.6915028921812371, 1.0),
        (500, 1000, 0.46854917297179194, 0.531450827028208),
        (33, 100_000, 0.0002271673619405145, 0.0004634117701232136),
    ])
    func matchesScipy(k: Int, n: Int, lower: Double, upper: Double) {
        let ci = BinomialInterval.clopperPearson(successes: k, trials: n)
        #expect(abs(ci.lower - lower) <= 1e-9 * lower, "lower \(ci.lower) vs \(lower)")
        #expect(abs(ci.upper - upper) <= 1e-9 * upper, "upper \(ci.upper) vs \(upper)")
    }

    /// The bounds are where the binomial tails are 2.5%: P(X >= k | lower) = P(X <= k | upper).
    /// For k much smaller than n the continued fraction cancels in 1 - x (a + b) / (a + 1),
    /// losing about 1e-16 n / (k + 2) of the tail: 3e-11 of 0.025 at n = 1e8, k = 7. 1e-10 is
    /// that with room; the small cases reach 1e-15.
    @Test(arguments: [(1, 7), (3, 50), (49, 50), (17, 400), (200, 400), (250, 20_000), (19_990, 20_000),
                      (1, 100_000_000), (7, 100_000_000), (50, 100_000_000)])
    func boundsCutTheTails(k: Int, n: Int) {
        let ci = BinomialInterval.clopperPearson(successes: k, trials: n)
        #expect(0 < ci.lower && ci.lower < Double(k) / Double(n) && Double(k) / Double(n) < ci.upper && ci.upper < 1)
        #expect(abs((1 - Self.cumulative(k - 1, n, ci.lower)) - 0.025) < 1e-10)
        #expect(abs(Self.cumulative(k, n, ci.upper) - 0.025) < 1e-10)
    }

    /// Clopper-Pearson's promise: for every true p the interval holds p with probability at least
    /// 95%. Exact coverage, summed over k, on a grid of p (a narrower interval fails somewhere).
    @Test(arguments: [30, 400])
    func coverageIsAtLeastTheLevel(n: Int) {
        let intervals = (0...n).map { BinomialInterval.clopperPearson(successes: $0, trials: n) }
        var smallest = 1.0
        for step in 1..<400 {
            let p = Double(step) / 400
            var coverage = 0.0
            for k in 0...n where intervals[k].lower <= p && p <= intervals[k].upper {
                coverage += Self.cumulative(k, n, p) - Self.cumulative(k - 1, n, p)
            }
            smallest = min(smallest, coverage)
        }
        #expect(smallest >= 0.95 - 1e-9, "smallest coverage \(smallest)")
        #expect(smallest < 0.96, "the interval should not be needlessly wide: \(smallest)")
    }

    /// Both Stirling branches of log B(a, b) against lgamma, where lgamma's cancellation is
    /// still small (values below 200, so about 3e-14).
    @Test(arguments: [(15.0, 40.0), (10.0, 10.0), (3.0, 50.0), (0.5, 12.0), (2.5, 7.0)])
    func logBetaMatchesLgamma(a: Double, b: Double) {
        #expect(abs(BinomialInterval.logBeta(a, b) - (lgamma(a) + lgamma(b) - lgamma(a + b))) < 1e-12)
        #expect(BinomialInterval.logBeta(a, b) == BinomialInterval.logBeta(b, a))
    }

    @Test func incompleteBetaAtItsClosedForms() {
        // I_x(a, 1) = x^a and I_x(1, b) = 1 - (1 - x)^b.
        for (x, a) in [(0.3, 2.5), (0.9, 40.0), (0.01, 0.5)] {
            #expect(abs(BinomialInterval.regularizedIncompleteBeta(x: x, y: 1 - x, a, 1) - pow(x, a)) < 1e-13)
            #expect(abs(BinomialInterval.regularizedIncompleteBeta(x: x, y: 1 - x, 1, a) - (1 - pow(1 - x, a))) < 1e-13)
        }
    }
}
