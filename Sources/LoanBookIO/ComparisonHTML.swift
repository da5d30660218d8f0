import LoanBook

/// report.html of a comparison (CLI.md: "for compare, the paired difference"): one
/// self-contained page with the headline difference, the difference per year with its 95%
/// interval, and the tornado. Tables only, like the run's interim report.
public enum ComparisonHTML {
    public static func render(a: String, b: String, comparison: PairedComparison,
                              tornado: ComparisonJSON.Tornado?) -> String {
        let title = "\(b) minus \(a): paired difference"
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(ReportHTML.escape(title))</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        th { background: #f2f2f2; }
        </style>
        </head>
        <body>
        <h1>\(ReportHTML.escape(title))</h1>
        <p>\(comparison.paths) paths on common random numbers. Positive differences of the
        municipal net result mean that B leaves the municipality better off.</p>

        """
        let h = comparison[comparison.years, .municipalNetResult]
        html += "<h2>Headline: municipal net result over the horizon</h2>\n<table>\n"
        html += ReportHTML.row(["Mean difference B &minus; A (EUR)", ReportHTML.euros(h.meanDifference)
            + " (95% CI " + ReportHTML.euros(h.lower95) + " &ndash; " + ReportHTML.euros(h.upper95) + ")"])
        html += ReportHTML.row(["Standard error, paired / independent (EUR)",
                                ReportHTML.euros(h.se) + " / " + ReportHTML.euros(h.seIndependent)])
        html += ReportHTML.row(["Variance reduction by pairing", DecimalFormat.fixed(h.varianceReduction, digits: 1) + "x"])
        html += ReportHTML.row(["P(B costs the municipality less)",
                                ReportHTML.percent(h.bGreater.p) + " &plusmn; " + ReportHTML.percent(h.bGreater.se) + " (se)"])
        html += "</table>\n\n<h2>Mean difference per year (EUR, 95% interval)</h2>\n<table>\n<tr><th>metric</th>"
        for year in 0...comparison.years { html += "<th>\(comparison.yearLabel(year))</th>" }
        html += "</tr>\n"
        for metric in ReportHTML.mainMetrics {
            html += "<tr><th>\(metric.rawValue)</th>"
            for year in 0...comparison.years {
                let d = comparison[year, metric]
                html += "<td class=\"n\">\(ReportHTML.euros(d.meanDifference))<br><small>"
                    + "\(ReportHTML.euros(d.lower95)) &ndash; \(ReportHTML.euros(d.upper95))</small></td>"
            }
            html += "</tr>\n"
        }
        html += "</table>\n"
        if let tornado {
            html += "\n<h2>What drives the difference (horizon net result, \(tornado.paths) paths)</h2>\n<table>\n"
            html += "<tr><th>assumption</th><th>from</th><th>to</th><th>mean difference</th><th>se</th></tr>\n"
            for e in tornado.entries {
                html += "<tr><th>\(ReportHTML.escape(e.assumption.name))</th><td class=\"n\">\(e.assumption.from)</td>"
                    + "<td class=\"n\">\(e.assumption.to)</td><td class=\"n\">\(ReportHTML.euros(e.difference.meanDifference))</td>"
                    + "<td class=\"n\">\(ReportHTML.euros(e.difference.se))</td></tr>\n"
            }
            html += "<tr><th>all together</th><td></td><td></td><td class=\"n\">"
                + "\(ReportHTML.euros(tornado.together.meanDifference))</td><td class=\"n\">"
                + "\(ReportHTML.euros(tornado.together.se))</td></tr>\n</table>\n"
        }
        html += "</body>\n</html>\n"
        return html
    }
}
