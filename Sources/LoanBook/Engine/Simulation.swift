import Foundation

/// One scenario on one book, ready to simulate any set of paths.
///
/// Everything path-independent is prepared here once: the position table, the behaviour
/// per kind, the factor model, the risk classes' PhiInv(PD). A path's result depends only
/// on (seed, path index), never on which thread, block or shard simulates it.
public struct Simulation: Sendable {
    public let scenario: Scenario
    public let book: Book
    public let firstYear: Int
    public let years: Int
    public var months: Int { years * 12 }
    public let sectors: [String]
    let table: PositionTable
    let tables: KernelTables
    let factorModel: FactorModel
    let newBusiness: NewBusiness
    let classThreshold: [Double]
    let sqrtRho: Double
    let sqrtOneMinusRho: Double
    let philox: Philox4x32
    /// Today's balance per ledger bucket, for the conservation check.
    let openingByBucket: [Int64]

    /// The most loans a product may expect in a year (`Failure.tooMuchNewBusiness`).
    public static let maximumExpectedNewLoans = NewBusiness.maximumExpectedLoans

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unknownSector(position: String, sector: String)
        case unknownRiskClass(position: String, riskClass: String)
        case missingBehaviour(Kind)
        case economy(String)
        case unknownName(product: String, what: String, name: String)
        case tooMuchNewBusiness(product: String, year: Int, expected: Double)

