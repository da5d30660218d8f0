import ArgumentParser
import Foundation
import LoanBook
import LoanBookIO

/// `loanbook book ...`: the synthetic debtor book.
struct BookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "book",
        abstract: "Work with debtor books.",
        subcommands: [Generate.self]
    )

    /// `loanbook book generate [--scale X] [--seed S] --out BOOK.csv`
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "(Re)make the synthetic Nijmegen book as of 2014-01-01.",
            discussion: """
                Writes BOOK.csv and, beside it, the lending history BOOK.history.csv (bk and lo \
                lasten per year). Both appear whole or not at all. A one-line summary goes to \
                standard error. The shipped book is scenarios/books/nijmegen-2014.csv with the \
                default seed and scale.
                """
        )

        @Option(help: "Multiplier on the number of positions, the total and the history (0 < X <= 1000).")
        var scale: Double = 1

        @Option(help: "Seed of the generator.")
        var seed: UInt64 = BookGenerator.shippedSeed

        @Option(help: "Path of the book CSV to write.")
        var out: String

        func validate() throws {
            guard scale > 0, scale <= 1000 else {
                throw ValidationError("--scale: expected a number > 0 and <= 1000, got \(scale)")
            }
            guard out.hasSuffix(".csv"), out.count > 4, !out.hasSuffix("/.csv") else {
                throw ValidationError("--out: expected a .csv file path such as books/nijmegen-2014.csv, got '\(out)'")
            }
            // Both files are replaced by renaming, which would put a regular file in place of a device,
            // a folder or a symbolic link (even one to a regular file): those are left as they are.
            for path in [out, Self.historyPath(for: out)] {
                var info = stat()
                if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
                    throw ValidationError("--out: \(path) exists and is not a regular file; expected a new or earlier book file")
                }
            }
        }

        func run() throws {
            let book = BookGenerator(scale: scale, seed: seed).generate()
            let historyPath = Self.historyPath(for: out)
            do {
                try writeAtomically([
                    (historyPath, BookCSVWriter.historyCSV(book.history)),
                    (out, BookCSVWriter.csv(book)),
                ])
            } catch {
                FileHandle.standardError.write(Data("loanbook: \(error)\n".utf8))
                throw ExitCode.failure
            }
            FileHandle.standardError.write(Data((Self.summary(book) + "\n").utf8))
        }

        /// `dir/name.csv` -> `dir/name.history.csv`; a path without `.csv` gets the suffix appended.
        static func historyPath(for bookPath: String) -> String {
            let stem = bookPath.hasSuffix(".csv") ? String(bookPath.dropLast(4)) : bookPath
            return stem + ".history.csv"
        }

        /// Positions, total, and the mix by kind and by status (count and share of balance).
        static func summary(_ book: Book) -> String {
            let total = book.totalBalanceCents
            func share(_ cents: Int64) -> String {
                total == 0 ? "0%" : String(Int((Double(cents) / Double(total) * 100).rounded())) + "%"
            }
            let kinds = Kind.allCases.map { kind -> String in
                let count = book.positions.count { $0.kind == kind }
                return "\(kind.rawValue) \(count) (\(share(book.balanceCents(of: kind))))"
            }
            let statuses = Status.inBook.map { status -> String in
                let matching = book.positions.filter { $0.status == status }
                return "\(status.rawValue) \(matching.count) (\(share(matching.reduce(0) { $0 + $1.balanceCents })))"
            }
            return "book: \(book.positions.count) positions, total EUR \(BookCSVWriter.euros(total)); "
                + "kinds: \(kinds.joined(separator: ", ")); status: \(statuses.joined(separator: ", "))"
        }
    }
}

/// An output file that could not be written, said in one line.
private struct WriteFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Writes every file to a temporary name in its own directory, then renames them into place
/// in order, so a reader never sees a half-written file. The files present before are kept
/// under a second name (a hard link, or a copy where the file system has none) until all are
/// in place, so a failed rename puts the earlier ones back: the set appears whole or not at
/// all. Temporary files are removed.
private func writeAtomically(_ files: [(path: String, text: String)]) throws {
    func sibling(_ path: String, _ suffix: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(suffix)-\(getpid())").path
    }
    let temporaries = files.map { sibling($0.path, "tmp") }
    var kept: [(path: String, copy: String)] = []
    defer {
        for path in temporaries { unlink(path) }
        for file in kept { unlink(file.copy) }
    }
    for (file, temporary) in zip(files, temporaries) {
        do {
            try OutputDirectory.writeDurably(Data(file.text.utf8), to: temporary)
        } catch {
            throw WriteFailure(message: "cannot write \(file.path): \(error)")
        }
    }
    for file in files where access(file.path, F_OK) == 0 {
        let copy = sibling(file.path, "old")
        unlink(copy)
        if link(file.path, copy) != 0 {
            let linkReason = String(cString: strerror(errno))
            do {
                try FileManager.default.copyItem(atPath: file.path, toPath: copy)
            } catch {
                unlink(copy)
                throw WriteFailure(message: "cannot keep \(file.path) as \(copy) while replacing it: "
                    + "link: \(linkReason); copy: \(error.localizedDescription)")
            }
        }
        kept.append((file.path, copy))
    }
    for (index, (file, temporary)) in zip(files, temporaries).enumerated() where rename(temporary, file.path) != 0 {
        let reason = String(cString: strerror(errno))
        for earlier in files[..<index] {
            if let copy = kept.first(where: { $0.path == earlier.path })?.copy {
                rename(copy, earlier.path)
            } else {
                unlink(earlier.path)
            }
        }
        throw WriteFailure(message: "cannot move \(temporary) to \(file.path): \(reason); the earlier files are as they were")
    }
}
