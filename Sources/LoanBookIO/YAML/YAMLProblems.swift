/// Collects every problem found while reading a file, so that a reader goes on after the
/// first one and the user fixes all of them in one pass.
final class ProblemList {
    private(set) var problems: [InputProblem] = []

    func append(_ problem: InputProblem) { problems.append(problem) }

    func append(contentsOf more: [InputProblem]) { problems.append(contentsOf: more) }

    var isEmpty: Bool { problems.isEmpty }

    /// Throws everything collected, if anything was.
    func throwIfAny() throws(InputProblems) {
        if !problems.isEmpty { throw InputProblems(problems) }
    }
}
