import Foundation
@testable import LoanBook
import Testing
@testable import LoanBookIO

@Suite struct RunReportTests {
    static let results = reportFixture()
    static let figures = RunFigures(results: results, provisionAmount: 200_000)

    @Test func histogramsHoldEveryPathAndTheExceedances() {
        let f = Self.figures
        #expect(f.firstYearHistogram.total == Self.results.paths)
        #expect(f.firstYearHistogram.countAboveAnchor == f.provision.exceedanceByYear[0].exceedances)
        #expect(f.yearHistograms.count == Self.results.years)
        for (year, h) in f.yearHistograms.enumerated() {
            #expect(h.total == Self.results.paths)
            #expect(h.countAboveAnchor == f.provision.exceedanceByYear[year].exceedances)
            #expect(h.edges == f.yearHistograms[0].edges)  // small multiples share their bins
        }
    }

    @Test func pageDrawsTheFigures() {
        let f = Self.figures
        let html = ReportHTML.run(title: "base", figures: f, manifest: reportManifest())
        // The fan chart of bk (the first panel) is the chart of the bk quantiles, whose median is p50.
        #expect(f.balanceFans.map(\.kind) == [.bk, .lo, .bob])
        var svg = SVG(width: 800, height: 250)
        let layout = FanChart(title: "", labels: f.yearLabels, quantiles: f.balanceFans[0].years)
            .draw(in: ReportHTML.balanceFrames(count: 3)[0], locale: .nl, into: &svg)
        let median = elements("polyline", class: "median", in: html)
        #expect(median.count == 3)
        let points = SVG.parsePoints(median[0]["points"]!)
        for (year, point) in points.enumerated() {
            let p50 = f.projection[year, .balanceBK].quantile(0.5)!
            #expect(point.y == Double(SVG.n(layout.y(p50)))!)
        }
        // The provision marker of the first year's histogram is at the provision's x.
        let histogram = ReportHTML.firstYearHistogram(f, locale: .nl)
            .layout(in: ReportHTML.firstYearHistogramFrame)
        let marker = elements("line", class: "marker", in: html)
        #expect(marker.count == 1 + Self.results.years)
        #expect(marker[0]["x1"] == SVG.n(histogram.x(200_000)))
        // Headline figures, Dutch.
        let p = f.provision.exceedanceByYear[0].p
        #expect(html.contains(">" + ReportHTML.probability(p, .nl) + "<"))
        // With its exact interval, both bounds to the decimals the smaller one needs.
        let bounds = ReportHTML.probabilities(f.provision.exceedanceByYear[0].interval95, .nl)
        #expect(html.contains("95%-betrouwbaarheidsinterval " + bounds.lower + " – " + bounds.upper))
        #expect(ReportHTML.probabilities((0.0075, 0.0114), .nl) == ("0,75%", "1,14%"))
        #expect(ReportHTML.probabilities((0, 0.0018), .en) == ("0.00%", "0.18%"))
        #expect(ReportHTML.probabilities((0.2, 0.31), .nl) == ("20,0%", "31,0%"))
        #expect(html.contains(ReportLocale.nl.euros(f.provision.requiredFirstYear[1].amount)))
        #expect(html.contains("voorziening € 200.000"))
        #expect(html.contains("<html lang=\"nl\">"))
        // Bonus-malus only in the normbaten years (the fixture has four).
        let norm = elements("polyline", class: "norm-baten", in: html)
        #expect(norm.count == 1 && SVG.parsePoints(norm[0]["points"]!).count == 4)
        // The manifest in the footer.
        #expect(html.contains("scenarios/books/nijmegen-2014.csv") && html.contains(String(repeating: "cd", count: 32)))
        #expect(html.contains("20140101"))
    }

