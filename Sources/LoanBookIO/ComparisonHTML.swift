import LoanBook

/// report.html of a comparison (CLI.md: "for compare, the paired difference"): the figures
/// of `PairedComparison` and the tornado handed to the report's compare page.
public enum ComparisonHTML {
    /// The metrics whose paired difference per year is drawn, the headline first.
    static let metrics: [Metric] = [.municipalNetResult, .lastenBK, .lastenLO, .batenBK, .batenLO, .writeOffs,
                                   .remissions, .bonusMalus]

    /// - Parameter provision: the risicomelding paired, and whether B was measured against A's budget.
    public static func figures(a: String, b: String, comparison: PairedComparison,
                               provision: (paired: PairedProvision, bOnABudget: Bool)? = nil,
                               tornado: ComparisonJSON.Tornado?) -> ComparisonFigures {
        let series = metrics.map { metric in
            func difference(_ year: Int) -> ComparisonFigures.Difference {
                let d = comparison[year, metric]
                return ComparisonFigures.Difference(
                    label: comparison.yearLabel(year), mean: d.meanDifference, se: d.se, lower: d.lower95,
                    upper: d.upper95, probabilityBLess: metric == .municipalNetResult ? d.bGreater.p : nil)
            }
            return ComparisonFigures.DifferenceSeries(metric: metric.rawValue, years: (0..<comparison.years).map(difference),
                                                      horizon: difference(comparison.years))
        }
        // Net result higher in B is B costing the municipality less.
        let headline = comparison[comparison.years, .municipalNetResult]
        let bars = (tornado?.entries ?? []).map { entry in
            ComparisonFigures.TornadoBar(assumption: entry.assumption.name,
                                         low: min(0, entry.difference.meanDifference),
                                         high: max(0, entry.difference.meanDifference))
        }
        func row(_ label: String, _ f: PairedProvision.Figure) -> ComparisonFigures.Exceedance {
            let d = f.difference
            return .init(label: label, a: f.a, b: f.b, difference: .init(label: label, mean: d.meanDifference, se: d.se,
                                                                          lower: d.lower95, upper: d.upper95))
        }
        let exceedance = provision.map { p in
            p.paired.byYear.enumerated().map { row(comparison.yearLabel($0), $1) } + [row("any", p.paired.anyYear)]
        } ?? []
        return ComparisonFigures(
            nameA: a, nameB: b, probabilityBCostsLess: headline.bGreater,
            differences: series, tornadoMetric: "municipal_net_result, all: \(b) assumption alone − \(a)",
            tornadoBase: 0, tornado: bars, exceedance: exceedance, provision: provision?.paired.amount ?? 0,
            bOnABudget: provision?.bOnABudget ?? true)
    }

    public static func render(a: String, b: String, comparison: PairedComparison,
                              provision: (paired: PairedProvision, bOnABudget: Bool)? = nil,
                              tornado: ComparisonJSON.Tornado?,
                              runs: [(name: String, figures: RunFigures)], manifests: [(label: String, manifest: Manifest)],
                              locale: ReportLocale = .nl) -> String {
        ReportHTML.comparison(figures(a: a, b: b, comparison: comparison, provision: provision, tornado: tornado),
                              runs: runs,
                              manifests: manifests, locale: locale)
    }
}
