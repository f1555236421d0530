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
        let isSampled = rows >= plan.fullScanBelow && rows > plan.sampleRows
        var source = name
        if isSampled {
            if table.options.contains("WITHOUT ROWID") {
                source = "(SELECT * FROM \(name) LIMIT \(plan.sampleRows))"
            } else {
                var top = 0
                try? connection.query("SELECT max(rowid) FROM \(name)") { row in top = row.int(0) ?? 0 }
                let run = max(1, plan.sampleRows / Self.runs)
                let starts = (0..<Self.runs).map { top / Self.runs * $0 }
                source = "(" + starts.map { "SELECT * FROM (SELECT * FROM \(name) WHERE rowid >= \($0) ORDER BY rowid LIMIT \(run))" }
                    .joined(separator: " UNION ALL ") + ")"
            }
        }
        let queries = SampleQueries(dialect: .sqlite)
        var sample = TableSample(table: table.id, rowsRead: 0, isSampled: isSampled, columns: table.columns.map(\.name),
                                 aggregates: [], values: [])
        connection.setDeadline(plan.statementTimeoutMilliseconds > 0 ? Date().addingTimeInterval(Double(plan.statementTimeoutMilliseconds) / 1000) : nil)
        defer { connection.setDeadline(nil) }
        do {
            for start in stride(from: 0, to: max(1, table.columns.count), by: SampleQueries.columnsPerQuery) {
                let columns = Array(table.columns[start..<min(table.columns.count, start + SampleQueries.columnsPerQuery)])
                try connection.query(queries.aggregates(columns, from: source)) { row in
                    let texts = (0..<Int32(1 + columns.count * SampleQueries.slots)).map { row.string($0) }
                    sample.rowsRead = SampleQueries.parse(texts, columns: columns, into: &sample.aggregates, dialect: .sqlite)
                }
            }
            var values = table.columns.map { _ in [String?]() }
            if !table.columns.isEmpty {
                try connection.query(queries.values(table.columns, from: source, limit: plan.sampleRows)) { row in
                    for index in values.indices { values[index].append(row.string(Int32(index))) }
                }
            }
            sample.values = values
        } catch {
            var failed = TableSampler.failed(table, TableSampler.reason(for: error, plan: plan))
            failed.isSampled = isSampled
            return failed
        }
        return sample
    }
}