    @Test func selfContainedAndDeterministic() {
        let html = ReportHTML.run(title: "base <test> & co", figures: Self.figures, manifest: reportManifest())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("base &lt;test&gt; &amp; co"))
        for forbidden in ["http://", "https://", "<script", "src=", "href=", "url(", "@import", "<link", "<img"] {
            #expect(!html.contains(forbidden), "report.html contains \(forbidden)")
        }
        // Same inputs, same bytes, also through figures computed afresh.
        let again = ReportHTML.run(title: "base <test> & co",
                                   figures: RunFigures(results: reportFixture(), provisionAmount: 200_000),
                                   manifest: reportManifest())
        #expect(html == again)
        #expect(!html.contains("nan") && !html.contains("NaN") && !html.contains("inf"))
    }

    @Test func englishOnRequest() {
        let html = ReportHTML.run(title: "base", figures: Self.figures, manifest: reportManifest(), locale: .en)
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("provision €200,000"))
        #expect(html.contains("Outstanding balance by kind"))
        #expect(html.contains("2,000 paths"))
    }

    @Test func contributionsDrawnWhenGiven() throws {
        var run = RunResult(results: Self.results, costByKind: [], costBySector: [], sectors: ["retail", "horeca"],
                            positionMonths: 0)
        let paths = Self.results.paths
        run.costByKind = (0..<paths * Kind.allCases.count).map { Double(($0 * 37) % 101) * 1_000 }
        run.costBySector = (0..<paths).flatMap { p -> [Double] in
            let total = (0..<Kind.allCases.count).reduce(0.0) { $0 + run.costByKind[p * Kind.allCases.count + $1] }
            return [total * 0.3, total * 0.7]
        }
        let f = RunFigures(run: run, provisionAmount: 200_000)
        let html = ReportHTML.run(title: "base", figures: f, manifest: reportManifest())
        #expect(html.contains("Risicobijdragen") && html.contains(">horeca<"))
        let c = try #require(f.contributions)
        #expect(html.contains(">" + ReportLocale.nl.compactEuros(c.bySector[1].value) + "<"))
        // Bars are shares of the total: by kind first, then the sectors at 30% and 70%.
        let bars = elements("rect", class: "hbar", in: html).map { Double($0["width"]!)! }
        let kinds = c.byKind.filter { $0.value != 0 }.count
        #expect(bars.count == kinds + 2)
        #expect(close(bars[kinds + 1] / bars[kinds], 7.0 / 3.0, 0.01))
        #expect(!ReportHTML.run(title: "base", figures: Self.figures, manifest: reportManifest())
            .contains("Risicobijdragen"))
    }

    /// The cash-basis result leaves out the reform debt at the horizon: the cash-flow caption
    /// says how much it is, and says nothing where there is none.
    @Test func cashFlowsNameTheReformDebtLeftAtTheHorizon() {
        let without = ReportHTML.cashFlowSection(Self.figures, locale: .nl)
        #expect(!without.contains("reform_debt"))
        var results = Self.results
        for path in 0..<results.paths { results[path, results.years, .reformDebt] = 600_000 }
        let with = ReportHTML.cashFlowSection(RunFigures(results: results, provisionAmount: 200_000), locale: .nl)
        #expect(with.contains("Eind 2019 is de gemeente het Rijk gemiddeld nog €&nbsp;600.000 verschuldigd"), "\(with)")
    }

    @Test func runOutputsWriteTheReport() {
        let files = RunOutputs.files(title: "base", results: Self.results, provisionAmount: 200_000,
                                     manifest: reportManifest(), locale: .en)
        let report = files.first { $0.name == "report.html" }!.contents
        #expect(String(decoding: report, as: UTF8.self)
            == ReportHTML.run(title: "base", figures: Self.figures, manifest: reportManifest(), locale: .en))
    }
}

@Suite struct ComparisonReportTests {
    /// Synthetic figures of a comparison: B costs about EUR 40k a year less, with a widening interval.
    static let figures = ComparisonFigures(
        nameA: "current", nameB: "variant-2-ez", probabilityBCostsLess: ExceedanceProbability(exceedances: 7_340, paths: 10_000),
        differences: [
            .init(metric: "cost_above_budget",
                  years: (0..<6).map { y in
                      ComparisonFigures.Difference(label: String(2014 + y), mean: -40_000 - 2_000 * Double(y),
                                                   se: 1_500 + 300 * Double(y), p5: -190_000, p95: 110_000,
                                                   probabilityBLess: 0.7)
                  },
                  horizon: .init(label: "all", mean: -270_000, se: 9_000)),
            .init(metric: "municipal_net_result",
                  years: (0..<6).map { .init(label: String(2014 + $0), mean: 35_000, se: 2_000) }),
        ],
        tornadoMetric: "cost_above_budget, all", tornadoBase: -270_000,
        tornado: [.init(assumption: "reach established", low: -150_000, high: -330_000),
                  .init(assumption: "pd multiplier", low: -400_000, high: -100_000),
                  .init(assumption: "recovery shift", low: -290_000, high: -250_000)])

