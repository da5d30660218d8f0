/// Grouped columns: per category (year) one column per series (lasten, baten, ...), from zero.
struct ColumnChart {
    struct Series {
        var name: String
        var color: String
        var values: [Double]
    }

    var title: String? = nil
    var unit: String? = nil
    var labels: [String]
    var series: [Series]
    var format: AxisFormat = .euros

    typealias Layout = CategoryLayout

    func layout(in frame: Rect) -> Layout {
        CategoryLayout(frame: frame, titled: title != nil, unit: unit, categories: labels.count,
                       values: [0] + series.flatMap(\.values), padding: 0.22)
    }

    /// Column `series` of category `index`: its rectangle.
    func column(_ index: Int, series s: Int, _ l: Layout) -> Rect {
        let width = l.x.bandwidth / Double(max(series.count, 1))
        let value = series[s].values[index]
        let y0 = l.y(0), y1 = l.y(value.isFinite ? value : 0)
        return Rect(x: l.x.start(index) + Double(s) * width, y: min(y0, y1), width: max(width - 0.5, 0.5),
                    height: abs(y1 - y0))
    }

    @discardableResult
    func draw(in frame: Rect, locale: ReportLocale, into svg: inout SVG) -> Layout {
        let l = layout(in: frame)
        l.drawAxes(title: title, unit: unit, labels: labels, format: format, frame: frame, locale: locale, into: &svg)
        for i in labels.indices {
            for s in series.indices {
                svg.rect(column(i, series: s, l), fill: series[s].color, cls: "column")
            }
        }
        return l
    }
}
