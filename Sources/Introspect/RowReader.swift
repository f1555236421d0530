/// A read-only connection for the profile stage: SQL in, rows of text out. Together with the engine's
/// `SampleSQL` it is all the profile stage needs of an engine.
///
/// The rows are raw values. Only the profile stage opens a reader (`SourceDriver.openReader`), so raw
/// values exist only there: it reduces them to profiles and masks those of personal data before anything
/// else sees them. Nothing can be written through a reader: it is made like every connection of a driver,
/// SQLite's file opened without write access and with `query_only`, PostgreSQL's session under
/// `default_transaction_read_only`.
public protocol RowReader: AnyObject {
    /// Runs `sql` and returns every row, each value as text (nil for NULL).
    func rows(_ sql: String) throws(IntrospectError) -> [[String?]]

    /// Runs `body`, a group of statements (one table's queries), within the statement timeout the reader
    /// was opened with. PostgreSQL's server times every statement itself (`statement_timeout`, set when the
    /// session opens), so its reader only runs `body`; SQLite has no server to do it, so its reader
    /// interrupts whatever statement is running once the timeout has passed since `body` began.
    func withStatementTimeout<Result>(_ body: () -> Result) -> Result
}
