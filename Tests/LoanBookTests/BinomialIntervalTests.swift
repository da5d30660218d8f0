import Foundation
import Testing
@testable import LoanBook

struct BinomialIntervalTests {
    /// P(X <= k) for X ~ Binomial(n, p), summed term by term: independent of the incomplete beta.
    static func cumulative(_ k: Int, _ n: Int, _ p: Double) -> Double {
        guard k >= 0 else { return 0 }
        guard k < n else { return 1 }
        let logChoose = { (i: Int) in lgamma(Double(n + 1)) - lgamma(Double(i + 1)) - lgamma(Double(n - i + 1)) }
        var sum = 0.0
        for i in 0...k { sum += exp(logChoose(i) + Double(i) * log(p) + Double(n - i) * log1p(-p)) }
        return sum
    }

    /// scipy 1.17.1, `binomtest(k, n).proportion_ci(confidence_level=0.95, method="exact")`. The
    /// bounds go through lgamma differences of numbers up to 1e6 (about 1e-12 absolute in the
    /// logarithm), which the bisection's sensitivity can amplify tenfold; 1e-9 relative is that
    /// with room, and far below any digit a report shows.
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
    @Test(arguments: [(1, 7), (3, 50), (49, 50), (17, 400), (200, 400), (250, 20_000), (19_990, 20_000)])
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

    @Test func incompleteBetaAtItsClosedForms() {
        // I_x(a, 1) = x^a and I_x(1, b) = 1 - (1 - x)^b.
        for (x, a) in [(0.3, 2.5), (0.9, 40.0), (0.01, 0.5)] {
            #expect(abs(BinomialInterval.regularizedIncompleteBeta(x, a, 1) - pow(x, a)) < 1e-13)
            #expect(abs(BinomialInterval.regularizedIncompleteBeta(x, 1, a) - (1 - pow(1 - x, a))) < 1e-13)
        }
    }
}
