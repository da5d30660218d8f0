import LoanBook

/// Seeded books and scenarios shared by the engine tests.
enum Fixtures {
    static let sectors = ["retail", "horeca", "construction"]

    static func scenario(paths: Int = 200, years: Int = 5, rho: Double = 0.12, newBusiness: Bool = true,
                         seed: UInt64 = 42) -> Scenario {
        let correlation = sectors.indices.map { i in sectors.indices.map { j in i == j ? 1.0 : 0.3 } }
        let behaviour = KindBehaviour(
            performing: StatusRow(prepay: 0.03, toDeferred: 0.05, toArrears: 0.06, remission: 0.005),
            deferred: StatusRow(pdMultiplier: 2, toArrears: 0.1, cure: 0.5, remission: 0.02),
            arrears: StatusRow(pdMultiplier: 5, cure: 0.2, remission: 0.05),
            recoveryMean: 0.35, recoverySD: 0.2, recoveryLagMonths: 18, remissionFraction: 0.5)
        let products = newBusiness ? [
            NewBusinessProduct(name: "starters", segment: .starter, applications: 40, approvalShare: 0.5,
                               amountMedian: 9_000, amountSigma: 0.5, legalMaximum: 35_130,
                               termMix: [36: 0.3, 60: 0.7], riskClassMix: ["A": 0.5, "B": 0.5],
                               sectorMix: ["retail": 0.5, "horeca": 0.5]),
            NewBusinessProduct(name: "lo", segment: .established, kind: .lo, applications: 20, approvalShare: 0.5,
                               amountMedian: 6_000, amountSigma: 0.4, legalMaximum: 20_000, annualRate: 0,
                               repayment: .linear, termMix: [24: 1], riskClassMix: ["B": 1],
                               sectorMix: ["construction": 1]),
        ] : []
        return Scenario(
            name: "fixture", book: "fixture.csv", seed: seed, paths: paths, horizonYears: years,
            riskClasses: [RiskClass(name: "A", annualPD: 0.03), RiskClass(name: "B", annualPD: 0.10)],
            economy: Economy(sectors: sectors, correlation: correlation, assetCorrelation: rho, recoverySensitivity: 0.05),
            behaviour: [.bk: behaviour, .lo: behaviour, .bob: behaviour, .other: behaviour],
            newBusiness: products)
    }

    /// A random book: every kind, status and repayment, drawn from a Philox stream.
    static func book(positions: Int = 300, seed: UInt64 = 7) -> Book {
        let g = Philox4x32(seed: seed)
        let kinds: [Kind] = [.bk, .lo, .bob, .other]
        let statuses: [Status] = [.performing, .performing, .deferred, .arrears, .recovering]
        var list: [Position] = []
        for i in 0..<positions {
            let w = g.block(UInt32(i), 0, 0, 0)
            let v = g.block(UInt32(i), 1, 0, 0)
            let kind = kinds[Int(w.0 % 4)]
            list.append(Position(
                id: "P\(i)", kind: kind, segment: kind == .lo ? (w.1 % 2 == 0 ? .starter : .established) : .established,
                sector: sectors[Int(w.2 % 3)], vintage: 2008 + Int(w.3 % 6),
                balanceCents: Int64(v.0 % 5_000_000) + 1, annualRate: kind == .lo ? 0 : [0.05, 0.08][Int(v.1 % 2)],
                remainingMonths: Int(v.2 % 90), repayment: Repayment.allCases[Int(v.3 % 3)],
                status: statuses[Int(w.1 % 5)], riskClass: w.2 % 2 == 0 ? "A" : "B",
                deferralUsedMonths: Int(w.3 % 37)))
        }
        return Book(asOfYear: 2014, positions: list)
    }
}
