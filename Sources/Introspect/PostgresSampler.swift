import Catalog
import Foundation

/// Samples PostgreSQL tables for profiling: small tables whole, large ones with `TABLESAMPLE SYSTEM`
/// (which reads only the pages it picks), `REPEATABLE` so an unchanged table gives the same profile.
public struct PostgresSampler: Sendable {
    public var conninfo: String
    public var plan: SamplingPlan

    public init(conninfo: String, plan: SamplingPlan) {
        self.conninfo = conninfo
        self.plan = plan
    }

    public func sample(_ tables: [Table], progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) throws(IntrospectError) -> [TableSample] {
        let plan = plan
        let conninfo = conninfo
        return try TableSampler.parallel(tables, workers: plan.workers, connect: { () throws(IntrospectError) in
            try PostgresConnection(conninfo: conninfo, applicationName: "schema-scribe profile",
                                   statementTimeoutMilliseconds: plan.statementTimeoutMilliseconds)
        }, read: { connection, table in
            Self.read(table, on: connection, plan: plan)
        }, progress: progress)
    }

    static func read(_ table: Table, on connection: PostgresConnection, plan: SamplingPlan) -> TableSample {
        let name = SampleQueries.quoted(table.id.schema) + "." + SampleQueries.quoted(table.id.name)
        let estimate = table.rowCount?.value ?? 0
        let isSampled = estimate >= plan.fullScanBelow && estimate > 0
        let source: String
        if isSampled {
            // Aim a little above sample_rows: SYSTEM picks whole pages, so the count varies around the target.
            let percent = min(100, max(0.0001, Double(plan.sampleRows) * 1.3 / Double(estimate) * 100))
            source = "(SELECT * FROM \(name) TABLESAMPLE SYSTEM (\(String(format: "%.4f", percent))) REPEATABLE (42) LIMIT \(plan.sampleRows))"
        } else {
            source = name
        }
        let queries = SampleQueries(dialect: .postgres)
        var sample = TableSample(table: table.id, rowsRead: 0, isSampled: isSampled, columns: table.columns.map(\.name),
                                 aggregates: [], values: [])
        do {
            for start in stride(from: 0, to: max(1, table.columns.count), by: SampleQueries.columnsPerQuery) {
                let columns = Array(table.columns[start..<min(table.columns.count, start + SampleQueries.columnsPerQuery)])
                guard let row = try connection.query(queries.aggregates(columns, from: source)).first else { continue }
                sample.rowsRead = SampleQueries.parse(row, columns: columns, into: &sample.aggregates, dialect: .postgres)
            }
            var values = table.columns.map { _ in [String?]() }
            if !table.columns.isEmpty {
                for row in try connection.query(queries.values(table.columns, from: source, limit: plan.sampleRows)) {
                    for index in values.indices { values[index].append(row[index]) }
                }
            }
            sample.values = values
        } catch {
            return Self.incomplete(sample, table, error, plan: plan)
        }
        return sample
    }

    private static func incomplete(_ sample: TableSample, _ table: Table, _ error: IntrospectError, plan: SamplingPlan) -> TableSample {
        var failed = TableSampler.failed(table, TableSampler.reason(for: error, plan: plan))
        if sample.aggregates.count == table.columns.count {
            failed.aggregates = sample.aggregates
            failed.rowsRead = sample.rowsRead
        }
        failed.isSampled = sample.isSampled
        return failed
    }
}
