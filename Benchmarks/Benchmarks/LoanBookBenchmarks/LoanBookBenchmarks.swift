// The engine's benchmarks: throughput on the reference workload, scaling in paths and in
// positions, the economy and the settlement alone, the issue's bare loop as a floor, and
// allocation counts.
//
// Timings on a shared machine drift; the thresholds therefore gate only what does not drift
// (allocations, see `allocationGate`), and throughput is reported. docs/performance.md has the
// figures and how to check a change against a baseline.

import Benchmark
import Foundation
import LoanBook
import LoanBookIO

/// The repository root, from this file's path (Benchmarks/Benchmarks/LoanBookBenchmarks/…): the
/// benchmark runs in a working directory of the plugin's choosing.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// The shipped base scenario on the shipped Nijmegen book (10 years, monthly, new business on).
let reference: ScenarioInputs = {
    do {
        return try ScenarioInputs.load(path: repositoryRoot + "/scenarios/base.yaml")
    } catch {
        fatalError("cannot load scenarios/base.yaml: \(error)")
    }
}()

let cores = ProcessInfo.processInfo.activeProcessorCount
let throughputMetric = BenchmarkMetric.custom("position_months_per_s", polarity: .prefersLarger,
                                              useScalingFactor: false)

/// Allocation counts do not depend on the machine's load: a change that adds allocations per
/// path shows as a failed `swift package benchmark baseline check` (over 5% or the absolute
/// margin at p90). Regenerate the baseline on purpose when allocations change for a reason.
/// Time, throughput and memory are reported but not gated (`.none`; a metric left out would
/// get package-benchmark's default 5% and fail on any busy machine).
func allocationGate(absolute: Int, metrics: [BenchmarkMetric]) -> [BenchmarkMetric: BenchmarkThresholds] {
    var thresholds: [BenchmarkMetric: BenchmarkThresholds] = [:]
    for metric in metrics { thresholds[metric] = BenchmarkThresholds.none }
    thresholds[.mallocCountTotal] = .init(relative: [.p90: 5.0], absolute: [.p90: absolute])
    return thresholds
}

let engineMetrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, throughputMetric]
let singleThreadMetrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal, .instructions]

func simulation(paths: Int, bookScale: Double? = nil) -> Simulation {
    var scenario = reference.scenario
    scenario.paths = paths
    let book = bookScale.map { BookGenerator(scale: $0).generate() } ?? reference.book
    do {
        return try Simulation(scenario: scenario, book: book)
    } catch {
        fatalError("cannot prepare the simulation: \(error)")
    }
}

/// Position-months per second for `positionMonths` done since `start`.
func throughput(_ positionMonths: Int, since start: ContinuousClock.Instant) -> Int {
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return Int(Double(positionMonths) / max(seconds, 1e-9))
}

/// One run of `paths` paths on all cores, reporting position-months per second.
func engineBenchmark(_ name: String, paths: Int, bookScale: Double? = nil, iterations: Int, seconds: Int) {
    Benchmark(
        name,
        configuration: .init(
            metrics: engineMetrics, warmupIterations: 0, maxDuration: .seconds(seconds), maxIterations: iterations,
            thresholds: allocationGate(absolute: 2_000, metrics: engineMetrics))
    ) { (benchmark: Benchmark, simulation: Simulation) in
        let start = ContinuousClock.now
        let result = simulation.run(paths: 0..<paths, threads: cores)
        benchmark.measurement(throughputMetric, throughput(result.positionMonths, since: start))
        blackHole(result)
    } setup: { () -> Simulation in
        simulation(paths: paths, bookScale: bookScale)
    }
}

