/// The compare section: the probability that B costs less, the paired difference per year
/// with its interval, and the tornado of assumptions.
extension ReportHTML {
    /// The section as an HTML fragment; `comparison(...)` puts it on a page.
    public static func comparisonSection(_ c: ComparisonFigures, locale: ReportLocale = .nl) -> String {
        let text = ReportText.for(locale)
        let bounds = probabilities(c.probabilityBCostsLess.interval95, locale)
        var cards = card(text.bCostsLess(c.nameB), locale.percent(c.probabilityBCostsLess.p),
                         note: text.confidenceInterval(bounds.lower, bounds.upper))
        if let headline = c.differences.first, let h = headline.horizon {
            cards += card(headline.metric + ", " + c.nameB + " − " + c.nameA + " (" + h.label + ")",
                          locale.euros(h.mean),
                          note: text.confidenceInterval(locale.euros(h.lower), locale.euros(h.upper)))
        }
        var body = "<div class=\"cards\">\n" + cards + "</div>\n"

        if !c.exceedance.isEmpty { body += exceedanceTable(c, locale: locale) }
        for series in c.differences where !series.years.isEmpty {
            body += "<h3>\(HTML.escape(series.metric))</h3>\n"
            body += differenceFigure(series, c, locale: locale)
        }
        if !c.tornado.isEmpty {
            let chart = TornadoChart(base: c.tornadoBase, bars: c.tornado.map {
                TornadoChart.Bar(name: $0.assumption, low: $0.low, high: $0.high)
            })
            var svg = SVG(width: chartWidth, height: BarChart.height(bars: c.tornado.count, titled: false))
            chart.draw(in: Rect(x: 0, y: 0, width: svg.width, height: svg.height), locale: locale, into: &svg)
            let legend = Legend.html([(.box(TornadoChart.lowColor), text.low), (.box(TornadoChart.highColor), text.high)])
            body += "<h3>\(HTML.escape(text.tornadoTitle))</h3>\n"
            body += figure(svg.rendered(label: text.tornadoTitle), legend: legend,
                           caption: text.tornadoCaption(c.tornadoMetric, locale.euros(c.tornadoBase)))
        }
        return section(text.differencesTitle(c.nameA, c.nameB), body)
    }

    /// The provision's exceedance for A and B per year and in any year, and B - A with its paired
    /// 95% interval.
    static func exceedanceTable(_ c: ComparisonFigures, locale: ReportLocale) -> String {
        let text = ReportText.for(locale)
        func cell(_ s: String) -> String { "<td>" + HTML.escape(s) + "</td>" }
        var table = "<h3>\(HTML.escape(text.pairedExceedanceTitle))</h3>\n<figure>\n<table>\n"
            + "<tr><th>\(HTML.escape(text.tableYear))</th>"
            + ["A: " + c.nameA, "B: " + c.nameB, "B − A"].map { "<th>" + HTML.escape($0) + "</th>" }.joined()
            + "</tr>\n"
        for row in c.exceedance {
            let d = row.difference
            table += "<tr>" + cell(row.label == "any" ? text.anyYear : row.label) + cell(probability(row.a, locale))
                + cell(probability(row.b, locale)) + "<td>" + HTML.escape(locale.percent(d.mean, digits: 2))
                + " <small>(" + HTML.escape(locale.percent(d.lower, digits: 2) + " – " + locale.percent(d.upper, digits: 2))
                + ")</small></td></tr>\n"
        }
        return table + "</table>\n<figcaption>" + HTML.prose(text.pairedExceedanceCaption(c.nameA, c.nameB, locale.euros(c.provision), c.bOnABudget))
            + "</figcaption>\n</figure>\n"
    }

    /// One metric's paired difference per year: the mean, its interval, the paths' 5-95% if known.
    static func differenceFigure(_ series: ComparisonFigures.DifferenceSeries, _ c: ComparisonFigures,
                                 locale: ReportLocale) -> String {
        let text = ReportText.for(locale)
        let years = series.years
        var bands = [LineBandChart.Band(lower: years.map(\.lower), upper: years.map(\.upper), opacity: 0.4)]
        let hasSpread = years.allSatisfy { $0.p5 != nil && $0.p95 != nil }
        if hasSpread {
            bands.append(.init(lower: years.map { $0.p5! }, upper: years.map { $0.p95! }, opacity: 0.15))
        }
        let chart = LineBandChart(
            labels: years.map(\.label),
            series: [.init(name: series.metric, color: Palette.reddishPurple, values: years.map(\.mean),
                           bands: bands, cls: "difference")])
        var svg = SVG(width: chartWidth, height: 260)
        chart.draw(in: Rect(x: 0, y: 0, width: svg.width, height: svg.height), locale: locale, into: &svg)
        var legend: [(Legend.Mark, String)] = [
            (.line(Palette.reddishPurple), c.nameB + " − " + c.nameA + ", " + text.mean),
            (.area(Palette.reddishPurple, hasSpread ? 1 - 0.6 * 0.85 : 0.4), text.confidence95),
        ]
        if hasSpread { legend.append((.area(Palette.reddishPurple, 0.15), "5–95%")) }
        var caption = text.differenceCaption(c.nameA, c.nameB, hasSpread)
        if let h = series.horizon {
            caption += " " + text.differenceHorizon(series.metric, locale.euros(h.mean), locale.euros(h.lower),
                                                    locale.euros(h.upper))
        }
        return figure(svg.rendered(label: series.metric + ": " + c.nameB + " − " + c.nameA),
                      legend: Legend.html(legend), caption: caption)
    }
}
