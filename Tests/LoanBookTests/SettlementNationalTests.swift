import Foundation
import Testing
@testable import LoanBook

/// The simulated macronorm against an independent large-pool computation.
@Suite struct SettlementNationalTests {
    static let economy = Economy(sectors: ["retail", "construction"], correlation: [[1, 0.5], [0.5, 1]],
                                 assetCorrelation: 0.12, nationalWeights: [0.7, 0.3])
    static let portfolio = NationalPortfolio(lending: [2000: 1e6, 2010: 2e6, 2020: 3e6], annualPD: 0.06,
                                             recoveryMean: 0.3, termMonths: 60, annualRate: 0.08, smoothing: 1)

    /// National lending with the table rule: flat before 2000, held after each listed year.
    static func lent(_ year: Int) -> Double { year >= 2020 ? 3e6 : year >= 2010 ? 2e6 : 1e6 }

    /// The expected (large-pool) macronorm at Z = 0, written out year by year from the model's
    /// definition: a unit loan lent in each month of the year, annuity from the next month,
    /// pooled per vintage; defaults at p(0) scaled to the months exposed, spread over the year
    /// (a defaulter pays half the year's schedule and defaults on the mid-year balance).
    static func expectedNorm(years: ClosedRange<Int>) -> [Double] {
        let pd = 0.06, rho = 0.12, recovery = 0.3, term = 60, r = 0.08 / 12
        // Careful: at Z = 0 the conditional PD is not the through-the-cycle PD.
        let p0 = Distributions.normalCDF(Distributions.normalQuantile(pd) / (1 - rho).squareRoot())
        let a = r / (1 - pow(1 + r, -Double(term)))
        var cash = [Double](repeating: 0, count: 8)
        var principal = [Double](repeating: 0, count: 8)
        var months = [Double](repeating: 0, count: 8)
        for k in 0..<12 {
            var b = 1.0
            for n in 1...term {
                let year = (k + n) / 12
                let i = b * r
                let p = n == term ? b : a - i
                b -= p
                cash[year] += (p + i) / 12
                principal[year] += p / 12
                months[year] += 1
            }
        }
        var opening = [Double](repeating: 0, count: 8)
        var left = 1.0
        for y in 0..<8 {
            opening[y] = left
            left -= principal[y]
        }
        // Years 1960...: far enough back that every vintage paying in the window is tracked.
        var survival: [Int: Double] = [:]
        var baten: [Int: Double] = [:]
        var recoveries = 0.0
        for year in 1960...(years.upperBound) {
            var b = recoveries
            var defaulted = 0.0
            for vintage in (year - 7)...year where vintage >= 1960 {
                let age = year - vintage
                let s = survival[vintage] ?? 1
                if months[age] == 0 { continue }
                let q = 1 - pow(1 - p0, months[age] / 144)
                b += lent(vintage) * s * (cash[age] * (1 - q) + q * cash[age] / 2)
                defaulted += lent(vintage) * s * q * (opening[age] - principal[age] / 2)
                survival[vintage] = s * (1 - q)
            }
            recoveries = recovery * defaulted
            baten[year] = b
        }
        return years.map { y in
            let window = (y - 6)...(y - 2)
            return window.reduce(0) { $0 + baten[$1]! } / window.reduce(0) { $0 + lent($1) }
        }
    }

    @Test func zeroEconomyMatchesLargePoolExpectation() {
        let national = NationalAverage(portfolio: Self.portfolio, economy: Self.economy, firstYear: 2014, years: 10)
        let norm = national.macronorm(factors: Array(repeating: 0, count: 20))
        let expected = Self.expectedNorm(years: 2014...2023)
        for (m, e) in zip(norm, expected) {
            #expect(close(m, e, 1e-12), "\(m) vs \(e)")
        }
        // The norm is a plausible ratio, and the lending jump in 2020 shows in the window.
        #expect(norm.allSatisfy { $0 > 0.5 && $0 < 1.2 })
        #expect(norm[8] < norm[5])
    }

