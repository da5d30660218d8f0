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

    typealias Layout = CategoryLayout

    func layout(in frame: Rect) -> Layout {
        var values: [Double] = includeZero ? [0] : []
        for s in series {
            values += s.values
            for band in s.bands { values += band.lower + band.upper }
        }
        return CategoryLayout(frame: frame, titled: title != nil, unit: unit, categories: labels.count,
                              values: values, padding: 0)
    }

    /// The line's points for series `index` in `layout`.
    func points(_ index: Int, _ layout: Layout) -> [(x: Double, y: Double)] {
        series[index].values.enumerated().map { (layout.x.center($0), layout.y($1)) }
    }

    @discardableResult
    func draw(in frame: Rect, locale: ReportLocale, into svg: inout SVG) -> Layout {
        let l = layout(in: frame)
        l.drawAxes(title: title, unit: unit, labels: labels, format: format, frame: frame, locale: locale, into: &svg)
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
