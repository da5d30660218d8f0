/// Categories (years) along the x axis and values up the y axis: where line, fan and column
/// charts draw. The value axis covers `values` on a nice domain.
struct CategoryLayout {
    var plot: Rect
    var x: BandScale
    var y: LinearScale
    var ticks: NiceTicks

    /// - Parameters:
    ///   - titled, unit: room above the plot for a panel title and a unit label.
    ///   - padding: the gap between categories' bands (0 for lines, about 0.2 for columns).
    init(frame: Rect, titled: Bool, unit: String?, categories: Int, values: [Double], padding: Double) {
        plot = frame.inset(top: (titled ? 20 : 0) + (unit == nil ? 8 : 22), left: 76, bottom: 24, right: 10)
        let finite = values.filter(\.isFinite)
        (y, ticks) = LinearScale.nice(domain: (finite.min() ?? 0, finite.max() ?? 1), range: (plot.maxY, plot.minY))
        x = BandScale(count: categories, range: (plot.minX, plot.maxX), padding: padding)
    }

    /// The panel title, the value axis with its grid and the category labels.
    func drawAxes(title: String?, unit: String?, labels: [String], format: AxisFormat, frame: Rect,
                  locale: ReportLocale, into svg: inout SVG) {
        if let title { Axis.panelTitle(title, frame: frame, into: &svg) }
        Axis.left(y, ticks: ticks, plot: plot, format: format, locale: locale, title: unit, into: &svg)
        Axis.bottom(x, labels: labels, plot: plot, into: &svg)
    }
}

/// Labelled rows down the y axis and values along the x axis: where bar and tornado charts
/// draw. The value axis covers `values` on a nice domain with about one tick per 90 units.
struct RowLayout {
    var plot: Rect
    var x: LinearScale
    var ticks: NiceTicks
    var rows: BandScale

    init(frame: Rect, titled: Bool, left: Double, right: Double, rows count: Int, values: [Double], padding: Double) {
        plot = frame.inset(top: titled ? 28 : 8, left: left, bottom: 28, right: right)
        let finite = values.filter(\.isFinite)
        (x, ticks) = LinearScale.nice(domain: (finite.min() ?? 0, finite.max() ?? 1), range: (plot.minX, plot.maxX),
                                      tickCount: max(2, min(6, Int(plot.width / 90))))
        rows = BandScale(count: count, range: (plot.minY, plot.maxY), padding: padding)
    }

    /// The panel title, the grid and the value axis under the rows.
    func drawAxes(title: String?, format: AxisFormat, frame: Rect, locale: ReportLocale, into svg: inout SVG) {
        if let title { Axis.panelTitle(title, frame: frame, into: &svg) }
        Axis.grid(x, ticks: ticks, plot: plot, into: &svg)
        Axis.bottom(x, ticks: ticks, plot: plot, format: format, locale: locale, into: &svg)
    }
}
