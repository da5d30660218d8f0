/// Lines over categories (years), each with bands around it: a mean with its 90% band, a
/// median with its fan, a difference with its confidence interval. Bands are drawn first,
/// widest first, then the lines, then reference lines (a norm, zero) on top.
struct LineBandChart {
    struct Band {
        var lower: [Double]
        var upper: [Double]
        var opacity: Double
    }

    struct Series {
        var name: String
        var color: String
        /// The line: one value per category.
        var values: [Double]
        var bands: [Band] = []
        var dashed = false
        /// The SVG class of the line, so a reader (or a test) can find it.
        var cls: String? = nil
    }

    var title: String? = nil
    /// The unit, printed above the value axis ("€", "%").
    var unit: String? = nil
    var labels: [String]
    var series: [Series]
    var format: AxisFormat = .euros
    /// Whether the value axis reaches zero (balances, costs: yes).
    var includeZero = true

    struct Layout {
        var plot: Rect
        var x: BandScale
        var y: LinearScale
        var ticks: NiceTicks
    }

    func layout(in frame: Rect) -> Layout {
        let plot = frame.inset(top: (title == nil ? 0 : 20) + (unit == nil ? 8 : 22), left: 76, bottom: 24, right: 10)
        var values: [Double] = includeZero ? [0] : []
        for s in series {
            values += s.values
            for band in s.bands { values += band.lower + band.upper }
        }
        let finite = values.filter(\.isFinite)
        let (y, ticks) = LinearScale.nice(domain: (finite.min() ?? 0, finite.max() ?? 1),
                                          range: (plot.maxY, plot.minY))
        return Layout(plot: plot, x: BandScale(count: labels.count, range: (plot.minX, plot.maxX), padding: 0),
                      y: y, ticks: ticks)
    }

    /// The line's points for series `index` in `layout`.
    func points(_ index: Int, _ layout: Layout) -> [(x: Double, y: Double)] {
        series[index].values.enumerated().map { (layout.x.center($0), layout.y($1)) }
    }

    @discardableResult
    func draw(in frame: Rect, locale: ReportLocale, into svg: inout SVG) -> Layout {
        let l = layout(in: frame)
        if let title { Axis.panelTitle(title, frame: frame, into: &svg) }
        Axis.left(l.y, ticks: l.ticks, plot: l.plot, format: format, locale: locale, title: unit, into: &svg)
        Axis.bottom(l.x, labels: labels, plot: l.plot, into: &svg)
        for s in series {
            for band in s.bands.sorted(by: { $0.opacity < $1.opacity }) {
                let upper = band.upper.enumerated().map { (l.x.center($0), l.y($1)) }
                let lower = band.lower.enumerated().map { (l.x.center($0), l.y($1)) }
                svg.polygon(upper + lower.reversed(), fill: s.color, opacity: band.opacity, cls: "band")
            }
        }
        for (i, s) in series.enumerated() {
            svg.polyline(points(i, l), stroke: s.color, width: s.dashed ? 1.6 : 2.2, dash: s.dashed ? "6 4" : nil,
                         cls: s.cls)
        }
        return l
    }
}
