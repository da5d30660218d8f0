import Foundation
import Synchronization

/// Progress of a long run on standard error: a bar on a terminal, a plain line every tenth
/// otherwise (logs of batch jobs), nothing with `--quiet`.
final class Progress: Sendable {
    private let label: String
    private let total: Int
    private let quiet: Bool
    private let terminal = isatty(STDERR_FILENO) != 0
    private let lastTenth = Atomic<Int>(-1)

    init(label: String, total: Int, quiet: Bool) {
        self.label = label
        self.total = max(total, 1)
        self.quiet = quiet
    }

    func update(_ done: Int) {
        guard !quiet else { return }
        let fraction = min(1, Double(done) / Double(total))
        if terminal {
            let width = 30, filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            Self.write("\r\(label) [\(bar)] \(done)/\(total) paths")
        } else {
            let tenth = Int(fraction * 10)
            if lastTenth.exchange(tenth, ordering: .relaxed) != tenth {
                Self.write("\(label): \(done)/\(total) paths\n")
            }
        }
    }

    func finish(_ message: String) {
        guard !quiet else { return }
        Self.write((terminal ? "\r\u{1B}[K" : "") + message + "\n")
    }

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
