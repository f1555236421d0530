import Catalog
import Foundation

/// PostgreSQL's pieces of the profile queries. Values go through text where the result must read back
/// exactly, and aggregates through float8. A large table is sampled with `TABLESAMPLE SYSTEM` (which
/// reads only the pages it picks), `REPEATABLE` so an unchanged table gives the same profile.
struct PostgresSampleSQL: SampleSQL {
    /// A table never analyzed has no row estimate; its size on disk, at a guessed 100 bytes a row, keeps
    /// a large one from being read whole.
    func estimatedRows(of table: Table) -> Int {
        table.rowCount?.value ?? (table.bytes ?? 0) / 100
    }

    func reference(to table: TableID) -> String {
        quoted(table.schema) + "." + quoted(table.name)
    }

    func sampledRows(of table: Table, estimatedRows: Int, limit: Int, reader: any RowReader) -> String {
        // Aim a little above the limit: SYSTEM picks whole pages, so the count varies around the target.
        let percent = min(100, max(0.0001, Double(limit) * 1.3 / Double(estimatedRows) * 100))
        return "(SELECT * FROM \(reference(to: table.id)) TABLESAMPLE SYSTEM (\(String(format: "%.4f", percent))) REPEATABLE (42) LIMIT \(limit))"
    }

    func value(_ column: String, cutTo length: Int) -> String { "left(\(column)::text, \(length))" }
    /// Through text: uuid, citext and domains have no length() of their own.
    func length(_ column: String) -> String { "length(\(column)::text)" }
    func distinctCount(_ column: String) -> String { "count(DISTINCT \(column)::text)" }
    func minimum(_ column: String) -> String { "min(\(column))::text" }
    func maximum(_ column: String) -> String { "max(\(column))::text" }
    func mean(_ column: String) -> String { "avg(\(column))::float8" }
    func spread(_ column: String) -> String { "stddev_samp(\(column))::float8" }
    var spreadStatistic: SpreadStatistic { .standardDeviation }
}
