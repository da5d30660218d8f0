/// Axes, grid lines and titles drawn around a plot area.
enum Axis {
    /// Horizontal grid lines at the ticks and their labels left of the plot; the zero line,
    /// when in view, darker. `title` (the unit) goes above the labels.
    static func left(_ scale: LinearScale, ticks: NiceTicks, plot: Rect, format: AxisFormat, locale: ReportLocale,
                     title: String? = nil, into svg: inout SVG) {
        for value in ticks.values {
            let y = scale(value)
            svg.line(x1: plot.minX, y1: y, x2: plot.maxX, y2: y, stroke: value == 0 ? Palette.axis : Palette.grid,
                     width: value == 0 ? 1 : 0.8)
            svg.text(format.label(value, ticks: ticks, locale: locale), x: plot.minX - 6, y: y, anchor: .end,
                     dy: 0.35)
        }
        if let title { svg.text(title, x: plot.minX - 6, y: plot.minY - 8, anchor: .end, cls: "label") }
    }

    /// About how wide a tick label is (11px, proportional digits).
    static func labelWidth(_ label: String) -> Double { Double(label.count) * 6.5 }

    /// Category labels (years) under the plot at the bands' centres; with many categories only
    /// every `stride`-th is labelled, so labels never run into each other.
    static func bottom(_ band: BandScale, labels: [String], plot: Rect, title: String? = nil,
                       into svg: inout SVG) {
        svg.line(x1: plot.minX, y1: plot.maxY, x2: plot.maxX, y2: plot.maxY, stroke: Palette.axis)
        let widest = Double(labels.map(\.count).max() ?? 1) * 7 + 6
        let stride = max(1, Int((widest / band.step).rounded(.up)))
        for (i, label) in labels.enumerated() {
            let x = band.center(i)
            svg.line(x1: x, y1: plot.maxY, x2: x, y2: plot.maxY + 4, stroke: Palette.axis)
            if i % stride == 0 { svg.text(label, x: x, y: plot.maxY + 16, anchor: .middle) }
        }
        if let title { svg.text(title, x: plot.maxX, y: plot.maxY + 32, anchor: .end, cls: "label") }
    }

    /// Value ticks under the plot (a histogram's x axis). A label that would run into the one
    /// before it, or out of the picture, is left out; its tick stays.
    static func bottom(_ scale: LinearScale, ticks: NiceTicks, plot: Rect, format: AxisFormat,
                       locale: ReportLocale, title: String? = nil, into svg: inout SVG) {
        svg.line(x1: plot.minX, y1: plot.maxY, x2: plot.maxX, y2: plot.maxY, stroke: Palette.axis)
        var free = -Double.infinity
        for value in ticks.values {
            let x = scale(value)
            svg.line(x1: x, y1: plot.maxY, x2: x, y2: plot.maxY + 4, stroke: Palette.axis)
            let label = format.label(value, ticks: ticks, locale: locale)
            let half = labelWidth(label) / 2
            guard x - half >= free, x + half <= svg.width else { continue }
            svg.text(label, x: x, y: plot.maxY + 16, anchor: .middle)
            free = x + half + 10
        }
        if let title { svg.text(title, x: plot.maxX, y: plot.maxY + 32, anchor: .end, cls: "label") }
    }

    /// Vertical grid lines at the ticks of a horizontal value axis; the zero line darker.
    static func grid(_ scale: LinearScale, ticks: NiceTicks, plot: Rect, into svg: inout SVG) {
        for value in ticks.values {
            let x = scale(value)
            svg.line(x1: x, y1: plot.minY, x2: x, y2: plot.maxY, stroke: value == 0 ? Palette.axis : Palette.grid,
                     width: value == 0 ? 1 : 0.8)
        }
    }

    /// A panel's title, top left of its frame.
    static func panelTitle(_ title: String, frame: Rect, into svg: inout SVG) {
        svg.text(title, x: frame.minX, y: frame.minY + 13, cls: "title")
    }
}