    @Test func conditionalPDIsVasicek() {
        let national = NationalAverage(portfolio: Self.portfolio, economy: Self.economy, firstYear: 2014, years: 1)
        let p0 = Distributions.normalCDF(Distributions.normalQuantile(0.06) / 0.88.squareRoot())
        #expect(close(national.conditionalPD(z: 0), p0, 1e-14))
        #expect(national.conditionalPD(z: 0) < 0.06)
        #expect(national.conditionalPD(z: -2) > 0.15)
        // Zn = (0.7 Z1 + 0.3 Z2) / sqrt(0.49 + 0.09 + 2 x 0.21 x 0.5) = (0.7 - 0.3) / sqrt(0.79) at Z = (1, -1).
        let zn = [1.0, -1.0].withUnsafeBufferPointer { national.nationalFactor(factors: $0, yearIndex: 0) }
        #expect(close(zn, 0.4 / 0.79.squareRoot(), 1e-14))
    }

    @Test func crisisLowersTheNormOnlyOnceItsBatenEnterTheWindow() {
        let national = NationalAverage(portfolio: Self.portfolio, economy: Self.economy, firstYear: 2014, years: 6)
        let calm = national.macronorm(factors: Array(repeating: 0, count: 12))
        var stressed = Array(repeating: 0.0, count: 12)
        for s in 0..<4 { stressed[s] = -2 }  // 2014-2015 at -2 in both sectors
        let crisis = national.macronorm(factors: stressed)
        // 2014 and 2015 use baten up to 2013: the economy of the horizon cannot move them.
        #expect(crisis[0] == calm[0])
        #expect(crisis[1] == calm[1])
        #expect(crisis[2] < calm[2])
        #expect(crisis[3] < calm[3])
    }

    @Test func smoothingBlendsFormulaWithPreviousYear() {
        var smooth = Self.portfolio
        smooth.smoothing = 0.5
        let formula = NationalAverage(portfolio: Self.portfolio, economy: Self.economy, firstYear: 2014, years: 5)
            .macronorm(factors: Array(repeating: 0, count: 10))
        let blended = NationalAverage(portfolio: smooth, economy: Self.economy, firstYear: 2014, years: 5)
            .macronorm(factors: Array(repeating: 0, count: 10))
        for i in 1..<5 {
            #expect(close(blended[i], 0.5 * formula[i] + 0.5 * blended[i - 1], 1e-12))
        }
    }

    @Test func settlerUsesTheSimulatedNormForNormBaten() {
        let settlement = Settlement(defaultRegime: .normbaten, macronorm: .simulated(Self.portfolio))
        let scenario = Scenario(name: "national", book: "", riskClasses: [], economy: Self.economy, behaviour: [:],
                                settlement: settlement)
        let history = LendingHistory(bk: Dictionary(uniqueKeysWithValues: (2008...2013).map { ($0, Int64(30_000_000)) }))
        let settler = Settler(scenario: scenario, history: history, firstYear: 2014, years: 3)
        var ledger = YearLedger(years: 3)
        ledger[0, .bk, .lent] = 10_000_000
        let factors = [-1.0, -1.5, -2, -2, 0, 0]
        let norm = settler.macronorm(factors: factors)
        var r = PathResults(firstYear: 2014, years: 3, paths: 1)
        settler.settle(ledger: ledger, factors: factors, path: 0, into: &r)
        // NB = m x 300,000 in 2014-15; in 2016 the window 2010..2014 averages (4 x 300k + 100k) / 5 = 260,000.
        #expect(abs(r[0, 0, .normBaten] - (norm[0] * 300_000 * 100).rounded() / 100) < 1e-9)
        #expect(abs(r[0, 1, .normBaten] - (norm[1] * 300_000 * 100).rounded() / 100) < 1e-9)
        #expect(abs(r[0, 2, .normBaten] - (norm[2] * 260_000 * 100).rounded() / 100) < 1e-9)
    }
}

/// Relative comparison in the manner of swift-numerics' isApproximatelyEqual (not a dependency).
private func close(_ a: Double, _ b: Double, _ relativeTolerance: Double) -> Bool {
    a == b || abs(a - b) <= relativeTolerance * max(abs(a), abs(b))
}
