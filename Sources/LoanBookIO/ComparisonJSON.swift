import LoanBook

/// comparison.json (CLI.md, `compare`): the paired difference B - A of every figure, keys in a
/// fixed order so that the same runs give the same bytes.
///
/// ```
/// {"a": {"name", "file", "directory"}, "b": {...}, "paths": N, "seed": S,
///  "pairing": {"common_random_numbers": true, "warnings": [...]},
///  "headline": {"metric": "municipal_net_result", "year": "all", ...the fields below},
///  "provision": {"amount", "budget_of_b": "a" | "own",
///      "exceedance_probability": {"<year>": {"p_a", "p_b", "mean_difference", "se", "ci95"}},
///      "exceedance_any_year": {...the same}, "collected_share_current_book": {"mean_a", "mean_b", ...}},
///  "metrics": {"<metric>": {"<year>" | "all": {
///      "mean_a", "mean_b", "mean_difference", "se", "ci95": {"lower", "upper"},
///      "se_independent", "variance_reduction",
///      "p_b_greater": {"p", "se"}, "p_equal": {"p", "se"},
///      "p_b_costs_less": {"p", "se", "lower", "upper"} (municipal_net_result only)}}},
///  "tornado": {...}}
/// ```
/// `p_b_greater` of `municipal_net_result` is the probability that B costs the municipality
/// less; it is repeated as `p_b_costs_less` there and in the headline, with its exact
/// (Clopper-Pearson) 95% interval. A variance reduction that is infinite (a difference of zero
/// on every path) is `null`. `provision` pairs the risicomelding: B's cost above budget is
/// measured against A's budget (`budget_of_b: "a"`) unless B's scenario sets its own, so
/// `p_b - p_a` is how much more (or less) often B would exceed the provision A was budgeted with.
public enum ComparisonJSON {
    public struct Side: Sendable {
        public var name: String
        public var file: String
        public var directory: String
        public init(name: String, file: String, directory: String) {
            self.name = name
            self.file = file
            self.directory = directory
        }
    }

    /// The paired risicomelding and whose budget B's cost above budget was measured against.
    public struct Provision: Sendable {
        public var paired: PairedProvision
        public var budgetOfB: String
        public init(paired: PairedProvision, budgetOfB: String) {
            self.paired = paired
            self.budgetOfB = budgetOfB
        }
    }

    /// The tornado section as computed by the runner.
    public struct Tornado: Sendable {
        public var paths: Int
        public var entries: [VariantTornado.Entry]
        /// B - A on the same paths, all assumptions (and anything else that differs) together.
        public var together: PairedDifference
        public init(paths: Int, entries: [VariantTornado.Entry], together: PairedDifference) {
            self.paths = paths
            self.entries = entries
            self.together = together
        }
    }

    public static func value(a: Side, b: Side, seed: UInt64, comparison: PairedComparison,
                             meansA: ProjectionStatistics, meansB: ProjectionStatistics, provision: Provision? = nil,
                             warnings: [String], tornado: Tornado?) -> JSONValue {
        func side(_ s: Side) -> JSONValue {
            .object([("name", .string(s.name)), ("file", .string(s.file)), ("directory", .string(s.directory))])
        }
        func figures(_ year: Int, _ metric: Metric) -> [(String, JSONValue)] {
            let d = comparison[year, metric]
            var members: [(String, JSONValue)] = [
                ("mean_a", .number(meansA[year, metric].mean)),
                ("mean_b", .number(meansB[year, metric].mean)),
            ]
            members += difference(d)
            members += [
                ("se_independent", .number(d.seIndependent)),
                ("variance_reduction", .number(d.varianceReduction)),
                ("p_b_greater", d.bGreater.json(interval: false)),
                ("p_equal", d.equal.json(interval: false)),
            ]
            if metric == .municipalNetResult { members.append(("p_b_costs_less", d.bGreater.json(interval: true))) }
            return members
        }
        var metrics: [(String, JSONValue)] = []
        for metric in Metric.allCases {
            metrics.append((metric.rawValue, .object((0...comparison.years).map { year in
                (comparison.yearLabel(year), .object(figures(year, metric)))
            })))
        }
        var top: [(String, JSONValue)] = [
            ("a", side(a)),
            ("b", side(b)),
            ("paths", .int(Int64(comparison.paths))),
            ("seed", .unsigned(seed)),
            ("pairing", .object([
                ("common_random_numbers", .bool(true)),
                ("warnings", .array(warnings.map { .string($0) })),
            ])),
            ("headline", .object([("metric", .string(Metric.municipalNetResult.rawValue)), ("year", .string("all"))]
                + figures(comparison.years, .municipalNetResult))),
            ("metrics", .object(metrics)),
        ]
        if let provision { top.insert(("provision", value(provision, firstYear: comparison.firstYear)), at: 6) }
        if let tornado { top.append(("tornado", value(tornado))) }
        return .object(top)
    }

    public static func render(a: Side, b: Side, seed: UInt64, comparison: PairedComparison,
                              meansA: ProjectionStatistics, meansB: ProjectionStatistics, provision: Provision? = nil,
                              warnings: [String], tornado: Tornado?) -> String {
        value(a: a, b: b, seed: seed, comparison: comparison, meansA: meansA, meansB: meansB, provision: provision,
              warnings: warnings, tornado: tornado).serialized()
    }

    static func value(_ provision: Provision, firstYear: Int) -> JSONValue {
        let paired = provision.paired
        func figure(_ f: PairedProvision.Figure, _ names: (a: String, b: String)) -> JSONValue {
            .object([(names.a, .number(f.a)), (names.b, .number(f.b))] + difference(f.difference))
        }
        return .object([
            ("amount", SummaryJSON.amount(paired.amount)),
            ("budget_of_b", .string(provision.budgetOfB)),
            ("exceedance_probability", .object(paired.byYear.enumerated().map { year, f in
                (String(firstYear + year), figure(f, ("p_a", "p_b")))
            })),
            ("exceedance_any_year", figure(paired.anyYear, ("p_a", "p_b"))),
            ("collected_share_current_book", figure(paired.collectedShare, ("mean_a", "mean_b"))),
        ])
    }

    static func value(_ tornado: Tornado) -> JSONValue {
        let sum = tornado.entries.reduce(0) { $0 + $1.difference.meanDifference }
        return .object([
            ("metric", .string(Metric.municipalNetResult.rawValue)),
            ("year", .string("all")),
            ("paths", .int(Int64(tornado.paths))),
            ("note", .string("one assumption of B's variant at a time, from A, on the first \(tornado.paths) paths "
                + "(fewer than the comparison's when it has more, to save time); positive: the move saves "
                + "the municipality money; largest effect first")),
            ("entries", .array(tornado.entries.map { entry in
                .object([
                    ("assumption", .string(entry.assumption.name)),
                    ("from", .number(entry.assumption.from)),
                    ("to", .number(entry.assumption.to)),
                ] + difference(entry.difference))
            })),
            ("together", .object(difference(tornado.together))),
            ("sum_of_entries", .number(sum)),
            ("interaction_and_rest", .number(tornado.together.meanDifference - sum)),
        ])
    }

    static func difference(_ d: PairedDifference) -> [(String, JSONValue)] {
        [
            ("mean_difference", .number(d.meanDifference)),
            ("se", .number(d.se)),
            ("ci95", .object([("lower", .number(d.lower95)), ("upper", .number(d.upper95))])),
        ]
    }
}
