/// Typed, checked access to one CSV row's fields by column name.
///
/// Each accessor reports a problem (file, line, 1-based column, column name, value, what
/// was expected) and returns nil, so a reader checks every field of every row.
struct CSVFields {
    let file: String
    let record: CSVRecord
    /// Column name -> 0-based index in the header.
    let columns: [String: Int]
    let dialect: CSVDialect
    let problems: ProblemList

    func text(_ name: String) -> String {
        guard let index = columns[name], index < record.fields.count else { return "" }
        return record.fields[index].trimmingSpaces
    }

    func report(_ name: String, _ expected: String, value: String? = nil) {
        problems.append(InputProblem(file: file, line: record.line, column: columns[name].map { $0 + 1 },
                                     field: name, value: value ?? text(name), expected: expected))
    }

    func nonEmpty(_ name: String) -> String? {
        let value = text(name)
        if value.isEmpty { report(name, "a non-empty value") }
        return value.isEmpty ? nil : value
    }

    func int(_ name: String, in range: ClosedRange<Int>) -> Int? {
        let expected = "an integer from \(range.lowerBound) to \(range.upperBound)"
        guard let value = Int(text(name)), range.contains(value) else {
            report(name, expected)
            return nil
        }
        return value
    }

    /// A number with the dialect's decimal mark; the other mark is an error, since a row
    /// that mixes dialects was most likely edited by hand and may be misread.
    func double(_ name: String, in range: ClosedRange<Double>, _ expected: String) -> Double? {
        let written = text(name)
        let other: Character = dialect == .comma ? "," : "."
        guard !written.contains(other),
              let value = Double(dialect == .comma ? written : written.replacingCommas),
              value.isFinite else {
            report(name, "\(expected), written with \(dialect.name)")
            return nil
        }
        guard range.contains(value) else {
            report(name, expected)
            return nil
        }
        return value
    }

    /// A non-negative EUR amount with at most two decimals, exactly in cents.
    func cents(_ name: String) -> Int64? {
        let written = text(name)
        do {
            let cents = try DecimalCents.parse(written, decimalMark: dialect.decimalMark)
            guard cents >= 0 else {
                report(name, "a non-negative amount in EUR")
                return nil
            }
            return cents
        } catch .tooManyDecimals {
            report(name, "an amount in EUR with at most 2 decimals")
        } catch .tooLarge {
            report(name, "an amount in EUR below 10^15")
        } catch {
            report(name, "an amount in EUR (digits, decimal mark '\(dialect.decimalMark)', at most 2 decimals)")
        }
        return nil
    }

    func enumValue<E: RawRepresentable>(_ name: String, among allowed: [E]) -> E? where E.RawValue == String {
        let written = text(name)
        guard let value = E(rawValue: written), allowed.contains(where: { $0.rawValue == written }) else {
            report(name, oneOf(allowed.map(\.rawValue), near: written))
            return nil
        }
        return value
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }

    var replacingCommas: String { String(map { $0 == "," ? "." : $0 }) }
}
