import Foundation

/// Makes the synthetic debtor book of a municipality like Nijmegen as of 2014-01-01.
///
/// No real debtor data exists in the project, so the book is drawn from the calibration in
/// `NijmegenProfile`, matching the report's aggregates: a total just over EUR 7M made of bk
/// loans, lo claims and BOB claims on skippers, a large non-performing part (only about 60%
/// is expected back), and a lending history whose bk lasten fall to about EUR 310k in 2012.
///
/// Every draw is keyed by (seed, kind, position index, attribute) through `Philox4x32`, so the
/// same seed gives the same book, and position i of a kind is drawn the same way at every
/// scale. Balances are drawn as relative sizes and fitted to the total (`BalanceFitting`),
/// so the total is hit by construction, to the cent.
///
/// Complexity: O(n) in the number of positions (about 450 x scale).
public struct BookGenerator: Sendable {
    /// The seed of the shipped book `scenarios/books/nijmegen-2014.csv`.
    public static let shippedSeed: UInt64 = 20140101

    /// Multiplier on the number of positions, the total and the history (must be > 0).
    public var scale: Double
    public var seed: UInt64

    public init(scale: Double = 1, seed: UInt64 = BookGenerator.shippedSeed) {
        precondition(scale > 0 && scale.isFinite, "scale must be a positive number")
        self.scale = scale
        self.seed = seed
    }

    public func generate() -> Book {
        let draws = BookDraws(seed: seed)
        let totalCents = targetTotalCents(draws)
        var positions: [Position] = []
        var allocatedCents: Int64 = 0
        for (k, profile) in NijmegenProfile.kinds.enumerated() {
            let count = max(1, Int((Double(profile.count) * scale).rounded()))
            let drafts = (0..<count).map { draft(profile, index: $0, draws: draws) }
            // The last kind takes what is left, so the kinds add up to the total exactly.
            let isLast = k == NijmegenProfile.kinds.count - 1
            let kindCents = isLast ? totalCents - allocatedCents
                : Int64((Double(totalCents) * profile.balanceShare).rounded())
            allocatedCents += kindCents
            let cents = fitBalances(drafts, lending: profile.lending, targetCents: kindCents)
            for (draft, balance) in zip(drafts, cents) {
                var position = draft.position
                position.id = Self.id(positions.count + 1)
                position.balanceCents = balance
                positions.append(position)
            }
        }
        return Book(asOfYear: NijmegenProfile.asOfYear, asOfMonth: 1, positions: positions,
                    history: history(draws))
    }

    /// Fits the drafts' balances to the kind's total, vintage by vintage.
    ///
    /// Each vintage present gets a share of the total in proportion to what was lent that year
    /// times the share still outstanding at its age (`NijmegenProfile.outstandingShare`), so
    /// no vintage holds more than was lent in it and the book agrees with the history. Cents a
    /// vintage cannot take (all its positions at their caps) go to the kind's other positions.
    private func fitBalances(_ drafts: [Draft], lending: [Int: Double], targetCents: Int64) -> [Int64] {
        let vintages = Array(Set(drafts.map(\.position.vintage))).sorted()
        let weights = vintages.map {
            (lending[$0] ?? 0) * NijmegenProfile.outstandingShare(age: NijmegenProfile.asOfYear - $0)
        }
        let targets = weights.reduce(0, +) > 0
            ? BalanceFitting.split(targetCents, weights: weights)
            : BalanceFitting.split(targetCents, weights: vintages.map { _ in 1 })
        var cents = [Int64](repeating: 0, count: drafts.count)
        for (vintage, target) in zip(vintages, targets) {
            let members = drafts.indices.filter { drafts[$0].position.vintage == vintage }
            let fitted = BalanceFitting.fit(raw: members.map { drafts[$0].raw },
                                            caps: members.map { drafts[$0].cap }, targetCents: target)
            for (i, c) in zip(members, fitted) { cents[i] = c }
        }
        let capCents = drafts.map { Int64(($0.cap * 100).rounded(.down)) }
        BalanceFitting.distribute(targetCents - cents.reduce(0, +), over: &cents, caps: capCents)
        return cents
    }

