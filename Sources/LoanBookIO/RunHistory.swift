import Foundation
import GRDB
import LoanBook

/// The nightly batch's history: every figure of every scenario of every night, in SQLite
/// (docs/batch.md has the schema). Rerunning a night replaces that night's rows of the
/// scenario, in one transaction, so a night never counts twice and never half.
public struct RunHistory: Sendable {
    /// One night of one batch.
    public struct BatchRun: Sendable {
        public var batch: String
        public var batchFile: String
        public var batchSHA256: String
        /// The night, `YYYY-MM-DD`.
        public var night: String
        public var engineVersion: String

        public init(batch: String, batchFile: String, batchSHA256: String, night: String, engineVersion: String) {
            self.batch = batch
            self.batchFile = batchFile
            self.batchSHA256 = batchSHA256
            self.night = night
            self.engineVersion = engineVersion
        }
    }

    /// One scenario's run within a night, with its figures when it succeeded.
    public struct ScenarioRun: Sendable {
        public var scenario: String
        public var scenarioFile: String
        public var scenarioSHA256: String
        /// The book's as-of date, `YYYY-01-01`.
        public var asOf: String
        public var paths: Int
        public var seed: UInt64
        public var seconds: Double
        /// The output directory, relative to the batch's `--out`.
        public var out: String
        public var figures: Figures?
        /// Why it failed, when it did.
        public var error: String?

        public init(scenario: String, scenarioFile: String, scenarioSHA256: String, asOf: String, paths: Int,
                    seed: UInt64, seconds: Double, out: String, figures: Figures?, error: String?) {
            self.scenario = scenario
            self.scenarioFile = scenarioFile
            self.scenarioSHA256 = scenarioSHA256
            self.asOf = asOf
            self.paths = paths
            self.seed = seed
            self.seconds = seconds
            self.out = out
            self.figures = figures
            self.error = error
        }
    }

    /// The figures of a run as the history keeps them.
    public struct Figures: Sendable {
        public var projection: ProjectionStatistics
        public var provision: ProvisionAnalysis
        public var collectedShare: CollectedShareSummary
        public var contributions: ContributionsReport

        /// The figures the run's outputs were made from, so nothing is computed twice.
        public init(_ figures: RunFigures, contributions: ContributionsReport) {
            projection = figures.projection
            provision = figures.provision
            collectedShare = figures.collectedShare
            self.contributions = contributions
        }
    }

    let queue: DatabaseQueue
    public let path: String

