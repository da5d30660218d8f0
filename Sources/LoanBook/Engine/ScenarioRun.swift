import Synchronization

/// Everything a run of one scenario produces over a set of paths, before any file is written.
public struct RunResult: Sendable {
    /// Every metric per path and year, settled with the state.
    public var results: PathResults
    /// Per path, the horizon net cost of the municipality split by kind (`Kind.allCases` order).
    public var costByKind: [Double]
    /// Per path, the same net cost split by sector (`sectors` order), see `SectorAllocation`.
    public var costBySector: [Double]
    public let sectors: [String]
    /// Position-months simulated: positions x months from their start to the horizon.
    public var positionMonths: Int
}

extension Simulation {
    /// Simulates and settles `paths` on `threads` workers.
    ///
    /// Each path's figures land in its own slots, and the second pass (`cost_above_budget`
    /// against the run's mean) sums in path order, so the result is the same on any number
    /// of threads. Call `completeCostAboveBudget` after merging shards instead of per shard.
    /// - Parameter progress: called now and then with the number of paths done.
    public func run(paths: Range<Int>, threads: Int, settleBudget: Bool = true,
                    progress: (@Sendable (Int) -> Void)? = nil) -> RunResult {
        let count = paths.count
        let settler = Settler(scenario: scenario, history: book.history, firstYear: firstYear, years: years)
        var results = PathResults(firstYear: firstYear, years: years, paths: count)
        let sectorCount = sectors.count
        var costByKind = [Double](repeating: 0, count: count * Kind.allCases.count)
        var costBySector = [Double](repeating: 0, count: count * sectorCount)
        let positionMonths = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let rowCount = (years + 1) * Metric.count
        let first = paths.lowerBound

        results.values.withUnsafeMutableBufferPointer { values in
            results.collectedShare.withUnsafeMutableBufferPointer { shares in
                costByKind.withUnsafeMutableBufferPointer { kinds in
                    costBySector.withUnsafeMutableBufferPointer { bySector in
                        let values = SharedBuffer(values.baseAddress!), shares = SharedBuffer(shares.baseAddress!)
                        let kinds = SharedBuffer(kinds.baseAddress!), bySector = SharedBuffer(bySector.baseAddress!)
                        let opening = Double(book.totalBalanceCents)
                        forEachPath(in: paths, threads: threads) { path, workspace, outcome in
                            let local = path - first
                            var scratch = workspace.settlementScratch(firstYear: firstYear, years: years)
                            let cost = settler.settle(ledger: workspace.ledger, factors: workspace.factors, path: 0,
                                                      into: &scratch)
                            scratch.values.withUnsafeBufferPointer { row in
                                (values.base + local * rowCount).update(from: row.baseAddress!, count: rowCount)
                            }
                            workspace.keep(scratch)
                            shares.base[local] = opening > 0 ? Double(outcome.collectedFromBook) / opening : 0
                            for kind in Kind.allCases {
                                kinds.base[local * Kind.allCases.count + kind.index] = cost.euros(kind)
                            }
                            SectorAllocation.allocate(cost: cost, workspace: workspace, sectors: sectorCount,
                                                      years: years, into: bySector.base + local * sectorCount)
                            positionMonths.add(outcome.positionMonths, ordering: .relaxed)
                            let finished = done.add(1, ordering: .relaxed).newValue
                            if let progress, finished % 1024 == 0 { progress(finished) }
                        }
                    }
                }
            }
        }
        if settleBudget { Settler.fillCostAboveBudget(&results, provision: scenario.provision) }
        return RunResult(results: results, costByKind: costByKind, costBySector: costBySector, sectors: sectors,
                         positionMonths: positionMonths.load(ordering: .relaxed))
    }
}

/// Splits a path's horizon cost of each kind over sectors. Each sector carries its own cash of
/// that kind: what was lent minus what came back (principal, prepayments, interest,
/// recoveries), so a sector whose debtors repay less costs more. The rest of the kind's cost
/// (the state's share, the budget and top-up, payments to the state) follows lending, and is
/// spread pro rata to the sector's lending of that kind over the horizon (to its closing
/// balances of the first year where the kind lent nothing). The parts add up to the kind's
/// cost, so sector contributions sum to the total.
enum SectorAllocation {
    static func allocate(cost: CostByKind, workspace w: Simulation.Workspace, sectors: Int, years: Int,
                         into out: UnsafeMutablePointer<Double>) {
        for s in 0..<sectors { out[s] = 0 }
        let sectorStride = years * FlowBucket.count * Flow.count
        // Per sector: cash (cents), lending and first-year closing; no heap allocation per path.
        withUnsafeTemporaryAllocation(of: Int64.self, capacity: 3 * sectors) { scratch in
            let cash = scratch.baseAddress!, lent = cash + sectors, opening = lent + sectors
            for kind in Kind.allCases {
                var kindCash: Int64 = 0, kindLent: Int64 = 0, kindOpening: Int64 = 0
                for s in 0..<sectors {
                    cash[s] = 0
                    lent[s] = 0
                    opening[s] = 0
                    for bucket in FlowBucket.allCases where bucket.kind == kind {
                        for year in 0..<years {
                            let row = w.sectorLedger.baseAddress! + s * sectorStride
                                + YearLedger.offset(year: year, bucket: bucket.rawValue, flow: 0)
                            lent[s] += row[Flow.lent.rawValue]
                            cash[s] += row[Flow.lent.rawValue] - row[Flow.principal.rawValue]
                                - row[Flow.prepaid.rawValue] - row[Flow.interest.rawValue] - row[Flow.recovered.rawValue]
                            if year == 0 { opening[s] += row[Flow.closing.rawValue] }
                        }
                    }
                    kindCash += cash[s]
                    kindLent += lent[s]
                    kindOpening += opening[s]
                }
                let rest = cost.euros(kind) - Double(kindCash) / 100
                let (weights, total) = kindLent > 0 ? (lent, kindLent) : (opening, kindOpening)
                for s in 0..<sectors {
                    out[s] += Double(cash[s]) / 100
                        + (total > 0 ? rest * Double(weights[s]) / Double(total) : (s == 0 ? rest : 0))
                }
            }
        }
    }
}
