import Catalog

/// SQLite's pieces of the profile queries. SQLite returns every value as text through its API, so the
/// pieces need no casts. It has no TABLESAMPLE: a large rowid table is read as twenty short runs of rows
/// starting at evenly spaced rowids, each one b-tree seek away, so the sample covers the whole table
/// without reading it. WITHOUT ROWID tables are sampled from their start.
struct SQLiteSampleSQL: SampleSQL {
    static let runs = 20

    /// SQLite keeps no estimate: the count the introspector made, if it made one.
    func estimatedRows(of table: Table) -> Int {
        table.rowCount?.value ?? 0
    }

    /// A source is one file, whose tables are all in schema `main`: the table's name alone.
    func reference(to table: TableID) -> String {
        quoted(table.name)
    }

    func sampledRows(of table: Table, estimatedRows: Int, limit: Int, reader: any RowReader) -> String {
        let name = reference(to: table.id)
        if table.options.contains("WITHOUT ROWID") {
            return "(SELECT * FROM \(name) LIMIT \(limit))"
        }
        var top = 0
        if let rows = try? reader.rows("SELECT max(rowid) FROM \(name)"), let highest = rows.first?.first ?? nil {
            top = Int(highest) ?? 0
        }
        let run = max(1, limit / Self.runs)
        let starts = (0..<Self.runs).map { top / Self.runs * $0 }
        return "(" + starts.map { "SELECT * FROM (SELECT * FROM \(name) WHERE rowid >= \($0) ORDER BY rowid LIMIT \(run))" }
            .joined(separator: " UNION ALL ") + ")"
    }

    /// A blob's bytes are no text: it is described by its size.
    func value(_ column: String, cutTo length: Int) -> String {
        "CASE typeof(\(column)) WHEN 'blob' THEN 'blob of ' || length(\(column)) || ' bytes' ELSE substr(CAST(\(column) AS TEXT), 1, \(length)) END"
    }

    func length(_ column: String) -> String { "length(\(column))" }
    func distinctCount(_ column: String) -> String { "count(DISTINCT \(column))" }
    func minimum(_ column: String) -> String { "min(\(column))" }
    func maximum(_ column: String) -> String { "max(\(column))" }
    func mean(_ column: String) -> String { "avg(\(column))" }
    /// SQLite has no stddev.
    func spread(_ column: String) -> String { "avg(\(column) * \(column))" }
    var spreadStatistic: SpreadStatistic { .meanOfSquares }
}
