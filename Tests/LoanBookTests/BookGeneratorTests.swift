import Testing
@testable import LoanBook

@Suite struct BookGeneratorTests {
    static let shipped = BookGenerator().generate()
    static let scaled = BookGenerator(scale: 10).generate()

    static func balanceShare(_ book: Book, _ include: (Position) -> Bool) -> Double {
        Double(book.positions.filter(include).reduce(0) { $0 + $1.balanceCents }) / Double(book.totalBalanceCents)
    }

    @Test func sameSeedGivesSameBook() {
        #expect(BookGenerator(seed: 7).generate() == BookGenerator(seed: 7).generate())
        #expect(BookGenerator().generate() == Self.shipped)
    }

    @Test func differentSeedGivesDifferentBook() {
        let other = BookGenerator(seed: 7).generate()
        #expect(other.positions != Self.shipped.positions)
        #expect(other.totalBalanceCents != Self.shipped.totalBalanceCents)
    }

    @Test(arguments: [BookGenerator.shippedSeed, 1, 2, 3, 42])
    func totalIsJustOverSevenMillion(seed: UInt64) {
        let total = BookGenerator(seed: seed).generate().totalBalanceCents
        #expect(total >= 700_000_000 && total <= 720_000_000)
    }

    @Test func positionCountAndIds() {
        let book = Self.shipped
        #expect(book.positions.count >= 300 && book.positions.count <= 700)
        #expect(book.positions.first?.id == "BZ-000001")
        #expect(Set(book.positions.map(\.id)).count == book.positions.count)
        #expect(book.asOfYear == 2014 && book.asOfMonth == 1)
    }

    @Test func bkAverageBalanceIsFifteenToTwentyThousand() {
        let bk = Self.shipped.positions.filter { $0.kind == .bk }
        let average = Double(bk.reduce(0) { $0 + $1.balanceCents }) / Double(bk.count) / 100
        #expect(average >= 15_000 && average <= 20_000)
    }

    @Test func kindsHavePlausibleSizes() {
        let book = Self.shipped
        let lo = book.positions.filter { $0.kind == .lo }
        let bob = book.positions.filter { $0.kind == .bob }
        let loAverage = Double(book.balanceCents(of: .lo)) / Double(lo.count) / 100
        let bobAverage = Double(book.balanceCents(of: .bob)) / Double(bob.count) / 100
        #expect(loAverage >= 5_000 && loAverage <= 15_000)
        #expect(bob.count >= 20 && bob.count <= 40)
        #expect(bobAverage >= 20_000 && bobAverage <= 80_000)
        #expect(bob.allSatisfy { $0.segment == .skipper && $0.sector == "binnenvaart" })
        #expect(lo.allSatisfy { $0.annualRate == 0 })
    }

    @Test(arguments: [BookGenerator.shippedSeed, 1, 2, 3, 42])
    func noBalanceAboveTheLegalMaxima(seed: UInt64) {
        for p in BookGenerator(seed: seed).generate().positions {
            #expect(p.balanceCents > 0)
            if p.kind == .bk {
                #expect(p.balanceCents <= (p.segment == .starter ? 3_513_000 : 19_081_200), "\(p.id)")
            }
        }
    }

    @Test func ratesFollowTheVintage() {
        for p in Self.shipped.positions {
            switch (p.kind, p.vintage) {
            case (.lo, _), (.other, _): #expect(p.annualRate == 0)
            case (_, ..<2009): #expect(p.annualRate == 0.05, "\(p.id)")
            case (_, 2009): #expect(p.annualRate == 0.05 || p.annualRate == 0.08, "\(p.id)")
            default: #expect(p.annualRate == 0.08, "\(p.id)")
            }
        }
        let split2009 = Set(Self.shipped.positions.filter { $0.kind == .bk && $0.vintage == 2009 }.map(\.annualRate))
        #expect(split2009 == [0.05, 0.08])
    }