        public var description: String {
            switch self {
            case .unknownSector(let id, let sector):
                "position \(id): sector '\(sector)' is not one of the scenario's economy.sectors"
            case .unknownRiskClass(let id, let name):
                "position \(id): risk class '\(name)' is not one of the scenario's risk_classes"
            case .missingBehaviour(let kind):
                "the book holds \(kind.rawValue) positions but the scenario gives no behaviour for \(kind.rawValue)"
            case .economy(let text): text
            case .unknownName(let product, let what, let name):
                "new business '\(product)': \(what) '\(name)' is not defined in the scenario"
            case .tooMuchNewBusiness(let product, let year, let expected):
                "new business '\(product)' expects \(Int(expected.rounded())) loans in \(year); "
                    + "at most \(NewBusiness.maximumExpectedLoans) a product-year are supported (lower applications or approval)"
            }
        }
    }

    public init(scenario: Scenario, book: Book) throws {
        self.scenario = scenario
        self.book = book
        firstYear = book.asOfYear
        years = scenario.horizonYears
        sectors = scenario.economy.sectors
        philox = Philox4x32(seed: scenario.seed)
        let sectorIndex = Dictionary(uniqueKeysWithValues: sectors.enumerated().map { ($1, $0) })
        let classIndex = Dictionary(uniqueKeysWithValues: scenario.riskClasses.enumerated().map { ($1.name, $0) })

        var table = PositionTable()
        table.reserveCapacity(book.positions.count)
        for (index, p) in book.positions.enumerated() {
            guard let s = sectorIndex[p.sector] else { throw Failure.unknownSector(position: p.id, sector: p.sector) }
            guard let c = classIndex[p.riskClass] else {
                throw Failure.unknownRiskClass(position: p.id, riskClass: p.riskClass)
            }
            guard scenario.behaviour[p.kind] != nil else { throw Failure.missingBehaviour(p.kind) }
            table.append(balance: p.balanceCents, annualRate: p.annualRate, remainingMonths: p.remainingMonths,
                         repayment: p.repayment, status: p.status, deferralUsed: p.deferralUsedMonths,
                         riskClass: c, sector: s, kind: p.kind,
                         bucket: FlowBucket.of(kind: p.kind, segment: p.segment, vintage: p.vintage),
                         pdScale: 1, startMonth: 0, entity: UInt32(index))
        }
        for product in scenario.newBusiness {
            guard scenario.behaviour[product.kind] != nil else { throw Failure.missingBehaviour(product.kind) }
            for name in product.riskClassMix.keys.sorted() where classIndex[name] == nil {
                throw Failure.unknownName(product: product.name, what: "risk class", name: name)
            }
            for name in product.sectorMix.keys.sorted() where sectorIndex[name] == nil {
                throw Failure.unknownName(product: product.name, what: "sector", name: name)
            }
        }
        self.table = table
        var opening = [Int64](repeating: 0, count: FlowBucket.count)
        for p in book.positions {
            opening[FlowBucket.of(kind: p.kind, segment: p.segment, vintage: p.vintage).rawValue] += p.balanceCents
        }
        openingByBucket = opening
        tables = KernelTables(
            behaviour: Kind.allCases.map { kind in
                MonthlyBehaviour(scenario.behaviour[kind] ?? KindBehaviour(),
                                 recoveryMeanShift: scenario.variant.recoveryMeanShift)
            },
            schedules: Schedules(table: table, months: scenario.horizonYears * 12))
        do {
            factorModel = try FactorModel(economy: scenario.economy, firstYear: firstYear, years: years)
        } catch {
            throw Failure.economy("\(error)")
        }
        newBusiness = NewBusiness(scenario: scenario, firstYear: firstYear, years: years,
                                  classIndex: classIndex, sectorIndex: sectorIndex)
        for (product, drawn) in zip(scenario.newBusiness, newBusiness.products) {
            if let year = drawn.expectedLoans.firstIndex(where: { $0 > Double(NewBusiness.maximumExpectedLoans) }) {
                throw Failure.tooMuchNewBusiness(product: product.name, year: firstYear + year,
                                                 expected: drawn.expectedLoans[year])
            }
        }
        classThreshold = scenario.riskClasses.map { Distributions.normalQuantile(min(max($0.annualPD, 1e-12), 1 - 1e-12)) }
        let rho = scenario.economy.assetCorrelation
        sqrtRho = rho.squareRoot()
        sqrtOneMinusRho = (1 - rho).squareRoot()
    }

    /// Per-thread buffers, allocated once and reused for every path.
    public final class Workspace {
        let chunkFactors: UnsafeMutablePointer<Double>
        let chunkScratch: UnsafeMutablePointer<Double>
        var chunk = -1
        let hazards: UnsafeMutablePointer<Double>
        let hazardCount: Int
        /// `[sector][year][bucket][flow]` cents.
        public let sectorLedger: UnsafeMutableBufferPointer<Int64>
        /// The path's ledger summed over sectors.
        public var ledger: YearLedger
        var newPositions = PositionTable()
        /// Scratch for one product-year of new loans, and the schedules of the path's new loans.
        let newRows = UnsafeMutableBufferPointer<PositionTable.Row>.allocate(capacity: NewBusiness.maximumLoansPerYear)
        let newSchedules = Schedules()
        private var scratch: PathResults?

        /// A one-path `PathResults` to settle into, reused from path to path.
        func settlementScratch(firstYear: Int, years: Int) -> PathResults {
            if let scratch { self.scratch = nil; return scratch }
            return PathResults(firstYear: firstYear, years: years, paths: 1)
        }

        func keep(_ results: PathResults) { scratch = results }

        /// The path's ledger less one sector (`SectorAllocation`), reused from path to path.
        var ledgerWithoutSector: YearLedger

        init(simulation s: Simulation) {
            let chunkCount = FactorModel.chunkSize * s.years * s.sectors.count
            chunkFactors = .allocate(capacity: chunkCount)
            chunkScratch = .allocate(capacity: chunkCount)
            hazardCount = s.years * s.scenario.riskClasses.count * s.sectors.count
            hazards = .allocate(capacity: max(1, hazardCount))
            sectorLedger = .allocate(capacity: s.sectors.count * s.years * FlowBucket.count * Flow.count)
            sectorLedger.initialize(repeating: 0)
            ledger = YearLedger(years: s.years)
            ledgerWithoutSector = YearLedger(years: s.years)
            newPositions.reserveCapacity(1024)
        }

        deinit {
            chunkFactors.deallocate()
            chunkScratch.deallocate()
            hazards.deallocate()
            newRows.deallocate()
            sectorLedger.deallocate()
        }

        /// The sector factors of the current path, `[year][sector]`.
        public private(set) var factors: UnsafeBufferPointer<Double> = .init(start: nil, count: 0)
        fileprivate func setFactors(_ pointer: UnsafePointer<Double>, count: Int) {
            factors = UnsafeBufferPointer(start: pointer, count: count)
        }
    }

    public func makeWorkspace() -> Workspace { Workspace(simulation: self) }

    /// What one path produced besides its ledger.
    public struct PathOutcome: Sendable {
        /// Principal repaid, prepaid and recovered on today's book over the horizon, in cents.
        public var collectedFromBook: Int64
        /// Positions times months simulated (book and new loans, from their start to the horizon).
        public var positionMonths: Int
    }

    /// Simulates one path into `workspace.ledger` and `workspace.sectorLedger`.
    public func simulate(path: Int, in w: Workspace) -> PathOutcome {
        let s = sectors.count, classes = scenario.riskClasses.count
        let chunk = path / FactorModel.chunkSize
        if chunk != w.chunk {
            factorModel.generate(chunk: chunk, philox: philox, output: w.chunkFactors, scratch: w.chunkScratch)
            w.chunk = chunk
        }
        let factors = w.chunkFactors + (path % FactorModel.chunkSize) * years * s
        w.setFactors(factors, count: years * s)

        // Conditional monthly default hazard per year, class and sector (Vasicek).
        let multiplier = scenario.variant.pdMultiplier
        for year in 0..<years {
            for c in 0..<classes {
                for sector in 0..<s {
                    let z = factors[year * s + sector]
                    let annual = Distributions.normalCDF((classThreshold[c] - sqrtRho * z) / sqrtOneMinusRho)
                    w.hazards[(year * classes + c) * s + sector] = MonthlyRow.monthly(annual) * multiplier
                }
            }
        }

        w.sectorLedger.update(repeating: 0)
        let ledger = w.sectorLedger.baseAddress!
        let sectorStride = years * FlowBucket.count * Flow.count
        let p32 = UInt32(truncatingIfNeeded: path)
        func context(schedules: ScheduleView) -> PathContext {
            PathContext(philox: philox, path: p32, months: months, classCount: classes, sectorCount: s,
                        hazards: w.hazards, factors: factors, recoverySensitivity: scenario.economy.recoverySensitivity,
                        behaviour: tables.behaviour.baseAddress!, ledger: ledger, schedules: schedules)
        }
        PathKernel.run(table, 0..<table.count, context(schedules: tables.schedules.view))
        // Today's book is done: what it collected is in the ledger now.
        var collected: Int64 = 0
        for i in stride(from: 0, to: w.sectorLedger.count, by: Flow.count) {
            collected += w.sectorLedger[i + Flow.principal.rawValue] + w.sectorLedger[i + Flow.prepaid.rawValue]
                + w.sectorLedger[i + Flow.recovered.rawValue]
        }

        w.newPositions.removeAll()
        newBusiness.draw(path: p32, philox: philox, into: &w.newPositions, rows: w.newRows, ledger: ledger,
                         sectorStride: sectorStride)
        var positionMonths = table.count * months
        for row in w.newPositions.rows { positionMonths += max(0, months - Int(row.startMonth)) }
        w.newSchedules.build(w.newPositions, months: months)
        PathKernel.run(w.newPositions, 0..<w.newPositions.count, context(schedules: w.newSchedules.view))

        // The path's ledger over all sectors.
        let perSector = sectorStride
        for i in 0..<perSector {
            var total: Int64 = 0
            for sector in 0..<s { total &+= w.sectorLedger[sector * perSector + i] }
            w.ledger.cents[i] = total
        }
        #if LOANBOOK_INVARIANTS
        checkConservation(w.ledger, path: path)
        #endif
        return PathOutcome(collectedFromBook: collected, positionMonths: positionMonths)
    }

    /// Opening + lent = principal + prepaid + recovered + written off + remitted + closing,
    /// to the cent, per bucket (MODEL.md section 4). Compiled in with `LOANBOOK_INVARIANTS`.
    func checkConservation(_ ledger: YearLedger, path: Int) {
        for bucket in FlowBucket.allCases {
            var balance = openingByBucket[bucket.rawValue]
            for year in 0..<years {
                balance += ledger[year, bucket, .lent] - ledger[year, bucket, .principal] - ledger[year, bucket, .prepaid]
                    - ledger[year, bucket, .recovered] - ledger[year, bucket, .writtenOff] - ledger[year, bucket, .remitted]
                precondition(balance == ledger[year, bucket, .closing],
                             "money not conserved on path \(path), bucket \(bucket), year \(firstYear + year)")
            }
        }
    }
}
