import ArgumentParser
import Foundation
import LoanBook
import LoanBookIO

/// `loanbook compare A.yaml B.yaml`: two scenarios on common random numbers (CLI.md).
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run two scenarios on common random numbers and write their paired difference.",
        discussion: """
            Both scenarios run on the same seed and path indices, so path i of A and path i of B \
            share the economy, every draw of today's book and every new loan both make. Writes \
            DIR/<stem of A>/ and DIR/<stem of B>/ (what 'run' writes, except that B's cost above \
            budget is measured against A's budget unless B's scenario sets its own; <stem>-a and \
            <stem>-b when the stems are equal), DIR/difference.csv (projection.csv's columns over \
            B - A per path) and DIR/comparison.json (mean difference, se, 95% interval, probability \
            that B costs less, variance reduction against independent runs, the risicomelding \
            paired, and a tornado of B's variant assumptions), all at once or not at all. --seed and --paths default to A's. \
            Refused (exit 2): different books, as-of years, horizons or sectors. \
            Other differences in the economy or in the new-business products are warned about.
            """)

    @Argument(help: "Scenario A (the reference).")
    var scenarioA: String
    @Argument(help: "Scenario B (differences are B minus A).")
    var scenarioB: String
    @OptionGroup var options: RunOptions
    @Option(help: "Output directory (default: out/<stem of A>-vs-<stem of B>).")
    var out: String?
    @Option(help: "Paths for the tornado (default: min(paths, 2000); 0 skips it).")
    var tornadoPaths: Int?

    func validate() throws {
        try RunOptions.validate(out: out)
        if let tornadoPaths, tornadoPaths < 0 {
            throw ValidationError("--tornado-paths must be at least 0, got \(tornadoPaths)")
        }
    }

    func run() throws {
        Interruption.shared.install()
        try CommandFailure.report {
            var inputsA = try ScenarioInputs.load(path: scenarioA)
            var inputsB = try ScenarioInputs.load(path: scenarioB)
            let seed = options.seed ?? inputsA.scenario.seed
            let paths = options.paths ?? inputsA.scenario.paths
            var warnings: [String] = []
            if options.seed == nil && inputsB.scenario.seed != seed {
                warnings.append("\(scenarioB) has seed \(inputsB.scenario.seed); both run on A's seed \(seed)")
            }
            if options.paths == nil && inputsB.scenario.paths != paths {
                warnings.append("\(scenarioB) has \(inputsB.scenario.paths) paths; both run A's \(paths)")
            }
            if inputsB.scenario.provision.amount != inputsA.scenario.provision.amount {
                warnings.append("\(scenarioB) tests a provision of \(inputsB.scenario.provision.amount); the paired "
                    + "exceedance in comparison.json and the report uses A's \(inputsA.scenario.provision.amount)")
            }
            inputsA.scenario.seed = seed
            inputsA.scenario.paths = paths
            inputsB.scenario.seed = seed
            inputsB.scenario.paths = paths
            let pairing = Pairing.check(a: inputsA.scenario, bookA: inputsA.book, b: inputsB.scenario, bookB: inputsB.book)
            if !pairing.refusals.isEmpty {
                throw InputProblems(pairing.refusals.map {
                    InputProblem(file: scenarioB, expected: "a scenario that can be paired with \(scenarioA): \($0)")
                })
            }
            warnings += pairing.warnings
            for warning in warnings { Progress.write("warning: \(warning)\n") }
            let directory = out ?? "out/\(inputsA.stem)-vs-\(inputsB.stem)"
            // Before the jobs: a budget scenario is simulated as a job is made.
            try OutputDirectory(path: directory).checkReplaceable()
            let jobA = try RunJob(inputs: inputsA, options: options)
            // Both runs' results are held at once.
            try MemoryGuard.check(simulation: jobA.simulation, paths: 2 * paths, threads: options.threads,
                                  file: scenarioA, field: options.paths == nil ? "paths" : "--paths")
            let jobB = try RunJob(inputs: inputsB, options: options)
            let (dirA, dirB) = ComparisonOutputs.directories(stemA: inputsA.stem, stemB: inputsB.stem)
            let start = Date()
            let outcomeA = jobA.execute(label: dirA)
            // A variant is judged against the budget made for A: with its own mean as budget
            // its cost above budget would be about zero whatever it costs.
            let budgetOfB = jobB.hasOwnBudget ? "own" : "a"
            let outcomeB = jobB.execute(label: dirB, budget: jobB.hasOwnBudget ? nil : jobA.budget(of: outcomeA.run))
            let comparison = PairedComparison(a: outcomeA.run.results, b: outcomeB.run.results)
            let provision = PairedProvision(a: outcomeA.run.results, b: outcomeB.run.results,
                                            amount: inputsA.scenario.provision.amount)

            let tornado = try self.tornado(jobA: jobA, jobB: jobB, a: outcomeA.run.results, b: outcomeB.run.results)
            // Each run's figures as its outputs were made from them: the page draws them and
            // the JSON takes their means.
            let figuresA = outcomeA.figures, figuresB = outcomeB.figures
            let json = ComparisonJSON.render(
                a: .init(name: inputsA.scenario.name, file: scenarioA, directory: dirA),
                b: .init(name: inputsB.scenario.name, file: scenarioB, directory: dirB),
                seed: seed, comparison: comparison,
                meansA: figuresA.projection, meansB: figuresB.projection,
                provision: .init(paired: provision, budgetOfB: budgetOfB),
                warnings: warnings, tornado: tornado)
            let files = ComparisonOutputs.files(a: (dirA, outcomeA.files), b: (dirB, outcomeB.files),
                                                comparison: comparison, comparisonJSON: json,
                                                report: ComparisonHTML.render(
                                                    a: inputsA.scenario.name, b: inputsB.scenario.name,
                                                    comparison: comparison,
                                                    provision: (provision, budgetOfB == "a"), tornado: tornado,
                                                    runs: [(inputsA.scenario.name, figuresA),
                                                           (inputsB.scenario.name, figuresB)],
                                                    manifests: [(inputsA.scenario.name, jobA.manifest),
                                                                (inputsB.scenario.name, jobB.manifest)],
                                                    locale: options.locale))
            // The comparison's own manifest: both scenarios' inputs, marked A and B.
            let manifest = Manifest(
                engineVersion: engineVersion, commandLine: Manifest.recordedCommandLine(CommandLine.arguments),
                seed: seed, paths: paths,
                inputs: jobA.manifestInputs.map { Manifest.Input(role: "a " + $0.role, path: $0.path, sha256: $0.sha256) }
                    + jobB.manifestInputs.map { Manifest.Input(role: "b " + $0.role, path: $0.path, sha256: $0.sha256) })
            try OutputDirectory(path: directory).writeInterruptibly(files + [(RunOutputs.manifest, Data(manifest.render().utf8))])

            let headline = comparison[comparison.years, .municipalNetResult]
            let costsLess = headline.bGreater.interval95
            let seconds = Date().timeIntervalSince(start)
            Progress(label: "compare", total: 1, quiet: options.quiet).finish(String(
                format: "%@ vs %@: %d paths, horizon net result B - A = %.0f (se %.0f, %.1fx variance reduction), "
                    + "P(B costs less) = %.3f (95%% interval %.3f-%.3f); %.1fs -> %@",
                dirA, dirB, paths, headline.meanDifference, headline.se, headline.varianceReduction,
                headline.bGreater.p, costsLess.lower, costsLess.upper, seconds, directory))
        }
    }

    /// The tornado on the first min(paths, 2000) paths (or --tornado-paths), reusing A's and
    /// B's results on those paths as the baseline and the whole move.
    private func tornado(jobA: RunJob, jobB: RunJob, a: PathResults, b: PathResults) throws -> ComparisonJSON.Tornado? {
        let count = min(a.paths, tornadoPaths ?? 2000)
        guard count > 0 else { return nil }
        let years = a.years
        let baseline = (0..<count).map { a[$0, years, .municipalNetResult] }
        let whole = (0..<count).map { b[$0, years, .municipalNetResult] }
        let progress = Progress(label: "tornado", total: 1, quiet: options.quiet)
        progress.finish("tornado: B's variant assumptions one at a time on \(count) paths")
        let entries = try VariantTornado.run(base: jobA.simulation, target: jobB.simulation.scenario.variant,
                                             paths: 0..<count, threads: options.threads, baseline: baseline)
        return ComparisonJSON.Tornado(paths: count, entries: entries,
                                      together: PairedDifference(a: baseline, b: whole))
    }
}
