import Foundation
import LoanBook
@testable import LoanBookIO

/// The problems a throwing read reports, or [] if it succeeds.
func problems(_ body: () throws -> Void) -> [InputProblem] {
    do {
        try body()
        return []
    } catch let error as InputProblems {
        return error.problems
    } catch {
        return [InputProblem(file: "?", expected: "InputProblems, got \(error)")]
    }
}

/// 1-based line on which `fragment` starts in `text`.
func line(of fragment: String, in text: String) -> Int? {
    guard let range = text.range(of: fragment) else { return nil }
    return text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
}

/// A fresh directory under the system temp directory.
func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "loanbook-io-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func write(_ text: String, to path: String) throws {
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}

/// The repository root, found from this file's path (Tests/LoanBookIOTests/Support.swift).
func repositoryRoot(_ file: String = #filePath) -> String {
    URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
}

enum Fixture {
    static let header = "id,kind,segment,sector,vintage,balance,annual_rate,remaining_months,repayment,status,risk_class,deferral_used_months"
    static let row = "B1,bk,starter,retail,2012,12345.67,0.08,36,annuity,performing,C,0"
    static let row2 = "L1,lo,established,horeca,2011,5000,0,0,bullet,arrears,D,12"
    static let book = [header, row, row2].joined(separator: "\n") + "\n"
    static let history = """
        year,lasten_bk,lasten_lo
        2008,480000,100000
        2009,450000,90000
        2010,420000,90000
        2011,380000,80000
        2012,300000.50,80000
        2013,310000,70000

        """

    static let scenario = """
        name: test
        book: book.csv
        risk_classes: {A: 0.02, B: 0.05}
        economy:
          sectors: [retail, horeca]
          correlation: 0.3
        behaviour:
          bk:
            performing: {prepay: 0.03, to_arrears: 0.05}
            recovery: {mean: 0.4, sd: 0.2, lag_months: 12}
        new_business:
          - name: starters
            segment: starter
            applications: 100
            approval_share: 0.2
            amount_median: 9000
            amount_sigma: 0.5
            legal_maximum: 35130
            term_months: {36: 0.5, 60: 0.5}
            risk_classes: {A: 0.4, B: 0.6}
            sectors: {retail: 0.7, horeca: 0.3}
        settlement:
          regimes:
            - {from: 2014, to: 2019, regime: normbaten}
            - {from: 2020, regime: reform2020}
          budget: {2014: 600000}
        provision:
          amount: 200000

        """
}
