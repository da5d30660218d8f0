/// How an axis prints its tick values.
enum AxisFormat {
    /// Euros: whole euros with grouped thousands, millions once the axis reaches one.
    case euros
    /// Fractions printed as percentages.
    case percent
    /// Euros in thousands, without the sign ("−200", "0", "200"): small panels, whose caption
    /// gives the unit.
    case thousands
    /// Plain numbers (counts of paths).
    case number

    func label(_ value: Double, ticks: NiceTicks, locale: ReportLocale) -> String {
        switch self {
        case .euros:
            let largest = ticks.values.map(abs).max() ?? abs(value)
            return locale.euroTick(value, step: ticks.step, largest: largest)
        case .percent:
            return locale.percentTick(value, step: ticks.step)
        case .thousands:
            return locale.number(value / 1000, digits: NiceTicks.decimals(forStep: ticks.step / 1000))
        case .number:
            return locale.number(value, digits: NiceTicks.decimals(forStep: ticks.step))
        }
    }
}
