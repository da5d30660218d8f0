/// Escaping for text and attribute values in report.html.
enum HTML {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Running text: escaped, and an amount never broken after its euro sign ("€&nbsp;200.000").
    static func prose(_ s: String) -> String {
        var out = ""
        var afterEuro = false
        for c in escape(s) {
            if afterEuro && c == " " { out += "&nbsp;" } else { out.append(c) }
            afterEuro = c == "€"
        }
        return out
    }
}
