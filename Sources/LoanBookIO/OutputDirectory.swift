import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Musl)
import Musl
private let systemWrite = Musl.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Why a set of outputs could not be put in place; the runner maps it to exit status 1.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }

    /// The error of a failed system call, with the C library's text for `errno`.
    static func system(_ call: String, path: String, errno code: Int32 = errno) -> OutputError {
        OutputError(path: path, message: "\(call) failed: \(String(cString: strerror(code)))")
    }
}

/// A run's output directory, written as a unit (CLI.md: outputs appear whole or not at all).
///
/// `write(_:)` builds every file in a temporary directory beside the target
/// (`DIR.tmp-<pid>`), flushes each file and the directory to disk, and only then swaps it in:
/// an existing DIR is renamed aside (`DIR.old-<pid>`), the new one renamed into place, the old
/// one removed. On any error before the swap the temporary directory is removed and DIR is
/// not touched; if the swap itself fails, the old DIR is renamed back.
///
/// Between the two renames DIR is briefly absent, never partial. An existing DIR is replaced only
/// if it is one earlier output (`checkReplaceable`): `--out ~/Documents` must not delete the
/// documents, nor `--out results` the shards inside it.
public struct OutputDirectory: Sendable {
    /// Writes `contents` to a new file at `path`. Replaceable so tests can make a write fail.
    public typealias FileWriter = @Sendable (_ contents: Data, _ path: String) throws -> Void

    public let path: String
    let writer: FileWriter

    public init(path: String, fileWriter: FileWriter? = nil) {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.path = trimmed
        writer = fileWriter ?? Self.writeDurably
    }

    /// Replaces DIR by a directory holding exactly `files`.
    ///
    /// - Parameter files: names relative to DIR (subdirectories allowed, no `..`, no absolute
    ///   paths, no duplicates) with their bytes.
    ///   - beforeSwap: called when every file is on disk, just before DIR is replaced; if it
    ///     throws (the run was interrupted, say) the temporary directory is removed and DIR is
    ///     left as it was.
    /// - Throws: `OutputError`, `InputProblem` (DIR is not one earlier output), or what
    ///   `beforeSwap` throws; DIR is then as it was before the call.
    public func write(_ files: [(name: String, contents: Data)], beforeSwap: () throws -> Void = {}) throws {
        try Self.checkNames(files.map(\.name), directory: path)
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let targetExists = fm.fileExists(atPath: path, isDirectory: &isDirectory)
        if targetExists && !isDirectory.boolValue {
            throw OutputError(path: path, message: "exists and is not a directory")
        }
        try checkReplaceable()
        let parent = FilePaths.directory(of: path)
        let pid = getpid()
        let temporary = "\(path).tmp-\(pid)"
        let aside = "\(path).old-\(pid)"

        var parentIsDirectory: ObjCBool = false
        if !parent.isEmpty, fm.fileExists(atPath: parent, isDirectory: &parentIsDirectory), !parentIsDirectory.boolValue {
            throw OutputError(path: parent, message: "is not a directory (it would hold \(path))")
        }
        do {
            if !parent.isEmpty {
                try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
            if fm.fileExists(atPath: temporary) { try fm.removeItem(atPath: temporary) }
        } catch {
            throw OutputError(path: parent, message: "cannot create directory (\(error.localizedDescription))")
        }
        // mkdir(2) rather than FileManager, so the message carries the system's reason
        // ("Not a directory", "No space left on device", "Read-only file system").
        guard mkdir(temporary, 0o755) == 0 else { throw OutputError.system("mkdir", path: temporary) }

        do {
            var directories: Set<String> = [temporary]
            for file in files {
                let filePath = temporary + "/" + file.name
                let directory = FilePaths.directory(of: filePath)
                if !directories.contains(directory) {
                    do {
                        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
                    } catch {
                        throw OutputError(path: directory, message: "cannot create directory (\(error.localizedDescription))")
                    }
                    directories.insert(directory)
                }
                do {
                    try writer(file.contents, filePath)
                } catch let error as OutputError {
                    throw error
                } catch {
                    throw OutputError(path: filePath, message: "cannot write (\(error))")
                }
            }
            for directory in directories.sorted(by: >) { try Self.syncDirectory(directory) }
            try beforeSwap()
        } catch {
            try? fm.removeItem(atPath: temporary)
            throw error
        }

        if targetExists {
            guard rename(path, aside) == 0 else {
                let failure = OutputError.system("rename to \(aside)", path: path)
                try? fm.removeItem(atPath: temporary)
                throw failure
            }
            guard rename(temporary, path) == 0 else {
                let failure = OutputError.system("rename from \(temporary)", path: path)
                _ = rename(aside, path)
                try? fm.removeItem(atPath: temporary)
                throw failure
            }
            // The new outputs are in place; a leftover old copy is untidy but not an error.
            try? fm.removeItem(atPath: aside)
        } else {
            guard rename(temporary, path) == 0 else {
                let failure = OutputError.system("rename from \(temporary)", path: path)
                try? fm.removeItem(atPath: temporary)
                throw failure
            }
        }
        try? Self.syncDirectory(parent.isEmpty ? "." : parent)
    }

    /// The names loanbook writes at the top of an output directory (`run`, `merge`, `compare`).
    public static let outputNames: Set<String> = [
        RunOutputs.projection, RunOutputs.summary, RunOutputs.manifest, RunOutputs.report,
        ContributionsReport.fileName, PathsFile.fileName, ComparisonOutputs.difference, ComparisonOutputs.comparison,
    ]

    /// Refuses, as bad input (exit status 2), a DIR that is not one earlier output of loanbook:
    /// a missing or empty DIR may be replaced, and so may a DIR whose `manifest.json` is a
    /// loanbook manifest and which holds nothing but output files (and, beside a comparison's
    /// `comparison.json`, its two run folders, each a manifest and outputs). Anything else, a
    /// user's files, the folders of several runs, the shards a merge reads, would be deleted.
    /// - Throws: `InputProblem` naming DIR and what it holds.
    public func checkReplaceable() throws {
        var info = stat()
        if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK {
            throw InputProblem(file: path, field: "--out", expected: "a folder, not a symbolic link (it would be "
                + "replaced by a folder of its own, the outputs it points to left behind): give the folder it points to")
        }
        let foreign = Self.foreignEntries(in: path)
        guard !foreign.isEmpty else { return }
        let shown = foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? " and \(foreign.count - 5) more" : "")
        throw InputProblem(file: path, field: "--out", expected: "a new or empty directory, or the outputs of one "
            + "earlier loanbook run (its manifest.json and output files), since it is replaced whole; it holds "
            + "\(shown), which are not (choose another --out)")
    }

