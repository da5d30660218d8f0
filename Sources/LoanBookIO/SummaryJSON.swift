import LoanBook

/// summary.json (CLI.md): the *risicomelding* figures and the collected share, keys in a fixed
/// order. Later sections (contributions, settlement) go in `extra`, after the fixed ones.
///
/// ```
/// {"provision": {"amount", "exceedance_probability": {"<year>": {"p", "se", "lower", "upper"}, ...},
///                "exceedance_any_year": {"p", "se", "lower", "upper"},
///                "exceedance_horizon": {"p", "se", "lower", "upper", "threshold"},
///                (lower, upper: the exact (Clopper-Pearson) 95% interval of p; the map by year
///                holds years only, as CLI.md fixes it, so a script may read every key as one)
///                "required": {"p90", "p95", "p99"}           (first year)
///                "required_ci95": {"p90": {"lower", "upper"}, ...}   (first year)
///                "required_by_year": {"<year>" | "all": {"p90": {"amount", "lower", "upper"}, ...}}},
///  "collected_share_current_book": {"mean", "se", "p5", "p50", "p95"},
///  "paths": N, "seed": S, ...extra}
/// ```
public enum SummaryJSON {
    public static func value(provision: ProvisionAnalysis, collectedShare: CollectedShareSummary,
                             seed: UInt64, extra: [(String, JSONValue)] = []) -> JSONValue {
        let exceedance: [(String, JSONValue)] = provision.exceedanceByYear.enumerated().map { i, e in
            (String(provision.firstYear + i), e.json(interval: true))
        }
        var horizon = provision.exceedanceHorizon.json(interval: true)
        if case var .object(members) = horizon {
            members.append(("threshold", amount(provision.amount * Double(provision.exceedanceByYear.count))))
            horizon = .object(members)
        }

        let first = provision.requiredFirstYear
        var byYear: [(String, JSONValue)] = provision.requiredByYear.enumerated().map { i, levels in
            (String(provision.firstYear + i), requiredWithIntervals(levels))
        }
        byYear.append(("all", requiredWithIntervals(provision.requiredHorizon)))

        let provisionSection: JSONValue = .object([
            ("amount", amount(provision.amount)),
            ("exceedance_probability", .object(exceedance)),
            ("exceedance_any_year", provision.exceedanceAnyYear.json(interval: true)),
            ("exceedance_horizon", horizon),
            ("required", .object(first.map { (levelKey($0.level), .number($0.amount)) })),
            ("required_ci95", .object(first.map {
                (levelKey($0.level), .object([("lower", .number($0.lower)), ("upper", .number($0.upper))]))
            })),
            ("required_by_year", .object(byYear)),
        ])
        let share: JSONValue = .object([
            ("mean", .number(collectedShare.mean)),
            ("se", .number(collectedShare.se)),
            ("p5", .number(collectedShare.p5)),
            ("p50", .number(collectedShare.p50)),
            ("p95", .number(collectedShare.p95)),
        ])
        return .object([
            ("provision", provisionSection),
            ("collected_share_current_book", share),
            ("paths", .int(Int64(provision.paths))),
            ("seed", .unsigned(seed)),
        ] + extra)
    }

    /// The file's text: `value(...)` serialized.
    public static func render(provision: ProvisionAnalysis, collectedShare: CollectedShareSummary,
                              seed: UInt64, extra: [(String, JSONValue)] = []) -> String {
        value(provision: provision, collectedShare: collectedShare, seed: seed, extra: extra).serialized()
    }

    /// "p90", "p95", "p99", "p99_5": the same names as projection.csv's columns.
    static func levelKey(_ level: Double) -> String {
        let percent = (level * 1000).rounded() / 10
        let whole = Int(percent)
        return Double(whole) == percent ? "p\(whole)" : "p\(whole)_\(Int(((percent - Double(whole)) * 10).rounded()))"
    }

    /// Whole euros print as an integer (`200000`, as CLI.md shows), anything else exactly.
    static func amount(_ x: Double) -> JSONValue {
        x.rounded() == x && abs(x) < 1e15 ? .int(Int64(x)) : .number(x)
    }


    static func requiredWithIntervals(_ levels: [RequiredProvision]) -> JSONValue {
        .object(levels.map {
            (levelKey($0.level), .object([
                ("amount", .number($0.amount)), ("lower", .number($0.lower)), ("upper", .number($0.upper)),
            ]))
        })
    }
}

extension ExceedanceProbability {
    /// `{"p", "se"}`, with `interval` also its exact 95% bounds `"lower", "upper"` (a bisection
    /// each, so only for the figures a reader weighs, not for every cell of a table).
    func json(interval: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [("p", .number(p)), ("se", .number(se))]
        if interval {
            let bounds = interval95
            members += [("lower", .number(bounds.lower)), ("upper", .number(bounds.upper))]
        }
        return .object(members)
    }
}
