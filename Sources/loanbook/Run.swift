import ArgumentParser
import Foundation
import LoanBook
import LoanBookIO

/// `loanbook run SCENARIO.yaml`: simulate one scenario and write its outputs (CLI.md).
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate one scenario and write projection.csv, summary.json, contributions.csv, manifest.json and report.html.",
        discussion: """
            Outputs appear whole or not at all: they are written to a temporary directory beside \
            DIR and renamed into place, so a failed run leaves an earlier run's outputs untouched. \
            Exit status: 0 success, 1 the run failed (I/O, interrupted), 2 bad input.
            """)

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @OptionGroup var options: RunOptions

    func run() throws {
        Interruption.shared.install()
        try CommandFailure.report {
            let inputs = try ScenarioInputs.load(path: scenario)
            let job = try RunJob(inputs: inputs, options: options)
            let outcome = job.execute(label: inputs.stem)
            let directory = options.out ?? "out/\(inputs.stem)"
            try OutputDirectory(path: directory).writeInterruptibly(outcome.files)
            Progress(label: inputs.stem, total: 1, quiet: options.quiet)
                .finish("\(inputs.stem): \(outcome.paths) paths, \(outcome.rateDescription) -> \(directory)")
        }
    }
}
