/// A tornado: per assumption, the figure with the assumption at its low and at its high
/// setting, as bars from the base value, the widest swing on top.
struct TornadoChart {
    struct Bar: Equatable {
        var name: String
        var low: Double
        var high: Double
        var swing: Double { abs(high - low) }
    }

    var title: String? = nil
    var base: Double
    var bars: [Bar]
    var format: AxisFormat = .euros
    var labelWidth: Double = 170
    static let lowColor = Palette.skyBlue
    static let highColor = Palette.orange

    /// Widest swing first; equal swings by name, so the order never depends on the input's.
    var sortedBars: [Bar] {
        bars.sorted { $0.swing != $1.swing ? $0.swing > $1.swing : $0.name < $1.name }
    }

    struct Layout {
        var plot: Rect
        var x: LinearScale
        var ticks: NiceTicks
        var rows: BandScale
    }

    func layout(in frame: Rect) -> Layout {
        let plot = frame.inset(top: title == nil ? 8 : 28, left: labelWidth, bottom: 28, right: 20)
        let values = ([base] + bars.flatMap { [$0.low, $0.high] }).filter(\.isFinite)
        let (x, ticks) = LinearScale.nice(domain: (values.min() ?? 0, values.max() ?? 1), range: (plot.minX, plot.maxX),
                                          tickCount: max(2, min(6, Int(plot.width / 90))))
        return Layout(plot: plot, x: x, ticks: ticks,
                      rows: BandScale(count: bars.count, range: (plot.minY, plot.maxY), padding: 0.25))
    }

    @discardableResult
    func draw(in frame: Rect, locale: ReportLocale, into svg: inout SVG) -> Layout {
        let l = layout(in: frame)
        if let title { Axis.panelTitle(title, frame: frame, into: &svg) }
        Axis.grid(l.x, ticks: l.ticks, plot: l.plot, into: &svg)
        Axis.bottom(l.x, ticks: l.ticks, plot: l.plot, format: format, locale: locale, into: &svg)
        let baseX = l.x(base)
        for (i, bar) in sortedBars.enumerated() {
            svg.text(bar.name, x: l.plot.minX - 8, y: l.rows.center(i), anchor: .end, cls: "label", dy: 0.35)
            for (value, color, cls) in [(bar.low, Self.lowColor, "low"), (bar.high, Self.highColor, "high")] {
                let x = l.x(value)
                svg.rect(Rect(x: min(baseX, x), y: l.rows.start(i), width: max(abs(x - baseX), 0.5),
                              height: l.rows.bandwidth), fill: color, cls: cls)
            }
        }
        svg.line(x1: baseX, y1: l.plot.minY - 4, x2: baseX, y2: l.plot.maxY, stroke: Palette.ink, width: 1.5,
                 cls: "base")
        return l
    }
}
