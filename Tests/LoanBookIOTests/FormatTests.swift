import Testing
@testable import LoanBookIO

@Suite struct DecimalFormatTests {
    @Test func fixedTwoDecimals() {
        #expect(DecimalFormat.fixed(1234.5) == "1234.50")
        #expect(DecimalFormat.fixed(-0.004) == "0.00")
        #expect(DecimalFormat.fixed(-0.0) == "0.00")
        #expect(DecimalFormat.fixed(0.125) == "0.13")
        #expect(DecimalFormat.fixed(-2.5) == "-2.50")
        #expect(DecimalFormat.fixed(-0.05) == "-0.05")
        #expect(DecimalFormat.fixed(7_123_456.789) == "7123456.79")
        #expect(DecimalFormat.fixed(3.14159, digits: 0) == "3")
        #expect(DecimalFormat.fixed(.nan) == "NaN")
        #expect(DecimalFormat.fixed(1e300) == 1e300.description)
    }
}

@Suite struct JSONValueTests {
    @Test func serializesInWrittenOrder() {
        let v: JSONValue = .object([
            ("z", .int(1)), ("a", .array([.number(0.1), .number(-0.0), .number(.nan), .bool(true), .null])),
            ("s", .string("tab\t\"q\" \\ \u{01} é")), ("e", .object([])), ("u", .unsigned(UInt64.max)),
        ])
        let expected = """
        {
          "z": 1,
          "a": [
            0.1,
            0.0,
            null,
            true,
            null
          ],
          "s": "tab\\t\\"q\\" \\\\ \\u0001 é",
          "e": {},
          "u": 18446744073709551615
        }

        """
        #expect(v.serialized() == expected)
        #expect(v["z"] == .int(1))
        #expect(v["missing"] == nil)
    }

    @Test func doublesRoundTrip() {
        for x in [1.0 / 3, 200_000, 1e-7, 123_456_789.123_456_78, -2.5e21] {
            let text = JSONValue.number(x).serialized().dropLast()
            #expect(Double(String(text)) == x)
        }
    }
}
