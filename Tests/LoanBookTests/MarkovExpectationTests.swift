import COpenBLAS
import Foundation
import Testing
import LoanBook

/// Without correlation the economy does not matter, positions are independent and each
/// follows a Markov chain over (status, instalments paid). Its expectation, propagated month
/// by month with matrix-vector products (dgemv), must match the Monte Carlo means of the
/// yearly defaults and closing balances within 4 standard errors. At rate 0 the kernel takes
/// the schedule in closed form instead of from entries; the chain is the same.
@Suite struct MarkovExpectationTests {
    static let balance: Int64 = 1_000_000
    static let term = 60
    static let pd = 0.08
    static let years = 4
    static let recoveryMean = 0.4
    static let lag = 6

    static let behaviour = KindBehaviour(
        performing: StatusRow(prepay: 0.05, toArrears: 0.10, remission: 0.01),
        arrears: StatusRow(pdMultiplier: 4, cure: 0.40, remission: 0.05),
        recoveryMean: recoveryMean, recoverySD: 0.15, recoveryLagMonths: lag, remissionFraction: 1)

    static func scenario(paths: Int) -> Scenario {
        Scenario(name: "markov", book: "-", seed: 99, paths: paths, horizonYears: years,
                 riskClasses: [RiskClass(name: "A", annualPD: pd)],
                 economy: Economy(sectors: ["s"], correlation: [[1]], assetCorrelation: 0),
                 behaviour: [.bk: behaviour])
    }

    /// Half the pool performing, half in arrears, all fresh 60-month annuities.
    static func book(count: Int, annualRate: Double) -> Book {
        Book(asOfYear: 2014, positions: (0..<count).map { i in
            Position(id: "\(i)", kind: .bk, segment: .established, sector: "s", vintage: 2013,
                     balanceCents: balance, annualRate: annualRate, remainingMonths: term, repayment: .annuity,
                     status: i % 2 == 0 ? .performing : .arrears, riskClass: "A", deferralUsedMonths: 0)
        })
    }

    /// Expected yearly defaulted exposure and closing balance per position of each starting status,
    /// averaged over the two halves of the book.
    static func markovExpectation(annualRate: Double) -> (defaulted: [Double], closing: [Double]) {
        let schedule = Schedule.table(balance: balance, annualRate: annualRate, months: term, repayment: .annuity)
        let balances = [Double(balance)] + schedule.map { Double($0.balance) }   // B_k after k instalments
        let monthly = { (q: Double) in 1 - pow(1 - q, 1.0 / 12) }
        let h = monthly(pd)
        let hp = min(h * behaviour.performing.pdMultiplier, 0.999), ha = min(h * behaviour.arrears.pdMultiplier, 0.999)
        let prepay = monthly(behaviour.performing.prepay), toArrears = monthly(behaviour.performing.toArrears)
        let remitP = monthly(behaviour.performing.remission)
        let cure = monthly(behaviour.arrears.cure), remitA = monthly(behaviour.arrears.remission)

        // States: performing k = 0...term-1, then arrears k = 0...term-1 (k instalments paid).
        let n = 2 * term
        var transition = [Double](repeating: 0, count: n * n)      // column-major: [to + from * n]
        func add(_ from: Int, _ to: Int?, _ p: Double) { if let to { transition[to + from * n] += p } }
        var defaultRate = [Double](repeating: 0, count: n)         // P(default this month | state) x B_k
        for k in 0..<term {
            let next: Int? = k + 1 < term ? k + 1 : nil            // paying the last instalment closes
            add(k, term + k, toArrears)
            add(k, next, 1 - hp - prepay - toArrears - remitP)
            defaultRate[k] = hp * balances[k]
            add(term + k, next, cure)
            add(term + k, term + k, 1 - ha - cure - remitA)
            defaultRate[term + k] = ha * balances[k]
        }
        var state = [Double](repeating: 0, count: n)
        state[0] = 0.5
        state[term] = 0.5
        var next = state
        var defaultsByMonth: [Double] = []
        var defaulted = [Double](repeating: 0, count: years), closing = [Double](repeating: 0, count: years)
        for month in 0..<(12 * years) {
            let d = zip(state, defaultRate).reduce(0) { $0 + $1.0 * $1.1 }
            defaultsByMonth.append(d)
            defaulted[month / 12] += d
            transition.withUnsafeBufferPointer { t in
                cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(n), Int32(n), 1, t.baseAddress, Int32(n),
                            state, 1, 0, &next, 1)
            }
            swap(&state, &next)
            if month % 12 == 11 {
                var live = 0.0
                for k in 0..<term { live += (state[k] + state[term + k]) * balances[k] }
                // Claims in recovery: paid down by mean x exposure / lag a month, then written off.
                for (m, d) in defaultsByMonth.enumerated() where month - m < lag {
                    live += d * (1 - recoveryMean * Double(month - m) / Double(lag))
                }
                closing[month / 12] = live
            }
        }
        return (defaulted, closing)
    }

    @Test(arguments: [0.08, 0])
    func monteCarloMeansMatchTheMarkovChain(annualRate: Double) throws {
        let positions = 200, paths = 400
        let simulation = try Simulation(scenario: Self.scenario(paths: paths),
                                        book: Self.book(count: positions, annualRate: annualRate))
        let workspace = simulation.makeWorkspace()
        var defaulted = [[Double]](repeating: [], count: Self.years)
        var closing = [[Double]](repeating: [], count: Self.years)
        for path in 0..<paths {
            _ = simulation.simulate(path: path, in: workspace)
            for year in 0..<Self.years {
                defaulted[year].append(Double(workspace.ledger.total(year: year, kind: .bk, flow: .defaulted)) / Double(positions))
                closing[year].append(Double(workspace.ledger.total(year: year, kind: .bk, flow: .closing)) / Double(positions))
            }
        }
        let expected = Self.markovExpectation(annualRate: annualRate)
        for year in 0..<Self.years {
            for (sample, target, name) in [(defaulted[year], expected.defaulted[year], "defaulted"),
                                           (closing[year], expected.closing[year], "closing")] {
                let mean = sample.reduce(0, +) / Double(paths)
                let sd = (sample.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(paths - 1)).squareRoot()
                let se = sd / Double(paths).squareRoot()
                #expect(abs(mean - target) <= 4 * se,
                        "rate \(annualRate), \(name) year \(year): MC \(mean) vs Markov \(target), se \(se)")
            }
        }
    }
}
