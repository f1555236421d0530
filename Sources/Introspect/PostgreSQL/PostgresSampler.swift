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
        // A table never analyzed has no row estimate; its size on disk, at a guessed 100 bytes a row, keeps
        // a large one from being read whole.
        let estimate = table.rowCount?.value ?? (table.bytes ?? 0) / 100
        var sampled: String?
        if plan.samples(estimatedRows: estimate) {
            // Aim a little above sample_rows: SYSTEM picks whole pages, so the count varies around the target.
            let percent = min(100, max(0.0001, Double(plan.sampleRows) * 1.3 / Double(estimate) * 100))
            sampled = "(SELECT * FROM \(name) TABLESAMPLE SYSTEM (\(String(format: "%.4f", percent))) REPEATABLE (42) LIMIT \(plan.sampleRows))"
        }
        return TableSampler.read(table, plan: plan, dialect: .postgres, name: name, sampledSource: sampled) { sql throws(IntrospectError) in
            try connection.query(sql)
        }
    }
}
