/// Allocation of expected shortfall to the parts of a total (by kind, by sector), so that the
/// parts add up to the whole (MODEL.md section 6).
public enum RiskContributions {
    /// The conditional-expectation (Euler) allocation of ES at `level` of the upper tail of
    /// `total`:
    ///
    /// Let T be the k = ceil(n (1 - level)) paths with the largest total; ties go to the lower
    /// path index, so T never depends on the sort. Then ES = mean of total over T and
    /// C_i = mean of components[i] over T. When components add up to total on every path,
    /// sum C_i = ES up to rounding. ES equals `SummaryStatistics`'s upper-tail ES of the same
    /// sample up to rounding (the sums run in a different order).
    ///
    /// - Parameters:
    ///   - total: X per path, in path order (a cost: larger is worse).
    ///   - components: X_i per path, each the same length as `total`.
    /// - Complexity: O(n log n + n m) for m components.
    public static func esContributions(total: [Double], components: [[Double]], level: Double)
        -> (es: Double, contributions: [Double])
    {
        precondition(!total.isEmpty, "contributions of an empty sample")
        precondition(components.allSatisfy { $0.count == total.count }, "components and total differ in length")
        let tail = tailPaths(total: total, level: level)
        let k = Double(tail.count)
        let es = CompensatedSum.of(tail.lazy.map { total[$0] }) / k
        let contributions = components.map { component in
            CompensatedSum.of(tail.lazy.map { component[$0] }) / k
        }
        return (es, contributions)
    }

    /// The paths in the ES tail of `total` at `level`, in ascending path order.
    public static func tailPaths(total: [Double], level: Double) -> [Int] {
        let k = Quantile.tailCount(n: total.count, tail: 1 - level)
        let worstFirst = total.indices.sorted { a, b in
            total[a] != total[b] ? total[a] > total[b] : a < b
        }
        return worstFirst[0..<k].sorted()
    }
}
