import Dispatch
import Foundation
import LoanBookIO
import Synchronization

/// SIGINT and SIGTERM (CLI.md: an interrupted run exits 1 and leaves no partial output).
///
/// Outside a commit the process stops at once: outputs only go to disk after the simulation,
/// so a run has written nothing yet and an earlier run's outputs are untouched (a batch says
/// its last word first, see `onInterrupt`). Inside `committing` (writing an output directory,
/// a history transaction) the signal is noted and the commit is abandoned at its next check
/// (`OutputDirectory.write`'s `beforeSwap`, which removes the temporary directory); the
/// process then exits 1. A signal that arrives after that last check lets the swap finish:
/// the outputs are then whole and new, never partial.
final class Interruption: Sendable {
    static let shared = Interruption()

    private struct State {
        var signal: Int32?
        var commits = 0
    }
    private let state = Mutex(State())
    /// Said once, just before an interrupted process exits (a batch's last log event and status).
    private let lastWords = Mutex<(@Sendable () -> Void)?>(nil)
    private let queue = DispatchQueue(label: "loanbook.signals")

    /// Starts watching SIGINT and SIGTERM; call once, before any work.
    func install() {
        var installed: [DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [self] in received(number) }
            source.resume()
            installed.append(source)
        }
        // Kept alive for the life of the process; set once, from the main thread, before any work.
        signalSources = installed
    }

    private func received(_ number: Int32) {
        let stopNow = state.withLock { state -> Bool in
            if state.signal == nil { state.signal = number }
            return state.commits == 0
        }
        if stopNow { Self.exitInterrupted(number) }
    }

    var signalReceived: Int32? { state.withLock { $0.signal } }

    /// Runs `body` if a signal stops the process, once, before it exits; nil takes it back.
    func onInterrupt(_ body: (@Sendable () -> Void)?) { lastWords.withLock { $0 = body } }

    /// Taken by the first thread that exits on a signal and never given back, so that a second
    /// one (the signal queue and the main thread leaving a commit) waits for `_exit` instead of
    /// cutting the last words short.
    private static let exiting = NSLock()

    /// Throws if a signal has arrived; passed to `OutputDirectory.write(_:beforeSwap:)`.
    func check() throws {
        if let number = signalReceived { throw Interrupted(signal: number) }
    }

    /// Runs `body` with signals deferred, then exits 1 if one arrived meanwhile.
    func committing<T>(_ body: () throws -> T) rethrows -> T {
        let pending = state.withLock { state -> Int32? in
            if state.signal == nil { state.commits += 1 }
            return state.signal
        }
        if let pending { Self.exitInterrupted(pending) }
        defer {
            let pending = state.withLock { state -> Int32? in
                state.commits -= 1
                return state.signal
            }
            if let pending { Self.exitInterrupted(pending) }
        }
        return try body()
    }

    static func exitInterrupted(_ number: Int32) -> Never {
        let name = number == SIGINT ? "SIGINT" : number == SIGTERM ? "SIGTERM" : "signal \(number)"
        exiting.lock()
        Progress.write("\nloanbook: interrupted (\(name)); outputs not written, earlier outputs left as they were\n")
        shared.lastWords.withLock { body in
            defer { body = nil }
            return body
        }?()
        _exit(1)
    }
}

nonisolated(unsafe) private var signalSources: [DispatchSourceSignal] = []

/// A commit abandoned because of a signal.
struct Interrupted: Error, CustomStringConvertible {
    var signal: Int32
    var description: String { "interrupted by signal \(signal)" }
}

extension OutputDirectory {
    /// `write(_:)` as an interruptible commit (see `Interruption`).
    func writeInterruptibly(_ files: [(name: String, contents: Data)]) throws {
        try Interruption.shared.committing {
            try write(files, beforeSwap: { try Interruption.shared.check() })
        }
    }
}
