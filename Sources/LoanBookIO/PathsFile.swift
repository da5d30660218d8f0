import Foundation
import LoanBook

/// `paths.bin`: a shard's per-path figures, so that `loanbook merge` can put shards back
/// together into exactly what one run would have written (docs/scale-out.md).
///
/// Little-endian throughout. A 64-byte header:
///
/// | offset | type | field |
/// | --- | --- | --- |
/// | 0 | 8 bytes | magic `LBPATHS` followed by a zero byte |
/// | 8 | UInt32 | format version (1) |
/// | 12 | Int32 | first calendar year |
/// | 16 | UInt32 | years (the horizon row is one more) |
/// | 20 | UInt32 | metric count (`Metric.allCases`, in that order) |
/// | 24 | UInt64 | first path (0-based index of the shard's first path in the whole run) |
/// | 32 | UInt64 | path count |
/// | 40 | UInt32 | sector count |
/// | 44 | UInt32 | kind count (`Kind.allCases`) |
/// | 48 | UInt64 | position-months simulated |
/// | 56 | UInt64 | reserved, zero |
///
/// then four arrays of IEEE-754 Float64, path-major as in memory:
/// `PathResults.values` (paths x (years + 1) x metrics), `collectedShare` (paths),
/// `costByKind` (paths x kinds), `costBySector` (paths x sectors). Values are as computed,
/// `cost_above_budget` included; it is recomputed after merging.
public enum PathsFile {
    public static let fileName = "paths.bin"
    public static let magic: [UInt8] = Array("LBPATHS".utf8) + [0]
    public static let version: UInt32 = 1
    public static let headerSize = 64

    /// What the header says, without the data.
    public struct Header: Sendable, Equatable {
        public var firstYear: Int
        public var years: Int
        public var metricCount: Int
        public var firstPath: Int
        public var pathCount: Int
        public var sectorCount: Int
        public var kindCount: Int
        public var positionMonths: Int

        var doubles: Int {
            pathCount * ((years + 1) * metricCount + 1 + kindCount + sectorCount)
        }
    }

    /// The file's bytes for the paths `firstPath ..< firstPath + run.results.paths`.
    public static func encode(_ run: RunResult, firstPath: Int) -> Data {
        let r = run.results
        var data = Data(capacity: headerSize + 8 * (r.values.count + r.paths + run.costByKind.count + run.costBySector.count))
        data.append(contentsOf: magic)
        append(UInt32(version), to: &data)
        append(UInt32(bitPattern: Int32(r.firstYear)), to: &data)
        append(UInt32(r.years), to: &data)
        append(UInt32(Metric.count), to: &data)
        append(UInt64(firstPath), to: &data)
        append(UInt64(r.paths), to: &data)
        append(UInt32(run.sectors.count), to: &data)
        append(UInt32(Kind.allCases.count), to: &data)
        append(UInt64(run.positionMonths), to: &data)
        append(UInt64(0), to: &data)
        for array in [r.values, r.collectedShare, run.costByKind, run.costBySector] { append(array, to: &data) }
        return data
    }

    /// Reads the header at the start of `data`.
    /// - Throws: `InputProblem` naming `file` when the magic, version or sizes are wrong.
    public static func header(_ data: Data, file: String) throws -> Header {
        guard data.count >= headerSize, Array(data.prefix(8)) == magic else {
            throw InputProblem(file: file, expected: "a loanbook paths file (magic 'LBPATHS', \(headerSize)-byte header)")
        }
        let version = read(UInt32.self, data, at: 8)
        guard version == Self.version else {
            throw InputProblem(file: file, field: "version", value: "\(version)",
                               expected: "paths file format version \(Self.version)")
        }
        let header = Header(
            firstYear: Int(Int32(bitPattern: read(UInt32.self, data, at: 12))),
            years: Int(read(UInt32.self, data, at: 16)), metricCount: Int(read(UInt32.self, data, at: 20)),
            firstPath: Int(read(UInt64.self, data, at: 24)), pathCount: Int(read(UInt64.self, data, at: 32)),
            sectorCount: Int(read(UInt32.self, data, at: 40)), kindCount: Int(read(UInt32.self, data, at: 44)),
            positionMonths: Int(read(UInt64.self, data, at: 48)))
        guard header.metricCount == Metric.count, header.kindCount == Kind.allCases.count else {
            throw InputProblem(file: file, field: "metric count", value: "\(header.metricCount)/\(header.kindCount)",
                               expected: "\(Metric.count) metrics and \(Kind.allCases.count) kinds (this engine's)")
        }
        let expectedSize = headerSize + 8 * header.doubles
        guard data.count == expectedSize else {
            throw InputProblem(file: file, field: "size", value: "\(data.count) bytes",
                               expected: "\(expectedSize) bytes for the paths the header announces")
        }
        return header
    }

    /// Reads a whole file back into a run result with the given sector names.
    public static func decode(_ data: Data, file: String, sectors: [String]) throws -> (Header, RunResult) {
        let h = try header(data, file: file)
        guard h.sectorCount == sectors.count else {
            throw InputProblem(file: file, field: "sector count", value: "\(h.sectorCount)",
                               expected: "\(sectors.count) sectors, as the scenario has")
        }
        var offset = headerSize
        func take(_ count: Int) -> [Double] {
            defer { offset += 8 * count }
            return doubles(data, at: offset, count: count)
        }
        var results = PathResults(firstYear: h.firstYear, years: h.years, paths: h.pathCount)
        results.values = take(h.pathCount * (h.years + 1) * h.metricCount)
        results.collectedShare = take(h.pathCount)
        let byKind = take(h.pathCount * h.kindCount)
        let bySector = take(h.pathCount * h.sectorCount)
        return (h, RunResult(results, costByKind: byKind, costBySector: bySector, sectors: sectors,
                             positionMonths: h.positionMonths))
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    private static func append(_ values: [Double], to data: inout Data) {
        #if _endian(little)
        values.withUnsafeBytes { data.append(contentsOf: $0) }
        #else
        for x in values { append(x.bitPattern, to: &data) }
        #endif
    }

    private static func read<T: FixedWidthInteger>(_: T.Type, _ data: Data, at offset: Int) -> T {
        var value = T.zero
        _ = withUnsafeMutableBytes(of: &value) { target in
            data.copyBytes(to: target, from: (data.startIndex + offset)..<(data.startIndex + offset + MemoryLayout<T>.size))
        }
        return T(littleEndian: value)
    }

    private static func doubles(_ data: Data, at offset: Int, count: Int) -> [Double] {
        var out = [Double](repeating: 0, count: count)
        _ = out.withUnsafeMutableBytes { target in
            data.copyBytes(to: target, from: (data.startIndex + offset)..<(data.startIndex + offset + 8 * count))
        }
        #if !_endian(little)
        for i in out.indices { out[i] = Double(bitPattern: UInt64(littleEndian: out[i].bitPattern)) }
        #endif
        return out
    }
}
