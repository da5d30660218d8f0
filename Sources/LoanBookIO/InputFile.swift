import Foundation

/// Reading input files and resolving the paths written inside them.
enum InputFile {
    /// The UTF-8 text of a file, or a problem naming it.
    ///
    /// A directory or a device (`/dev/zero`, `/dev/urandom`: endless) is refused before it is
    /// read; a regular file, a FIFO or a symbolic link to one is read to its end.
    static func readText(_ path: String) throws(InputProblems) -> String {
        var info = stat()
        if stat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR {
                throw InputProblems([InputProblem(file: path, expected: "a file, not a directory")])
            }
            if type == S_IFCHR || type == S_IFBLK {
                throw InputProblems([InputProblem(file: path, expected: "a regular file, not a device")])
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputProblems([InputProblem(file: path, expected: "a readable file (it does not exist or cannot be read)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputProblems([InputProblem(file: path, expected: "UTF-8 text")])
        }
        return text
    }

    /// `path` as written in `file`, made relative to the directory of `file`: a scenario
    /// names its book, and a batch its scenarios, from where the file itself lies.
    static func relative(_ path: String, to file: String) -> String {
        if path.hasPrefix("/") { return path }
        let directory = FilePaths.directory(of: file)
        return directory.isEmpty ? path : (directory as NSString).appendingPathComponent(path)
    }
}
