import LoanBook

/// Writes a book as CSV text: the positions file and the lending-history sidecar.
///
/// Formatting is by hand from integer cents, never through a locale or `String(format:)`,
/// so the same book gives the same bytes on every machine (the shipped book is checked
/// byte for byte). Lines end in `\n`, the file ends with one.
public enum BookCSVWriter {
    /// The positions file's header, in the order `BookCSV.read` expects.
    public static let header =
        "id,kind,segment,sector,vintage,balance,annual_rate,remaining_months,repayment,status,risk_class,deferral_used_months"

    /// The history sidecar's header.
    public static let historyHeader = "year,lasten_bk,lasten_lo"

    public static func csv(_ book: Book) -> String {
        var out = header + "\n"
        out.reserveCapacity(book.positions.count * 96)
        for p in book.positions {
            let fields = [
                quoted(p.id), p.kind.rawValue, p.segment.rawValue, quoted(p.sector), String(p.vintage),
                euros(p.balanceCents), rate(p.annualRate), String(p.remainingMonths),
                p.repayment.rawValue, p.status.rawValue, quoted(p.riskClass), String(p.deferralUsedMonths),
            ]
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }

    /// One row per year that either kind has, ascending; a missing amount is written as 0.00.
    public static func historyCSV(_ history: LendingHistory) -> String {
        var out = historyHeader + "\n"
        guard let years = history.years else { return out }
        for year in years where history.bk[year] != nil || history.lo[year] != nil {
            out += "\(year),\(euros(history.bk[year] ?? 0)),\(euros(history.lo[year] ?? 0))\n"
        }
        return out
    }

    /// A free-text field (id, sector, risk class) as RFC 4180 wants it: in double quotes, with
    /// `""` for a quote, when it holds a separator of either dialect, a quote or a line break;
    /// as written otherwise (the shipped book has no such names, so its bytes do not change).
    public static func quoted(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Cents as euros with exactly two decimals and no grouping: 123456 -> `1234.56`.
    public static func euros(_ cents: Int64) -> String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    /// A rate in its shortest round-trip form (`0.08`, `0.05`), and `0` for no interest.
    public static func rate(_ value: Double) -> String {
        value == 0 ? "0" : "\(value)"
    }
}
