import LoanBook

/// The sections of a run's report, each a chart (or a few) with its legend and caption.
extension ReportHTML {
    /// A probability as a percentage with one decimal, two when it is below 1% (0,34%), so a
    /// small probability does not print as a round number.
    static func probability(_ p: Double, _ locale: ReportLocale) -> String {
        locale.percent(p, digits: p > 0 && p < 0.01 ? 2 : 1)
    }

    /// The bounds of an interval of probabilities, both with the decimals the smaller nonzero one
    /// needs ("0,75%" and "1,14%", not "1,1%").
    static func probabilities(_ bounds: (lower: Double, upper: Double), _ locale: ReportLocale)
        -> (lower: String, upper: String)
    {
        let smallest = bounds.lower > 0 ? bounds.lower : bounds.upper
        let digits = smallest > 0 && smallest < 0.01 ? 2 : 1
        return (locale.percent(bounds.lower, digits: digits), locale.percent(bounds.upper, digits: digits))
    }

    static func headlineSection(_ f: RunFigures, locale: ReportLocale, heading: String? = nil) -> String {
        let text = ReportText.for(locale)
        let provision = f.provision
        let firstYear = String(provision.firstYear)
        let lastYear = String(provision.firstYear + max(provision.exceedanceByYear.count - 1, 0))
        let amount = locale.euros(provision.amount)
        var cards = ""
        func interval(_ e: ExceedanceProbability) -> String {
            let bounds = probabilities(e.interval95, locale)
            return text.confidenceInterval(bounds.lower, bounds.upper)
        }
        if let first = provision.exceedanceByYear.first {
            cards += card(text.exceededFirstYear(firstYear), probability(first.p, locale),
                          note: text.exceededNote(amount) + "; " + interval(first), alert: first.p > 0.05)
        }
        let any = provision.exceedanceAnyYear
        cards += card(text.exceededAnyYear(firstYear + "–" + lastYear), probability(any.p, locale),
                      note: interval(any), alert: any.p > 0.05)
        if let holds = provision.requiredFirstYear.first(where: { $0.level == 0.95 }) {
            cards += card(text.holdsAt95(firstYear), locale.euros(holds.amount),
                          note: text.confidenceInterval(locale.euros(holds.lower), locale.euros(holds.upper)),
                          alert: holds.amount > provision.amount)
        }
        let share = f.collectedShare
        cards += card(text.collectedShare, locale.percent(share.mean),
                      note: text.collectedShareNote(locale.percent(reportCollectedShare, digits: 0),
                                                    locale.percent(share.p5), locale.percent(share.p95))
                          + "; ± " + locale.percent(share.se, digits: 2) + " " + text.standardError)
        return section(heading ?? text.headline, "<div class=\"cards\">\n" + cards + "</div>\n")
    }

    /// The fan charts of the closing balance, one panel per kind.
    static func balanceSection(_ f: RunFigures, locale: ReportLocale) -> String {
        let text = ReportText.for(locale)
        guard !f.balanceFans.isEmpty else { return "" }
        let frames = balanceFrames(count: f.balanceFans.count)
        var svg = SVG(width: chartWidth, height: frames.map(\.maxY).max() ?? 0)
        for (fan, frame) in zip(f.balanceFans, frames) {
            FanChart(title: text.kindName(fan.kind), labels: f.yearLabels, quantiles: fan.years)
                .draw(in: frame, locale: locale, into: &svg)
        }
        let inner = 1 - (1 - FanChart.outerOpacity) * (1 - FanChart.innerOpacity)
        let legend = Legend.html([
            (.line(Palette.blue), text.median), (.area(Palette.blue, inner), "25–75%"),
            (.area(Palette.blue, FanChart.outerOpacity), "5–95%"),
        ])
        return section(text.balanceTitle, figure(svg.rendered(label: text.balanceTitle), legend: legend,
                                                 caption: text.balanceCaption))
    }

    /// The fan charts' panels: up to three in a row, else two to a row.
    static func balanceFrames(count: Int) -> [Rect] {
        let columns = count <= 3 ? count : 2
        let rows = (count + columns - 1) / columns
        return Rect(x: 0, y: 0, width: chartWidth, height: Double(rows) * 250 + Double(rows - 1) * 16)
            .grid(count: count, columns: columns)
    }

    /// The frame of the first year's histogram.
    static let firstYearHistogramFrame = Rect(x: 0, y: 0, width: chartWidth, height: 300)

