/// The calibration of the synthetic Nijmegen book as of 2014-01-01: the numbers the generator
/// draws from, each tied to the report (`seeds/000_930cb31e53e252e3.txt`, November 2013) or,
/// where the report is silent, to the Bbz rules. `docs/synthetic-book.md` explains the choices.
enum NijmegenProfile {
    /// The book's date.
    static let asOfYear = 2014

    /// Range of the total outstanding at scale 1, EUR: "ruim EUR 7 miljoen" (just over 7M).
    static let totalRange: ClosedRange<Double> = 7_050_000...7_150_000

    /// Legal maxima of bk in 2014 (EUR). No balance may exceed them, whatever its vintage:
    /// the maxima only rose over the years, and a balance never exceeds the amount lent.
    static let starterMaximum = 35_130.0
    static let establishedMaximum = 190_812.0

    /// The rate of bk (and BOB) loans: 5% when lent before 1 July 2009, 8% from then on.
    static func bkRate(vintage: Int, month: Int) -> Double {
        vintage < 2009 || (vintage == 2009 && month < 7) ? 0.05 : 0.08
    }

    /// Vintages of the book.
    static let vintages = Array(2004...2013)

    /// bk lasten per year, EUR (before noise). The report: just over 300k in 2012, "a good deal
    /// higher" in the years before; the crisis raised demand in 2009-2010.
    static let historyBK: [Int: Double] = [
        2004: 700_000, 2005: 760_000, 2006: 820_000, 2007: 900_000, 2008: 920_000,
        2009: 1_050_000, 2010: 980_000, 2011: 620_000, 2012: 310_000, 2013: 340_000,
    ]

    /// lo lasten per year, EUR (living allowance lent to established entrepreneurs). Rising with
    /// the applications of established entrepreneurs (87 in 2011, 121 in 2012, 140 in 8 months of
    /// 2013); in 2012 bk + lo + viability research of established entrepreneurs came to about
    /// EUR 1.18M (the report's 1.98M less 0.8M staff).
    static let historyLO: [Int: Double] = [
        2004: 400_000, 2005: 400_000, 2006: 380_000, 2007: 380_000, 2008: 420_000,
        2009: 560_000, 2010: 620_000, 2011: 650_000, 2012: 700_000, 2013: 760_000,
    ]

    /// Relative history noise: each year's lasten is drawn within +-4% of the table.
    static let historyNoise = 0.04

    /// Sectors of non-skippers with their shares; skippers are all `binnenvaart`.
    static let sectors: [(String, Double)] = [
        ("retail", 0.24), ("horeca", 0.16), ("construction", 0.20),
        ("business_services", 0.26), ("other", 0.14),
    ]
    static let skipperSector = "binnenvaart"

    /// Risk-class mix per segment: starters and skippers (the binnenvaart crisis from 2009)
    /// lean to the riskier classes.
    static func riskClasses(_ segment: Segment) -> [(String, Double)] {
        switch segment {
        case .starter: [("A", 0.10), ("B", 0.22), ("C", 0.33), ("D", 0.20), ("E", 0.15)]
        case .established: [("A", 0.18), ("B", 0.28), ("C", 0.28), ("D", 0.16), ("E", 0.10)]
        case .skipper: [("A", 0.10), ("B", 0.20), ("C", 0.30), ("D", 0.25), ("E", 0.15)]
        }
    }

    /// Status mix (by count) per risk class. Only about 60% of the book is expected back, so a
    /// large part is already deferred, in arrears or in recovery, the more so in riskier classes.
    static func statuses(_ riskClass: String) -> [(Status, Double)] {
        switch riskClass {
        case "A": [(.performing, 0.88), (.deferred, 0.05), (.arrears, 0.04), (.recovering, 0.03)]
        case "B": [(.performing, 0.78), (.deferred, 0.08), (.arrears, 0.08), (.recovering, 0.06)]
        case "C": [(.performing, 0.66), (.deferred, 0.10), (.arrears, 0.13), (.recovering, 0.11)]
        case "D": [(.performing, 0.50), (.deferred, 0.12), (.arrears, 0.19), (.recovering, 0.19)]
        default: [(.performing, 0.34), (.deferred, 0.10), (.arrears, 0.24), (.recovering, 0.32)]
        }
    }

    /// Share of non-deferred positions that used deferral earlier in their life.
    static func pastDeferralShare(_ status: Status) -> Double {
        status == .performing ? 0.15 : 0.30
    }

    /// What the generator needs to know about one kind of claim.
    struct KindProfile: Sendable {
        var kind: Kind
        /// Positions at scale 1.
        var count: Int
        /// Share of the total balance.
        var balanceShare: Double
        var segments: [(Segment, Double)]
        /// Lognormal amount lent, EUR: median per segment and log-sigma.
        var amountMedian: @Sendable (Segment) -> Double
        var amountSigma: Double
        var repayments: [(Repayment, Double)]
        /// Original term in months with its weight.
        var terms: [(Int, Double)]
        /// Relative amount lent per vintage year (drives the vintage mix).
        var lending: [Int: Double]
        /// Whether the claim bears the bk rate (otherwise interest-free).
        var bearsInterest: Bool
        /// The largest balance a position of this segment may have, EUR.
        var cap: @Sendable (Segment) -> Double
    }

