import ArgumentParser

@main
struct LoanBookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loanbook",
        abstract: "Monte Carlo simulation of a municipal Bbz debtor book and its settlement with the state.",
        version: engineVersion,
        subcommands: [Run.self, Compare.self, Batch.self, Merge.self, History.self, Validate.self, BookCommand.self]
    )
}

/// The engine version written into every manifest. Bump it with every change that changes a
/// figure or an output's layout for the same inputs and seed, so that a manifest names the
/// engine that made them.
let engineVersion = "0.3.0"
