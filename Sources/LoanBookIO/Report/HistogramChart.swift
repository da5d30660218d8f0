/// A histogram with a marker (the provision) and the bins beyond it shaded: the distribution
/// of the yearly cost above budget, and how much of it the provision does not cover.
struct HistogramChart {
    var title: String? = nil
    var histogram: Histogram
    /// The marker's label, above the plot at the anchor ("provision € 200.000").
    var markerLabel: String? = nil
    /// A figure printed top right of the plot ("P = 23,4%").
    var note: String? = nil
    var xTitle: String? = nil
    var xFormat: AxisFormat = .euros
    var unit: String? = nil
    var compact = false

    static let below = Palette.skyBlue
    static let above = Palette.vermillion

    struct Layout {
        var plot: Rect
        var x: LinearScale
        var y: LinearScale
        var xTicks: NiceTicks
        var yTicks: NiceTicks
        /// The marker's x.
        var markerX: Double
    }

    func layout(in frame: Rect) -> Layout {
        let top = (title == nil ? 0 : 20) + (unit == nil && markerLabel == nil ? 8 : 22)
        let plot = frame.inset(top: Double(top), left: compact ? 40 : 76, bottom: xTitle == nil ? 24 : 38,
                               right: compact ? 6 : 10)
        let edges = histogram.edges
        let x = LinearScale(domain: (edges[0], edges[edges.count - 1]), range: (plot.minX, plot.maxX))
        let xTicks = NiceTicks(lower: edges[0], upper: edges[edges.count - 1], count: compact ? 4 : 8)
        let total = Double(max(histogram.total, 1))
        let largest = Double(histogram.counts.max() ?? 0) / total
        let (y, yTicks) = LinearScale.nice(domain: (0, largest), range: (plot.maxY, plot.minY),
                                           tickCount: compact ? 3 : 5)
        return Layout(plot: plot, x: x, y: y, xTicks: xTicks, yTicks: yTicks, markerX: x(histogram.anchor))
    }

    @discardableResult
    func draw(in frame: Rect, locale: ReportLocale, into svg: inout SVG) -> Layout {
        let l = layout(in: frame)
        if let title { Axis.panelTitle(title, frame: frame, into: &svg) }
        svg.rect(Rect(x: l.markerX, y: l.plot.minY, width: l.plot.maxX - l.markerX, height: l.plot.height),
                 fill: Self.above, opacity: 0.08, cls: "exceedance")
        Axis.left(l.y, ticks: l.yTicks, plot: l.plot, format: .percent, locale: locale, title: unit, into: &svg)
        Axis.bottom(l.x, ticks: l.xTicks, plot: l.plot, format: xFormat, locale: locale, title: xTitle, into: &svg)
        let total = Double(max(histogram.total, 1))
        let edges = histogram.edges
        for (i, count) in histogram.counts.enumerated() where count > 0 {
            let x0 = l.x(edges[i]), x1 = l.x(edges[i + 1])
            let top = l.y(Double(count) / total)
            let over = i >= histogram.anchorIndex
            svg.rect(Rect(x: x0 + 0.5, y: top, width: max(x1 - x0 - 1, 0.5), height: l.plot.maxY - top),
                     fill: over ? Self.above : Self.below, cls: over ? "bar over" : "bar")
        }
        svg.line(x1: l.markerX, y1: l.plot.minY - 4, x2: l.markerX, y2: l.plot.maxY, stroke: Palette.ink,
                 width: 1.5, dash: "5 3", cls: "marker")
        // Labels beside the marker, on the side with room for them.
        if let markerLabel {
            let (x, anchor) = Self.beside(l.markerX, text: markerLabel, in: l.plot, size: 12)
            svg.text(markerLabel, x: x, y: l.plot.minY - 8, anchor: anchor, cls: "label")
        }
        if let note, compact {
            // Small panels: on the title's line, right.
            svg.text(note, x: l.plot.maxX, y: frame.minY + 13, anchor: .end, cls: "value", fill: Self.above)
        } else if let note {
            let (x, anchor) = Self.beside(l.markerX, text: note, in: l.plot, size: 12)
            svg.text(note, x: x, y: l.plot.minY + 14, anchor: anchor, cls: "value", fill: Self.above)
        }
        return l
    }

    /// Where text next to a vertical line at x goes: right of it if it fits, else left of it.
    static func beside(_ x: Double, text: String, in plot: Rect, size: Double) -> (Double, SVG.Anchor) {
        let width = Double(text.count) * size * 0.6
        return x + 5 + width <= plot.maxX + 8 ? (x + 5, .start) : (x - 5, .end)
    }
}
