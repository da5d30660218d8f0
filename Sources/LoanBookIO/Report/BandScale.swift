/// Equal bands for categories (years, kinds) along a range of pixels, with `padding` (a share
/// of the step) between them; lines and bars over the same categories share its centres.
struct BandScale: Equatable {
    var count: Int
    var rangeStart: Double
    var rangeEnd: Double
    var padding: Double

    init(count: Int, range: (Double, Double), padding: Double = 0.2) {
        self.count = max(count, 1)
        (rangeStart, rangeEnd) = range
        self.padding = padding
    }

    /// The distance from one band's start to the next.
    var step: Double { (rangeEnd - rangeStart) / Double(count) }
    var bandwidth: Double { step * (1 - padding) }

    func start(_ index: Int) -> Double { rangeStart + Double(index) * step + step * padding / 2 }
    func center(_ index: Int) -> Double { rangeStart + (Double(index) + 0.5) * step }
}
