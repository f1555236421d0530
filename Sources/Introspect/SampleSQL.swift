import Catalog
import Foundation

/// The pieces of SQL in which engines differ when a table is profiled. The profile stage builds its
/// queries from them (`SampleQueries`) and runs them through a `RowReader`.
///
/// An engine's pieces are SQL text and nothing more: which queries run, and everything done with the
/// values they return, belongs to the profile stage, the only place raw values exist. `column` in every
/// piece is an expression naming a column, already quoted.
public protocol SampleSQL: Sendable {
    /// The rows `table` is taken to have when deciding whether to sample it: the catalog's estimate, or
    /// the engine's best guess without one.
    func estimatedRows(of table: Table) -> Int
    /// An identifier, quoted.
    func quoted(_ identifier: String) -> String
    /// The table as a FROM clause names it.
    func reference(to table: TableID) -> String
    /// A row source of about `limit` rows spread over `table`, which has about `estimatedRows` rows: a
    /// parenthesised SELECT that reads far less than the whole table. `reader` is there for an engine
    /// that must ask where the rows are before it can say which to take (SQLite's highest rowid).
    func sampledRows(of table: Table, estimatedRows: Int, limit: Int, reader: any RowReader) -> String

    /// A value as text of at most `length` characters (or words for what has no useful text, such as a blob).
    func value(_ column: String, cutTo length: Int) -> String
    /// A value's length in characters, of its text.
    func length(_ column: String) -> String
    /// The number of distinct values.
    func distinctCount(_ column: String) -> String
    /// The lowest value, returned as text that reads back exactly.
    func minimum(_ column: String) -> String
    /// The highest value, likewise.
    func maximum(_ column: String) -> String
    /// The mean of a number column, as a floating-point number.
    func mean(_ column: String) -> String
    /// A number column's spread, as `spreadStatistic` says.
    func spread(_ column: String) -> String
    /// What `spread` computes.
    var spreadStatistic: SpreadStatistic { get }
}

/// What an engine's `SampleSQL.spread` computes.
public enum SpreadStatistic: Sendable {
    /// The sample standard deviation.
    case standardDeviation
    /// The mean of the squares, for an engine without a standard deviation (SQLite); the deviation is
    /// derived from it, the mean and the count.
    case meanOfSquares
}

extension SampleSQL {
    /// Standard SQL's double quotes, which every engine so far takes.
    public func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
