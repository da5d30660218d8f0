import Foundation
import Testing
import LoanBook
@testable import LoanBookIO

@Suite struct BookCSVWriterTests {
    /// The repository root, three levels above this file (Tests/LoanBookIOTests/<file>).
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func shippedBookMatchesGeneratorByteForByte() throws {
        let book = BookGenerator().generate()
        let url = Self.repoRoot.appendingPathComponent("scenarios/books/nijmegen-2014.csv")
        let committed = try Data(contentsOf: url)
        #expect(Data(BookCSVWriter.csv(book).utf8) == committed)
    }

    @Test func shippedHistoryMatchesGeneratorByteForByte() throws {
        let book = BookGenerator().generate()
        let url = Self.repoRoot.appendingPathComponent("scenarios/books/nijmegen-2014.history.csv")
        let committed = try Data(contentsOf: url)
        #expect(Data(BookCSVWriter.historyCSV(book.history).utf8) == committed)
    }

    @Test func eurosHaveExactlyTwoDecimals() {
        #expect(BookCSVWriter.euros(0) == "0.00")
        #expect(BookCSVWriter.euros(5) == "0.05")
        #expect(BookCSVWriter.euros(123_456) == "1234.56")
        #expect(BookCSVWriter.euros(-1_050) == "-10.50")
        #expect(BookCSVWriter.euros(3_513_000) == "35130.00")
    }

    @Test func ratesAreShortAndLocaleFree() {
        #expect(BookCSVWriter.rate(0.08) == "0.08")
        #expect(BookCSVWriter.rate(0.05) == "0.05")
        #expect(BookCSVWriter.rate(0) == "0")
    }

    @Test func rowsFollowTheHeader() {
        let position = Position(
            id: "BZ-000001", kind: .bk, segment: .starter, sector: "retail", vintage: 2012,
            balanceCents: 1_234_567, annualRate: 0.08, remainingMonths: 40, repayment: .annuity,
            status: .performing, riskClass: "C", deferralUsedMonths: 0)
        let text = BookCSVWriter.csv(Book(asOfYear: 2014, positions: [position]))
        #expect(text == BookCSVWriter.header + "\n"
            + "BZ-000001,bk,starter,retail,2012,12345.67,0.08,40,annuity,performing,C,0\n")
    }

    @Test func historyHasOneRowPerYear() {
        let history = LendingHistory(bk: [2012: 31_000_000, 2013: 34_000_050], lo: [2012: 70_000_000])
        #expect(BookCSVWriter.historyCSV(history) == """
            year,lasten_bk,lasten_lo
            2012,310000.00,700000.00
            2013,340000.50,0.00

            """)
    }
}
