import Foundation

extension Manifest {
    /// Reads a `manifest.json` written by `render()`.
    /// - Throws: `InputProblem` naming the file when it cannot be read or is not a manifest.
    public static func read(path: String) throws -> Manifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputProblem(file: path, expected: "a readable manifest.json (it does not exist or cannot be read)")
        }
        do {
            let stored = try JSONDecoder().decode(Stored.self, from: data)
            return Manifest(engineVersion: stored.engine_version, commandLine: stored.command_line, seed: stored.seed,
                            paths: stored.paths, shards: stored.shards, shard: stored.shard,
                            inputs: stored.inputs.map { Input(role: $0.role, path: $0.path, sha256: $0.sha256) })
        } catch {
            throw InputProblem(file: path, expected: "a loanbook manifest (\(error))")
        }
    }

    /// The JSON as written, field names and all.
    private struct Stored: Decodable {
        struct StoredInput: Decodable {
            var role: String
            var path: String
            var sha256: String
        }
        var engine_version: String
        var command_line: [String]
        var seed: UInt64
        var paths: Int
        var shards: Int
        var shard: Int?
        var inputs: [StoredInput]
    }
}
