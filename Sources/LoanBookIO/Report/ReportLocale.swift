/// The language and number format of report.html.
///
/// Dutch by default, since the readers are a Dutch municipality's staff: `€ 1.234.568`,
/// `12,5%`, `1,5 mln`. English on request: `€1,234,568`, `12.5%`, `1.5M`. Every format is
/// locale-free in the process sense (no `String(format:)`, no Foundation locale), so the same
/// figures give the same bytes on every machine. Negative numbers take the minus sign U+2212.
public enum ReportLocale: String, CaseIterable, Sendable {
    case nl
    case en

    var groupingSeparator: Character { self == .nl ? "." : "," }
    var decimalSeparator: Character { self == .nl ? "," : "." }
    /// After a number of millions: "1,5 mln", "1.5M".
    var millions: String { self == .nl ? " mln" : "M" }

    /// `x` rounded half away from zero to `digits` decimals with grouped thousands:
    /// `number(1234567.891)` is "1.234.568" (nl) or "1,234,568" (en). NaN is "–".
    public func number(_ x: Double, digits: Int = 0) -> String {
        guard x.isFinite else { return x.isNaN ? "–" : (x < 0 ? "−∞" : "∞") }
        let text = DecimalFormat.fixed(x, digits: digits)
        guard !text.contains("e") else { return text }  // beyond exact cents: DecimalFormat's fallback
        let negative = text.hasPrefix("-")
        let unsigned = negative ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        let whole = Array(parts[0])
        var out = negative ? "−" : ""
        for (i, digit) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { out.append(groupingSeparator) }
            out.append(digit)
        }
        if parts.count == 2 {
            out.append(decimalSeparator)
            out += parts[1]
        }
        return out
    }

    /// An amount in euros: "€ 1.234.568" / "€ −1.234.568" (nl), "€1,234,568" / "−€1,234,568" (en).
    public func euros(_ x: Double, digits: Int = 0) -> String {
        withEuroSign(number(x, digits: digits))
    }

    /// "€ " before a number (nl), "€" before it and after its minus (en).
    func withEuroSign(_ n: String) -> String {
        switch self {
        case .nl: "€ " + n
        case .en: n.hasPrefix("−") ? "−€" + n.dropFirst() : "€" + n
        }
    }

    /// An amount in few characters: millions with one decimal ("€ −8,5 mln", "−€8.5M"), else
    /// whole thousands ("€ 123.000").
    public func compactEuros(_ x: Double) -> String {
        guard abs(x) >= 1_000_000 else { return euros((x / 1000).rounded() * 1000) }
        return withEuroSign(number(x / 1_000_000, digits: 1) + millions)
    }

    /// A probability or share as a percentage: `percent(0.1234)` is "12,3%" (nl), "12.3%" (en).
    public func percent(_ p: Double, digits: Int = 1) -> String {
        p.isFinite ? number(p * 100, digits: digits) + "%" : number(p)
    }

    /// A tick label on an axis of euros whose ticks are `step` apart: whole euros with grouped
    /// thousands ("€ 200.000"), or millions ("€ 1,5 mln", "€1.5M") once the axis reaches a
    /// million, with as many decimals as the step needs; zero is "0".
    func euroTick(_ x: Double, step: Double, largest: Double) -> String {
        if x == 0 { return "0" }
        return withEuroSign(largest >= 1_000_000
            ? number(x / 1_000_000, digits: NiceTicks.decimals(forStep: step / 1_000_000)) + millions
            : number(x, digits: NiceTicks.decimals(forStep: step)))
    }

    /// A tick label on a percentage axis (values as fractions, ticks `step` apart).
    func percentTick(_ p: Double, step: Double) -> String {
        percent(p, digits: NiceTicks.decimals(forStep: step * 100))
    }
}
