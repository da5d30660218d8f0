/// Counts of a sample in equal bins, one of whose edges is an `anchor` (the provision), so
/// that the bins right of it hold exactly the values above it.
///
/// Bin i is (edges[i], edges[i+1]], closed on the right, matching "exceeds" as strictly
/// greater: the bins from `anchorIndex` on count exactly the sample's values > anchor. The
/// first bin also takes everything at or below edges[0], the last everything above
/// edges.last, so the counts always add up to the sample's size (a histogram clipped to the
/// bulk of the distribution keeps its far tails in its end bins).
struct Histogram: Equatable, Sendable {
    let anchor: Double
    let width: Double
    /// edges[i] = anchor + (firstEdge + i) x width; firstEdge < 0 < firstEdge + counts.count.
    let firstEdge: Int
    let counts: [Int]

    /// - Parameters:
    ///   - lower, upper: the range to cover (widened to at least one bin either side of `anchor`).
    ///   - bins: about how many bins; the width is a nice number (1, 2 or 5 x 10^e).
    init(sample: some Sequence<Double>, anchor: Double, lower: Double, upper: Double, bins: Int) {
        let width = NiceTicks(lower: min(lower, anchor), upper: max(upper, anchor), count: bins).step
        let first = min(-1, Int(((lower - anchor) / width).rounded(.down)))
        let last = max(1, Int(((upper - anchor) / width).rounded(.up)))
        self.init(sample: sample, anchor: anchor, width: width, firstEdge: first, lastEdge: last)
    }

    init(sample: some Sequence<Double>, anchor: Double, width: Double, firstEdge: Int, lastEdge: Int) {
        precondition(width > 0 && firstEdge < 0 && lastEdge > 0, "a histogram needs bins either side of its anchor")
        self.anchor = anchor
        self.width = width
        self.firstEdge = firstEdge
        var counts = [Int](repeating: 0, count: lastEdge - firstEdge)
        let anchorIndex = -firstEdge
        for x in sample where !x.isNaN {
            // Measured from the anchor, so the side of the anchor never depends on rounding.
            let index: Int
            if x > anchor {
                let t = (x - anchor) / width
                index = t >= Double(counts.count) ? counts.count - 1 : anchorIndex + Int(t.rounded(.up)) - 1
            } else {
                let t = (anchor - x) / width
                index = t >= Double(counts.count) ? 0 : anchorIndex - 1 - Int(t.rounded(.down))
            }
            counts[min(max(index, 0), counts.count - 1)] += 1
        }
        self.counts = counts
    }

    /// Index of the first bin above the anchor.
    var anchorIndex: Int { -firstEdge }
    var edges: [Double] { (0...counts.count).map { anchor + Double(firstEdge + $0) * width } }
    var total: Int { counts.reduce(0, +) }
    /// The number of values strictly above the anchor.
    var countAboveAnchor: Int { counts[anchorIndex...].reduce(0, +) }
}
