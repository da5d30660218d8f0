/// The Okabe-Ito palette (Okabe and Ito 2008, "Color Universal Design"): eight colours that
/// stay apart under the common forms of colour blindness, and in greyscale print by lightness.
enum Palette {
    static let orange = "#E69F00"
    static let skyBlue = "#56B4E9"
    static let bluishGreen = "#009E73"
    static let yellow = "#F0E442"
    static let blue = "#0072B2"
    static let vermillion = "#D55E00"
    static let reddishPurple = "#CC79A7"
    static let black = "#000000"

    /// Series colours in the order they are handed out.
    static let series = [blue, vermillion, bluishGreen, orange, reddishPurple, skyBlue, yellow, black]

    /// Neutral ink for axes, grid lines and text.
    static let ink = "#222222"
    static let axis = "#666666"
    static let grid = "#E4E4E4"
}
