import CSQLite
import Catalog
import Foundation

/// Samples SQLite tables for profiling. SQLite has no TABLESAMPLE; a large rowid table is read as
/// twenty short runs of rows starting at evenly spaced rowids, each one b-tree seek away, so the sample
/// covers the whole table without reading it. WITHOUT ROWID tables are sampled from their start.
public struct SQLiteSampler: Sendable {
    public var path: String
    public var plan: SamplingPlan
    static let runs = 20

    public init(path: String, plan: SamplingPlan) {
        self.path = path
        self.plan = plan
    }

    public func sample(_ tables: [Table], progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) throws(IntrospectError) -> [TableSample] {
        let path = path
        let plan = plan
        return try TableSampler.parallel(tables, workers: plan.workers, connect: { () throws(IntrospectError) in
            try SQLiteConnection(path: path)
        }, read: { connection, table in
            Self.read(table, on: connection, plan: plan)
        }, progress: progress)
    }

    static func read(_ table: Table, on connection: SQLiteConnection, plan: SamplingPlan) -> TableSample {
        let name = SampleQueries.quoted(table.id.name)
        let rows = table.rowCount?.value ?? 0
        var sampled: String?
        if plan.samples(estimatedRows: rows) {
            if table.options.contains("WITHOUT ROWID") {
                sampled = "(SELECT * FROM \(name) LIMIT \(plan.sampleRows))"
            } else {
                var top = 0
                try? connection.query("SELECT max(rowid) FROM \(name)") { row in top = row.int(0) ?? 0 }
                let run = max(1, plan.sampleRows / Self.runs)
                let starts = (0..<Self.runs).map { top / Self.runs * $0 }
                sampled = "(" + starts.map { "SELECT * FROM (SELECT * FROM \(name) WHERE rowid >= \($0) ORDER BY rowid LIMIT \(run))" }
                    .joined(separator: " UNION ALL ") + ")"
            }
        }
        connection.setDeadline(plan.statementTimeoutMilliseconds > 0 ? Date().addingTimeInterval(Double(plan.statementTimeoutMilliseconds) / 1000) : nil)
        defer { connection.setDeadline(nil) }
        return TableSampler.read(table, plan: plan, dialect: .sqlite, name: name, sampledSource: sampled) { sql throws(IntrospectError) in
            var result: [[String?]] = []
            try connection.query(sql) { row throws(IntrospectError) in
                result.append((0..<row.columnCount).map { row.string($0) })
            }
            return result
        }
    }
}
