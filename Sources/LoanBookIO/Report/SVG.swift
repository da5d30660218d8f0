/// An inline SVG picture built from a few primitives, written as text in the order drawn.
///
/// Coordinates print with at most two decimals and no trailing zeros (`DecimalFormat`), so the
/// same chart is the same bytes everywhere. Colours are attributes; fonts come from the page's
/// style sheet (classes `title`, `tick`, `label`, `value`), so a chart stays legible whether the
/// page is on screen or on A4.
struct SVG {
    let width: Double
    let height: Double
    private(set) var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// `<svg>` with a viewBox (it scales to the page's width) and an accessible name.
    func rendered(label: String) -> String {
        // No xmlns: inline SVG in HTML needs none, and the page holds no URL at all.
        "<svg viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" "
            + "role=\"img\" aria-label=\"\(HTML.escape(label))\">\n<title>\(HTML.escape(label))</title>\n"
            + body + "</svg>"
    }

    mutating func rect(_ r: Rect, fill: String, opacity: Double? = nil, cls: String? = nil) {
        body += "<rect" + Self.cls(cls) + " x=\"\(Self.n(r.x))\" y=\"\(Self.n(r.y))\" width=\"\(Self.n(r.width))\" "
            + "height=\"\(Self.n(r.height))\" fill=\"\(fill)\"" + Self.opacity(opacity) + "/>\n"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
                       dash: String? = nil, cls: String? = nil) {
        body += "<line" + Self.cls(cls) + " x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" "
            + "y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>\n"
    }

    mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double = 2,
                           dash: String? = nil, cls: String? = nil) {
        body += "<polyline" + Self.cls(cls) + " points=\"\(Self.points(points))\" fill=\"none\" stroke=\"\(stroke)\" "
            + "stroke-width=\"\(Self.n(width))\" stroke-linejoin=\"round\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>\n"
    }

    mutating func polygon(_ points: [(x: Double, y: Double)], fill: String, opacity: Double? = nil,
                          cls: String? = nil) {
        body += "<polygon" + Self.cls(cls) + " points=\"\(Self.points(points))\" fill=\"\(fill)\""
            + Self.opacity(opacity) + "/>\n"
    }

    enum Anchor: String { case start, middle, end }

    /// Text with its baseline at y (`dy` em shifts it, e.g. 0.35 to centre it on y).
    mutating func text(_ s: String, x: Double, y: Double, anchor: Anchor = .start, cls: String = "tick",
                       fill: String? = nil, dy: Double? = nil, rotate: Double? = nil) {
        body += "<text class=\"\(cls)\" x=\"\(Self.n(x))\" y=\"\(Self.n(y))\""
            + (anchor == .start ? "" : " text-anchor=\"\(anchor.rawValue)\"")
            + (dy.map { " dy=\"\(Self.n($0))em\"" } ?? "")
            + (fill.map { " fill=\"\($0)\"" } ?? "")
            + (rotate.map { " transform=\"rotate(\(Self.n($0)) \(Self.n(x)) \(Self.n(y)))\"" } ?? "")
            + ">\(HTML.escape(s))</text>\n"
    }

    /// A coordinate: two decimals at most, trailing zeros dropped ("12.5", "40", "-3.25").
    static func n(_ x: Double) -> String {
        var s = DecimalFormat.fixed(x, digits: 2)
        guard s.contains(".") else { return s }
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    static func points(_ points: [(x: Double, y: Double)]) -> String {
        points.map { n($0.x) + "," + n($0.y) }.joined(separator: " ")
    }

    /// Parses a `points` attribute back into coordinates (for tests and checks).
    static func parsePoints(_ text: String) -> [(x: Double, y: Double)] {
        text.split(separator: " ").compactMap { pair in
            let xy = pair.split(separator: ",")
            guard xy.count == 2, let x = Double(xy[0]), let y = Double(xy[1]) else { return nil }
            return (x, y)
        }
    }

    private static func cls(_ c: String?) -> String { c.map { " class=\"\($0)\"" } ?? "" }
    private static func opacity(_ o: Double?) -> String { o.map { " fill-opacity=\"\(n($0))\"" } ?? "" }
}
