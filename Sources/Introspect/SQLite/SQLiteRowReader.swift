import Foundation

/// A `RowReader` on a SQLite file, read-only as every `SQLiteConnection` is.
final class SQLiteRowReader: RowReader {
    private let connection: SQLiteConnection
    /// For each group of statements together; 0 for none.
    private let statementTimeoutMilliseconds: Int

    init(path: String, statementTimeoutMilliseconds: Int) throws(IntrospectError) {
        connection = try SQLiteConnection(path: path)
        self.statementTimeoutMilliseconds = statementTimeoutMilliseconds
    }

    func rows(_ sql: String) throws(IntrospectError) -> [[String?]] {
        var result: [[String?]] = []
        try connection.query(sql) { row throws(IntrospectError) in
            result.append((0..<row.columnCount).map { row.string($0) })
        }
        return result
    }

    func withStatementTimeout<Result>(_ body: () -> Result) -> Result {
        let milliseconds = statementTimeoutMilliseconds
        connection.setDeadline(milliseconds > 0 ? Date().addingTimeInterval(Double(milliseconds) / 1000) : nil)
        defer { connection.setDeadline(nil) }
        return body()
    }
}