    /// `BZ-000001`: six digits at least, more beyond a million positions.
    static func id(_ number: Int) -> String {
        let digits = String(number)
        return "BZ-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The total drawn uniformly in `NijmegenProfile.totalRange`, times the scale, in cents.
    private func targetTotalCents(_ draws: BookDraws) -> Int64 {
        let u = draws.uniform(domain: BookDraws.bookDomain, entity: 0, .totalTarget)
        let range = NijmegenProfile.totalRange
        let euros = range.lowerBound + u * (range.upperBound - range.lowerBound)
        return Int64((euros * scale * 100).rounded())
    }

    /// bk and lo lasten per year: the profile's table within +-4% noise, times the scale.
    private func history(_ draws: BookDraws) -> LendingHistory {
        func noisy(_ table: [Int: Double], _ attribute: BookDraws.Attribute) -> [Int: Int64] {
            var out: [Int: Int64] = [:]
            for (year, euros) in table {
                let u = draws.uniform(domain: BookDraws.bookDomain, entity: year, attribute)
                let factor = 1 + NijmegenProfile.historyNoise * (2 * u - 1)
                out[year] = Int64((euros * factor * scale * 100).rounded())
            }
            return out
        }
        return LendingHistory(bk: noisy(NijmegenProfile.historyBK, .historyBK),
                              lo: noisy(NijmegenProfile.historyLO, .historyLO))
    }

    /// A position before its balance is fitted: its attributes, its relative size and its cap
    /// (the amount lent).
    private struct Draft {
        var position: Position
        var raw: Double
        var cap: Double
    }

    private func draft(_ profile: NijmegenProfile.KindProfile, index: Int, draws: BookDraws) -> Draft {
        let domain = BookDraws.domain(of: profile.kind)
        func u(_ attribute: BookDraws.Attribute) -> Double {
            draws.uniform(domain: domain, entity: index, attribute)
        }
        let segment = pick(profile.segments, u(.segment))
        let sector = segment == .skipper ? NijmegenProfile.skipperSector : pick(NijmegenProfile.sectors, u(.sector))
        let riskClass = pick(NijmegenProfile.riskClasses(segment), u(.riskClass))
        let status = pick(NijmegenProfile.statuses(riskClass), u(.status))
        let vintages = NijmegenProfile.vintages.map {
            ($0, NijmegenProfile.vintageWeight(lending: profile.lending[$0] ?? 0, vintage: $0, status: status))
        }
        let vintage = pick(vintages, u(.vintage))
        let month = 1 + min(11, Int(u(.month) * 12))
        // Months of schedule run from the month lent up to the book's date.
        let elapsed = (NijmegenProfile.asOfYear - vintage) * 12 - (month - 1)

        var deferral = 0
        if status == .deferred {
            deferral = 1 + min(maximumDeferralMonths - 1, Int(u(.deferralMonths) * Double(maximumDeferralMonths)))
        } else if u(.pastDeferral) < NijmegenProfile.pastDeferralShare(status) {
            deferral = 1 + min(23, Int(u(.pastDeferralMonths) * 24))
        }
        deferral = min(deferral, elapsed)

        // A loan still performing (or deferred) cannot have run past its term: take the
        // shortest term of the kind that leaves at least one month, else the longest.
        var term = pick(profile.terms, u(.term))
        if status == .performing || status == .deferred, term + deferral - elapsed < 1 {
            let needed = elapsed - deferral + 1
            term = profile.terms.map(\.0).filter { $0 >= needed }.min() ?? profile.terms.map(\.0).max()!
        }
        let remaining = max(1, term + deferral - elapsed)

        let repayment = pick(profile.repayments, u(.repayment))
        let rate = profile.bearsInterest ? NijmegenProfile.bkRate(vintage: vintage, month: month) : 0
        let cap = profile.cap(segment)
        let amount = min(cap, Distributions.lognormal(
            median: profile.amountMedian(segment), sigma: profile.amountSigma, uniform: u(.amount)))

        // Instalments paid so far: all due ones when performing or deferred; only part of them
        // before trouble started in arrears or recovery (where something was also collected).
        var paid = min(term, max(0, elapsed - deferral))
        switch status {
        case .arrears: paid = Int(Double(paid) * (0.2 + 0.6 * u(.paidShare)))
        case .recovering: paid = Int(Double(paid) * 0.6 * u(.paidShare))
        default: break
        }
        var fraction = Self.outstandingFraction(repayment, annualRate: rate, term: term, paid: paid)
        if status == .recovering { fraction *= 1 - 0.3 * u(.collectedShare) }
        let raw = max(50, amount * fraction)

        let position = Position(
            id: "", kind: profile.kind, segment: segment, sector: sector, vintage: vintage,
            balanceCents: 0, annualRate: rate, remainingMonths: remaining, repayment: repayment,
            status: status, riskClass: riskClass, deferralUsedMonths: deferral)
        // A balance never exceeds the amount lent (nor, through it, the legal maximum).
        return Draft(position: position, raw: min(raw, amount), cap: amount)
    }

    /// Share of the amount lent still outstanding after `paid` of `term` instalments.
    ///
    /// Annuity: (1 - (1+r)^-(n-k)) / (1 - (1+r)^-n), which is (n-k)/n at r = 0; linear:
    /// (n-k)/n; bullet: 1 (interest only until the end).
    static func outstandingFraction(_ repayment: Repayment, annualRate: Double, term n: Int, paid k: Int) -> Double {
        guard n > 0 else { return 1 }
        let left = Double(max(0, n - k))
        switch repayment {
        case .bullet:
            return 1
        case .linear:
            return left / Double(n)
        case .annuity:
            let r = annualRate / 12
            if r == 0 { return left / Double(n) }
            return (1 - pow(1 + r, -left)) / (1 - pow(1 + r, -Double(n)))
        }
    }
}
