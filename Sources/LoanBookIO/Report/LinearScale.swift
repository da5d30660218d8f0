/// Maps a domain of values linearly onto a range of pixels (the range may run backwards, as a
/// y axis does: larger values higher up, at smaller y).
struct LinearScale: Equatable {
    var domainLower: Double
    var domainUpper: Double
    var rangeStart: Double
    var rangeEnd: Double

    init(domain: (Double, Double), range: (Double, Double)) {
        (domainLower, domainUpper) = domain
        (rangeStart, rangeEnd) = range
    }

    /// The scale over the nice domain around `domain` (widened to contain `including`), and the
    /// ticks that label it.
    static func nice(domain: (Double, Double), including: [Double] = [], range: (Double, Double),
                     tickCount: Int = 5) -> (scale: LinearScale, ticks: NiceTicks) {
        let values = [domain.0, domain.1] + including
        let finite = values.filter(\.isFinite)
        let ticks = NiceTicks(lower: finite.min() ?? 0, upper: finite.max() ?? 1, count: tickCount, covering: true)
        return (LinearScale(domain: (ticks.niceLower, ticks.niceUpper), range: range), ticks)
    }

    func callAsFunction(_ x: Double) -> Double {
        let span = domainUpper - domainLower
        guard span != 0 else { return (rangeStart + rangeEnd) / 2 }
        return rangeStart + (x - domainLower) / span * (rangeEnd - rangeStart)
    }

    func invert(_ pixel: Double) -> Double {
        let span = rangeEnd - rangeStart
        guard span != 0 else { return domainLower }
        return domainLower + (pixel - rangeStart) / span * (domainUpper - domainLower)
    }
}
