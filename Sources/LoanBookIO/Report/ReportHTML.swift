import LoanBook

/// report.html (CLI.md, issue 8): one self-contained page, charts first.
///
/// Inline SVG and CSS only: no script, font, image or link from anywhere, so the page opens
/// offline, archives as one file and prints on A4 (`@page`, charts that never split). The same
/// figures, manifest and locale give the same bytes. The charts come from the small toolkit
/// beside this file (scales, nice ticks, axes, one file per chart type); the sections are in
/// `ReportHTML+Run.swift` and `ReportHTML+Comparison.swift`.
public enum ReportHTML {
    /// The report's expectation for the collected share of today's book (MODEL.md section 1).
    public static let reportCollectedShare = 0.60

    /// The width of every chart in SVG units; the page scales it to the column.
    static let chartWidth = 800.0

    /// report.html of `loanbook run`.
    /// - Parameter title: the scenario's name.
    public static func run(title: String, figures: RunFigures, manifest: Manifest,
                           locale: ReportLocale = .nl) -> String {
        let text = ReportText.for(locale)
        let p = figures.projection
        let years = p.years > 0 ? "\(p.firstYear)–\(p.firstYear + p.years - 1)" : "\(p.firstYear)"
        let subtitle = text.subtitle(locale.number(Double(manifest.paths)), String(manifest.seed), years)
        let sections = [
            headlineSection(figures, locale: locale),
            balanceSection(figures, locale: locale),
            costSection(figures, locale: locale),
            bonusMalusSection(figures, locale: locale),
            cashFlowSection(figures, locale: locale),
            contributionsSection(figures, locale: locale),
        ]
        return page(title: text.pageTitle(title), subtitle: subtitle, sections: sections,
                    manifests: [(nil, manifest)], locale: locale)
    }

    /// report.html of `loanbook compare`: the comparison, then each run's headline figures,
    /// then the manifests.
    /// - Parameters:
    ///   - runs: the runs' names and figures, A first; may be empty.
    ///   - manifests: one per run (labelled with its name), or one for the comparison.
    public static func comparison(_ figures: ComparisonFigures, runs: [(name: String, figures: RunFigures)] = [],
                                  manifests: [(label: String, manifest: Manifest)],
                                  locale: ReportLocale = .nl) -> String {
        let text = ReportText.for(locale)
        var sections = [comparisonSection(figures, locale: locale)]
        for run in runs {
            sections.append(headlineSection(run.figures, locale: locale, heading: text.headline + ": " + run.name))
        }
        var subtitle = ""
        if let first = manifests.first?.manifest {
            subtitle = text.subtitle(locale.number(Double(first.paths)), String(first.seed),
                                     figures.differences.first.map { d in
                                         [d.years.first?.label, d.years.last?.label].compactMap { $0 }
                                             .joined(separator: "–")
                                     } ?? "")
        }
        return page(title: text.comparisonTitle(figures.nameA, figures.nameB), subtitle: subtitle, sections: sections,
                    manifests: manifests.map { ($0.label, $0.manifest) }, locale: locale)
    }

    // MARK: - The page

    static func page(title: String, subtitle: String, sections: [String], manifests: [(String?, Manifest)],
                     locale: ReportLocale) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="\(locale.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title>
        <style>
        \(styleSheet)</style>
        </head>
        <body>
        <main>
        <header>
        <h1>\(HTML.escape(title))</h1>
        <p class="sub">\(HTML.escape(subtitle))</p>
        </header>

