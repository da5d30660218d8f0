import Foundation

/// The simulated macronorm m(y): a national bk portfolio run at the large-pool (Vasicek)
/// default rate on one path's economy (MODEL.md section 5, "The national average").
///
/// The model, per unit lent in vintage v (all in EUR, no rounding):
/// - Loans are lent evenly over the months of year v and repaid as an annuity at
///   `annualRate` over `termMonths`, first instalment the month after lending (the local
///   engine's new business). Averaged over the twelve lending months this gives, per year
///   offset a = y - v, the scheduled principal + interest `repaid[a]`, the scheduled principal
///   `principal[a]`, the scheduled balance at the start of the year `opening[a]` (1 in the
///   lending year) and the fraction of the year the loans are exposed `exposure[a]` (66/144 in
///   the lending year, 1 in full years, less in the year they mature).
/// - Large pool: of the surviving fraction S of a vintage, q = 1 - (1 - p(Zn(y)))^exposure[a]
///   defaults in year y. Defaults are spread evenly over the year: a defaulting loan pays on
///   average half of the year's schedule and defaults on opening - principal/2. So the year's
///   cash is S (1 - q/2) repaid[a], the defaulted exposure S q (opening[a] - principal[a]/2),
///   S becomes S (1 - q), and `recoveryMean` of the exposure arrives the next year. Principal
///   is conserved: lent = principal repaid + defaulted + outstanding. A crisis year lowers
///   that same year's baten.
/// - p(Z) = Phi((PhiInv(PD) - sqrt(rho) Z) / sqrt(1 - rho)) with rho the economy's asset
///   correlation and Zn(y) = sum_s w_s Z(s, y) / sqrt(w' C w). Years before the as-of year
///   use Z = 0 (so p(0) = Phi(PhiInv(PD) / sqrt(1 - rho)), slightly below PD).
/// - National baten(y) = repayments + interest + recoveries of all vintages in y, and
///   m(y) = s * [sum baten(y-6 ... y-2) / sum lending(y-6 ... y-2)] + (1 - s) * m(y - 1),
///   with the recursion started `burnInYears` before the as-of year at the formula's value.
///
/// Everything before the as-of year is path-independent and computed once in `init`; a path
/// costs about (horizon x vintages alive) multiply-adds and one `normalCDF` per year.
public struct NationalAverage: Sendable {
    public let firstYear: Int
    public let years: Int
    /// Years of the smoothing recursion run before the as-of year (0.5^10 ~ 0.001 weight left
    /// on the starting value at smoothing 0.5).
    public static let burnInYears = 10

    let portfolio: NationalPortfolio
    let repaid: [Double]
    let principal: [Double]
    let opening: [Double]
    let exposure: [Double]
    let sectorCount: Int
    /// w_s / sqrt(w' C w).
    let factorWeights: [Double]
    let pdQuantile: Double
    let sqrtRho: Double
    let sqrtOneMinusRho: Double
    /// First vintage (calendar year) the model tracks.
    let firstVintage: Int
    /// National lending per vintage from `firstVintage` to the horizon's last year, EUR.
    let lending: [Double]
    /// Survival per vintage at the start of `firstYear`.
    let startSurvival: [Double]
    /// Recoveries arriving in `firstYear` (from defaults in `firstYear - 1`).
    let startRecoveries: Double
    /// National baten for the years `firstBatenYear ..< firstYear`.
    let firstBatenYear: Int
    let batenBefore: [Double]
    /// m(firstYear - 1) on the expected path.
    let normBefore: Double