let benchmarks: @Sendable () -> Void = {
    // The reference workload: 10,000 paths on the shipped book.
    engineBenchmark("Engine_reference_10k_paths", paths: 10_000, iterations: 5, seconds: 30)

    // Scaling in paths on the shipped book.
    engineBenchmark("Paths_1k", paths: 1_000, iterations: 10, seconds: 10)
    engineBenchmark("Paths_10k", paths: 10_000, iterations: 3, seconds: 20)
    engineBenchmark("Paths_100k", paths: 100_000, iterations: 1, seconds: 30)

    // Scaling in positions: the synthetic book at 1, 10 and 100 times its size, fewer paths
    // for the bigger books so each stays well under half a minute.
    engineBenchmark("Book_scale_1_2k_paths", paths: 2_000, bookScale: 1, iterations: 5, seconds: 20)
    engineBenchmark("Book_scale_10_1k_paths", paths: 1_000, bookScale: 10, iterations: 3, seconds: 20)
    engineBenchmark("Book_scale_100_100_paths", paths: 100, bookScale: 100, iterations: 3, seconds: 25)

    // The issue's bare loop on all cores, one position at a time and eight side by side: the
    // floor the engine's throughput is measured against (BareLoop.swift).
    for (lanes, groups) in [(1, 1_000_000), (8, 250_000)] {
        Benchmark(
            "Floor_bare_loop_\(lanes)_lane\(lanes == 1 ? "" : "s")",
            configuration: .init(
                metrics: engineMetrics, warmupIterations: 0, maxDuration: .seconds(10), maxIterations: 3,
                // The loop allocates nothing per month; Dispatch's threads vary by a few hundred.
                thresholds: allocationGate(absolute: 1_000, metrics: engineMetrics))
        ) { benchmark in
            let start = ContinuousClock.now
            // Literal lane counts, so that the loop is compiled for each.
            let (months, check) = lanes == 1
                ? BareLoop.positionMonths(groups: groups, lanes: 1, months: 120, threads: cores)
                : BareLoop.positionMonths(groups: groups, lanes: 8, months: 120, threads: cores)
            benchmark.measurement(throughputMetric, throughput(months, since: start))
            blackHole(check)
        }
    }

    // The economy alone: the sector factors of 64 chunks (16,384 paths), one thread.
    Benchmark(
        "Economy_factors_64_chunks",
        configuration: .init(metrics: singleThreadMetrics,
                             warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 50,
                             thresholds: allocationGate(absolute: 10, metrics: singleThreadMetrics))
    ) { (benchmark: Benchmark, model: FactorModel) in
        FactorModel.useSingleThreadedBLAS()
        let count = FactorModel.chunkSize * model.years * model.sectorCount
        let output = UnsafeMutablePointer<Double>.allocate(capacity: count)
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: count)
        defer { output.deallocate(); scratch.deallocate() }
        let philox = Philox4x32(seed: reference.scenario.seed)
        benchmark.startMeasurement()
        for chunk in 0..<64 {
            model.generate(chunk: chunk, philox: philox, output: output, scratch: scratch)
            blackHole(output[0])
        }
        benchmark.stopMeasurement()
    } setup: { () -> FactorModel in
        do {
            return try FactorModel(economy: reference.scenario.economy, firstYear: reference.book.asOfYear,
                                   years: reference.scenario.horizonYears)
        } catch {
            fatalError("cannot prepare the factor model: \(error)")
        }
    }

    // Settlement alone: 1,024 paths' ledgers (simulated once in setup) settled with the state.
    Benchmark(
        "Settlement_1024_paths",
        configuration: .init(metrics: singleThreadMetrics,
                             warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 100,
                             thresholds: allocationGate(absolute: 10, metrics: singleThreadMetrics))
    ) { (benchmark: Benchmark, prepared: PreparedLedgers) in
        var out = PathResults(firstYear: prepared.settler.firstYear, years: prepared.settler.years, paths: 1)
        benchmark.startMeasurement()
        for (ledger, factors) in zip(prepared.ledgers, prepared.factors) {
            blackHole(prepared.settler.settle(ledger: ledger, factors: factors, path: 0, into: &out))
        }
        benchmark.stopMeasurement()
        blackHole(out)
    } setup: { () -> PreparedLedgers in
        PreparedLedgers(paths: 1_024)
    }
}

/// Ledgers and factors of simulated paths, ready to settle.
struct PreparedLedgers: Sendable {
    let settler: Settler
    let ledgers: [YearLedger]
    let factors: [[Double]]

    init(paths: Int) {
        let simulation = simulation(paths: paths)
        settler = Settler(scenario: simulation.scenario, history: simulation.book.history,
                          firstYear: simulation.firstYear, years: simulation.years)
        let workspace = simulation.makeWorkspace()
        var ledgers: [YearLedger] = [], factors: [[Double]] = []
        for path in 0..<paths {
            _ = simulation.simulate(path: path, in: workspace)
            ledgers.append(workspace.ledger)
            factors.append(Array(workspace.factors))
        }
        self.ledgers = ledgers
        self.factors = factors
    }
}
