import LoanBook
import Testing
@testable import LoanBookIO

@Suite struct ReportLocaleTests {
    @Test func dutchByDefault() {
        #expect(ReportLocale.nl.number(1_234_567.891) == "1.234.568")
        #expect(ReportLocale.nl.euros(1_234_567.891) == "€ 1.234.568")
        #expect(ReportLocale.nl.euros(-1_234_567.891) == "€ −1.234.568")
        #expect(ReportLocale.nl.number(1_234.5, digits: 2) == "1.234,50")
        #expect(ReportLocale.nl.percent(0.1234) == "12,3%")
        #expect(ReportLocale.nl.number(999) == "999" && ReportLocale.nl.number(1_000) == "1.000")
        #expect(ReportLocale.nl.number(-0.4) == "0" && ReportLocale.nl.number(0) == "0")
        #expect(ReportLocale.nl.number(.nan) == "–")
    }

    @Test func englishOnRequest() {
        #expect(ReportLocale.en.number(1_234_567.891) == "1,234,568")
        #expect(ReportLocale.en.euros(1_234_567.891) == "€1,234,568")
        #expect(ReportLocale.en.euros(-200_000) == "−€200,000")
        #expect(ReportLocale.en.percent(0.1234) == "12.3%")
        #expect(ReportLocale.en.number(0.5, digits: 1) == "0.5")
    }

    @Test func axisTicks() {
        let millions = NiceTicks(lower: 0, upper: 3_200_000)
        #expect(millions.values.map { ReportLocale.nl.euroTick($0, step: millions.step, largest: 3_000_000) }
            == ["0", "€ 0,5 mln", "€ 1,0 mln", "€ 1,5 mln", "€ 2,0 mln", "€ 2,5 mln", "€ 3,0 mln"])
        #expect(ReportLocale.en.euroTick(1_500_000, step: 500_000, largest: 3_000_000) == "€1.5M")
        #expect(ReportLocale.nl.euroTick(250_000, step: 50_000, largest: 400_000) == "€ 250.000")
        #expect(ReportLocale.en.euroTick(-250_000, step: 50_000, largest: 400_000) == "−€250,000")
        #expect(ReportLocale.nl.compactEuros(-8_458_428) == "€ −8,5 mln" && ReportLocale.nl.compactEuros(123_456) == "€ 123.000")
        #expect(ReportLocale.nl.percentTick(0.025, step: 0.005) == "2,5%")
    }
}

@Suite struct NiceTicksTests {
    @Test func roundSteps() {
        let t = NiceTicks(lower: 0, upper: 1_234_567)
        #expect(t.step == 200_000)
        #expect(t.values == [0, 200_000, 400_000, 600_000, 800_000, 1_000_000, 1_200_000])
        #expect(t.niceLower == 0 && t.niceUpper == 1_400_000)
        // Exact decimals: no 0.30000000000000004.
        let small = NiceTicks(lower: -0.31, upper: 0.72)
        #expect(small.step == 0.2)
        #expect(small.values == [-0.2, 0, 0.2, 0.4, 0.6])
        #expect(small.values.map { SVG.n($0) } == ["-0.2", "0", "0.2", "0.4", "0.6"])
        #expect(NiceTicks(lower: 0, upper: 0.1, count: 4).values.map { ReportLocale.en.number($0, digits: 3) }
            == ["0.000", "0.020", "0.040", "0.060", "0.080", "0.100"])
        #expect(NiceTicks.decimals(forStep: 0.05) == 2 && NiceTicks.decimals(forStep: 500) == 0)
    }

    @Test func degenerateRanges() {
        #expect(NiceTicks(lower: 5, upper: 5).values.contains(5))
        #expect(!NiceTicks(lower: 0, upper: 0).values.isEmpty)
        #expect(!NiceTicks(lower: .nan, upper: 1).values.isEmpty)
        #expect(NiceTicks(lower: 7, upper: 3).values == NiceTicks(lower: 3, upper: 7).values)
    }

    @Test func scales() {
        let y = LinearScale(domain: (0, 100), range: (200, 0))
        #expect(y(0) == 200 && y(100) == 0 && y(25) == 150)
        #expect(y.invert(150) == 25)
        let band = BandScale(count: 4, range: (0, 400), padding: 0.2)
        #expect(band.step == 100 && band.center(2) == 250 && band.start(0) == 10 && band.bandwidth == 80)
        let cells = Rect(x: 0, y: 0, width: 100, height: 50).grid(count: 3, columns: 2, gap: 10)
        #expect(cells[1] == Rect(x: 55, y: 0, width: 45, height: 20) && cells[2].y == 30)
    }
}

@Suite struct HistogramTests {
    @Test func binsOnTheAnchorCountExceedancesExactly() {
        let sample: [Double] = [-5, 0, 9.999, 10, 10.000001, 15, 20, 20.5, 100, -100]
        let h = Histogram(sample: sample, anchor: 10, width: 5, firstEdge: -2, lastEdge: 2)
        #expect(h.edges == [0, 5, 10, 15, 20])
        #expect(h.total == sample.count)
        // (.., 5]: -100, -5, 0; (5, 10]: 9.999, 10; (10, 15]: 10.000001, 15; (15, ..): 20, 20.5, 100.
        #expect(h.counts == [3, 2, 2, 3])
        #expect(h.countAboveAnchor == sample.filter { $0 > 10 }.count)
    }

