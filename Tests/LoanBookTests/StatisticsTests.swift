import Testing
@testable import LoanBook

/// Hand-checkable samples: 1...20 and 1...100, given in a scrambled path order so that
/// nothing depends on the input being sorted.
private func scrambled(_ n: Int) -> [Double] {
    // 7 is coprime to 20 and 100, so i * 7 mod n visits every value once.
    (0..<n).map { Double((($0 * 7) % n) + 1) }
}

private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

@Suite struct QuantileTests {
    @Test func type7OnOneToTen() {
        let x = (1...10).map(Double.init)
        // h = 9q: q = 0.5 -> h = 4.5 -> 5 + 0.5 * 1 = 5.5.
        #expect(Quantile.type7(sorted: x, 0.5) == 5.5)
        // q = 0.95 -> h = 8.55 -> 9 + 0.55 = 9.55.
        #expect(close(Quantile.type7(sorted: x, 0.95), 9.55))
        // q = 0.01 -> h = 0.09 -> 1.09.
        #expect(close(Quantile.type7(sorted: x, 0.01), 1.09))
        #expect(Quantile.type7(sorted: x, 0) == 1)
        #expect(Quantile.type7(sorted: x, 1) == 10)
        #expect(Quantile.type7(sorted: [42], 0.995) == 42)
    }

    @Test func tailCountSurvivesBinaryLevels() {
        // 1 - 0.95 is slightly above 0.05 in binary; 100 paths still give a tail of 5.
        #expect(Quantile.tailCount(n: 100, tail: 1 - 0.95) == 5)
        #expect(Quantile.tailCount(n: 1000, tail: 1 - 0.99) == 10)
        #expect(Quantile.tailCount(n: 10, tail: 1 - 0.95) == 1)   // ceil(0.5)
        #expect(Quantile.tailCount(n: 21, tail: 1 - 0.90) == 3)   // ceil(2.1)
        #expect(Quantile.tailCount(n: 3, tail: 1 - 0.99) == 1)    // at least one path
    }

    @Test func orderStatisticInterval() {
        let x = (1...100).map(Double.init)
        // n q = 95, 1.96 sqrt(100 * 0.95 * 0.05) = 4.27: j = floor(90.73) = 90, k = ceil(99.27) = 100.
        let ci = Quantile.confidenceInterval(sorted: x, 0.95)
        #expect(ci.lower == 90)
        #expect(ci.upper == 100)
        // n q = 50, half-width 9.8: j = 40, k = 60.
        let median = Quantile.confidenceInterval(sorted: x, 0.5)
        #expect(median.lower == 40 && median.upper == 60)
    }
}

@Suite struct SummaryStatisticsTests {
    @Test func momentsOfOneToTwenty() {
        let s = SummaryStatistics(sample: scrambled(20), lossIsUpper: true)
        #expect(s.count == 20)
        #expect(s.mean == 10.5)
        // Variance of 1...n with divisor n - 1 is n (n + 1) / 12 = 35.
        #expect(close(s.sd, 35.0.squareRoot()))
        #expect(close(s.se, (35.0 / 20).squareRoot()))
        // p50: h = 19 * 0.5 = 9.5 -> 10.5; p99.5: h = 18.905 -> 19.905.
        #expect(close(s.quantile(0.50)!, 10.5))
        #expect(close(s.quantile(0.995)!, 19.905))
    }

    @Test func costTailIsUpper() {
        let s = SummaryStatistics(sample: scrambled(20), lossIsUpper: true)
        // VaR95 = p95: h = 19 * 0.95 = 18.05 -> 19.05. ES95: k = ceil(1) = 1 -> 20.
        #expect(close(s.valueAtRisk(0.95)!, 19.05))
        #expect(s.expectedShortfall(0.95)! == 20)
        // ES90: k = 2 -> (19 + 20) / 2. ES99: k = ceil(0.2) = 1 -> 20.
        #expect(s.expectedShortfall(0.90)! == 19.5)
        #expect(s.expectedShortfall(0.99)! == 20)
        #expect(s.valueAtRisk(0.95)! == s.quantile(0.95)!)
    }

    @Test func incomeTailIsLower() {
        let s = SummaryStatistics(sample: scrambled(20), metric: .batenBK)
        // VaR95 = p5: h = 0.95 -> 1.95. ES95 = lowest 1 value; ES90 = (1 + 2) / 2.
        #expect(close(s.valueAtRisk(0.95)!, 1.95))
        #expect(s.expectedShortfall(0.95)! == 1)
        #expect(s.expectedShortfall(0.90)! == 1.5)
    }

    @Test func hundredPathTails() {
        let s = SummaryStatistics(sample: scrambled(100), metric: .costAboveBudget)
        // ES95 = mean(96...100) = 98; ES99 = 100; ES90 = mean(91...100) = 95.5.
        #expect(s.expectedShortfall(0.95)! == 98)
        #expect(s.expectedShortfall(0.99)! == 100)
        #expect(s.expectedShortfall(0.90)! == 95.5)
        for (v, e) in zip(s.valueAtRisk, s.expectedShortfall) { #expect(e >= v) }
    }

    @Test func edgeSamples() {
        let one = SummaryStatistics(sample: [7], lossIsUpper: true)
        #expect(one.mean == 7 && one.sd == 0 && one.se == 0)
        #expect(one.quantiles.allSatisfy { $0 == 7 })
        let empty = SummaryStatistics(sample: [], lossIsUpper: true)
        #expect(empty.count == 0 && empty.mean.isNaN && empty.expectedShortfall.allSatisfy(\.isNaN))
    }

    @Test func compensatedSumKeepsSmallTerms() {
        #expect(CompensatedSum.of([1e16, 1, -1e16]) == 1)
        #expect(CompensatedSum.of([0.1, 0.2, 0.3]) == 0.6)
    }
}

@Suite struct RunningMomentsTests {
    @Test func mergeMatchesOnePass() {
        let x = scrambled(100).map { $0 * 1234.5 - 3000 }
        var whole = RunningMoments()
        for v in x { whole.add(v) }
        var a = RunningMoments(), b = RunningMoments()
        for v in x[..<37] { a.add(v) }
        for v in x[37...] { b.add(v) }
        a.merge(b)
        let s = SummaryStatistics(sample: x, lossIsUpper: true)
        #expect(a.count == 100)
        #expect(close(a.mean, whole.mean, 1e-12) && close(a.mean, s.mean, 1e-12))
        #expect(close(a.sd, s.sd, 1e-12) && close(whole.sd, s.sd, 1e-12))
        #expect(close(a.se, s.se, 1e-12))
        var empty = RunningMoments()
        empty.merge(a)
        #expect(empty == a)
        #expect(RunningMoments().se == .infinity)
    }
}

@Suite struct MetricIndexTests {
    @Test func indexIsThePositionInAllCases() {
        for (position, metric) in Metric.allCases.enumerated() { #expect(metric.index == position, "\(metric)") }
    }
}

@Suite struct MetricLossSideTests {
    /// VaR and ES take the side that hurts the municipality: a higher norm, lasten, losses or
    /// cost above budget; lower baten, state share or net result.
    @Test func lossSides() {
        for metric in [Metric.normBaten, .lastenBK, .lastenLO, .writeOffs, .remissions, .defaults, .tlg, .costAboveBudget,
                       .stateRepayment] {
            #expect(metric.isCost, "\(metric) is a cost")
        }
        for metric in [Metric.batenBK, .batenLO, .interest, .recoveries, .bonusMalus, .stateShare, .topUp,
                       .municipalNetResult] {
            #expect(!metric.isCost, "\(metric) is income")
        }
    }
}
