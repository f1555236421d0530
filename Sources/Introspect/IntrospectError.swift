/// Why a database could not be read.
///
/// `description` is shown to the user as it is, so it names the database by path or host,
/// never by a connection string that could carry a password.
public struct IntrospectError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case fileNotFound
        case notADatabase
        /// The path names a folder, pipe, socket or device (`kind`: "a folder", …), not a file.
        case notAFile(kind: String)
        case cannotOpen(String)
        case connectionFailed(String)
        /// libpq cannot parse the connection string (its reason, the password cut out), so no server was tried.
        case unreadableConnectionString(String)
        case queryFailed(sql: String, message: String)
        /// Another session held a lock the query needed for longer than the lock timeout.
        case locked(sql: String)
        /// The statement timeout ran out (PostgreSQL cancelled the statement, SQLite's deadline interrupted it).
        case timedOut(sql: String)
    }

    /// Which database, as the user would recognise it (a path, or host:port/database).
    public var database: String
    public var reason: Reason

    public init(database: String, reason: Reason) {
        self.database = database
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .fileNotFound:
            return "database file \(database) does not exist; check the source's `path` in site.yml"
        case .notADatabase:
            return "\(database) is not a SQLite database (the file exists but its header is not SQLite's)"
        case .notAFile(let kind):
            return "\(database) is \(kind), not a SQLite database file; set the source's `path` in site.yml to the database file"
        case .cannotOpen(let message):
            return "could not open \(database) (\(message))"
        case .connectionFailed(let message):
            return "could not connect to \(database) (\(message.trimmingCharacters(in: .whitespacesAndNewlines)))"
        case .unreadableConnectionString(let message):
            return "the connection string could not be read: \(message)"
        case .queryFailed(let sql, let message):
            return "reading \(database) failed: \(message)\n  while running: \(sql)"
        case .timedOut(let sql):
            return "reading \(database) failed: the statement timeout ran out; raise `statement_timeout` in site.yml\n  while running: \(sql)"
        case .locked(let sql):
            return "reading \(database) failed: a table it needs stayed locked by another session; try again when the lock "
                + "is released\n  while running: \(sql)"
        }
    }
}
