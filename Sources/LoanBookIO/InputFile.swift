import Foundation

/// Reading input files and resolving the paths written inside them.
enum InputFile {
    /// The UTF-8 text of a file, or a problem naming it.
    static func readText(_ path: String) throws(InputProblems) -> String {
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
        let directory = (file as NSString).deletingLastPathComponent
        return directory.isEmpty ? path : (directory as NSString).appendingPathComponent(path)
    }
}
