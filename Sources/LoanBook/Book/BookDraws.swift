/// The uniforms behind the synthetic book, each a pure function of (seed, domain, entity, attribute).
///
/// Keying every draw by what it is for, rather than taking numbers off a sequence, means a
/// position's attributes depend only on the seed and its index within its kind: adding a
/// draw for one attribute, or generating at another scale, does not shift the others.
///
/// Counter layout: (domain, entity, attribute, tag). `domain` is 0 for book-level draws
/// (the target total, the history) and 1 + `Kind.index` for positions; `entity` is a
/// position's index within its kind or a calendar year. The constant tag keeps these
/// counters apart from the engine's (path, entity, stream|step, extra) layout.
struct BookDraws {
    /// What a draw decides.
    enum Attribute: UInt32 {
        case totalTarget = 1
        case historyBK, historyLO
        case segment, sector, riskClass, status, vintage, month, term, repayment
        case amount, paidShare, collectedShare, deferralMonths, pastDeferral, pastDeferralMonths
    }

    static let bookDomain: UInt32 = 0
    private static let tag: UInt32 = 0xB00C_2014

    let philox: Philox4x32

    init(seed: UInt64) { philox = Philox4x32(seed: seed) }

    /// A uniform strictly inside (0, 1) with 53 bits.
    func uniform(domain: UInt32, entity: Int, _ attribute: Attribute) -> Double {
        let w = philox.block(domain, UInt32(truncatingIfNeeded: entity), attribute.rawValue, Self.tag)
        return Uniform.open53(w.0, w.1)
    }

    /// The domain of the positions of one kind.
    static func domain(of kind: Kind) -> UInt32 { UInt32(kind.index + 1) }
}

/// Picks from a discrete distribution by inversion of one uniform.
///
/// Weights need not sum to one. Inversion keeps the pick monotone in the uniform, and the
/// last item absorbs rounding so the result is never out of range.
func pick<T>(_ items: [(T, Double)], _ u: Double) -> T {
    precondition(!items.isEmpty, "pick needs at least one item")
    let total = items.reduce(0) { $0 + $1.1 }
    var cumulative = 0.0
    for item in items {
        cumulative += item.1 / total
        if u < cumulative { return item.0 }
    }
    return items[items.count - 1].0
}
