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
    /// Room for the assumption names (about 7 px a character at the label size): assumption
    /// names such as `extra_applications.established` are long.
    var labelWidth: Double { min(320, max(120, Double(bars.map(\.name.count).max() ?? 0) * 7 + 16)) }
    static let lowColor = Palette.skyBlue
    static let highColor = Palette.orange

    /// Widest swing first; equal swings by name, so the order never depends on the input's.
    var sortedBars: [Bar] {
        bars.sorted { $0.swing != $1.swing ? $0.swing > $1.swing : $0.name < $1.name }
    }

    typealias Layout = RowLayout

    func layout(in frame: Rect) -> Layout {
        RowLayout(frame: frame, titled: title != nil, left: labelWidth, right: 20, rows: bars.count,
                  values: [base] + bars.flatMap { [$0.low, $0.high] }, padding: 0.25)
    }

    @discardableResult
    func draw(in frame: Rect, locale: ReportLocale, into svg: inout SVG) -> Layout {
        let l = layout(in: frame)
        l.drawAxes(title: title, format: format, frame: frame, locale: locale, into: &svg)
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
