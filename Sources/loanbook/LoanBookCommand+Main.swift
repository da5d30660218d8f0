import ArgumentParser
import Foundation

extension LoanBookCommand {
    /// Runs the command line, mapping argument-parser usage errors (unknown option, failed
    /// `validate()`), which it exits with 64 by default, to status 2 as CLI.md requires.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