    /// What in `directory` keeps it from being one earlier output, sorted (folders with a
    /// trailing "/"); empty for a missing or empty directory or one earlier output.
    static func foreignEntries(in directory: String) -> [String] {
        let fm = FileManager.default
        func isDirectory(_ path: String) -> Bool {
            var flag: ObjCBool = false
            return fm.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
        }
        func isOutput(_ folder: String) -> Bool {
            (try? Manifest.read(path: folder + "/" + RunOutputs.manifest)) != nil
        }
        guard isDirectory(directory) else { return [] }
        guard let entries = try? fm.contentsOfDirectory(atPath: directory) else { return ["(an unreadable listing)"] }
        let named = entries.sorted().map { isDirectory(directory + "/" + $0) ? $0 + "/" : $0 }
        guard !entries.isEmpty, isOutput(directory) else { return named }
        let runFolders = comparisonRunFolders(in: directory)
        return named.filter { name in
            guard name.hasSuffix("/") else { return !outputNames.contains(name) }
            let folder = directory + "/" + name.dropLast()
            guard runFolders.contains(String(name.dropLast())), isOutput(folder),
                  let inner = try? fm.contentsOfDirectory(atPath: folder) else { return true }
            return !inner.allSatisfy { outputNames.contains($0) && !isDirectory(folder + "/" + $0) }
        }
    }

    /// The two run folders an earlier comparison's `comparison.json` names; none without one.
    private static func comparisonRunFolders(in directory: String) -> Set<String> {
        guard let data = FileManager.default.contents(atPath: directory + "/" + ComparisonOutputs.comparison),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        return Set(["a", "b"].compactMap { (json[$0] as? [String: Any])?["directory"] as? String })
    }

    /// Names must stay inside DIR and be unique; checked before anything is written.
    static func checkNames(_ names: [String], directory: String) throws {
        var seen: Set<String> = []
        for name in names {
            let components = name.split(separator: "/", omittingEmptySubsequences: false)
            guard !name.hasPrefix("/"), !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
                throw OutputError(path: directory, message: "invalid output file name '\(name)'")
            }
            guard seen.insert(name).inserted else {
                throw OutputError(path: directory, message: "output file '\(name)' given twice")
            }
        }
    }

    /// Puts one small file in place whole (`batch.json`): written beside it, flushed, renamed
    /// over it, and the directory flushed, so a reader sees the old file or the new one.
    /// - Throws: `OutputError`; the file is then as it was.
    public static func replaceFile(at path: String, with contents: Data) throws {
        let temporary = "\(path).tmp-\(getpid())"
        unlink(temporary)
        do {
            try writeDurably(contents, to: temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let failure = OutputError.system("rename from \(temporary)", path: path)
            unlink(temporary)
            throw failure
        }
        let directory = FilePaths.directory(of: path)
        try? syncDirectory(directory.isEmpty ? "." : directory)
    }

    /// Creates a new file, writes all of `contents` and fsyncs it before closing.
    public static func writeDurably(_ contents: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw OutputError.system("open", path: path) }
        defer { close(fd) }
        try contents.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw OutputError.system("write", path: path)
                }
                offset += n
            }
        }
        guard fsync(fd) == 0 else { throw OutputError.system("fsync", path: path) }
    }

    /// fsync of a directory, so the names of its new entries survive a crash.
    /// Filesystems that cannot sync a directory (EINVAL) are accepted.
    static func syncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw OutputError.system("open", path: path) }
        defer { close(fd) }
        if fsync(fd) != 0 && errno != EINVAL { throw OutputError.system("fsync", path: path) }
    }
}
