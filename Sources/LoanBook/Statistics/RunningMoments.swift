/// Count, mean and sum of squared deviations of a stream, mergeable across blocks of paths
/// (Welford per value, Chan et al. to merge), for a stopping rule on the standard error
/// (`--target-se`) without keeping every value.
///
/// Merging is exact in real arithmetic but not bit-identical to one pass; merge blocks in a
/// fixed order (by path block, not by thread) to keep results reproducible.
@frozen
public struct RunningMoments: Sendable, Equatable {
    public private(set) var count: Int = 0
    public private(set) var mean: Double = 0
    /// Sum of squared deviations from the mean.
    public private(set) var m2: Double = 0

    public init() {}

    public mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        m2 += delta * (x - mean)
    }

    /// Chan's parallel update: the moments of the union of both samples.
    public mutating func merge(_ other: RunningMoments) {
        guard other.count > 0 else { return }
        guard count > 0 else { self = other; return }
        let n = Double(count + other.count)
        let delta = other.mean - mean
        mean += delta * Double(other.count) / n
        m2 += other.m2 + delta * delta * Double(count) * Double(other.count) / n
        count += other.count
    }

    /// Sample variance (divisor n - 1); 0 for fewer than two values.
    public var variance: Double { count > 1 ? m2 / Double(count - 1) : 0 }
    public var sd: Double { variance.squareRoot() }
    /// Standard error of the mean; infinite before the first value.
    public var se: Double { count > 0 ? sd / Double(count).squareRoot() : .infinity }
}