    @Test func termsAndDeferralsAreConsistent() {
        for p in Self.shipped.positions {
            #expect((2004...2013).contains(p.vintage))
            #expect(p.remainingMonths >= 1 && p.remainingMonths <= 120 + maximumDeferralMonths)
            #expect((0...maximumDeferralMonths).contains(p.deferralUsedMonths))
            if p.status == .deferred { #expect(p.deferralUsedMonths > 0) }
            if p.kind == .bk, p.status == .performing {
                // Months since lending plus months left cannot exceed the longest term plus deferral.
                let elapsedAtLeast = (2014 - p.vintage - 1) * 12 + 1
                #expect(elapsedAtLeast + p.remainingMonths <= 120 + p.deferralUsedMonths, "\(p.id)")
            }
        }
    }

    @Test func sectorsAndRiskClasses() {
        let sectors = Set(Self.shipped.positions.map(\.sector))
        #expect(sectors.count >= 5)
        #expect(sectors == ["retail", "horeca", "construction", "business_services", "binnenvaart", "other"])
        #expect(Set(Self.shipped.positions.map(\.riskClass)) == ["A", "B", "C", "D", "E"])
    }

    @Test func statusMixIsNonTrivial() {
        let book = Self.shipped
        let performing = Self.balanceShare(book) { $0.status == .performing }
        #expect(performing >= 0.40 && performing <= 0.70)
        for status in [Status.deferred, .arrears, .recovering] {
            let share = Self.balanceShare(book) { $0.status == status }
            #expect(share >= 0.05 && share <= 0.35, "\(status)")
        }
        // Riskier classes are more often in arrears or recovery.
        func troubled(_ riskClass: String) -> Double {
            let members = book.positions.filter { $0.riskClass == riskClass }
            return Double(members.count { $0.status == .arrears || $0.status == .recovering }) / Double(members.count)
        }
        #expect(troubled("A") < troubled("C") && troubled("C") < troubled("E"))
    }

    @Test func historyFallsToAboutThreeHundredThousandIn2012() throws {
        let history = Self.shipped.history
        #expect(history.years == 2004...2013)
        let bk2012 = try #require(history.bk[2012])
        #expect(bk2012 >= 28_000_000 && bk2012 <= 34_000_000)
        for year in 2007...2011 { #expect(history.bk[year]! > bk2012, "\(year)") }
        for year in 2004...2013 { #expect(history.lo[year]! > 0) }
    }

    @Test func noVintageHoldsMoreThanWasLent() {
        for book in [Self.shipped, Self.scaled] {
            for year in 2004...2013 {
                let held = book.positions.filter { $0.kind == .bk && $0.vintage == year }.reduce(0) { $0 + $1.balanceCents }
                #expect(held <= book.history.bk[year]!, "bk \(year)")
                let heldLO = book.positions.filter { $0.kind == .lo && $0.vintage == year }.reduce(0) { $0 + $1.balanceCents }
                #expect(heldLO <= book.history.lo[year]!, "lo \(year)")
            }
        }
    }

    @Test func scaleTenGivesTenTimesTheBook() {
        let one = Self.shipped, ten = Self.scaled
        #expect(ten.positions.count == 10 * one.positions.count)
        #expect(ten.positions.last?.id == "BZ-00" + String(ten.positions.count))
        // Each book's total is drawn in the profile's range per unit of scale, so the ratio can
        // only lie between the range's ends divided crosswise.
        let ratio = Double(ten.totalBalanceCents) / Double(one.totalBalanceCents)
        let range = NijmegenProfile.totalRange
        #expect(ratio >= 10 * range.lowerBound / range.upperBound && ratio <= 10 * range.upperBound / range.lowerBound)
        for kind in Kind.allCases {
            #expect(ten.positions.count { $0.kind == kind } == 10 * one.positions.count { $0.kind == kind })
            // A kind's balance is its fixed share of the total, rounded to the cent in each book.
            let a = Self.balanceShare(one) { $0.kind == kind }, b = Self.balanceShare(ten) { $0.kind == kind }
            #expect(abs(a - b) <= 1 / Double(one.totalBalanceCents), "\(kind)")
        }
        // Statuses are drawn per position: the balance-weighted share has the sampling se
        // sqrt(p (1 - p) sum b^2) / sum b, for each book; the difference must be within 4 se.
        func se(_ book: Book, _ p: Double) -> Double {
            let total = Double(book.totalBalanceCents)
            let squares = book.positions.reduce(0.0) { $0 + Double($1.balanceCents) * Double($1.balanceCents) }
            return (p * (1 - p) * squares).squareRoot() / total
        }
        for status in Status.inBook {
            let a = Self.balanceShare(one) { $0.status == status }, b = Self.balanceShare(ten) { $0.status == status }
            let tolerance = 4 * (se(one, a) * se(one, a) + se(ten, b) * se(ten, b)).squareRoot()
            #expect(abs(a - b) <= tolerance, "\(status): \(a) vs \(b), 4 se = \(tolerance)")
        }
        let h1 = one.history.bk[2012]!, h10 = ten.history.bk[2012]!
        #expect(h10 == 10 * h1 || abs(Double(h10) / Double(h1) - 10) < 1e-6)
    }

    @Test func fittingHitsTheTargetExactlyWithinCaps() {
        let cents = BalanceFitting.fit(raw: [1, 2, 3, 100], caps: [50, 50, 50, 60], targetCents: 15_000)
        #expect(cents.reduce(0, +) == 15_000)
        #expect(cents[3] == 6_000)
        #expect(zip(cents, [50.0, 50, 50, 60]).allSatisfy { Double($0) <= $1 * 100 })
        #expect(BalanceFitting.split(1_001, weights: [1, 1, 1]) == [334, 333, 334])
    }
}
