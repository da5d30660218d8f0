/// Rescales drawn balances so that they add up to a target to the cent, without passing caps.
///
/// The report fixes the book's total ("ruim EUR 7 miljoen"), not the size of each loan, so
/// the generator draws relative sizes and then fits them to the total: one common factor f
/// for every position below its cap, positions that would pass their cap held at it
/// (water-filling), then euros floored to cents and the leftover cents handed out one each
/// in index order. The result is deterministic and sums to `targetCents` exactly unless the
/// caps make that impossible (then every position sits at its cap).
enum BalanceFitting {
    /// - Parameters:
    ///   - raw: relative sizes in euros, all > 0.
    ///   - caps: the largest allowed balance of each position in euros.
    ///   - targetCents: the total to hit.
    /// - Returns: balances in cents, each at least 1 and at most its cap.
    /// - Complexity: O(n) per round of water-filling; the rounds stop once no new position
    ///   reaches its cap (at most n, in practice two or three).
    static func fit(raw: [Double], caps: [Double], targetCents: Int64) -> [Int64] {
        precondition(raw.count == caps.count, "one cap per position")
        guard !raw.isEmpty else { return [] }
        let target = Double(targetCents) / 100
        var capped = [Bool](repeating: false, count: raw.count)
        var factor = target / raw.reduce(0, +)
        for _ in 0..<raw.count {
            var newlyCapped = false
            for i in raw.indices where !capped[i] && raw[i] * factor >= caps[i] {
                capped[i] = true
                newlyCapped = true
            }
            guard newlyCapped else { break }
            var cappedSum = 0.0, freeSum = 0.0
            for i in raw.indices {
                if capped[i] { cappedSum += caps[i] } else { freeSum += raw[i] }
            }
            guard freeSum > 0 else { break }
            factor = (target - cappedSum) / freeSum
        }
        let capCents = caps.map { Int64(($0 * 100).rounded(.down)) }
        var cents = raw.indices.map { i -> Int64 in
            let euros = capped[i] ? caps[i] : raw[i] * factor
            return max(1, min(capCents[i], Int64((euros * 100).rounded(.down))))
        }
        distribute(targetCents - cents.reduce(0, +), over: &cents, caps: capCents)
        return cents
    }

    /// Splits `totalCents` in proportion to `weights` (all >= 0, not all 0), exactly: each
    /// share is the difference of the rounded cumulative sums, so the shares add up to the total.
    static func split(_ totalCents: Int64, weights: [Double]) -> [Int64] {
        let sum = weights.reduce(0, +)
        precondition(sum > 0, "split needs a positive weight")
        var shares: [Int64] = []
        var cumulative = 0.0
        var previous: Int64 = 0
        for w in weights {
            cumulative += w
            let upTo = cumulative >= sum ? totalCents : Int64((Double(totalCents) * cumulative / sum).rounded())
            shares.append(upTo - previous)
            previous = upTo
        }
        return shares
    }

    /// Adds (or takes) the leftover cents in index order, skipping positions at their cap
    /// (or at one cent), until none is left or no position can move.
    static func distribute(_ leftover: Int64, over cents: inout [Int64], caps: [Int64]) {
        var rest = leftover
        while rest != 0 {
            var moved = false
            for i in cents.indices where rest != 0 {
                if rest > 0, cents[i] < caps[i] {
                    let step = min(rest, max(1, rest / Int64(cents.count)), caps[i] - cents[i])
                    cents[i] += step
                    rest -= step
                    moved = true
                } else if rest < 0, cents[i] > 1 {
                    let step = min(-rest, max(1, -rest / Int64(cents.count)), cents[i] - 1)
                    cents[i] -= step
                    rest += step
                    moved = true
                }
            }
            if !moved { return }
        }
    }
}
