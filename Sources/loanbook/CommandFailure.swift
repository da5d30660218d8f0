import ArgumentParser
import Foundation
import LoanBookIO

/// Maps failures to CLI.md's exit statuses, with the message on standard error:
/// bad input (every problem listed) exits 2, a failed run (I/O, the memory guard) exits 1.
enum CommandFailure {
    static func report(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let problems as InputProblems {
            for problem in problems.problems { Progress.write("error: \(problem)\n") }
            throw ExitCode(2)
        } catch let problem as InputProblem {
            Progress.write("error: \(problem)\n")
            throw ExitCode(2)
        } catch let refusal as MemoryGuard.Refusal {
            Progress.write("error: \(refusal)\n")
            throw ExitCode(1)
        } catch let error as OutputError {
            Progress.write("error: \(error)\n")
            throw ExitCode(1)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Progress.write("error: \(error)\n")
            throw ExitCode(1)
        }
    }
}