    @Test func sectionDrawsTheDifferencesAndTheTornado() {
        let html = ReportHTML.comparisonSection(Self.figures)
        #expect(html.contains("Kans dat variant-2-ez minder kost") && html.contains(">73,4%<"))
        #expect(html.contains("€ −270.000"))
        let lines = elements("polyline", class: "difference", in: html)
        #expect(lines.count == 2)
        // The difference line passes through the means.
        let d = Self.figures.differences[0]
        let chart = LineBandChart(labels: d.years.map(\.label), series: [
            .init(name: "", color: "", values: d.years.map(\.mean),
                  bands: [.init(lower: d.years.map(\.lower), upper: d.years.map(\.upper), opacity: 0.4),
                          .init(lower: d.years.map { $0.p5! }, upper: d.years.map { $0.p95! }, opacity: 0.15)]),
        ])
        let layout = chart.layout(in: Rect(x: 0, y: 0, width: 800, height: 260))
        #expect(SVG.parsePoints(lines[0]["points"]!).map(\.y) == d.years.map { Double(SVG.n(layout.y($0.mean)))! })
        // The interval band around the mean is the 95% confidence interval of the mean.
        #expect(close(d.years[0].upper - d.years[0].mean, 1.96 * d.years[0].se, 1))
        // Tornado: widest swing on top, a base line.
        let labels = ["pd multiplier", "reach established", "recovery shift"].map { html.range(of: ">\($0)<")!.lowerBound }
        #expect(labels == labels.sorted())
        #expect(elements("line", class: "base", in: html).count == 1)
        #expect(elements("rect", class: "low", in: html).count == 3)
    }

    /// The paired risicomelding: A's and B's probability per year and in any year, and B - A with
    /// its interval; no table without it.
    @Test func sectionTablesThePairedExceedance() {
        #expect(!ReportHTML.comparisonSection(Self.figures).contains("voorziening overschrijden"))
        var figures = Self.figures
        figures.exceedance = [
            .init(label: "2014", a: 0.007, b: 0.011, difference: .init(label: "2014", mean: 0.004, se: 0.002)),
            .init(label: "any", a: 0.017, b: 0.029, difference: .init(label: "any", mean: 0.012, se: 0.0034)),
        ]
        figures.provision = 200_000
        let html = ReportHTML.comparisonSection(figures)
        #expect(html.contains("Kans dat de kosten boven budget de voorziening overschrijden"))
        #expect(html.contains("<th>A: current</th><th>B: variant-2-ez</th><th>B − A</th>"))
        #expect(html.contains("200.000") && html.contains("variant-2-ez gemeten tegen het budget van current"), "\(html)")
        #expect(html.contains("<tr><td>2014</td><td>0,70%</td><td>1,1%</td><td>0,40% <small>(0,01% – 0,79%)</small></td></tr>"),
                "\(html)")
        #expect(html.contains("<tr><td>enig jaar</td><td>1,7%</td><td>2,9%</td><td>1,20% <small>(0,53% – 1,87%)</small></td></tr>"))
    }

    @Test func comparisonPage() throws {
        let run = RunFigures(results: reportFixture(paths: 200, years: 6), provisionAmount: 200_000)
        let html = ReportHTML.comparison(Self.figures, runs: [("current", run), ("variant-2-ez", run)],
                                         manifests: [("current", reportManifest()), ("variant-2-ez", reportManifest())],
                                         locale: .en)
        #expect(html.contains("Comparison: variant-2-ez against current"))
        // LOANBOOK_REPORT_SAMPLES=DIR keeps the page, to look at (scripts/render-report.sh).
        if let directory = ProcessInfo.processInfo.environment["LOANBOOK_REPORT_SAMPLES"] {
            try html.write(toFile: directory + "/comparison-sample.html", atomically: true, encoding: .utf8)
        }
        #expect(html.contains("Headline: current") && html.contains("Headline: variant-2-ez"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
        #expect(html == ReportHTML.comparison(Self.figures, runs: [("current", run), ("variant-2-ez", run)],
                                              manifests: [("current", reportManifest()),
                                                          ("variant-2-ez", reportManifest())], locale: .en))
    }
}