    public init(portfolio: NationalPortfolio, economy: Economy, firstYear: Int, years: Int) {
        self.portfolio = portfolio
        self.firstYear = firstYear
        self.years = years
        (repaid, principal, opening, exposure) = Self.unitProfile(annualRate: portfolio.annualRate, termMonths: portfolio.termMonths)

        sectorCount = economy.sectors.count
        let w = economy.nationalWeights
        var variance = 0.0
        for i in 0..<min(w.count, sectorCount) {
            for j in 0..<min(w.count, sectorCount) { variance += w[i] * w[j] * economy.correlation[i][j] }
        }
        let scale = variance > 0 ? 1 / variance.squareRoot() : 0
        factorWeights = (0..<sectorCount).map { $0 < w.count ? w[$0] * scale : 0 }

        let pd = portfolio.annualPD
        pdQuantile = pd <= 0 ? -.infinity : pd >= 1 ? .infinity : Distributions.normalQuantile(pd)
        let rho = economy.assetCorrelation
        sqrtRho = rho.squareRoot()
        sqrtOneMinusRho = (1 - rho).squareRoot()

        let recursionStart = firstYear - Self.burnInYears
        firstBatenYear = recursionStart - 6
        firstVintage = firstBatenYear - repaid.count - 1
        let lastYear = firstYear + years - 1
        lending = (firstVintage...max(lastYear, firstVintage)).map { YearTable.value(portfolio.lending, in: $0) }

        // The expected path (Z = 0) up to the as-of year.
        var survival = Array(repeating: 1.0, count: lending.count)
        var pending = 0.0
        var baten: [Double] = []
        let p0 = Self.conditionalPD(z: 0, quantile: pdQuantile, sqrtRho: sqrtRho, sqrtOneMinusRho: sqrtOneMinusRho)
        let (vintage0, lent, profile) = (firstVintage, lending, (repaid, principal, opening, exposure))
        for year in vintage0..<firstYear {
            let b = survival.withUnsafeMutableBufferPointer {
                Self.step(year: year, pd: p0, survival: $0, pendingRecoveries: &pending, firstVintage: vintage0,
                          lending: lent, repaid: profile.0, principal: profile.1, opening: profile.2,
                          exposure: profile.3,
                          recoveryMean: portfolio.recoveryMean)
            }
            if year >= firstBatenYear { baten.append(b) }
        }
        startSurvival = survival
        startRecoveries = pending
        batenBefore = baten

        var norm = 0.0
        for year in recursionStart..<firstYear {
            var batenSum = 0.0, lastenSum = 0.0
            for u in (year - 6)...(year - 2) {
                batenSum += baten[u - firstBatenYear]
                lastenSum += lending[u - firstVintage]
            }
            let formula = lastenSum > 0 ? batenSum / lastenSum : norm
            norm = year == recursionStart ? formula : portfolio.smoothing * formula + (1 - portfolio.smoothing) * norm
        }
        normBefore = norm
    }

    /// The national factor Zn of horizon year `yearIndex` from one path's sector factors.
    public func nationalFactor(factors: UnsafeBufferPointer<Double>, yearIndex: Int) -> Double {
        var z = 0.0
        let base = yearIndex * sectorCount
        for s in 0..<sectorCount { z += factorWeights[s] * factors[base + s] }
        return z
    }

    /// The Vasicek conditional annual PD of the national pool given the national factor.
    public func conditionalPD(z: Double) -> Double {
        Self.conditionalPD(z: z, quantile: pdQuantile, sqrtRho: sqrtRho, sqrtOneMinusRho: sqrtOneMinusRho)
    }

    static func conditionalPD(z: Double, quantile: Double, sqrtRho: Double, sqrtOneMinusRho: Double) -> Double {
        if quantile == -.infinity { return 0 }
        if quantile == .infinity { return 1 }
        return Distributions.normalCDF((quantile - sqrtRho * z) / sqrtOneMinusRho)
    }

