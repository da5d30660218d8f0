import LoanBook

/// report.html, interim: one self-contained page (no scripts, fonts or images from the network)
/// with the headline *risicomelding* figures, the per-year means of the main metrics and the
/// manifest. The charts of CLI.md come later; this page only has to be correct and readable.
public enum ReportHTML {
    /// The metrics in the per-year table, in the order a financial adviser reads them.
    public static let mainMetrics: [Metric] = [
        .lastenBK, .lastenLO, .batenBK, .batenLO, .interest, .recoveries, .writeOffs, .remissions,
        .bonusMalus, .stateShare, .municipalNetResult, .costAboveBudget,
        .balanceBK, .balanceLO, .balanceBOB,
    ]

    public static func render(title: String, projection: ProjectionStatistics, provision: ProvisionAnalysis,
                              collectedShare: CollectedShareSummary, manifest: Manifest) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        th { background: #f2f2f2; }
        footer { margin-top: 2em; font-size: 0.85em; color: #555; }
        </style>
        </head>
        <body>
        <h1>\(escape(title))</h1>

        """

        let first = provision.exceedanceByYear.first
        let required95 = provision.requiredFirstYear.first { $0.level == 0.95 }
        html += "<h2>Headline</h2>\n<table>\n"
        html += row(["Provision (EUR)", euros(provision.amount)])
        if let first {
            html += row(["P(cost above budget > provision), \(provision.firstYear)",
                         percent(first.p) + " &plusmn; " + percent(first.se) + " (se)"])
        }
        html += row(["P(provision exceeded in any year)",
                     percent(provision.exceedanceAnyYear.p) + " &plusmn; " + percent(provision.exceedanceAnyYear.se) + " (se)"])
        if let required95 {
            html += row(["Provision holding at 95%, \(provision.firstYear) (EUR)",
                         euros(required95.amount) + " (95% CI " + euros(required95.lower) + " &ndash; " + euros(required95.upper) + ")"])
        }
        html += row(["Collected share of today's book",
                     percent(collectedShare.mean) + " &plusmn; " + percent(collectedShare.se)
                         + " (se); 5&ndash;95%: " + percent(collectedShare.p5) + " &ndash; " + percent(collectedShare.p95)])
        html += "</table>\n\n"

        html += "<h2>Mean per year (EUR)</h2>\n<table>\n<tr><th>metric</th>"
        for year in 0...projection.years { html += "<th>\(projection.yearLabel(year))</th>" }
        html += "</tr>\n"
        for metric in mainMetrics {
            html += "<tr><th>\(metric.rawValue)</th>"
            for year in 0...projection.years {
                html += "<td class=\"n\">\(euros(projection[year, metric].mean))</td>"
            }
            html += "</tr>\n"
        }
        html += "</table>\n\n"

        html += "<footer>\n<p>\(projection.paths) paths, seed \(manifest.seed), engine \(escape(manifest.engineVersion)), "
        html += "shards \(manifest.shards)</p>\n<p>Command: <code>\(escape(manifest.commandLine.joined(separator: " ")))</code></p>\n"
        html += "<table>\n<tr><th>input</th><th>path</th><th>SHA-256</th></tr>\n"
        for input in manifest.inputs {
            html += "<tr><td>\(escape(input.role))</td><td>\(escape(input.path))</td><td><code>\(input.sha256)</code></td></tr>\n"
        }
        html += "</table>\n</footer>\n</body>\n</html>\n"
        return html
    }

    static func row(_ cells: [String]) -> String {
        "<tr><th>\(escape(cells[0]))</th>" + cells.dropFirst().map { "<td class=\"n\">\($0)</td>" }.joined() + "</tr>\n"
    }

    /// Whole euros with a thin space between thousands: 1 234 567.
    static func euros(_ x: Double) -> String {
        let text = DecimalFormat.fixed(x, digits: 0)
        let negative = text.hasPrefix("-")
        let digits = Array(negative ? text.dropFirst() : Substring(text))
        guard digits.allSatisfy(\.isNumber) else { return text }
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "&#8201;" }
            out.append(d)
        }
        return (negative ? "&minus;" : "") + out
    }

    static func percent(_ x: Double) -> String { DecimalFormat.fixed(x * 100, digits: 1) + "%" }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
