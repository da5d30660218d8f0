import Foundation

/// `Distributions.poisson` for one fixed mean, with its cumulative probabilities summed once.
///
/// The sums repeat `Distributions.poisson`'s floating-point operations in the same order, so
/// they are the same doubles, and the count for a uniform is the first k whose cumulative
/// probability reaches it: the same count for every uniform, without an `exp` and a division
/// per term on every draw. Means from 600 on (the normal approximation) are left to
/// `Distributions.poisson`.
struct PoissonTable: Sendable {
    let mean: Double
    /// P(N <= k) for k = 0 ... K as `Distributions.poisson` sums them, K being where it stops;
    /// nil when `Distributions.poisson` does not sum terms.
    let cumulative: [Double]?

    init(mean: Double) {
        self.mean = mean
        guard mean > 0 && mean < 600 else { cumulative = nil; return }
        var k = 0
        var term = exp(-mean)
        var sum = term
        var sums = [sum]
        while !(term < 1e-300 && Double(k) > mean) {
            k += 1
            term *= mean / Double(k)
            sum += term
            sums.append(sum)
        }
        cumulative = sums
    }

    /// `Distributions.poisson(mean: mean, uniform: u)`.
    func count(uniform u: Double) -> Int {
        guard let cumulative else { return Distributions.poisson(mean: mean, uniform: u) }
        // The sums never decrease, so bisect for the first k with u <= P(N <= k); K if none.
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if u > cumulative[middle] { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
