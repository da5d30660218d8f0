/// Horizontal bars from zero, one per labelled item, each with its value written beside it:
/// risk contributions by kind or sector. Negative values (a part that lowers the total) point left.
struct BarChart {
    struct Bar {
        var label: String
        var value: Double
        /// Written at the bar's end; by default the value in the axis format.
        var note: String? = nil
    }

    var title: String? = nil
    var bars: [Bar]
    var color = Palette.blue
    var format: AxisFormat = .euros
    /// Room for the labels left of the bars.
    var labelWidth: Double = 120
    /// Room for the notes right of the bars.
    var noteWidth: Double = 96
    static let rowHeight = 24.0

    /// The height that fits `count` bars with the axis and a title.
    static func height(bars count: Int, titled: Bool) -> Double {
        Double(count) * rowHeight + (titled ? 28 : 8) + 28
    }

    typealias Layout = RowLayout

    func layout(in frame: Rect) -> Layout {
        RowLayout(frame: frame, titled: title != nil, left: labelWidth, right: noteWidth, rows: bars.count,
                  values: [0] + bars.map(\.value), padding: 0.3)
    }

    @discardableResult
    func draw(in frame: Rect, locale: ReportLocale, into svg: inout SVG) -> Layout {
        let l = layout(in: frame)
        l.drawAxes(title: title, format: format, frame: frame, locale: locale, into: &svg)
        let zero = l.x(0)
        for (i, bar) in bars.enumerated() {
            let y = l.rows.start(i), end = l.x(bar.value.isFinite ? bar.value : 0)
            svg.text(bar.label, x: l.plot.minX - 8, y: l.rows.center(i), anchor: .end, cls: "label", dy: 0.35)
            svg.rect(Rect(x: min(zero, end), y: y, width: max(abs(end - zero), 0.5), height: l.rows.bandwidth),
                     fill: color, cls: "hbar")
            let note = bar.note ?? format.label(bar.value, ticks: l.ticks, locale: locale)
            // Right of the bar or of the zero line, never over the labels.
            svg.text(note, x: max(zero, end) + 6, y: l.rows.center(i), cls: "value", dy: 0.35)
        }
        return l
    }
}
