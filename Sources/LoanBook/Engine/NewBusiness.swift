import Foundation

/// New lending per product and year (MODEL.md section 4, step 6), drawn per path.
///
/// Counts are Poisson by inversion of one uniform keyed (path, product, year); the k-th loan
/// of a product-year has its attributes and its status draws keyed by (product, year, k).
/// Two variants run on the same seed therefore share every loan they both make: the
/// common random numbers that make a paired comparison sharp.
struct NewBusiness: Sendable {
    struct Product: Sendable {
        var kind: Kind
        var segment: Segment
        /// Expected approved loans per simulated year (applications x approval, variant applied).
        var expectedLoans: [Double]
        /// The count's distribution per year, summed once for all paths.
        var loanCounts: [PoissonTable]
        var legalMaximum: [Double]
        var median: Double
        var sigma: Double
        var monthlyRate: Double
        var repayment: Repayment
        /// The term mix; its values are indices in `termMonths`.
        var terms: Mix
        /// The mix's terms in months, ascending, and their annuity denominators at `monthlyRate`:
        /// the same for every loan on the term, so computed once.
        var termMonths: [Int]
        var annuityDenominators: [Double]
        var classes: Mix
        var sectors: Mix
        var pdScale: Double
    }

    /// A mix of value indices, drawn from one uniform: the first value whose cumulative share
    /// exceeds the uniform scaled to the total, or the last value if none does.
    struct Mix: Sendable {
        /// The cumulative shares in value-index order, each raised to the largest before it so
        /// they ascend whatever the shares (for shares >= 0 they are the sums themselves), in
        /// groups of four; +infinity pads the last group.
        let bounds: [SIMD4<Double>]
        /// The values, one per share; `[0]` for an empty mix, which draws 0.
        let values: [Int]
        /// The sum of all shares (1 for an empty mix).
        let total: Double

        /// `cumulative`: (cumulative share, value) in value order.
        init(cumulative: [(Double, Int)]) {
            var largest = -Double.infinity
            var sums = cumulative.map { largest = max(largest, $0.0); return largest }
            while !sums.count.isMultiple(of: 4) { sums.append(.infinity) }
            bounds = stride(from: 0, to: sums.count, by: 4).map { SIMD4(sums[$0..<$0 + 4]) }
            values = cumulative.isEmpty ? [0] : cumulative.map(\.1)
            total = cumulative.last?.0 ?? 1
        }

        /// A scan stopping at the first bound above `u * total` mispredicts its exit, at a random
        /// index; this counts the bounds not above instead, four at a time, with no branch on the
        /// data. The bounds ascend, so the count is the first bound above's index, or at least
        /// the value count when none is (the last value then, as the scan falls back to). The
        /// first raised bound above the scaled uniform is the first sum above it, and the padding
        /// is above every finite scaled uniform.
        @inline(__always)
        func pick(_ u: Double) -> Int {
            let scaled = SIMD4(repeating: u * total)
            var notAbove = SIMD4<Int64>()
            for group in bounds { notAbove &+= SIMD4(repeating: 1).replacing(with: 0, where: scaled .< group) }
            return values[min(Int(notAbove.wrappedSum()), values.count - 1)]
        }
    }

    /// Highest slot index a product-year can hold (2^12 - 1 in the entity word).
    static let maximumLoansPerYear = 4095
    /// The largest expected count a scenario may ask for: a Poisson count with this mean
    /// exceeds `maximumLoansPerYear` with probability far below 1e-100, so no loan is ever cut.
    static let maximumExpectedLoans = 2000

    let products: [Product]
    let firstYear: Int
    let years: Int

    /// The entity word of slot k of a product-year; the top bit marks new business.
    @inline(__always)
    static func entity(product: Int, year: Int, slot: Int) -> UInt32 {
        0x8000_0000 | UInt32(product) << 20 | UInt32(year) << 12 | UInt32(slot)
    }

