import Catalog
import Foundation
import Introspect

/// Reads samples of many tables with a bounded number of read-only connections in parallel: the only
/// code that fetches a table's values. An engine supplies the connections (`SourceDriver.openReader`) and
/// its pieces of SQL (`SampleSQL`); what is read, sampled or whole, is decided here.
public enum TableSampler {
    /// Longest value kept from the rows fetched: enough to recognise a shape, bounded memory.
    public static let valueLength = 200

    /// Samples every table of `tables` through `driver` on `plan.workers` threads (libpq and SQLite block,
    /// so the cooperative pool is not theirs), each thread with its own reader. Results come back in table
    /// order; a table whose queries fail comes back incomplete, saying why.
    public static func sample(_ tables: [Table], from driver: any SourceDriver, plan: SamplingPlan,
                              progress: @Sendable (Int, Int) -> Void = { _, _ in }) throws(IntrospectError) -> [TableSample] {
        try sample(tables, from: driver, plan: plan, progress: progress) { _, sample in sample }
    }

    /// Each table's sample turned into what `each` makes of it as soon as it is read, on the worker that read it, so
    /// that only one sample per worker is held at a time: the profile stage keeps profiles, not the values of
    /// 20,000 tables (which were 400 MB of a build at that size).
    public static func sample<Result: Sendable>(_ tables: [Table], from driver: any SourceDriver, plan: SamplingPlan,
                                                progress: @Sendable (Int, Int) -> Void = { _, _ in },
                                                each: @Sendable (Table, TableSample) -> Result) throws(IntrospectError) -> [Result] {
        let sql = driver.sampleSQL
        let workers = min(plan.workers, max(1, tables.count))
        var readers: [any RowReader] = []
        for _ in 0..<workers {
            readers.append(try driver.openReader(purpose: "schema-scribe profile", statementTimeoutMilliseconds: plan.statementTimeoutMilliseconds))
        }
        do {
            return try Parallel.map(count: tables.count, workers: workers, done: { progress($0, tables.count) }) { index, worker in
                each(tables[index], read(tables[index], with: readers[worker], sql: sql, plan: plan))
            }
        } catch {
            // `read` turns every failure into an incomplete sample; nothing else throws.
            return tables.map { each($0, failed($0, "\(error)")) }
        }
    }

    /// Reads one table: through the engine's sampled row source when `plan` samples a table of its
    /// estimated size, from the table itself otherwise.
    static func read(_ table: Table, with reader: any RowReader, sql: any SampleSQL, plan: SamplingPlan) -> TableSample {
        let estimate = sql.estimatedRows(of: table)
        // Found before the table's timeout starts, so only the profile's own queries count against it.
        let sampledSource = plan.samples(estimatedRows: estimate)
            ? sql.sampledRows(of: table, estimatedRows: estimate, limit: plan.sampleRows, reader: reader) : nil
        return reader.withStatementTimeout {
            read(table, from: sampledSource ?? sql.reference(to: table.id), isSampled: sampledSource != nil,
                 queries: SampleQueries(sql: sql), plan: plan, reader: reader)
        }
    }

    /// Reads one table from `source`. A small table (up to `sample_rows` rows) and a sampled one take one
    /// query: the rows fetched are all the profile covers, so their statistics are computed here. A table in
    /// between is read whole by an aggregate query in the database, then up to `sample_rows` rows are
    /// fetched for frequent values and shapes.
    private static func read(_ table: Table, from source: String, isSampled: Bool, queries: SampleQueries, plan: SamplingPlan,
                             reader: any RowReader) -> TableSample {
        var sample = TableSample(table: table.id, rowsRead: 0, isSampled: isSampled, columns: table.columns.map(\.name),
                                 aggregates: [], values: table.columns.map { _ in [] })
        guard !table.columns.isEmpty else { return sample }
        // PostgreSQL returns at most 1,664 columns: very wide tables fetch values without lengths.
        let oneQuery = table.columns.count <= 800
            && (isSampled || (table.rowCount.map { $0.value <= plan.sampleRows } ?? false))
        do {
            // A small table's estimate may be stale: one row more than asked for says it is not small.
            let limit = oneQuery && !isSampled ? plan.sampleRows + 1 : plan.sampleRows
            var rows = try reader.rows(queries.values(table.columns, from: source, limit: limit, lengths: oneQuery))
            if oneQuery, rows.count <= plan.sampleRows || isSampled {
                sample.aggregates = SampleQueries.aggregates(of: rows, columns: table.columns)
                sample.rowsRead = rows.count
            } else {
                rows = Array(rows.prefix(plan.sampleRows))
                for start in stride(from: 0, to: table.columns.count, by: SampleQueries.columnsPerQuery) {
                    let columns = Array(table.columns[start..<min(table.columns.count, start + SampleQueries.columnsPerQuery)])
                    guard let row = try reader.rows(queries.aggregates(columns, from: source)).first else { continue }
                    sample.rowsRead = queries.parse(row, columns: columns, into: &sample.aggregates)
                }
            }
            var values = table.columns.map { _ in [String?]() }
            for row in rows { for index in values.indices { values[index].append(row[index]) } }
            sample.values = values
        } catch {
            var failed = failed(table, reason(for: error, plan: plan))
            failed.isSampled = isSampled
            if case .locked = error.reason { failed.isLocked = true }
            return failed
        }
        return sample
    }

    /// Why a table's profile is incomplete, in words: a statement timeout (PostgreSQL cancels the statement,
    /// SQLite's progress handler interrupts it), or the database's own message.
    static func reason(for error: IntrospectError, plan: SamplingPlan) -> String {
        switch error.reason {
        case .locked: return "the table is locked by another session"
        case .timedOut: return "the statement timeout (\(plan.timeoutText)) ran out"
        case .queryFailed(_, let message): return message
        default: return error.description
        }
    }

    /// Builds a sample for a table whose queries failed: what is missing, and why.
    static func failed(_ table: Table, _ reason: String) -> TableSample {
        TableSample(table: table.id, rowsRead: 0, isSampled: false, columns: table.columns.map(\.name),
                    aggregates: table.columns.map { _ in .init() }, values: table.columns.map { _ in [] }, incomplete: reason)
    }
}
