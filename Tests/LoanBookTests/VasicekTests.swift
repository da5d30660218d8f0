import Foundation
import Testing
import LoanBook

/// A large homogeneous pool over one year loses, per path, the Vasicek conditional PD of that
/// year's factor; across paths the default fraction follows the Vasicek distribution
/// F(x) = Phi((sqrt(1 - rho) PhiInv(x) - PhiInv(p)) / sqrt(rho)). The empirical CDF at the
/// Vasicek quantiles must be within 4 binomial standard errors of the level.
@Suite struct VasicekTests {
    @Test func defaultFractionQuantilesMatchTheLargePoolFormula() throws {
        let pd = 0.05, rho = 0.12, pool = 4_000, paths = 2_000
        let scenario = Scenario(
            name: "vasicek", book: "-", seed: 2024, paths: paths, horizonYears: 1,
            riskClasses: [RiskClass(name: "A", annualPD: pd)],
            economy: Economy(sectors: ["s"], correlation: [[1]], assetCorrelation: rho, persistence: 0),
            behaviour: [.bk: KindBehaviour()])
        let book = Book(asOfYear: 2014, positions: (0..<pool).map { i in
            Position(id: "\(i)", kind: .bk, segment: .established, sector: "s", vintage: 2013, balanceCents: 100_000,
                     annualRate: 0.08, remainingMonths: 12, repayment: .bullet, status: .performing,
                     riskClass: "A", deferralUsedMonths: 0)
        })
        let simulation = try Simulation(scenario: scenario, book: book)
        let workspace = simulation.makeWorkspace()
        var fractions: [Double] = []
        for path in 0..<paths {
            _ = simulation.simulate(path: path, in: workspace)
            fractions.append(Double(workspace.ledger.total(year: 0, kind: .bk, flow: .defaulted)) / Double(pool * 100_000))
        }
        for q in [0.05, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99] {
            let x = Distributions.normalCDF(
                (Distributions.normalQuantile(pd) + rho.squareRoot() * Distributions.normalQuantile(q)) / (1 - rho).squareRoot())
            let empirical = Double(fractions.filter { $0 <= x }.count) / Double(paths)
            let se = (q * (1 - q) / Double(paths)).squareRoot()
            #expect(abs(empirical - q) <= 4 * se, "level \(q): Vasicek quantile \(x), empirical CDF \(empirical), se \(se)")
        }
    }
}