    /// m(y) for every horizon year of one path, into `norm` (count `years`).
    ///
    /// - Parameter factors: the path's Z(s, y), laid out `[yearIndex * sectorCount + sector]`.
    /// No heap allocation: the per-vintage state lives in a temporary stack buffer.
    public func macronorm(factors: UnsafeBufferPointer<Double>, into norm: UnsafeMutableBufferPointer<Double>) {
        precondition(factors.count >= years * sectorCount, "the simulated macronorm needs the path's sector factors")
        precondition(norm.count >= years)
        guard years > 0 else { return }
        let simulatedBatenYears = max(0, years - 2)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: startSurvival.count + simulatedBatenYears) { buffer in
            let survival = UnsafeMutableBufferPointer(rebasing: buffer[0..<startSurvival.count])
            _ = survival.initialize(from: startSurvival)
            let baten = UnsafeMutableBufferPointer(rebasing: buffer[startSurvival.count...])
            var pending = startRecoveries
            for i in 0..<simulatedBatenYears {
                let pd = conditionalPD(z: nationalFactor(factors: factors, yearIndex: i))
                baten[i] = Self.step(year: firstYear + i, pd: pd, survival: survival, pendingRecoveries: &pending,
                                     firstVintage: firstVintage, lending: lending, repaid: repaid,
                                     principal: principal, opening: opening, exposure: exposure,
                                     recoveryMean: portfolio.recoveryMean)
            }
            var previous = normBefore
            for i in 0..<years {
                let year = firstYear + i
                var batenSum = 0.0, lastenSum = 0.0
                for u in (year - 6)...(year - 2) {
                    batenSum += u < firstYear ? batenBefore[u - firstBatenYear] : baten[u - firstYear]
                    lastenSum += lending[u - firstVintage]
                }
                let formula = lastenSum > 0 ? batenSum / lastenSum : previous
                previous = portfolio.smoothing * formula + (1 - portfolio.smoothing) * previous
                norm[i] = previous
            }
        }
    }

    /// m(y) for every horizon year (allocates; for tests and reports).
    public func macronorm(factors: [Double]) -> [Double] {
        var norm = Array(repeating: 0.0, count: years)
        factors.withUnsafeBufferPointer { f in
            norm.withUnsafeMutableBufferPointer { macronorm(factors: f, into: $0) }
        }
        return norm
    }

    /// One calendar year of the national pool: pays, defaults during the year, queues recoveries.
    /// Returns the year's national baten.
    static func step(year: Int, pd: Double, survival: UnsafeMutableBufferPointer<Double>,
                     pendingRecoveries: inout Double, firstVintage: Int, lending: [Double],
                     repaid: [Double], principal: [Double], opening: [Double], exposure: [Double],
                     recoveryMean: Double) -> Double {
        var baten = pendingRecoveries
        var defaulted = 0.0
        let oldest = max(firstVintage, year - repaid.count + 1)
        if oldest <= year {
            for vintage in oldest...year {
                let v = vintage - firstVintage
                let amount = lending[v]
                if amount == 0 { continue }
                let a = year - vintage
                let alive = survival[v]
                let q = exposure[a] == 1 ? pd : 1 - pow(1 - pd, exposure[a])
                baten += amount * alive * (1 - q / 2) * repaid[a]
                defaulted += amount * alive * q * (opening[a] - principal[a] / 2)
                survival[v] = alive * (1 - q)
            }
        }
        pendingRecoveries = recoveryMean * defaulted
        return baten
    }

    /// Per unit lent: scheduled principal + interest, principal, opening balance and exposed
    /// fraction of the year, per year offset, averaged over the twelve lending months.
    static func unitProfile(annualRate: Double, termMonths: Int)
        -> (repaid: [Double], principal: [Double], opening: [Double], exposure: [Double]) {
        let term = max(termMonths, 1)
        let offsets = (11 + term) / 12 + 1
        var repaid = Array(repeating: 0.0, count: offsets)
        var principal = Array(repeating: 0.0, count: offsets)
        var exposedMonths = Array(repeating: 0, count: offsets)
        let r = annualRate / 12
        let instalment = r == 0 ? 1 / Double(term) : r / (1 - pow(1 + r, -Double(term)))
        for lendingMonth in 0..<12 {
            var balance = 1.0
            for n in 1...term {
                let month = lendingMonth + n
                let a = month / 12
                let interest = balance * r
                let paid = n == term ? balance : instalment - interest
                balance -= paid
                principal[a] += paid / 12
                repaid[a] += (paid + interest) / 12
                exposedMonths[a] += 1
            }
        }
        var opening = Array(repeating: 0.0, count: offsets)
        var outstanding = 1.0
        for a in 0..<offsets {
            opening[a] = outstanding
            outstanding -= principal[a]
        }
        return (repaid, principal, opening, exposedMonths.map { Double($0) / 144 })
    }
}
