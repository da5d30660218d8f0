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

    struct Layout {
        var plot: Rect
        var x: BandScale
        var y: LinearScale
        var ticks: NiceTicks
    }

    func layout(in frame: Rect) -> Layout {
        let plot = frame.inset(top: (title == nil ? 0 : 20) + (unit == nil ? 8 : 22), left: 76, bottom: 24, right: 10)
        let values = ([0] + series.flatMap(\.values)).filter(\.isFinite)
        let (y, ticks) = LinearScale.nice(domain: (values.min() ?? 0, values.max() ?? 1), range: (plot.maxY, plot.minY))
        return Layout(plot: plot, x: BandScale(count: labels.count, range: (plot.minX, plot.maxX), padding: 0.22),
                      y: y, ticks: ticks)
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
        if let title { Axis.panelTitle(title, frame: frame, into: &svg) }
        Axis.left(l.y, ticks: l.ticks, plot: l.plot, format: format, locale: locale, title: unit, into: &svg)
        Axis.bottom(l.x, labels: labels, plot: l.plot, into: &svg)
        for i in labels.indices {
            for s in series.indices {
                svg.rect(column(i, series: s, l), fill: series[s].color, cls: "column")
            }
        }
        return l
    }
}
