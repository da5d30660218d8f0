/// The two CSV dialects a book may come in.
///
/// Dutch Excel writes `;` between fields because the comma is its decimal separator; a
/// financial adviser who opens and saves the book in Excel gets that dialect back.
enum CSVDialect: Sendable {
    case comma
    case excelDutch

    var separator: Unicode.Scalar { self == .comma ? "," : ";" }
    var otherSeparator: Unicode.Scalar { self == .comma ? ";" : "," }
    var decimalMark: Character { self == .comma ? "." : "," }
    var name: String { self == .comma ? "',' separators with decimal points" : "';' separators with decimal commas" }
}

/// One CSV record: its fields and where it starts.
struct CSVRecord: Sendable {
    /// 1-based line where the record starts (the header is line 1).
    var line: Int
    var fields: [String]
    /// The record as written, for dialect checks.
    var raw: String
    /// A quoted field ran to the end of the file.
    var unterminatedQuote: Bool
}

/// A CSV text split into header and rows (RFC 4180: double-quoted fields with `""` escapes,
/// separators and line breaks inside quotes; LF or CRLF line ends; a UTF-8 BOM is skipped).
struct CSVText: Sendable {
    var dialect: CSVDialect
    var header: CSVRecord?
    var rows: [CSVRecord]

    init(_ text: String) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let firstLine = scalars.prefix { $0 != "\n" && $0 != "\r" }
        dialect = firstLine.contains(";") ? .excelDutch : .comma
        var records = Self.records(scalars, separator: dialect.separator)
        header = records.isEmpty ? nil : records.removeFirst()
        rows = records
    }

    private static func records(_ scalars: [Unicode.Scalar], separator: Unicode.Scalar) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var raw = String.UnicodeScalarView()
        var inQuotes = false
        var line = 1
        var start = 1
        var i = 0

        func endRecord(unterminated: Bool = false) {
            fields.append(String(field))
            // Blank lines (Excel leaves them at the end) are not records.
            if !(fields.count == 1 && fields[0].isEmpty && raw.isEmpty) {
                records.append(CSVRecord(line: start, fields: fields, raw: String(raw), unterminatedQuote: unterminated))
            }
            fields = []
            field = .init()
            raw = .init()
        }

        while i < scalars.count {
            let c = scalars[i]
            i += 1
            if inQuotes {
                if c == "\"" {
                    if i < scalars.count, scalars[i] == "\"" {
                        field.append("\"")
                        raw.append(contentsOf: "\"\"".unicodeScalars)
                        i += 1
                        continue
                    }
                    inQuotes = false
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                raw.append(c)
                continue
            }
            switch c {
            case "\"" where field.isEmpty:
                inQuotes = true
                raw.append(c)
            case separator:
                fields.append(String(field))
                field = .init()
                raw.append(c)
            case "\r", "\n":
                if c == "\r", i < scalars.count, scalars[i] == "\n" { i += 1 }
                endRecord()
                line += 1
                start = line
            default:
                field.append(c)
                raw.append(c)
            }
        }
        if inQuotes || !field.isEmpty || !fields.isEmpty || !raw.isEmpty { endRecord(unterminated: inQuotes) }
        return records
    }
}