    /// The cost above budget: the first year's histogram, small multiples per year, and a table.
    static func costSection(_ f: RunFigures, locale: ReportLocale) -> String {
        let text = ReportText.for(locale)
        let provision = f.provision
        guard let first = provision.exceedanceByYear.first else { return "" }
        let amount = locale.euros(provision.amount)
        let firstYear = String(provision.firstYear)

        var large = SVG(width: chartWidth, height: firstYearHistogramFrame.height)
        firstYearHistogram(f, locale: locale).draw(in: firstYearHistogramFrame, locale: locale, into: &large)
        let legend = Legend.html([
            (.box(HistogramChart.below), text.costAxis + " ≤ " + amount),
            (.box(HistogramChart.above), text.costAxis + " > " + amount),
            (.dashed(Palette.ink), text.provisionMarker(amount)),
        ])
        var body = figure(large.rendered(label: text.costTitle + " " + firstYear), legend: legend,
                          caption: text.costCaption(firstYear, amount, "P = " + probability(first.p, locale)))

        let years = f.yearHistograms.count
        if years > 1 {
            let columns = min(years, 5)
            let rows = (years + columns - 1) / columns
            var small = SVG(width: chartWidth, height: Double(rows) * 150 + Double(rows - 1) * 14)
            let frames = Rect(x: 0, y: 0, width: small.width, height: small.height)
                .grid(count: years, columns: columns, gap: 14)
            for (i, (histogram, frame)) in zip(f.yearHistograms, frames).enumerated() {
                HistogramChart(title: f.yearLabels[i], histogram: histogram,
                               note: probability(provision.exceedanceByYear[i].p, locale), xFormat: .thousands,
                               compact: true)
                    .draw(in: frame, locale: locale, into: &small)
            }
            body += figure(small.rendered(label: text.costTitle), caption: text.costPerYearCaption)
        }

        var table = "<table>\n<tr><th>\(HTML.escape(text.tableYear))</th><th>\(HTML.escape(text.tableExceeded))</th>"
        for level in ProvisionAnalysis.levels {
            table += "<th>\(HTML.escape(text.tableHolds(locale.percent(level, digits: 0))))</th>"
        }
        table += "</tr>\n"
        for (i, e) in provision.exceedanceByYear.enumerated() {
            let bounds = probabilities(e.interval95, locale)
            table += "<tr><td>\(f.yearLabels[i])</td><td>\(HTML.escape(probability(e.p, locale))) <small>("
                + HTML.escape(bounds.lower + "–" + bounds.upper) + ")</small></td>"
            for required in provision.requiredByYear[i] {
                table += "<td>\(HTML.escape(locale.euros(required.amount)))</td>"
            }
            table += "</tr>\n"
        }
        body += table + "</table>\n"
        return section(text.costTitle, body)
    }

    static func firstYearHistogram(_ f: RunFigures, locale: ReportLocale) -> HistogramChart {
        let text = ReportText.for(locale)
        let p = f.provision.exceedanceByYear.first?.p ?? .nan
        return HistogramChart(histogram: f.firstYearHistogram,
                              markerLabel: text.provisionMarker(locale.euros(f.provision.amount)),
                              note: "P = " + probability(p, locale), xTitle: text.costAxis, unit: text.shareOfPaths)
    }

    /// The bonus-malus with its band, beside bk baten against the norm, in the normbaten years.
    static func bonusMalusSection(_ f: RunFigures, locale: ReportLocale) -> String {
        let text = ReportText.for(locale)
        let p = f.projection
        let years = (0..<p.years).filter { p[$0, .normBaten].mean != 0 || p[$0, .bonusMalus].sd != 0 }
        guard !years.isEmpty else {
            return section(text.bonusMalusTitle, "<p>\(HTML.escape(text.noNormbatenYears))</p>\n")
        }
        let labels = years.map { p.yearLabel($0) }
        func series(_ metric: Metric, _ name: String, _ color: String, band: Bool = true, dashed: Bool = false,
                    cls: String? = nil) -> LineBandChart.Series {
            let stats = years.map { p[$0, metric] }
            let bands = band ? [LineBandChart.Band(lower: stats.map { $0.quantile(0.05)! },
                                                   upper: stats.map { $0.quantile(0.95)! }, opacity: 0.2)] : []
            return LineBandChart.Series(name: name, color: color, values: stats.map(\.mean), bands: bands,
                                        dashed: dashed, cls: cls)
        }
        var svg = SVG(width: chartWidth, height: 280)
        let frames = Rect(x: 0, y: 0, width: svg.width, height: svg.height).grid(count: 2, columns: 2, gap: 24)
        LineBandChart(title: text.bonusMalusPanel, labels: labels,
                      series: [series(.bonusMalus, text.bonusMalusPanel, Palette.blue, cls: "bonus-malus")])
            .draw(in: frames[0], locale: locale, into: &svg)
        LineBandChart(title: text.batenPanel, labels: labels,
                      series: [series(.batenBK, text.batenBK, Palette.bluishGreen, cls: "baten-bk"),
                               series(.normBaten, text.normBaten, Palette.ink, band: false, dashed: true,
                                      cls: "norm-baten")])
            .draw(in: frames[1], locale: locale, into: &svg)
        let legend = Legend.html([
            (.line(Palette.blue), text.bonusMalusPanel + ", " + text.mean),
            (.line(Palette.bluishGreen), text.batenBK + ", " + text.mean),
            (.area(Palette.axis, 0.2), "5–95%"),
            (.dashed(Palette.ink), text.normBaten),
        ])
        return section(text.bonusMalusTitle, figure(svg.rendered(label: text.bonusMalusTitle), legend: legend,
                                                    caption: text.bonusMalusCaption))
    }

