import Dispatch

/// A raw pointer that worker threads may share because each writes only its own paths' slots.
public struct SharedBuffer<Element>: @unchecked Sendable {
    public let base: UnsafeMutablePointer<Element>
    public init(_ base: UnsafeMutablePointer<Element>) { self.base = base }
}

extension Simulation {
    /// The blocks a set of paths is cut into: factor chunks (`FactorModel.chunkSize` paths
    /// aligned at multiples of it) intersected with `paths`.
    public static func blocks(of paths: Range<Int>) -> [Range<Int>] {
        guard !paths.isEmpty else { return [] }
        var blocks: [Range<Int>] = []
        var start = paths.lowerBound
        while start < paths.upperBound {
            let end = min(paths.upperBound, (start / FactorModel.chunkSize + 1) * FactorModel.chunkSize)
            blocks.append(start..<end)
            start = end
        }
        return blocks
    }

    /// Simulates every path in `paths` on `threads` workers and hands each path's workspace to
    /// `body` on the worker that simulated it. Workers take blocks round-robin; since every
    /// path's draws are keyed by its index, the result per path never depends on `threads`.
    /// `body` must write only to storage owned by its path.
    public func forEachPath(in paths: Range<Int>, threads: Int,
                            _ body: @Sendable (Int, Workspace, PathOutcome) -> Void) {
        FactorModel.useSingleThreadedBLAS()
        let blocks = Self.blocks(of: paths)
        let workers = max(1, min(threads, blocks.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let workspace = makeWorkspace()
            for b in stride(from: worker, to: blocks.count, by: workers) {
                for path in blocks[b] {
                    body(path, workspace, simulate(path: path, in: workspace))
                }
            }
        }
    }
}
