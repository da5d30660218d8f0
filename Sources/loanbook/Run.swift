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
            Exit status: 0 success, 1 the run failed (I/O, interrupted, too big for memory), 2 bad input.
            """)

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @OptionGroup var options: RunOptions

    @Option(help: "Output directory (default: out/<scenario file stem>).")
    var out: String?

    @Option(help: "Run the K-th of N equal slices of the paths: K/N (1-based) or auto/N (from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID).")
    var shard: Shard?

    @Option(name: .customLong("target-se"), help: ArgumentHelp(
        "Run in blocks of 1,024 paths until the standard error of --target-figure is below X (at least 2,048 paths; --paths is then the maximum).",
        valueName: "X"))
    var targetSE: Double?

    @Option(help: ArgumentHelp(
        "The figure --target-se applies to: exceedance (the first year's provision exceedance probability, default), exceedance:YEAR, exceedance_any_year, exceedance_horizon, or a projection.csv metric's mean (METRIC for the horizon, METRIC:YEAR).",
        valueName: "NAME"))
    var targetFigure: String?

    func validate() throws {
        try RunOptions.validate(out: out)
        if let shard, shard.isUnresolved {
            throw ValidationError("--shard auto/\(shard.count): expected JOB_COMPLETION_INDEX (a Kubernetes indexed Job, "
                + "0-based) or SLURM_ARRAY_TASK_ID (a Slurm array) in the environment, naming a shard from 1 to "
                + "\(shard.count); \(Shard.environmentDescription)")
        }
        if let targetSE, !(targetSE > 0 && targetSE.isFinite) {
            throw ValidationError("--target-se must be a positive number, got \(targetSE)")
        }
        if targetSE == nil && targetFigure != nil { throw ValidationError("--target-figure needs --target-se") }
        if targetSE != nil && shard != nil {
            throw ValidationError("--target-se decides the number of paths, so it cannot be combined with --shard")
        }
    }

    func run() throws {
        Interruption.shared.install()
        try CommandFailure.report {
            let inputs = try ScenarioInputs.load(path: scenario)
            let directory = out ?? "out/\(inputs.stem)"
            // Before the job: a budget scenario is simulated as the job is made.
            try OutputDirectory(path: directory).checkReplaceable()
            let job = try RunJob(inputs: inputs, options: options, shard: shard, targetSE: targetSE,
                                 targetFigure: targetFigure)
            let outcome = job.execute(label: inputs.stem)
            try OutputDirectory(path: directory).writeInterruptibly(outcome.files)
            let progress = Progress(label: inputs.stem, total: 1, quiet: options.quiet)
            if let note = outcome.targetNote { progress.finish("\(inputs.stem): \(note)") }
            progress.finish("\(inputs.stem): \(outcome.paths) paths, \(outcome.rateDescription) -> \(directory)")
        }
    }
}
