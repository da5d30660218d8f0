/// A rectangle in SVG user units: a chart's frame, a plot area inside it.
struct Rect: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var minX: Double { x }
    var maxX: Double { x + width }
    var minY: Double { y }
    var maxY: Double { y + height }

    /// The rectangle shrunk by the given margins.
    func inset(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: max(width - left - right, 1), height: max(height - top - bottom, 1))
    }

    /// `count` equal cells, `columns` to a row, `gap` apart: the frames of small multiples.
    func grid(count: Int, columns: Int, gap: Double = 16) -> [Rect] {
        let columns = max(1, min(columns, count))
        let rows = (count + columns - 1) / columns
        let cellWidth = (width - gap * Double(columns - 1)) / Double(columns)
        let cellHeight = (height - gap * Double(rows - 1)) / Double(rows)
        return (0..<count).map { i in
            Rect(x: x + Double(i % columns) * (cellWidth + gap), y: y + Double(i / columns) * (cellHeight + gap),
                 width: cellWidth, height: cellHeight)
        }
    }
}
