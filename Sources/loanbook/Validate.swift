import ArgumentParser
import Foundation
import LoanBook
import LoanBookIO

/// `loanbook validate FILE...`: checks books, scenarios and batch files and reports every
/// problem, so a file can be fixed in one pass before a nightly run fails on it.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check scenario, batch and book files; report every problem, not only the first.",
        discussion: """
            A .csv file is read as a book (with its X.history.csv sidecar), a YAML file with a \
            top-level 'scenarios:' key as a batch, any other YAML file as a scenario together with \
            its book. Problems go to standard error as FILE:LINE:COLUMN: FIELD: ...; 'ok: FILE' \
            goes to standard output for each good file. Exit status 2 if any file has a problem.
            """)

    @Argument(help: "Scenario (.yaml), batch (.yaml) or book (.csv) files.")
    var files: [String]

    @Option(help: "As-of year for a book given on its own (a scenario's book uses the scenario's as_of_year).")
    var asOfYear: Int = 2014

    func run() throws {
        var allGood = true
        for file in files {
            let problems = check(file)
            if problems.isEmpty {
                print("ok: \(file)")
            } else {
                allGood = false
                for problem in problems { FileHandle.standardError.write(Data((problem.description + "\n").utf8)) }
            }
        }
        if !allGood { throw ExitCode(2) }
    }

    private func check(_ file: String) -> [InputProblem] {
        guard FileManager.default.fileExists(atPath: file) else {
            return [InputProblem(file: file, expected: "an existing file")]
        }
        do {
            if file.hasSuffix(".csv") {
                _ = try BookCSV.read(bookAt: file, asOfYear: asOfYear)
            } else if let text = try? String(contentsOfFile: file, encoding: .utf8), BatchYAML.looksLikeBatch(text) {
                _ = try BatchYAML.load(path: file)
            } else {
                try checkScenario(file)
            }
            return []
        } catch let error as InputProblems {
            return error.problems
        } catch {
            return [InputProblem(file: file, expected: "a readable file (\(error))")]
        }
    }

    /// A scenario is only good if its book is, and if the book names no sector or risk
    /// class the scenario does not define.
    private func checkScenario(_ file: String) throws {
        let scenario = try ScenarioYAML.load(path: file)
        let bookPath = ScenarioYAML.relative(scenario.book, to: file)
        guard FileManager.default.fileExists(atPath: bookPath) else {
            throw InputProblems([InputProblem(file: file, field: "book", value: scenario.book,
                                              expected: "an existing book CSV (looked for \(bookPath))")])
        }
        _ = try BookCSV.read(bookAt: bookPath, asOfYear: scenario.asOfYear)
        let problems = BookCSV.unknownNames(inBookAt: bookPath, scenario: scenario)
        if !problems.isEmpty { throw InputProblems(problems) }
        if let budget = scenario.provision.budgetScenario {
            let budgetPath = ScenarioYAML.relative(budget, to: file)
            guard FileManager.default.fileExists(atPath: budgetPath) else {
                throw InputProblems([InputProblem(file: file, field: "provision.budgeted_net_cost", value: budget,
                                                  expected: "an existing scenario file (looked for \(budgetPath))")])
            }
            _ = try ScenarioInputs.load(path: budgetPath)
        }
    }
}