    private static let bkTerms: [(Int, Double)] = [
        (36, 0.10), (48, 0.15), (60, 0.40), (72, 0.10), (84, 0.10), (96, 0.05), (120, 0.10),
    ]

    private static func legalMaximum(_ segment: Segment) -> Double {
        segment == .starter ? starterMaximum : establishedMaximum
    }

    /// bk loans: about 280 at an average of EUR 15-20k, starters somewhat more numerous.
    static let bk = KindProfile(
        kind: .bk, count: 250, balanceShare: 0.60,
        segments: [(.starter, 0.55), (.established, 0.45)],
        amountMedian: { $0 == .starter ? 17_000 : 30_000 }, amountSigma: 0.55,
        repayments: [(.annuity, 0.80), (.linear, 0.15), (.bullet, 0.05)],
        terms: bkTerms, lending: historyBK, bearsInterest: true, cap: { legalMaximum($0) }
    )

    /// lo claims: living allowance lent interest-free, mostly to established entrepreneurs
    /// (starters' reclaimed allowance is the rest), typically EUR 5-15k.
    static let lo = KindProfile(
        kind: .lo, count: 150, balanceShare: 0.20,
        segments: [(.established, 0.80), (.starter, 0.20)],
        amountMedian: { _ in 12_500 }, amountSigma: 0.35,
        repayments: [(.annuity, 0.85), (.linear, 0.15)],
        terms: [(36, 0.25), (48, 0.25), (60, 0.35), (120, 0.15)],
        lending: historyLO, bearsInterest: false, cap: { _ in establishedMaximum }
    )

    /// BOB claims on skippers: few and large (EUR 20-80k), lent mostly in the binnenvaart
    /// crisis from 2009; on bk terms, so the bk rate rule applies.
    static let bob = KindProfile(
        kind: .bob, count: 32, balanceShare: 0.18,
        segments: [(.skipper, 1)],
        amountMedian: { _ in 60_000 }, amountSigma: 0.35,
        repayments: [(.annuity, 0.70), (.linear, 0.20), (.bullet, 0.10)],
        terms: [(60, 0.25), (84, 0.25), (120, 0.50)],
        lending: [
            2004: 2, 2005: 2, 2006: 3, 2007: 3, 2008: 4, 2009: 8, 2010: 8, 2011: 6, 2012: 4, 2013: 3,
        ],
        bearsInterest: true, cap: { _ in establishedMaximum }
    )

    /// Other debtor-ledger claims (e.g. benefits reclaimed): small, interest-free, linear, short,
    /// so only recent ones are still open.
    static let other = KindProfile(
        kind: .other, count: 20, balanceShare: 0.02,
        segments: [(.starter, 0.5), (.established, 0.5)],
        amountMedian: { _ in 10_000 }, amountSigma: 0.5,
        repayments: [(.linear, 1)],
        terms: [(24, 0.3), (36, 0.4), (60, 0.3)],
        lending: [2009: 1, 2010: 1, 2011: 1, 2012: 1, 2013: 1],
        bearsInterest: false, cap: { _ in establishedMaximum }
    )

    /// All kinds in the order of the book (and of the ids).
    static let kinds = [bk, lo, bob, other]

    /// Share of a vintage's lending still on the book at `age` years: 95% after one year,
    /// 6.5 points less each year after, at least 30%. Balances are fitted vintage by vintage in
    /// proportion to lending times this share, so the book never holds more of a year than was lent.
    static func outstandingShare(age: Int) -> Double {
        max(0.30, 0.95 - 0.065 * Double(age - 1))
    }

    /// Weight of a vintage among positions still on the book in a given status.
    ///
    /// The base is the balance the vintage should hold (lending times `outstandingShare`) over
    /// the typical size at that age, so positions are about equally large across vintages. Performing and deferred positions lean
    /// young (older ones are mostly repaid); arrears and recovery build up with age. The tilts
    /// are mild and offset each other at the book's status mix (about 2:1), so the count per
    /// vintage stays close to the base and no vintage is left with a few oversized positions.
    static func vintageWeight(lending: Double, vintage: Int, status: Status) -> Double {
        let age = asOfYear - vintage
        // Older positions are more amortized, so a vintage's balance needs more of them.
        let base = lending * outstandingShare(age: age) * (1 + 0.15 * Double(age))
        switch status {
        case .performing, .deferred: return base * (1.2 - Double(age) / 25)
        default: return base * min(1.2, 0.6 + Double(age) / 15)
        }
    }
}
