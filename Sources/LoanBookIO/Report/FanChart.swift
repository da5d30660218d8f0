/// A fan chart: the median per year inside its 25-75% and 5-95% bands, the shape of a
/// projection's uncertainty at a glance.
struct FanChart {
    var title: String?
    var labels: [String]
    var quantiles: [FanQuantiles]
    var color = Palette.blue
    var format: AxisFormat = .euros
    var unit: String? = nil

    /// The bands' opacities: the inner band darker.
    static let outerOpacity = 0.18
    static let innerOpacity = 0.38

    var chart: LineBandChart {
        LineBandChart(
            title: title, unit: unit, labels: labels,
            series: [LineBandChart.Series(
                name: "p50", color: color, values: quantiles.map(\.p50),
                bands: [
                    .init(lower: quantiles.map(\.p5), upper: quantiles.map(\.p95), opacity: Self.outerOpacity),
                    .init(lower: quantiles.map(\.p25), upper: quantiles.map(\.p75), opacity: Self.innerOpacity),
                ],
                cls: "median")],
            format: format)
    }

    @discardableResult
    func draw(in frame: Rect, locale: ReportLocale, into svg: inout SVG) -> LineBandChart.Layout {
        chart.draw(in: frame, locale: locale, into: &svg)
    }
}
