import Foundation
import Testing

/// The built `loanbook` executable run as a subprocess, from the repository root.
enum Runner {
    /// The repository root, from this file's path (Tests/RunnerTests/Runner.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Beside the test bundle (same build directory), else `.build/debug/loanbook`.
    static let executable: String = {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundleDirectory.appendingPathComponent("loanbook").path,
                          bundleDirectory.deletingLastPathComponent().appendingPathComponent("loanbook").path,
                          root + "/.build/debug/loanbook"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return root + "/.build/debug/loanbook"
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Starts `loanbook arguments...`; the caller waits.
    static func start(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    static func run(_ arguments: [String]) throws -> Result {
        let (process, out, err) = try start(arguments)
        // Read before waiting so that a full pipe cannot block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryDirectory(_ label: String) throws -> String {
        let path = NSTemporaryDirectory() + "loanbook-\(label)-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    static let outputs = ["projection.csv", "summary.json", "contributions.csv", "manifest.json", "report.html"]
}
