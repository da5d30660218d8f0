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
                            SectorAllocation.allocate(cost: cost, settler: settler, workspace: workspace,
                                                      sectors: sectorCount, years: years,
                                                      into: bySector.base + local * sectorCount)
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

/// Splits a path's horizon cost of each kind over sectors.
///
/// A sector's part is first what the settlement charges because of it: the path settled
/// without that sector's flows (the same rules: its cash, the state's share computed from its
/// own lending and repayments, the norm's part that follows its lending, the reform
/// instalments on its loans) costs that much less. What no single sector causes (the budget U,
/// the norm and instalments on lending before the book, the top-up's kink, cents of rounding)
/// is the rest, spread pro rata to the sector's lending of the kind over the horizon (to its
/// first-year closing balances where the kind lent nothing, to its exposure in all kinds where
/// the kind had none). The parts add up to the kind's cost, so sector contributions sum to the
/// total.
enum SectorAllocation {
    static func allocate(cost: CostByKind, settler: Settler, workspace w: Simulation.Workspace, sectors: Int,
                         years: Int, into out: UnsafeMutablePointer<Double>) {
        let kinds = Kind.allCases.count
        let sectorStride = years * FlowBucket.count * Flow.count
        let sectorLedger = w.sectorLedger.baseAddress!
        // Per sector and kind: the marginal cost (EUR), lending and first-year closing (cents);
        // then the path's norm, which depends on its economy, not on any sector's flows.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * sectors * kinds + max(years, 1)) { scratch in
            let marginal = scratch.baseAddress!, lent = marginal + sectors * kinds, opening = lent + sectors * kinds
            let norm = UnsafeMutableBufferPointer(start: opening + sectors * kinds, count: max(years, 1))
            settler.macronorm(factors: w.factors, into: norm)
            for s in 0..<sectors {
                let own = sectorLedger + s * sectorStride
                for i in 0..<sectorStride { w.ledgerWithoutSector.cents[i] = w.ledger.cents[i] - own[i] }
                let without = settler.costByKind(ledger: w.ledgerWithoutSector, norm: UnsafeBufferPointer(norm))
                for kind in Kind.allCases {
                    let k = s * kinds + kind.index
                    marginal[k] = cost.euros(kind) - without.euros(kind)
                    lent[k] = 0
                    opening[k] = 0
                    for bucket in FlowBucket.allCases where bucket.kind == kind {
                        for year in 0..<years {
                            let row = own + YearLedger.offset(year: year, bucket: bucket.rawValue, flow: 0)
                            lent[k] += Double(row[Flow.lent.rawValue])
                            if year == 0 { opening[k] += Double(row[Flow.closing.rawValue]) }
                        }
                    }
                }
            }
            // A sector's weight in a kind's rest: its lending of the kind; its first-year closing
            // balances of the kind where the kind lent nothing; its exposure in all kinds where
            // the kind had none (a book without bk still gets U, which the rules give bk); else equal.
            func exposure(_ s: Int) -> Double {
                (0..<kinds).reduce(0.0) { $0 + lent[s * kinds + $1] + opening[s * kinds + $1] }
            }
            let allExposure = (0..<sectors).reduce(0.0) { $0 + exposure($1) }
            for s in 0..<sectors { out[s] = 0 }
            for kind in Kind.allCases {
                var caused = 0.0, kindLent = 0.0, kindOpening = 0.0
                for s in 0..<sectors {
                    caused += marginal[s * kinds + kind.index]
                    kindLent += lent[s * kinds + kind.index]
                    kindOpening += opening[s * kinds + kind.index]
                }
                let rest = cost.euros(kind) - caused
                for s in 0..<sectors {
                    let k = s * kinds + kind.index
                    let share = kindLent > 0 ? lent[k] / kindLent
                        : kindOpening > 0 ? opening[k] / kindOpening
                        : allExposure > 0 ? exposure(s) / allExposure : 1 / Double(sectors)
                    out[s] += marginal[k] + rest * share
                }
            }
        }
    }
}
