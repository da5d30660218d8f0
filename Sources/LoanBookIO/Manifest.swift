import Crypto
import Foundation

/// manifest.json (CLI.md): how a run's figures were made, enough to reproduce them byte for
/// byte. No timestamps, host names or thread counts: none of them changes a result, and
/// leaving them out keeps a rerun's outputs identical to the first run's.
public struct Manifest: Sendable, Equatable {
    /// One input file and the SHA-256 of its bytes.
    public struct Input: Sendable, Equatable {
        /// What the file is to the run: "scenario", "book", "history", "base", ...
        public var role: String
        /// The path as given (relative paths stay relative, so the manifest is machine-free).
        public var path: String
        /// Lower-case hex.
        public var sha256: String

        public init(role: String, path: String, sha256: String) {
            self.role = role
            self.path = path
            self.sha256 = sha256
        }

        /// Reads and hashes the file at `path`.
        /// - Throws: `InputProblem` naming the file when it cannot be read.
        public static func hashing(role: String, path: String) throws -> Input {
            Input(role: role, path: path, sha256: try Manifest.sha256(ofFileAt: path))
        }
    }

    public var engineVersion: String
    /// The command line, program name first; see `recordedCommandLine(_:)`.
    public var commandLine: [String]
    public var seed: UInt64
    public var paths: Int
    /// How many shards the paths were split into (1 for an unsharded run).
    public var shards: Int
    /// Which shard (1-based) this output holds; nil when it holds all paths.
    public var shard: Int?
    public var inputs: [Input]

    public init(engineVersion: String, commandLine: [String], seed: UInt64, paths: Int,
                shards: Int = 1, shard: Int? = nil, inputs: [Input]) {
        self.engineVersion = engineVersion
        self.commandLine = commandLine
        self.seed = seed
        self.paths = paths
        self.shards = shards
        self.shard = shard
        self.inputs = inputs
    }

    /// Options that never change a figure (CLI.md: `--threads` never changes a result; where
    /// the outputs go and how chatty the run is do not either). Left out of the recorded
    /// command line so that the manifest, too, is the same bytes on any number of threads.
    public static let optionsWithoutEffect: Set<String> = ["--threads", "--out", "--quiet", "--keep-paths"]
    /// Options recorded in the manifest's own fields (`shards`, `shard`) instead: every shard
    /// of a run and the merge of them record the same command line (docs/scale-out.md).
    public static let optionsRecordedAsFields: Set<String> = ["--shard"]
    /// Of those, the ones that take a value.
    static let optionsWithValue: Set<String> = ["--threads", "--out", "--shard"]

    /// The command line as it belongs in a manifest: the program as its bare name (not the
    /// build directory it ran from) and without `optionsWithoutEffect`, both as `--opt v`
    /// and `--opt=v`.
    public static func recordedCommandLine(_ arguments: [String]) -> [String] {
        guard let program = arguments.first else { return [] }
        var out = [String(program.split(separator: "/").last ?? Substring(program))]
        var i = 1
        while i < arguments.count {
            let argument = arguments[i]
            let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            if optionsWithoutEffect.contains(name) || optionsRecordedAsFields.contains(name) {
                i += optionsWithValue.contains(argument) ? 2 : 1
                continue
            }
            out.append(argument)
            i += 1
        }
        return out
    }

    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("engine_version", .string(engineVersion)),
            ("command_line", .array(commandLine.map(JSONValue.string))),
            ("seed", .unsigned(seed)),
            ("paths", .int(Int64(paths))),
            ("shards", .int(Int64(shards))),
        ]
        if let shard { members.append(("shard", .int(Int64(shard)))) }
        members.append(("inputs", .array(inputs.map {
            .object([("role", .string($0.role)), ("path", .string($0.path)), ("sha256", .string($0.sha256))])
        })))
        return .object(members)
    }

    public func render() -> String { json.serialized() }

    /// SHA-256 of a file's bytes as lower-case hex, read in 1 MiB blocks.
    /// - Throws: `InputProblem` naming the file when it cannot be opened or read.
    public static func sha256(ofFileAt path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputProblem(file: path, expected: "a readable file")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty {
                hasher.update(data: block)
            }
        } catch {
            throw InputProblem(file: path, expected: "a readable file (\(error.localizedDescription))")
        }
        return hex(hasher.finalize())
    }

    /// SHA-256 of bytes in memory as lower-case hex.
    public static func sha256(of data: some DataProtocol) -> String { hex(SHA256.hash(data: data)) }

    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