    @Test func niceWidthAroundTheRange() {
        let sample = (0..<1_000).map { Double($0) * 700 - 300_000 }
        let h = Histogram(sample: sample, anchor: 200_000, lower: -300_000, upper: 400_000, bins: 14)
        #expect(h.width == 50_000)
        #expect(h.edges.first! <= -300_000 && h.edges.last! >= 400_000)
        #expect(h.edges.contains(200_000))
        #expect(h.total == 1_000 && h.countAboveAnchor == sample.filter { $0 > 200_000 }.count)
    }
}

@Suite struct ChartTests {
    /// The chart's median line passes through the p50 of every year, to the pixel's rounding.
    @Test func fanChartMedianIsP50() {
        let r = reportFixture()
        let projection = ProjectionStatistics(results: r)
        let fan = (0..<r.years).map { FanQuantiles(sorted: r.column(year: $0, metric: .balanceBK).sorted()) }
        for (y, q) in fan.enumerated() {
            let s = projection[y, .balanceBK]
            #expect(q.p50 == s.quantile(0.5)! && q.p5 == s.quantile(0.05)! && q.p95 == s.quantile(0.95)!)
            #expect(q.p5 <= q.p25 && q.p25 <= q.p50 && q.p50 <= q.p75 && q.p75 <= q.p95)
        }
        let chart = FanChart(title: "bk", labels: (2014..<2020).map(String.init), quantiles: fan)
        var svg = SVG(width: 400, height: 250)
        let layout = chart.draw(in: Rect(x: 0, y: 0, width: 400, height: 250), locale: .nl, into: &svg)
        let median = elements("polyline", class: "median", in: svg.rendered(label: "bk"))
        #expect(median.count == 1)
        let points = SVG.parsePoints(median[0]["points"] ?? "")
        #expect(points.count == r.years)
        let euroPerPixel = (layout.y.domainUpper - layout.y.domainLower) / layout.plot.height
        for (year, point) in points.enumerated() {
            #expect(close(layout.y.invert(point.y), projection[year, .balanceBK].quantile(0.5)!, 0.006 * euroPerPixel))
            #expect(close(point.x, layout.x.center(year), 0.006))
        }
        // Two bands, the outer one holding p5..p95.
        #expect(elements("polygon", class: "band", in: svg.body).count == 2)
        #expect(layout.y.domainLower <= 0 && layout.y.domainUpper >= fan.map(\.p95).max()!)
    }

    @Test func histogramMarkerAndBars() {
        let sample = (0..<1_000).map { Double(($0 * 7_919) % 1_000) * 600 - 250_000 }
        let h = Histogram(sample: sample, anchor: 200_000, lower: -250_000, upper: 350_000, bins: 30)
        let chart = HistogramChart(histogram: h, markerLabel: "voorziening", note: "P")
        var svg = SVG(width: 800, height: 300)
        let layout = chart.draw(in: Rect(x: 0, y: 0, width: 800, height: 300), locale: .nl, into: &svg)
        let marker = elements("line", class: "marker", in: svg.body)
        #expect(marker.count == 1)
        #expect(Double(marker[0]["x1"]!)! == Double(SVG.n(layout.x(200_000)))!)
        #expect(close(layout.x.invert(Double(marker[0]["x1"]!)!), 200_000, 0.006 * h.width))
        // Bars: the shaded ones start at the marker; their heights give back the counts.
        let below = elements("rect", class: "bar", in: svg.body)
        let over = elements("rect", class: "bar over", in: svg.body)
        #expect(over.allSatisfy { Double($0["x"]!)! >= Double(marker[0]["x1"]!)! })
        #expect(below.allSatisfy { Double($0["x"]!)! + Double($0["width"]!)! <= Double(marker[0]["x1"]!)! })
        func count(_ bar: [String: String]) -> Double {
            let height = Double(bar["height"]!)!
            return (layout.y.invert(layout.plot.maxY - height) * Double(h.total))
        }
        #expect(close(over.map(count).reduce(0, +), Double(h.countAboveAnchor), 0.5))
        #expect(close((below + over).map(count).reduce(0, +), 1_000, 0.5))
    }

    @Test func tornadoWidestSwingFirst() {
        let chart = TornadoChart(base: 100, bars: [
            .init(name: "pd", low: 90, high: 130), .init(name: "recovery", low: 95, high: 105),
            .init(name: "applications", low: 60, high: 110), .init(name: "b", low: 95, high: 105),
        ])
        #expect(chart.sortedBars.map(\.name) == ["applications", "pd", "b", "recovery"])
        var svg = SVG(width: 800, height: 200)
        let layout = chart.draw(in: Rect(x: 0, y: 0, width: 800, height: 200), locale: .en, into: &svg)
        let base = elements("line", class: "base", in: svg.body)
        #expect(base.first?["x1"] == SVG.n(layout.x(100)))
        let lows = elements("rect", class: "low", in: svg.body)
        // The first row's low bar runs from 60 to the base.
        #expect(lows.first?["x"] == SVG.n(layout.x(60)))
        #expect(close(Double(lows.first!["width"]!)!, layout.x(100) - layout.x(60), 0.01))
    }

    @Test func columnsStartAtZero() {
        let chart = ColumnChart(labels: ["2014", "2015"], series: [
            .init(name: "a", color: Palette.blue, values: [100, -50]),
            .init(name: "b", color: Palette.orange, values: [30, 60]),
        ])
        let layout = chart.layout(in: Rect(x: 0, y: 0, width: 400, height: 200))
        let up = chart.column(0, series: 0, layout), down = chart.column(1, series: 0, layout)
        #expect(close(up.maxY, layout.y(0), 1e-9) && close(up.minY, layout.y(100), 1e-9))
        #expect(close(down.minY, layout.y(0), 1e-9) && close(down.maxY, layout.y(-50), 1e-9))
        #expect(chart.column(0, series: 1, layout).minX > up.minX)
    }
}
