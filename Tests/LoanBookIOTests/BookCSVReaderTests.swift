import Testing
import LoanBook
@testable import LoanBookIO

/// One bad field in an otherwise good row: which column, and what the message must say.
struct BadField: Sendable, CustomTestStringConvertible {
    var column: String
    var value: String
    var expected: String
    var testDescription: String { "\(column)=\(value)" }
}

@Suite struct BookCSVReaderTests {
    @Test func readsGoodBookExactly() throws {
        let positions = try BookCSV.positions(from: Fixture.book, file: "book.csv", asOfYear: 2014)
        #expect(positions.count == 2)
        #expect(positions[0] == Position(id: "B1", kind: .bk, segment: .starter, sector: "retail", vintage: 2012,
                                         balanceCents: 1_234_567, annualRate: 0.08, remainingMonths: 36,
                                         repayment: .annuity, status: .performing, riskClass: "C",
                                         deferralUsedMonths: 0))
        #expect(positions[1].balanceCents == 500_000)
    }

    @Test func amountsAreExactToTheCent() throws {
        // 0.29 * 100 is 28.999999999999996 in Double; the reader must not lose the cent.
        let text = Fixture.book.replacingOccurrences(of: "12345.67", with: "0.29")
        #expect(try BookCSV.positions(from: text, file: "b.csv", asOfYear: 2014)[0].balanceCents == 29)
        let one = Fixture.book.replacingOccurrences(of: "12345.67", with: "1.5")
        #expect(try BookCSV.positions(from: one, file: "b.csv", asOfYear: 2014)[0].balanceCents == 150)
    }

    static let badFields: [BadField] = [
        .init(column: "kind", value: "loan", expected: "one of bk, lo, bob, other"),
        .init(column: "segment", value: "startr", expected: "did you mean 'starter'?"),
        .init(column: "sector", value: "", expected: "a non-empty value"),
        .init(column: "vintage", value: "1980", expected: "an integer from 1990 to 2014"),
        .init(column: "vintage", value: "20x2", expected: "an integer from 1990"),
        .init(column: "balance", value: "-5.00", expected: "a non-negative amount"),
        .init(column: "balance", value: "12.345", expected: "at most 2 decimals"),
        .init(column: "balance", value: "12k", expected: "an amount in EUR"),
        .init(column: "annual_rate", value: "0.3", expected: "an annual rate from 0 to 0.25"),
        .init(column: "annual_rate", value: "eight", expected: "an annual rate from 0 to 0.25"),
        .init(column: "remaining_months", value: "601", expected: "an integer from 0 to 600"),
        .init(column: "remaining_months", value: "-1", expected: "an integer from 0 to 600"),
        .init(column: "repayment", value: "balloon", expected: "one of annuity, linear, bullet"),
        .init(column: "status", value: "closed", expected: "closed positions are left out of a book"),
        .init(column: "status", value: "open", expected: "one of performing, deferred, arrears, recovering"),
        .init(column: "risk_class", value: "", expected: "a non-empty value"),
        .init(column: "deferral_used_months", value: "37", expected: "an integer from 0 to 36"),
        .init(column: "id", value: "", expected: "a non-empty value"),
    ]

    @Test(arguments: badFields)
    func badFieldIsLocated(_ bad: BadField) {
        let columns = BookCSVReader.columns
        let index = columns.firstIndex(of: bad.column)!
        var cells = Fixture.row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[index] = bad.value
        let text = [Fixture.header, Fixture.row2, cells.joined(separator: ",")].joined(separator: "\n")
        let found = problems { _ = try BookCSV.positions(from: text, file: "book.csv", asOfYear: 2014) }
        #expect(found.count == 1)
        let problem = try! #require(found.first)
        #expect(problem.file == "book.csv")
        #expect(problem.line == 3)
        #expect(problem.column == index + 1)
        #expect(problem.field == bad.column)
        #expect(problem.value == bad.value)
        #expect(problem.expected.contains(bad.expected), "\(problem)")
        #expect(problem.description.hasPrefix("book.csv:3:\(index + 1): \(bad.column): "))
    }

    @Test func wrongFieldCount() {
        let text = Fixture.book + "X9,bk,starter\n"
        let found = problems { _ = try BookCSV.positions(from: text, file: "b.csv", asOfYear: 2014) }
        #expect(found.count == 1)
        #expect(found.first?.line == 4)
        #expect(found.first?.expected.contains("12 fields") == true)
    }

    @Test func duplicateID() {
        let text = Fixture.book + Fixture.row + "\n"
        let found = problems { _ = try BookCSV.positions(from: text, file: "b.csv", asOfYear: 2014) }
        #expect(found.count == 1)
        #expect(found.first?.line == 4)
        #expect(found.first?.field == "id")
        #expect(found.first?.expected.contains("already used on line 2") == true)
    }

    @Test func missingColumnsReportedOnceNamingThem() {
        let header = Fixture.header.replacingOccurrences(of: ",risk_class", with: ",riskclass")
            .replacingOccurrences(of: ",status", with: "")
        let text = header + "\nB1,bk,starter,retail,2012,1.00,0.08,36,annuity,C,0\n"
        let found = problems { _ = try BookCSV.positions(from: text, file: "b.csv", asOfYear: 2014) }
        #expect(found.count == 1)
        let problem = found[0]
        #expect(problem.line == 1)
        #expect(problem.expected.contains("status, risk_class"))
        #expect(problem.expected.contains("'riskclass' for 'risk_class'"))
    }

    @Test func emptyBook() {
        let found = problems { _ = try BookCSV.positions(from: Fixture.header + "\n", file: "b.csv", asOfYear: 2014) }
        #expect(found.count == 1)
        #expect(found.first?.expected.contains("at least one position") == true)
        let none = problems { _ = try BookCSV.positions(from: "", file: "b.csv", asOfYear: 2014) }
        #expect(none.first?.line == 1)
        #expect(none.first?.expected.contains("a header line") == true)
    }

    @Test func everyProblemIsReported() {
        let text = """
            \(Fixture.header)
            B1,bk,starter,retail,2012,-1,0.08,36,annuity,performing,C,0
            B2,bk,starter,retail,2012,1,0.08,36,annuity,closed,C,0
            B3,bk,starter,retail,2012,1,0.08,36,annuity,performing,C,99
            """
        let found = problems { _ = try BookCSV.positions(from: text, file: "b.csv", asOfYear: 2014) }
        #expect(found.map(\.line) == [2, 3, 4])
        #expect(found.map(\.field) == ["balance", "status", "deferral_used_months"])
    }

    @Test func anyColumnOrderAndExtraColumns() throws {
        let text = "note,balance,id,kind,segment,sector,vintage,annual_rate,remaining_months,repayment,status,risk_class,deferral_used_months\n"
            + "hello,100.10,B1,bk,starter,retail,2012,0.08,36,annuity,performing,C,0\n"
        let positions = try BookCSV.positions(from: text, file: "b.csv", asOfYear: 2014)
        #expect(positions[0].balanceCents == 10_010)
        #expect(positions[0].id == "B1")
    }

    @Test func quotedFieldsAndCRLF() throws {
        let text = Fixture.header + "\r\n\"B,1\",bk,starter,\"retail \"\"shop\"\"\",2012,12.00,0.08,36,annuity,performing,C,0\r\n"
        let positions = try BookCSV.positions(from: text, file: "b.csv", asOfYear: 2014)
        #expect(positions[0].id == "B,1")
        #expect(positions[0].sector == "retail \"shop\"")
        let open = Fixture.header + "\n\"B1,bk\n"
        #expect(problems { _ = try BookCSV.positions(from: open, file: "b.csv", asOfYear: 2014) }
            .first?.expected == "a closing double quote")
    }

    @Test func dutchExcelDialect() throws {
        let text = "\u{FEFF}" + Fixture.header.replacingOccurrences(of: ",", with: ";") + "\r\n"
            + "B1;bk;starter;retail;2012;12345,67;0,08;36;annuity;performing;C;0\r\n"
        let positions = try BookCSV.positions(from: text, file: "b.csv", asOfYear: 2014)
        #expect(positions[0].balanceCents == 1_234_567)
        #expect(positions[0].annualRate == 0.08)
    }

    @Test func rowMixingDialectsIsAnError() {
        let semicolon = Fixture.header.replacingOccurrences(of: ",", with: ";") + "\n"
            + "B1;bk;starter;retail;2012;12345,67;0,08;36;annuity;performing;C;0\n" + Fixture.row2 + "\n"
        let found = problems { _ = try BookCSV.positions(from: semicolon, file: "b.csv", asOfYear: 2014) }
        #expect(found.count == 1)
        #expect(found.first?.line == 3)
        #expect(found.first?.expected.contains("mixes dialects") == true)
        let point = Fixture.header.replacingOccurrences(of: ",", with: ";") + "\n"
            + "B1;bk;starter;retail;2012;12345.67;0,08;36;annuity;performing;C;0\n"
        let decimal = problems { _ = try BookCSV.positions(from: point, file: "b.csv", asOfYear: 2014) }
        #expect(decimal.first?.field == "balance")
        let comma = Fixture.book + "B3;bk;starter;retail;2012;1,00;0,08;36;annuity;performing;C;0\n"
        #expect(problems { _ = try BookCSV.positions(from: comma, file: "b.csv", asOfYear: 2014) }
            .first?.expected.contains("mixes dialects") == true)
    }
}