    /// Mean lasten, baten, interest, recoveries and write-offs per year.
    static func cashFlowSection(_ f: RunFigures, locale: ReportLocale) -> String {
        let text = ReportText.for(locale)
        let p = f.projection
        guard p.years > 0 else { return "" }
        func means(_ metrics: [Metric]) -> [Double] {
            (0..<p.years).map { year in metrics.reduce(0) { $0 + p[year, $1].mean } }
        }
        let series = [
            ColumnChart.Series(name: text.lasten, color: Palette.vermillion,
                               values: means([.lastenBK, .lastenLO, .lastenBOB])),
            ColumnChart.Series(name: text.baten, color: Palette.bluishGreen,
                               values: means([.batenBK, .batenLO, .batenBOB])),
            ColumnChart.Series(name: text.interest, color: Palette.skyBlue, values: means([.interest])),
            ColumnChart.Series(name: text.recoveries, color: Palette.orange, values: means([.recoveries])),
            ColumnChart.Series(name: text.writeOffs, color: Palette.reddishPurple, values: means([.writeOffs])),
        ]
        var svg = SVG(width: chartWidth, height: 290)
        ColumnChart(labels: f.yearLabels, series: series)
            .draw(in: Rect(x: 0, y: 0, width: svg.width, height: svg.height), locale: locale, into: &svg)
        let legend = Legend.html(series.map { (.box($0.color), $0.name) })
        let debt = p[p.years, .reformDebt].mean
        let caption = text.cashFlowCaption + (debt > 0.5
            ? " " + text.reformDebtNote(locale.compactEuros(debt), f.yearLabels.last ?? "") : "")
        return section(text.cashFlowTitle, figure(svg.rendered(label: text.cashFlowTitle), legend: legend,
                                                  caption: caption))
    }

    /// Contributions to the horizon ES by kind and by sector, side by side.
    static func contributionsSection(_ f: RunFigures, locale: ReportLocale) -> String {
        let text = ReportText.for(locale)
        guard let c = f.contributions, c.expectedShortfall.isFinite else { return "" }
        let es = c.expectedShortfall
        // The bars are the shares of the total, which read the same whether the total is a
        // cost or a gain; each bar's note gives its euros.
        func bars(_ parts: [(name: String, value: Double)], label: (String) -> String) -> [BarChart.Bar] {
            parts.filter { $0.value != 0 }.map {
                BarChart.Bar(label: label($0.name), value: es != 0 ? $0.value / es : 0,
                             note: locale.compactEuros($0.value))
            }
        }
        let kinds = bars(c.byKind) { name in Kind(rawValue: name).map(text.kindName) ?? name }
        let sectors = bars(c.bySector) { $0 }
        let kindHeight = BarChart.height(bars: max(kinds.count, 1), titled: true)
        let sectorHeight = BarChart.height(bars: max(sectors.count, 1), titled: true)
        var svg = SVG(width: chartWidth, height: kindHeight + 12 + sectorHeight)
        let kindFrame = Rect(x: 0, y: 0, width: chartWidth, height: kindHeight)
        let sectorFrame = Rect(x: 0, y: kindHeight + 12, width: chartWidth, height: sectorHeight)
        BarChart(title: text.byKind, bars: kinds, color: Palette.blue, format: .percent, labelWidth: 170)
            .draw(in: kindFrame, locale: locale, into: &svg)
        BarChart(title: text.bySector, bars: sectors, color: Palette.bluishGreen, format: .percent, labelWidth: 170)
            .draw(in: sectorFrame, locale: locale, into: &svg)
        return section(text.contributionsTitle, figure(svg.rendered(label: text.contributionsTitle),
                                                       caption: text.contributionsCaption(locale.euros(es))))
    }
}
