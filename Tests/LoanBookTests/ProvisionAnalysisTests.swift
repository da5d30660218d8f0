import Testing
@testable import LoanBook

/// 100 paths, 3 years from 2014. cost_above_budget on path p: year 0 = p * 10_000 - 300_000
/// (-300k ... 690k), year 1 = 100_000 flat,
/// year 2 = 250_000 on the first 5 paths, 0 elsewhere.
private func fixture() -> PathResults {
    var r = PathResults(firstYear: 2014, years: 3, paths: 100)
    for p in 0..<100 {
        let y0 = Double(p) * 10_000 - 300_000
        let y2: Double = p < 5 ? 250_000 : 0
        r[p, 0, .costAboveBudget] = y0
        r[p, 1, .costAboveBudget] = 100_000
        r[p, 2, .costAboveBudget] = y2
        r[p, 3, .costAboveBudget] = y0 + 100_000 + y2
        r.collectedShare[p] = 0.5 + Double(p) / 1000
    }
    return r
}

@Suite struct ProvisionAnalysisTests {
    @Test func exceedanceAndItsStandardError() {
        let a = ProvisionAnalysis(results: fixture(), amount: 200_000)
        // Year 0: p * 10k - 300k > 200k <=> p > 50: paths 51...99, 49 of 100.
        #expect(a.exceedanceByYear[0].exceedances == 49)
        #expect(a.exceedanceByYear[0].p == 0.49)
        #expect(a.exceedanceByYear[0].se == (0.49 * 0.51 / 100).squareRoot())
        #expect(a.exceedanceByYear[1].p == 0)
        #expect(a.exceedanceByYear[1].se == 0)
        #expect(a.exceedanceByYear[2].p == 0.05)
        #expect(a.exceedanceByYear[2].se == (0.05 * 0.95 / 100).squareRoot())
        // Any year: paths 0...4 (year 2) and 51...99 (year 0): 54.
        #expect(a.exceedanceAnyYear.exceedances == 54)
        // Horizon total > 600k: p * 10k - 200k (+250k on p < 5) > 600k <=> p > 80: 19 paths.
        #expect(a.exceedanceHorizon.exceedances == 19)
    }

    @Test func requiredProvisionIsOrderedWithIntervals() {
        let a = ProvisionAnalysis(results: fixture(), amount: 200_000)
        for levels in a.requiredByYear + [a.requiredHorizon] {
            #expect(levels.map(\.level) == [0.90, 0.95, 0.99])
            #expect(levels[0].amount <= levels[1].amount && levels[1].amount <= levels[2].amount)
            for r in levels { #expect(r.lower <= r.amount && r.amount <= r.upper) }
        }
        // Year 0, sorted values -300k + 10k i; p95: h = 99 * 0.95 = 94.05 -> 640k + 0.05 * 10k = 640.5k.
        let p95 = a.requiredFirstYear[1]
        #expect(abs(p95.amount - 640_500) < 1e-6)
        // Order statistics 90 and 100 (1-based): -300k + 10k * 89 = 590k and 690k.
        #expect(p95.lower == 590_000 && p95.upper == 690_000)
    }

    @Test func collectedShare() {
        let s = CollectedShareSummary(shares: fixture().collectedShare)
        // 0.500, 0.501, ..., 0.599: mean 0.5495; p50: h = 49.5 -> 0.5495.
        #expect(abs(s.mean - 0.5495) < 1e-12)
        #expect(abs(s.p50 - 0.5495) < 1e-12)
        #expect(s.p5 < s.p50 && s.p50 < s.p95)
        #expect(s.se > 0)
    }
}

@Suite struct RiskContributionsTests {
    @Test func contributionsAddUpToES() {
        let n = 1000
        let a = (0..<n).map { Double(($0 * 37) % 101) * 1_000.5 }
        let b = (0..<n).map { Double(($0 * 53) % 97) * 2_333.25 - 50_000 }
        let c = (0..<n).map { Double($0 % 13) * 17.125 }
        let total = (0..<n).map { a[$0] + b[$0] + c[$0] }
        for level in [0.90, 0.95, 0.99] {
            let (es, parts) = RiskContributions.esContributions(total: total, components: [a, b, c], level: level)
            let sum = parts[0] + parts[1] + parts[2]
            #expect(abs(sum - es) <= 1e-9 * abs(es))
            let direct = SummaryStatistics.tailMean(sorted: total.sorted(), level: level, lossIsUpper: true)
            #expect(abs(direct - es) <= 1e-9 * abs(es))
        }
    }

    @Test func tiesGoToLowerPathIndex() {
        // All totals equal: the ES95 tail of 100 paths is paths 0...4.
        let index = (0..<100).map(Double.init)
        let total = [Double](repeating: 1, count: 100)
        let (es, parts) = RiskContributions.esContributions(
            total: total, components: [index, index.map { 1 - $0 }], level: 0.95)
        #expect(es == 1)
        #expect(parts == [2, -1])  // mean(0...4) = 2, mean(1 - 0 ... 1 - 4) = -1
        #expect(RiskContributions.tailPaths(total: total, level: 0.95) == [0, 1, 2, 3, 4])
    }
}

@Suite struct ProjectionStatisticsTests {
    @Test func everyYearAndMetric() {
        let r = fixture()
        let p = ProjectionStatistics(results: r)
        #expect(p.statistics.count == 4 * Metric.count)
        #expect(p.yearLabel(0) == "2014" && p.yearLabel(3) == "all")
        #expect(p[1, .costAboveBudget].mean == 100_000)
        #expect(p[0, .costAboveBudget] == SummaryStatistics(sample: r.column(year: 0, metric: .costAboveBudget),
                                                             metric: .costAboveBudget))
    }

    @Test func sameOnAnyNumberOfThreads() {
        let r = fixture()
        let one = ProjectionStatistics(results: r, threads: 1)
        for threads in [2, 3, 200] {
            #expect(ProjectionStatistics(results: r, threads: threads) == one, "\(threads) threads")
        }
        // Every column lands in its own slot: each agrees with the column computed alone.
        for year in 0...r.years {
            for metric in Metric.allCases {
                #expect(one[year, metric] == SummaryStatistics(sample: r.column(year: year, metric: metric), metric: metric))
            }
        }
    }
}