        """
        for section in sections where !section.isEmpty { html += section + "\n" }
        html += footer(manifests, locale: locale)
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    static let styleSheet = """
        * { box-sizing: border-box; }
        body { margin: 0; color: #222; background: #fff; line-height: 1.45;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 980px; margin: 0 auto; padding: 24px 28px 40px; }
        h1 { font-size: 1.6rem; margin: 0 0 0.1em; }
        h2 { font-size: 1.2rem; margin: 1.6em 0 0.4em; padding-bottom: 0.15em; border-bottom: 1px solid #ddd; }
        h3 { font-size: 1rem; margin: 1.2em 0 0.3em; }
        .sub { color: #555; margin: 0 0 1em; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; }
        .card { border: 1px solid #ddd; border-left: 4px solid #0072B2; border-radius: 4px; padding: 8px 12px; }
        .card.alert { border-left-color: #D55E00; }
        .card .what { font-size: 0.85rem; color: #222; font-weight: 600; margin-bottom: 0.2em; }
        .card .figure { font-size: 1.75rem; font-weight: 650; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .card .note { font-size: 0.78rem; color: #555; }
        figure { margin: 0.6em 0 1.2em; break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-size: 0.85rem; color: #444; max-width: 48em; }
        svg { display: block; width: 100%; height: auto; }
        svg text { font-family: inherit; }
        svg .tick { font-size: 11px; fill: #555; }
        svg .label { font-size: 12px; fill: #333; }
        svg .title { font-size: 13px; font-weight: 600; fill: #222; }
        svg .value { font-size: 12px; font-weight: 600; }
        .legend { list-style: none; padding: 0; margin: 0.3em 0; display: flex; flex-wrap: wrap; gap: 4px 18px;
          font-size: 0.85rem; }
        .legend li { display: flex; align-items: center; gap: 6px; }
        .swatch { display: inline-block; width: 18px; height: 11px; }
        .swatch.line { height: 0; border-top: 3px solid; }
        .swatch.dashed { height: 0; border-top: 2px dashed; }
        table { border-collapse: collapse; font-size: 0.85rem; margin: 0.4em 0 1em; }
        th, td { padding: 2px 10px; border-bottom: 1px solid #e4e4e4; text-align: right; white-space: nowrap;
          font-variant-numeric: tabular-nums; }
        th { font-weight: 600; border-bottom-color: #bbb; }
        th:first-child, td:first-child { text-align: left; }
        footer { margin-top: 2.5em; padding-top: 0.5em; border-top: 1px solid #ddd; font-size: 0.8rem; color: #444; }
        footer h2 { font-size: 0.95rem; border: none; margin-top: 0.4em; }
        footer th, footer td { text-align: left; white-space: normal; }
        footer code { font-size: 0.72rem; word-break: break-all; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { font-size: 9.5pt; }
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; page-break-after: avoid; }
          .cards { grid-template-columns: repeat(4, 1fr); gap: 8px; }
          .card .figure { font-size: 1.3rem; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """

    static func footer(_ manifests: [(String?, Manifest)], locale: ReportLocale) -> String {
        let text = ReportText.for(locale)
        var html = "<footer>\n<h2>\(HTML.escape(text.footerTitle))</h2>\n"
        for (label, m) in manifests {
            if let label { html += "<h3>\(HTML.escape(label))</h3>\n" }
            var facts = "\(text.engine) \(m.engineVersion) · \(text.seed) \(m.seed) · \(text.paths) "
                + locale.number(Double(m.paths)) + " · \(text.shards) \(m.shards)"
            if let shard = m.shard { facts += " (\(shard)/\(m.shards))" }
            html += "<p>\(HTML.escape(facts))<br>\(HTML.escape(text.command)): "
                + "<code>\(HTML.escape(m.commandLine.joined(separator: " ")))</code></p>\n"
            html += "<table>\n<tr><th>\(HTML.escape(text.role))</th><th>\(HTML.escape(text.path))</th><th>SHA-256</th></tr>\n"
            for input in m.inputs {
                html += "<tr><td>\(HTML.escape(input.role))</td><td>\(HTML.escape(input.path))</td>"
                    + "<td><code>\(HTML.escape(input.sha256))</code></td></tr>\n"
            }
            html += "</table>\n"
        }
        return html + "</footer>\n"
    }

    // MARK: - Building blocks

    /// A headline figure: the number first (so that the numbers of a row line up), what it is,
    /// a note.
    static func card(_ what: String, _ figure: String, note: String, alert: Bool = false) -> String {
        "<div class=\"card\(alert ? " alert" : "")\"><div class=\"figure\">\(HTML.escape(figure))</div>"
            + "<div class=\"what\">\(HTML.escape(what))</div><div class=\"note\">\(HTML.prose(note))</div></div>\n"
    }

    /// A chart with its legend and caption.
    static func figure(_ svg: String, legend: String = "", caption: String) -> String {
        "<figure>\n" + svg + "\n" + legend + "<figcaption>\(HTML.prose(caption))</figcaption>\n</figure>\n"
    }

    static func section(_ title: String, _ body: String) -> String {
        "<section>\n<h2>\(HTML.escape(title))</h2>\n" + body + "</section>\n"
    }
}
