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
        problems(in: file) {
            if file.hasSuffix(".csv") {
                _ = try BookCSV.read(bookAt: file, asOfYear: asOfYear)
                return []
            } else if Self.looksLikeBatch(file) {
                return try checkBatch(file)
            } else {
                try checkScenario(file)
                return []
            }
        }
    }

    /// What `body` finds in `file`, or why `file` cannot be read.
    private func problems(in file: String, _ body: () throws -> [InputProblem]) -> [InputProblem] {
        guard FileManager.default.fileExists(atPath: file) else {
            return [InputProblem(file: file, expected: "an existing file")]
        }
        do {
            return try body()
        } catch let error as InputProblems {
            return error.problems
        } catch {
            return [InputProblem(file: file, expected: "a readable file (\(error))")]
        }
    }

    private static func looksLikeBatch(_ file: String) -> Bool {
        (try? String(contentsOfFile: file, encoding: .utf8)).map(BatchYAML.looksLikeBatch) ?? false
    }

    /// A scenario is good when `run` would start on it: its book is good and names no sector or
    /// risk class the scenario does not define, the engine accepts it, and so its budget scenario.
    private func checkScenario(_ file: String) throws {
        let inputs = try ScenarioInputs.load(path: file)
        _ = try ScenarioCheck.simulation(inputs.scenario, book: inputs.book, file: file)
        if let budget = inputs.scenario.provision.budgetScenario {
            _ = try ScenarioCheck.budgetInputs(ScenarioYAML.relative(budget, to: file), for: inputs.scenario, file: file)
        }
    }

    /// A batch is good when each of its scenarios is and each has a name of its own there, as
    /// `batch` requires (a failing scenario there does not stop the others, but is a failure).
    private func checkBatch(_ file: String) throws -> [InputProblem] {
        let batch = try BatchYAML.load(path: file)
        var problems: [InputProblem] = []
        var names: [String: (file: String, name: String)] = [:]
        for scenarioFile in batch.scenarios {
            // `batch` runs each entry as a scenario: a batch (this one, say) is not one.
            problems += self.problems(in: scenarioFile) {
                if Self.looksLikeBatch(scenarioFile) {
                    return [InputProblem(file: file, field: "scenarios", value: scenarioFile,
                                         expected: "a scenario file, not a batch")]
                }
                try checkScenario(scenarioFile)
                return []
            }
            if let scenario = try? ScenarioYAML.load(path: scenarioFile) {
                let entry = Batch.entry(file: scenarioFile, read: .success(scenario), batchYear: scenario.asOfYear,
                                        names: &names)
                if let refusal = entry.refusal as? InputProblem { problems.append(refusal) }
            }
        }
        return problems
    }
}
