import Dispatch
import Synchronization

/// A raw pointer that worker threads may share because each writes only its own paths' slots.
public struct SharedBuffer<Element>: @unchecked Sendable {
    public let base: UnsafeMutablePointer<Element>
    public init(_ base: UnsafeMutablePointer<Element>) { self.base = base }
}

extension Simulation {
    /// Paths a worker takes at a time: small, so that even a run of a few hundred paths keeps
    /// every core busy, and a divisor of `FactorModel.chunkSize`, so that a block lies in one
    /// factor chunk (a worker generates a chunk's factors when it first meets it).
    public static let blockPaths = 16

    /// The blocks a set of paths is cut into: multiples of `blockPaths` intersected with `paths`.
    public static func blocks(of paths: Range<Int>) -> [Range<Int>] {
        guard !paths.isEmpty else { return [] }
        var blocks: [Range<Int>] = []
        var start = paths.lowerBound
        while start < paths.upperBound {
            let end = min(paths.upperBound, (start / blockPaths + 1) * blockPaths)
            blocks.append(start..<end)
            start = end
        }
        return blocks
    }

    /// Simulates every path in `paths` on `threads` workers and hands each path's workspace to
    /// `body` on the worker that simulated it. Workers take the next block as they finish one;
    /// since every path's draws are keyed by its index, the result per path never depends on
    /// `threads` or on which worker took it. `body` must write only to storage owned by its path.
    public func forEachPath(in paths: Range<Int>, threads: Int,
                            _ body: @Sendable (Int, Workspace, PathOutcome) -> Void) {
        FactorModel.useSingleThreadedBLAS()
        let blocks = Self.blocks(of: paths)
        let workers = max(1, min(threads, blocks.count))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let workspace = makeWorkspace()
            while true {
                let b = next.add(1, ordering: .relaxed).oldValue
                guard b < blocks.count else { break }
                for path in blocks[b] {
                    body(path, workspace, simulate(path: path, in: workspace))
                }
            }
        }
    }
}