    /// Opens (creating if needed) the history at `path` and brings its schema up to date.
    /// - Throws: `OutputError` naming the file.
    public init(path: String) throws {
        self.path = path
        do {
            let directory = FilePaths.directory(of: path)
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            var configuration = Configuration()
            configuration.busyMode = .timeout(30)
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(queue)
        } catch {
            throw OutputError(path: path, message: "cannot open the run history (\(error))")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE batch_run (
                    id INTEGER PRIMARY KEY,
                    batch TEXT NOT NULL,
                    night TEXT NOT NULL,
                    batch_file TEXT NOT NULL,
                    batch_sha256 TEXT NOT NULL,
                    engine_version TEXT NOT NULL,
                    UNIQUE (batch, night)
                );
                CREATE TABLE scenario_run (
                    id INTEGER PRIMARY KEY,
                    batch_run_id INTEGER NOT NULL REFERENCES batch_run(id) ON DELETE CASCADE,
                    night TEXT NOT NULL,
                    scenario TEXT NOT NULL,
                    scenario_file TEXT NOT NULL,
                    scenario_sha256 TEXT NOT NULL,
                    as_of TEXT NOT NULL,
                    status TEXT NOT NULL,
                    paths INTEGER NOT NULL,
                    seed TEXT NOT NULL,
                    seconds REAL NOT NULL,
                    out TEXT NOT NULL,
                    error TEXT,
                    UNIQUE (batch_run_id, scenario)
                );
                CREATE TABLE projection (
                    scenario_run_id INTEGER NOT NULL REFERENCES scenario_run(id) ON DELETE CASCADE,
                    year TEXT NOT NULL,
                    metric TEXT NOT NULL,
                    mean REAL, sd REAL, se REAL,
                    p1 REAL, p5 REAL, p10 REAL, p50 REAL, p90 REAL, p95 REAL, p99 REAL, p99_5 REAL,
                    var90 REAL, es90 REAL, var95 REAL, es95 REAL, var99 REAL, es99 REAL,
                    PRIMARY KEY (scenario_run_id, year, metric)
                );
                CREATE TABLE figure (
                    scenario_run_id INTEGER NOT NULL REFERENCES scenario_run(id) ON DELETE CASCADE,
                    figure TEXT NOT NULL,
                    year TEXT NOT NULL,
                    value REAL, se REAL, lower REAL, upper REAL,
                    PRIMARY KEY (scenario_run_id, figure, year)
                );
                CREATE INDEX scenario_run_night ON scenario_run (scenario, night);
                """)
        }
        return migrator
    }

    /// Records one scenario of one night in a single transaction.
    ///
    /// A success replaces whatever that night already holds for the scenario (a rerun); a
    /// failure is recorded only when the night holds nothing for it yet, so a failed rerun
    /// never throws away figures a good run of the same night made.
    /// - Throws: `OutputError` naming the file; the history is then as before the call.
    public func record(_ batch: BatchRun, _ run: ScenarioRun) throws {
        do {
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO batch_run (batch, night, batch_file, batch_sha256, engine_version)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (batch, night) DO UPDATE SET batch_file = excluded.batch_file,
                        batch_sha256 = excluded.batch_sha256, engine_version = excluded.engine_version
                    """, arguments: [batch.batch, batch.night, batch.batchFile, batch.batchSHA256, batch.engineVersion])
                guard let batchID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM batch_run WHERE batch = ? AND night = ?", arguments: [batch.batch, batch.night])
                else { return }
                let existing = try Int64.fetchOne(
                    db, sql: "SELECT id FROM scenario_run WHERE batch_run_id = ? AND scenario = ?",
                    arguments: [batchID, run.scenario])
                if run.figures == nil && existing != nil { return }
                if let existing {
                    try db.execute(sql: "DELETE FROM projection WHERE scenario_run_id = ?", arguments: [existing])
                    try db.execute(sql: "DELETE FROM figure WHERE scenario_run_id = ?", arguments: [existing])
                    try db.execute(sql: "DELETE FROM scenario_run WHERE id = ?", arguments: [existing])
                }
                try db.execute(sql: """
                    INSERT INTO scenario_run (batch_run_id, night, scenario, scenario_file, scenario_sha256, as_of,
                        status, paths, seed, seconds, out, error)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [batchID, batch.night, run.scenario, run.scenarioFile, run.scenarioSHA256, run.asOf,
                                     run.figures == nil ? "failed" : "ok", run.paths, String(run.seed), run.seconds,
                                     run.out, run.error])
                let runID = db.lastInsertedRowID
                guard let figures = run.figures else { return }
                try Self.insertProjection(figures.projection, runID: runID, db: db)
                for row in Self.figureRows(figures) {
                    try db.execute(sql: """
                        INSERT INTO figure (scenario_run_id, figure, year, value, se, lower, upper)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [runID, row.figure, row.year, row.value, row.se, row.lower, row.upper])
                }
            }
        } catch {
            throw OutputError(path: path, message: "cannot record \(run.scenario) of \(batch.night) in the run history (\(error))")
        }
    }

    private static func insertProjection(_ projection: ProjectionStatistics, runID: Int64, db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO projection (scenario_run_id, year, metric, mean, sd, se, p1, p5, p10, p50, p90, p95, p99,
                p99_5, var90, es90, var95, es95, var99, es99)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for year in 0...projection.years {
            for metric in Metric.allCases {
                let s = projection[year, metric]
                var values: [DatabaseValueConvertible?] = [runID, projection.yearLabel(year), metric.rawValue,
                                                           finite(s.mean), finite(s.sd), finite(s.se)]
                values += s.quantiles.map { finite($0) as DatabaseValueConvertible? }
                for (v, e) in zip(s.valueAtRisk, s.expectedShortfall) { values += [finite(v), finite(e)] }
                try statement.execute(arguments: StatementArguments(values))
            }
        }
    }

    /// NaN and infinities as NULL.
    private static func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }

    struct FigureRow {
        var figure: String
        var year: String
        var value: Double?
        var se: Double? = nil
        var lower: Double? = nil
        var upper: Double? = nil
    }

    /// The summary figures `figureRows` writes (`history --figure` takes them)...
    public static let figures = ["provision_amount", "exceedance_probability"]
        + ProvisionAnalysis.levels.map { "required_" + SummaryJSON.levelKey($0) }
        + ["collected_share", "collected_share_p50", "contribution_es95"]
    /// ...and the families named by a kind or a sector.
    public static let figureFamilies = ["contribution_es95.kind.", "contribution_es95.sector."]

    /// summary.json's figures as rows (docs/batch.md lists them).
    static func figureRows(_ f: Figures) -> [FigureRow] {
        var rows: [FigureRow] = []
        let p = f.provision
        rows.append(FigureRow(figure: "provision_amount", year: "all", value: finite(p.amount)))
        func exceedance(_ year: String, _ e: ExceedanceProbability) -> FigureRow {
            let interval = e.interval95
            return FigureRow(figure: "exceedance_probability", year: year, value: finite(e.p), se: finite(e.se),
                             lower: finite(interval.lower), upper: finite(interval.upper))
        }
        for (i, e) in p.exceedanceByYear.enumerated() { rows.append(exceedance(String(p.firstYear + i), e)) }
        rows.append(exceedance("any", p.exceedanceAnyYear))
        rows.append(exceedance("all", p.exceedanceHorizon))
        let byYear = p.requiredByYear.enumerated().map { (String(p.firstYear + $0), $1) } + [("all", p.requiredHorizon)]
        for (year, levels) in byYear {
            for r in levels {
                rows.append(FigureRow(figure: "required_" + SummaryJSON.levelKey(r.level), year: year,
                                      value: finite(r.amount), lower: finite(r.lower), upper: finite(r.upper)))
            }
        }
        let share = f.collectedShare
        rows.append(FigureRow(figure: "collected_share", year: "all", value: finite(share.mean), se: finite(share.se),
                              lower: finite(share.p5), upper: finite(share.p95)))
        rows.append(FigureRow(figure: "collected_share_p50", year: "all", value: finite(share.p50)))
        let c = f.contributions
        rows.append(FigureRow(figure: "contribution_es95", year: "all", value: finite(c.expectedShortfall)))
        for part in c.byKind {
            rows.append(FigureRow(figure: figureFamilies[0] + part.name, year: "all", value: finite(part.value)))
        }
        for part in c.bySector {
            rows.append(FigureRow(figure: figureFamilies[1] + part.name, year: "all", value: finite(part.value)))
        }
        return rows
    }

    /// Rows per table, for tests and the batch's summary line.
    public func rowCounts() throws -> [String: Int] {
        try queue.read { db in
            var counts: [String: Int] = [:]
            for table in ["batch_run", "scenario_run", "projection", "figure"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }

    /// What `loanbook history` asks for; nil filters match everything.
    public struct Query: Sendable {
        public var metric: String?
        public var figure: String?
        public var year: String?
        public var scenario: String?
        public init(metric: String? = nil, figure: String? = nil, year: String? = nil, scenario: String? = nil) {
            self.metric = metric
            self.figure = figure
            self.year = year
            self.scenario = scenario
        }
    }

    /// How figures drifted over the nights, as CSV: with `metric`, the projection's statistics
    /// of that metric; otherwise the summary figures (all, or `figure`). Rows ordered by
    /// scenario, metric or figure, year, then night; only successful runs.
    public func history(_ query: Query) throws -> String {
        let projectionColumns = ["mean", "sd", "se", "p1", "p5", "p10", "p50", "p90", "p95", "p99", "p99_5",
                                 "var90", "es90", "var95", "es95", "var99", "es99"]
        let figureColumns = ["value", "se", "lower", "upper"]
        let byMetric = query.metric != nil
        let (table, key, columns) = byMetric ? ("projection", "metric", projectionColumns) : ("figure", "figure", figureColumns)
        var conditions = ["s.status = 'ok'"]
        var arguments: [DatabaseValueConvertible?] = []
        if let metric = query.metric { conditions.append("t.metric = ?"); arguments.append(metric) }
        if let figure = query.figure, !byMetric { conditions.append("t.figure = ?"); arguments.append(figure) }
        if let year = query.year { conditions.append("t.year = ?"); arguments.append(year) }
        if let scenario = query.scenario { conditions.append("s.scenario = ?"); arguments.append(scenario) }
        let sql = """
            SELECT s.night, s.scenario, s.as_of, s.paths, t.year, t.\(key), \(columns.map { "t." + $0 }.joined(separator: ", "))
            FROM \(table) t JOIN scenario_run s ON s.id = t.scenario_run_id
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY s.scenario, t.\(key), t.year, s.night
            """
        return try queue.read { db in
            var out = (["night", "scenario", "as_of", "paths", "year", key] + columns).joined(separator: ",") + "\n"
            for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)) {
                var fields: [String] = [row[0], row[1], row[2], String(row[3] as Int), row[4], row[5]]
                for i in 0..<columns.count {
                    let value: Double? = row[6 + i]
                    fields.append(value.map { "\($0)" } ?? "")
                }
                out += fields.joined(separator: ",") + "\n"
            }
            return out
        }
    }
}
