/// Locale-free fixed-point formatting for CSV outputs.
///
/// `String(format:)` follows the C locale of the process and can print "1234,50"; this one
/// never does, prints -0.00 as 0.00, and gives the same bytes on every platform.
public enum DecimalFormat {
    /// `x` rounded half away from zero to `digits` decimals (0...9), e.g. `fixed(-0.004, 2)`
    /// is "0.00" and `fixed(1234.5, 2)` is "1234.50". NaN is "NaN", infinities "inf"/"-inf".
    /// Values too large for exact cents (|x| >= 9e15 / 10^digits) fall back to the shortest
    /// round-trip form.
    public static func fixed(_ x: Double, digits: Int = 2) -> String {
        precondition((0...9).contains(digits), "digits outside 0...9")
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (x * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9e15 else { return x.description }
        let units = Int64(scaled)
        if units == 0 { return digits == 0 ? "0" : "0." + String(repeating: "0", count: digits) }
        let magnitude = units.magnitude
        let whole = magnitude / UInt64(scale)
        var text = (units < 0 ? "-" : "") + String(whole)
        if digits > 0 {
            let fraction = String(magnitude % UInt64(scale))
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return text
    }
}
