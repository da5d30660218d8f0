import Foundation
import Testing

/// One kind of bad input, given to the real binary: how the good workspace is spoilt, and
/// what standard error must say (file, line/row, column/field, value, what was expected).
struct BadInput: Sendable, CustomTestStringConvertible {
    var name: String
    /// Replacements in the fixture scenario.
    var scenario: [(old: String, new: String)] = []
    /// The book's text, if not the good one.
    var book: String? = nil
    /// The history sidecar's text; `missingHistory` leaves it out.
    var history: String? = nil
    var missingHistory = false
    /// Arguments of `loanbook` in place of `run scenario.yaml --out out --paths 16 ...`.
    var arguments: [String]? = nil
    /// Arguments added to the standard run.
    var extra: [String] = []
    /// Fragments that must all be in standard error.
    var says: [String]
    var testDescription: String { name }
}

private let h = CLIWorkspace.header
private func book(_ rows: [String], header: String = CLIWorkspace.header) -> String {
    ([header] + rows).joined(separator: "\n") + "\n"
}
private let good = CLIWorkspace.rows

/// Every kind of bad input of issue 9, through `loanbook run` with an earlier run's outputs in
/// `out/`: exit status 2, a located message, and `out/` untouched.
@Suite struct CLIBadInputTests {
    static let cases: [BadInput] = [
        // YAML
        .init(name: "YAML syntax error", scenario: [("correlation: 0.3", "correlation: [0.3, 0.2")],
              says: ["scenario.yaml:", "expected valid YAML"]),
        .init(name: "YAML duplicate key", scenario: [("name: test\n", "name: test\nname: again\n")],
              says: ["scenario.yaml:", "name", "each key once"]),
        .init(name: "YAML not a mapping", scenario: [(Fixture.scenario, "- just\n- a list\n")],
              says: ["scenario.yaml:1:1: got 'a list', expected a mapping"]),
        .init(name: "empty scenario file", scenario: [(Fixture.scenario, "")],
              says: ["scenario.yaml:1", "not an empty file"]),
        .init(name: "YAML alias bomb (billion laughs)",
              scenario: [(Fixture.scenario, "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                  + (1...9).map { i in
                      let (name, previous) = (String(UnicodeScalar(UInt8(97 + i))), String(UnicodeScalar(UInt8(96 + i))))
                      return "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
                  }.joined())],
              says: ["scenario.yaml:1:1: expected a document of at most 100000 values once aliases (*name) are expanded"]),
        .init(name: "unknown key with suggestion", scenario: [("  correlation: 0.3\n", "  correlation: 0.3\n  persistance: 0.5\n")],
              says: ["scenario.yaml:7:3: economy.persistance: got 'persistance'", "did you mean 'persistence'?"]),
        .init(name: "unknown top-level key", scenario: [("name: test\n", "name: test\nhorizon: 10\n")],
              says: ["scenario.yaml:2:1: horizon: got 'horizon'", "did you mean 'horizon_years'?"]),
        .init(name: "wrong type: text for a number", scenario: [("name: test\n", "name: test\npaths: many\n")],
              says: ["scenario.yaml:2:8: paths: got 'many', expected an integer from 1 to 100000000"]),
        .init(name: "wrong type: list for a mapping", scenario: [("risk_classes: {A: 0.02, B: 0.05}", "risk_classes: [A, B]")],
              says: ["scenario.yaml:3:", "risk_classes: got 'a list', expected a mapping"]),
        .init(name: "probability above 1", scenario: [("prepay: 0.03", "prepay: 1.5")],
              says: ["scenario.yaml:9:", "behaviour.bk.performing.prepay: got '1.5'", "from 0 to 1"]),
        .init(name: "probability below 0", scenario: [("approval_share: 0.2", "approval_share: -0.1")],
              says: ["new_business[0].approval_share: got '-0.1'"]),
        .init(name: "PD of a risk class outside (0, 1)", scenario: [("{A: 0.02, B: 0.05}", "{A: 0.02, B: 1.5}")],
              says: ["scenario.yaml:3:", "risk_classes.B: got '1.5', expected an annual PD above 0 and below 1"]),
        .init(name: "correlation matrix not positive definite",
              scenario: [("sectors: [retail, horeca]", "sectors: [retail, horeca, other]"),
                         ("correlation: 0.3", "correlation: [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]")],
              says: ["scenario.yaml:6:", "economy.correlation", "positive definite", "sector 'other'"]),
        .init(name: "correlation matrix not square",
              scenario: [("correlation: 0.3", "correlation: [[1, 0.3], [0.3]]")],
              says: ["scenario.yaml:6:", "economy.correlation[1]: got '1 entries', expected a square matrix"]),
        .init(name: "correlation outside [-1, 1]", scenario: [("correlation: 0.3", "correlation: 1.3")],
              says: ["economy.correlation: got '1.3', expected a correlation from -1 to 1"]),
        .init(name: "horizon of 0 years", scenario: [("name: test\n", "name: test\nhorizon_years: 0\n")],
              says: ["scenario.yaml:2:16: horizon_years: got '0', expected an integer from 1 to 50"]),
        .init(name: "horizon over 50 years", scenario: [("name: test\n", "name: test\nhorizon_years: 51\n")],
              says: ["scenario.yaml:2:16: horizon_years: got '51', expected an integer from 1 to 50"]),
        .init(name: "0 paths in the scenario", scenario: [("name: test\n", "name: test\npaths: 0\n")],
              says: ["scenario.yaml:2:8: paths: got '0', expected an integer from 1 to 100000000"]),
        .init(name: "negative amount in the scenario", scenario: [("amount: 200000", "amount: -5")],
              says: ["provision.amount: got '-5', expected an amount in EUR >= 0"]),
        .init(name: "mix not summing to 1", scenario: [("{retail: 0.7, horeca: 0.3}", "{retail: 0.7, horeca: 0.2}")],
              says: ["new_business[0].sectors: got 'sum 0.9", "summing to 1"]),
        .init(name: "unknown sector in a mix", scenario: [("{retail: 0.7, horeca: 0.3}", "{retial: 0.7, horeca: 0.3}")],
              says: ["new_business[0].sectors.retial: got 'retial'", "retail"]),
        .init(name: "missing required key", scenario: [("book: book.csv\n", "")],
              says: ["scenario.yaml:1:1: book: expected a value for required key 'book'"]),
        .init(name: "base chain with a cycle", scenario: [("name: test\n", "base: scenario.yaml\nname: test\n")],
              says: ["scenario.yaml:1:7: base: got 'scenario.yaml', expected a base chain without cycles"]),
        .init(name: "missing base file", scenario: [("name: test\n", "base: nothere.yaml\nname: test\n")],
              says: ["scenario.yaml:1:7: base: got 'nothere.yaml', expected an existing scenario file (looked for nothere.yaml)"]),
        // Command line
        .init(name: "--paths 0", extra: ["--paths", "0"], says: ["--paths: got 0, expected a number of paths from 1 to 100000000"]),
        .init(name: "--paths abc", extra: ["--paths", "abc"], says: ["--paths", "abc"]),
        .init(name: "--paths above the scenario limit", extra: ["--paths", "100000001"],
              says: ["--paths: got 100000001, expected a number of paths from 1 to 100000000"]),
        .init(name: "--shard 3/2", extra: ["--shard", "3/2"], says: ["--shard", "3/2"]),
        .init(name: "--shard 0/2", extra: ["--shard", "0/2"], says: ["--shard", "0/2"]),
        .init(name: "--threads 0", extra: ["--threads", "0"], says: ["--threads must be at least 1, got 0"]),
        .init(name: "--threads Int.max", extra: ["--threads", "9223372036854775807"],
              says: ["--threads: got 9223372036854775807, expected at most 1024"]),
        .init(name: "--seed=-1", extra: ["--seed=-1"], says: ["The value '-1' is invalid for '--seed <seed>'"]),
        // The parser takes `-1` for an option, so it cannot name the value here.
        .init(name: "--seed -1", extra: ["--seed", "-1"], says: ["Missing value for '--seed <seed>'"]),
        .init(name: "--out empty", extra: ["--out", ""],
              says: ["--out: got '', expected a directory of its own for the outputs"]),
        .init(name: "--out .", extra: ["--out", "."],
              says: ["--out: got '.', expected a directory of its own for the outputs"]),
        .init(name: "unknown flag", extra: ["--fast"], says: ["Unknown option '--fast'"]),
        .init(name: "unknown subcommand", arguments: ["simulate", "scenario.yaml"], says: ["simulate"]),
        .init(name: "missing argument", arguments: ["run"], says: ["Missing expected argument"]),
        // Book CSV
        .init(name: "CSV missing column", book: book(good.map { String($0.dropLast(2)) },
                                                      header: String(h.dropLast(21))),
              says: ["book.csv:1: header:", "expected the column(s) deferral_used_months"]),
        .init(name: "CSV misspelt column", book: book(good, header: h.replacingOccurrences(of: "balance", with: "balanse")),
              says: ["book.csv:1: header:", "the column(s) balance (misspelt? 'balanse' for 'balance')"]),
        .init(name: "CSV wrong field count", book: book([good[0], good[1] + ",extra"]),
              says: ["book.csv:3: got '13 fields', expected 12 fields like the header"]),
        .init(name: "CSV non-number", book: book([good[0].replacingOccurrences(of: "12345.67", with: "12k")]),
              says: ["book.csv:2:6: balance: got '12k', expected an amount in EUR"]),
        .init(name: "CSV non-integer", book: book([good[0].replacingOccurrences(of: ",36,", with: ",3x,")]),
              says: ["book.csv:2:8: remaining_months: got '3x', expected an integer from 0 to 600"]),
        .init(name: "CSV negative balance", book: book([good[0].replacingOccurrences(of: "12345.67", with: "-12345.67")]),
              says: ["book.csv:2:6: balance: got '-12345.67', expected a non-negative amount in EUR"]),
        .init(name: "CSV rate out of range", book: book([good[0].replacingOccurrences(of: "0.08", with: "8")]),
              says: ["book.csv:2:7: annual_rate: got '8', expected an annual rate from 0 to 0.25"]),
        .init(name: "CSV too many decimals", book: book([good[0].replacingOccurrences(of: "12345.67", with: "12345.675")]),
              says: ["book.csv:2:6: balance: got '12345.675', expected an amount in EUR with at most 2 decimals"]),
        .init(name: "CSV unknown kind", book: book([good[0].replacingOccurrences(of: ",bk,", with: ",bq,")]),
              says: ["book.csv:2:2: kind: got 'bq'", "bk"]),
        .init(name: "CSV closed status", book: book([good[0].replacingOccurrences(of: "performing", with: "closed")]),
              says: ["book.csv:2:10: status: got 'closed'", "closed positions are left out"]),
        .init(name: "CSV duplicate id", book: book([good[0], good[1].replacingOccurrences(of: "L1,", with: "B1,")]),
              says: ["book.csv:3:1: id: got 'B1', expected a unique id (already used on line 2)"]),
        .init(name: "CSV empty book", book: book([]),
              says: ["book.csv:2: expected at least one position (the book is empty)"]),
        .init(name: "CSV empty file", book: "", says: ["book.csv:1: expected a header line"]),
        .init(name: "CSV unclosed quote", book: book([good[0], "\"L1,lo"]),
              says: ["book.csv:3: expected a closing double quote"]),
        .init(name: "CSV not UTF-8", book: "id,kind\n\u{FFFF}", says: ["book.csv"]),
        .init(name: "CSV sector unknown to the scenario",
              book: book([good[0].replacingOccurrences(of: "retail", with: "mining")]),
              says: ["book.csv:2:4: sector: got 'mining'", "retail"]),
        .init(name: "CSV mixes dialects (comma row in a semicolon file)",
              book: book([good[0].replacingOccurrences(of: ",", with: ";").replacingOccurrences(of: ".", with: ","), good[1]],
                         header: h.replacingOccurrences(of: ",", with: ";")),
              says: ["book.csv:3: got '1 fields'", "this row mixes dialects"]),
        .init(name: "CSV decimal point in the semicolon dialect",
              book: book([good[0].replacingOccurrences(of: ",", with: ";")],
                         header: h.replacingOccurrences(of: ",", with: ";")),
              says: ["book.csv:2:", "written with ';' separators with decimal commas"]),
        // Missing files
        .init(name: "missing scenario file", arguments: ["run", "nothere.yaml", "--out", "out"],
              says: ["nothere.yaml: expected a readable file"]),
        .init(name: "missing book", scenario: [("book: book.csv", "book: nothere.csv")],
              says: ["scenario.yaml: book: got 'nothere.csv', expected an existing book CSV (looked for nothere.csv)"]),
        .init(name: "book is a device", scenario: [("book: book.csv", "book: /dev/zero")],
              says: ["/dev/zero: expected a regular file, not a device"]),
        .init(name: "scenario is a directory", arguments: ["run", "out", "--out", "out"],
              says: ["out: expected a file, not a directory"]),
        .init(name: "missing history sidecar", missingHistory: true,
              says: ["book.csv: history: expected a lending-history sidecar at book.history.csv"]),
        .init(name: "history with a gap", history: "year,lasten_bk,lasten_lo\n2008,1,1\n2009,1,1\n2010,1,1\n2011,1,1\n2013,1,1\n",
              says: ["book.history.csv:6: year: got '2012'", "a row for each of the 6 years 2008-2013"]),
        .init(name: "history not a number", history: Fixture.history.replacingOccurrences(of: "450000", with: "4.5e5"),
              says: ["book.history.csv:3:2: lasten_bk: got '4.5e5'"]),
    ]

    @Test(arguments: cases)
    func badInputExitsTwoAndWritesNothing(_ bad: BadInput) throws {
        var scenario = Fixture.scenario
        for (old, new) in bad.scenario {
            #expect(scenario.contains(old), "fixture lacks \(old)")
            scenario = old == Fixture.scenario ? new : scenario.replacingOccurrences(of: old, with: new)
        }
        let workspace = try CLIWorkspace(scenario: scenario, book: bad.book ?? CLIWorkspace.book,
                                         history: bad.missingHistory ? nil : (bad.history ?? Fixture.history))
        defer { workspace.remove() }
        if bad.name == "CSV not UTF-8" {
            try Data([0x69, 0x64, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: workspace.directory + "/book.csv"))
        }
        let result = try bad.arguments.map { try workspace.run($0) } ?? workspace.runScenario(bad.extra)
        #expect(result.status == 2, "\(result)")
        record(bad.name, result)
        for fragment in bad.says {
            #expect(result.stderr.contains(fragment), "missing '\(fragment)' in \(result)")
        }
        workspace.earlierOutputsIntact()
    }
}

/// With LOANBOOK_RECORD_MESSAGES=DIR set, writes each case's standard error to DIR/<case>.txt,
/// from which docs/robustness.md quotes the messages.
func record(_ name: String, _ result: CLIResult) {
    guard let directory = ProcessInfo.processInfo.environment["LOANBOOK_RECORD_MESSAGES"] else { return }
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let file = name.map { $0.isLetter || $0.isNumber ? $0 : "_" }
    try? "exit \(result.status)\n\(result.stderr)".write(toFile: "\(directory)/\(String(file)).txt", atomically: true,
                                                         encoding: .utf8)
}
