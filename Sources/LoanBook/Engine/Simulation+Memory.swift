/// What a run holds in memory besides its results, for the runner's memory guard.
extension Simulation {
    /// Bytes of one worker's `Workspace`: the factor chunk and its scratch
    /// (2 x chunkSize x years x sectors doubles), the conditional hazards, the per-sector and
    /// summed ledgers, a one-path settlement row and the new loans of a path with their
    /// schedules (at least the 1024 reserved, or twice the expected number of new loans over
    /// the horizon; each with its schedule's start, end and flag, and two `Int64` per instalment
    /// up to the horizon, an upper bound: interest-free loans have none) and one product-year's
    /// rows.
    public var workspaceBytes: Int {
        let s = sectors.count, classes = scenario.riskClasses.count
        let factorChunk = 2 * FactorModel.chunkSize * years * s * MemoryLayout<Double>.size
        let hazards = max(1, years * classes * s) * MemoryLayout<Double>.size
        let ledgers = (s + 1) * years * FlowBucket.count * Flow.count * MemoryLayout<Int64>.size
        let settlementRow = ((years + 1) * Metric.count + 1) * MemoryLayout<Double>.size
        let expectedNewLoans = scenario.newBusiness.reduce(0.0) { $0 + max(0, $1.applications) * $1.approvalShare }
            * Double(years)
        let newLoans = max(1024, Int(min(expectedNewLoans * 2, 1e9)))
            * (PositionTable.bytesPerPosition + Schedules.bytesPerPosition + (months + 1) * 2 * MemoryLayout<Int64>.size)
            + NewBusiness.maximumLoansPerYear * MemoryLayout<PositionTable.Row>.stride
        return factorChunk + hazards + ledgers + settlementRow + newLoans
    }

    /// Bytes of today's book as the kernel reads it, shared by every worker: the position table
    /// and the precomputed schedules (start, end and flag per position, two `Int64` per entry).
    public var positionTableBytes: Int {
        table.count * (PositionTable.bytesPerPosition + Schedules.bytesPerPosition)
            + tables.schedules.entries * 2 * MemoryLayout<Int64>.size
    }
}

extension PositionTable {
    /// One row: 4 eight-byte, 6 four-byte and 4 one-byte fields, padded to 64 bytes.
    public static let bytesPerPosition = MemoryLayout<Row>.stride
}