    init(scenario: Scenario, firstYear: Int, years: Int, classIndex: [String: Int], sectorIndex: [String: Int]) {
        self.firstYear = firstYear
        self.years = years
        let variant = scenario.variant
        func cumulative<K>(_ mix: [K: Double], _ index: (K) -> Int) -> Mix {
            var total = 0.0
            return Mix(cumulative: mix.map { (index($0.key), $0.value) }.sorted { $0.0 < $1.0 }.map { item in
                total += item.1
                return (total, item.0)
            })
        }
        products = scenario.newBusiness.map { p in
            let multiplier = variant.applicationsMultiplier[p.segment] ?? 1
            let extra = variant.extraApplications[p.segment] ?? 0
            let expectedLoans = (0..<years).map { y in
                max(0, p.applications(in: firstYear + y) * multiplier + extra) * p.approvalShare
            }
            let monthlyRate = p.annualRate / 12
            let termMonths = p.termMix.keys.sorted()
            return Product(
                kind: p.kind, segment: p.segment,
                expectedLoans: expectedLoans, loanCounts: expectedLoans.map { PoissonTable(mean: $0) },
                legalMaximum: (0..<years).map { y in p.legalMaximum * pow(1 + p.maximumIndexation, Double(y)) },
                median: p.amountMedian, sigma: p.amountSigma, monthlyRate: monthlyRate, repayment: p.repayment,
                terms: cumulative(p.termMix) { termMonths.firstIndex(of: $0) ?? 0 },
                termMonths: termMonths,
                annuityDenominators: termMonths.map { Schedule.annuityDenominator(monthlyRate: monthlyRate, months: $0) },
                classes: cumulative(p.riskClassMix) { classIndex[$0] ?? 0 },
                sectors: cumulative(p.sectorMix) { sectorIndex[$0] ?? 0 },
                pdScale: variant.newLoanPDMultiplier[p.segment] ?? 1)
        }
    }

    /// `Int64((euros * 100).rounded())` without libm's `round`, a call on baseline x86-64.
    /// Adding one half and truncating gives the same from 0.5 up to 2^52 cents; below 0.5 the
    /// sum can round up to 1 (at 0.5.nextDown) and from 2^52 up to the next even, so those
    /// amounts, which no scenario lends, keep `rounded()`.
    @inline(__always)
    static func cents(euros: Double) -> Int64 {
        let x = euros * 100
        return x >= 0.5 && x < 0x1p52 ? Int64(x + 0.5) : Int64(x.rounded())
    }

    /// Appends this path's new loans to `table` and books their lending in the sector ledger.
    /// `rows` is the worker's scratch for one product-year (`maximumLoansPerYear` rows).
    func draw(path: UInt32, philox: Philox4x32, into table: inout PositionTable,
              rows: UnsafeMutableBufferPointer<PositionTable.Row>,
              ledger: UnsafeMutablePointer<Int64>, sectorStride: Int) {
        let yearStride = FlowBucket.count * Flow.count
        for (index, product) in products.enumerated() {
            for year in 0..<years {
                let countWords = philox.block(path, UInt32(index), (Stream.newCount.rawValue << 24) | UInt32(year), 0)
                let count = min(Self.maximumLoansPerYear,
                                product.loanCounts[year].count(uniform: Uniform.open53(countWords.0, countWords.1)))
                let vintage = firstYear + year
                let bucket = FlowBucket.of(kind: product.kind, segment: product.segment, vintage: vintage)
                // The product-year's loans are appended at once, in one copy.
                for slot in 0..<count {
                    let entity = Self.entity(product: index, year: year, slot: slot)
                    let a = philox.block(path, entity, Stream.newLoan.rawValue << 24, 0)
                    let amount = min(product.legalMaximum[year],
                                     Distributions.lognormal(median: product.median, sigma: product.sigma,
                                                             uniform: Uniform.open53(a.0, a.1)))
                    let cents = Self.cents(euros: amount)
                    let month = min(11, Int(Uniform.open(a.2) * 12))
                    let lendMonth = year * 12 + month
                    let termIndex = product.terms.pick(Uniform.open(a.3))
                    let term = product.termMonths[termIndex]
                    let b = philox.block(path, entity, Stream.newLoan.rawValue << 24 | 1, 0)
                    let riskClass = product.classes.pick(Uniform.open(b.0))
                    let sector = product.sectors.pick(Uniform.open(b.1))
                    let flows = ledger + sector * sectorStride + year * yearStride + bucket.rawValue * Flow.count
                    flows[Flow.lent.rawValue] &+= cents
                    // Lent in December: live from January, but on the books at this year's end.
                    // month / 11 is 1 in December, else 0: no branch that mispredicts one loan in 12.
                    flows[Flow.closing.rawValue] &+= cents * Int64(month / 11)
                    let instalment = product.repayment != .annuity ? 0
                        : Schedule.annuityInstalment(balance: cents, monthlyRate: product.monthlyRate, months: term,
                                                     denominator: product.annuityDenominators[termIndex])
                    rows.initializeElement(at: slot, to: PositionTable.Row(
                        balance: cents, monthlyRate: product.monthlyRate, remainingMonths: term, instalment: instalment,
                        repayment: product.repayment, status: .performing, deferralUsed: 0, riskClass: riskClass,
                        sector: sector, kind: product.kind, bucket: bucket, pdScale: product.pdScale,
                        startMonth: lendMonth + 1, entity: entity))
                }
                table.append(contentsOf: UnsafeBufferPointer(rebasing: rows[0..<count]))
            }
        }
    }
}
