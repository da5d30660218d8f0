/// Exact conversion of a written EUR amount to cents.
///
/// Going through `Double` would turn `0.29` into 28 cents after truncation (or needs a
/// rounding rule); reading the digits keeps the book's total exact to the cent.
enum DecimalCents {
    enum Failure: Error { case notANumber, tooManyDecimals, tooLarge }

    /// Parses `[-]digits[<mark>d[d]]`, e.g. `1234.5` -> 123450 with mark `.`.
    static func parse(_ text: String, decimalMark: Character) throws(Failure) -> Int64 {
        var body = Substring(text)
        let negative = body.first == "-"
        if negative || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: decimalMark, maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        guard !whole.isEmpty || !fraction.isEmpty,
              whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit),
              parts.count == 1 || !fraction.isEmpty else { throw .notANumber }
        guard fraction.count <= 2 else { throw .tooManyDecimals }
        guard whole.count <= 15 else { throw .tooLarge }
        let euros = Int64(whole.isEmpty ? "0" : String(whole))!
        let cents = fraction.isEmpty ? 0 : Int64(String(fraction))! * (fraction.count == 1 ? 10 : 1)
        let value = euros * 100 + cents
        return negative ? -value : value
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
