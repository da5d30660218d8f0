/// One assumption of a `Variant` (a multiplier for one segment, the recovery shift, ...) with
/// its value in the starting variant A and in the target variant B.
public struct VariantAssumption: Sendable, Hashable {
    public enum Key: Sendable, Hashable {
        case applicationsMultiplier(Segment)
        case extraApplications(Segment)
        case newLoanPDMultiplier(Segment)
        case pdMultiplier
        case recoveryMeanShift
    }

    public var key: Key
    /// The value in A and in B (defaults filled in: multipliers 1, extras and shift 0).
    public var from: Double
    public var to: Double

    public init(key: Key, from: Double, to: Double) {
        self.key = key
        self.from = from
        self.to = to
    }

    /// The scenario key's dotted path: `applications_multiplier.established`, `recovery_mean_shift`.
    public var name: String {
        switch key {
        case .applicationsMultiplier(let s): "applications_multiplier.\(s.rawValue)"
        case .extraApplications(let s): "extra_applications.\(s.rawValue)"
        case .newLoanPDMultiplier(let s): "new_loan_pd_multiplier.\(s.rawValue)"
        case .pdMultiplier: "pd_multiplier"
        case .recoveryMeanShift: "recovery_mean_shift"
        }
    }

    /// `variant` with this assumption set to B's value, everything else untouched.
    public func applied(to variant: Variant) -> Variant {
        var v = variant
        switch key {
        case .applicationsMultiplier(let s): v.applicationsMultiplier[s] = to
        case .extraApplications(let s): v.extraApplications[s] = to
        case .newLoanPDMultiplier(let s): v.newLoanPDMultiplier[s] = to
        case .pdMultiplier: v.pdMultiplier = to
        case .recoveryMeanShift: v.recoveryMeanShift = to
        }
        return v
    }
}

/// What drives the difference between two variants: a one-at-a-time sensitivity (a tornado).
///
/// Starting from scenario A, each assumption of B's variant is moved alone to B's value; the
/// paired difference (moved minus A, same seed and paths) of the horizon `municipal_net_result`
/// is its effect. The one-at-a-time effects need not add up to the whole difference: the rest
/// is interaction (more loans times a higher PD) and Monte Carlo noise.
public enum VariantTornado {
    /// Every assumption either variant states, per segment where it has one, plus `pd_multiplier`
    /// and `recovery_mean_shift` always; in a fixed order (keys in the order above, segments in
    /// `Segment.allCases` order). An assumption with `from == to` is a zero change: it reruns A.
    public static func assumptions(from a: Variant, to b: Variant) -> [VariantAssumption] {
        var list: [VariantAssumption] = []
        func perSegment(_ x: [Segment: Double], _ y: [Segment: Double], default d: Double,
                        _ key: (Segment) -> VariantAssumption.Key) {
            for s in Segment.allCases where x[s] != nil || y[s] != nil {
                list.append(VariantAssumption(key: key(s), from: x[s] ?? d, to: y[s] ?? d))
            }
        }
        perSegment(a.applicationsMultiplier, b.applicationsMultiplier, default: 1) { .applicationsMultiplier($0) }
        perSegment(a.extraApplications, b.extraApplications, default: 0) { .extraApplications($0) }
        perSegment(a.newLoanPDMultiplier, b.newLoanPDMultiplier, default: 1) { .newLoanPDMultiplier($0) }
        list.append(VariantAssumption(key: .pdMultiplier, from: a.pdMultiplier, to: b.pdMultiplier))
        list.append(VariantAssumption(key: .recoveryMeanShift, from: a.recoveryMeanShift, to: b.recoveryMeanShift))
        return list
    }

    public struct Entry: Sendable, Equatable {
        public var assumption: VariantAssumption
        /// Moved minus A, horizon `municipal_net_result` (positive: the move saves the municipality money).
        public var difference: PairedDifference
    }

    /// The tornado, largest |mean difference| first (ties by name).
    ///
    /// - Parameters:
    ///   - base: the simulation of scenario A.
    ///   - target: B's variant.
    ///   - paths: the paths to run (the same for A and every move).
    ///   - baseline: A's horizon `municipal_net_result` on `paths`, if already simulated;
    ///     otherwise A is run here.
    /// - Complexity: one simulation of `paths` per assumption (a zero change included).
    public static func run(base: Simulation, target: Variant, paths: Range<Int>, threads: Int,
                           baseline: [Double]? = nil) throws -> [Entry] {
        let years = base.years
        func horizonNet(_ simulation: Simulation) -> [Double] {
            simulation.run(paths: paths, threads: threads, settleBudget: false)
                .results.column(year: years, metric: .municipalNetResult)
        }
        let a = baseline ?? horizonNet(base)
        precondition(a.count == paths.count, "baseline must cover the tornado's paths")
        var entries: [Entry] = []
        for assumption in assumptions(from: base.scenario.variant, to: target) {
            var scenario = base.scenario
            scenario.variant = assumption.applied(to: scenario.variant)
            let moved = assumption.from == assumption.to ? a : horizonNet(try Simulation(scenario: scenario, book: base.book))
            entries.append(Entry(assumption: assumption, difference: PairedDifference(a: a, b: moved)))
        }
        return sorted(entries)
    }

    /// Largest |mean difference| first; ties (zero changes) by name, so the order is fixed.
    public static func sorted(_ entries: [Entry]) -> [Entry] {
        entries.sorted {
            let x = abs($0.difference.meanDifference), y = abs($1.difference.meanDifference)
            return x != y ? x > y : $0.assumption.name < $1.assumption.name
        }
    }
}
