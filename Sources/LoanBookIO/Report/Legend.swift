/// A chart's key as HTML under the picture: it wraps with the page and prints sharply.
enum Legend {
    enum Mark {
        case line(String)
        case dashed(String)
        /// A band: its colour at an opacity.
        case area(String, Double)
        case box(String)
    }

    static func html(_ items: [(Mark, String)]) -> String {
        var out = "<ul class=\"legend\">"
        for (mark, label) in items {
            let swatch = switch mark {
            case let .line(color): "<span class=\"swatch line\" style=\"border-color:\(color)\"></span>"
            case let .dashed(color): "<span class=\"swatch dashed\" style=\"border-color:\(color)\"></span>"
            case let .area(color, opacity):
                "<span class=\"swatch\" style=\"background:\(color);opacity:\(SVG.n(opacity))\"></span>"
            case let .box(color): "<span class=\"swatch\" style=\"background:\(color)\"></span>"
            }
            out += "<li>" + swatch + HTML.prose(label) + "</li>"
        }
        return out + "</ul>\n"
    }
}
