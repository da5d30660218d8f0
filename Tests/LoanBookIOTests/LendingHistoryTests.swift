import Foundation
import Testing
import LoanBook
@testable import LoanBookIO

@Suite struct LendingHistoryTests {
    @Test func readsBookWithSidecar() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write(Fixture.book, to: dir + "/book.csv")
        try write(Fixture.history, to: dir + "/book.history.csv")
        let book = try BookCSV.read(bookAt: dir + "/book.csv", asOfYear: 2014)
        #expect(book.asOfYear == 2014 && book.asOfMonth == 1)
        #expect(book.positions.count == 2)
        #expect(book.history.bk[2012] == 30_000_050)
        #expect(book.history.lo[2013] == 7_000_000)
        #expect(book.history.years == 2008...2013)
    }

    @Test func missingSidecarNamesThePath() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write(Fixture.book, to: dir + "/book.csv")
        let found = problems { _ = try BookCSV.read(bookAt: dir + "/book.csv", asOfYear: 2014) }
        #expect(found.count == 1)
        #expect(found.first?.expected.contains(dir + "/book.history.csv") == true)
    }

    @Test func badHistoryRows() {
        let text = Fixture.history
            .replacingOccurrences(of: "2009,450000,90000", with: "2009,-4,90000")
            .replacingOccurrences(of: "2010,420000,90000", with: "2011,420000,90000")
        let found = problems { _ = try BookCSV.history(from: text, file: "h.csv", asOfYear: 2014) }
        #expect(found.count == 2)
        #expect(found[0].line == 3 && found[0].field == "lasten_bk" && found[0].column == 2)
        #expect(found[1].line == 5 && found[1].field == "year" && found[1].expected.contains("line 4") == true)
    }

    @Test func yearsBeforeTheBookAreRequired() {
        let text = Fixture.history.replacingOccurrences(of: "2008,480000,100000\n", with: "")
        let found = problems { _ = try BookCSV.history(from: text, file: "h.csv", asOfYear: 2014) }
        #expect(found.count == 1)
        #expect(found.first?.value == "2008")
        let future = Fixture.history + "2014,1,1\n"
        #expect(problems { _ = try BookCSV.history(from: future, file: "h.csv", asOfYear: 2014) }
            .first?.expected.contains("to 2013") == true)
    }
}

@Suite struct BookScenarioCheckTests {
    @Test func namesTheBookRowsThatUseUnknownSectorsAndClasses() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The fixture scenario knows sectors retail, horeca and risk classes A, B.
        try write(Fixture.book + "B9,bk,starter,retial,2012,1,0.08,36,annuity,performing,A,0\n", to: dir + "/book.csv")
        let scenario = try ScenarioYAML.decode(Fixture.scenario, file: dir + "/s.yaml")
        let found = BookCSV.unknownNames(inBookAt: dir + "/book.csv", scenario: scenario)
        #expect(found.map(\.value) == ["retial", "C", "D"])
        #expect(found[0].line == 4 && found[0].column == 4 && found[0].field == "sector")
        #expect(found[0].expected.contains("did you mean 'retail'?"))
        #expect(found[1].line == 2 && found[1].column == 11 && found[1].field == "risk_class")
    }
}
