import CLibPQ
import Foundation

/// A read-only session on a PostgreSQL server through libpq; the connection closes when released.
///
/// Every message this type produces names the server as host:port/database and never carries the
/// password, even when libpq's own text would; a string libpq cannot read names no server at all.
final class PostgresConnection {
    private let connection: OpaquePointer
    /// host:port/database, for messages.
    let server: String
    private let connectionString: ConnectionString

    /// Connects with `conninfo` (a libpq URI or key=value string; empty means the PG* environment,
    /// ~/.pgpass and service files, as libpq reads them).
    /// `lockTimeoutMilliseconds` bounds the wait for a lock another session holds (a migration's
    /// `ACCESS EXCLUSIVE`), so a locked table costs that long rather than the whole statement timeout.
    init(conninfo: String, applicationName: String, statementTimeoutMilliseconds: Int,
         lockTimeoutMilliseconds: Int = PostgresConnection.lockTimeoutMilliseconds) throws(IntrospectError) {
        connectionString = ConnectionString(conninfo)
        // Before libpq tries it: libpq would name a default server it never tried (localhost:5432/?).
        if let problem = connectionString.problem {
            throw IntrospectError(database: "PostgreSQL", reason: .unreadableConnectionString(problem))
        }
        // expand_dbname: the first `dbname` may be a whole connection string; later keys refine it.
        let keys = ["dbname", "application_name", "fallback_application_name", "connect_timeout"]
        let values = [conninfo, applicationName, applicationName, "10"]
        let conn = Self.withCStrings(keys) { keyPointers in
            Self.withCStrings(values) { valuePointers in PQconnectdbParams(keyPointers, valuePointers, 1) } ?? nil
        } ?? nil
        guard let conn else {
            throw IntrospectError(database: "PostgreSQL", reason: .cannotOpen("libpq could not allocate a connection"))
        }
        connection = conn
        // Scrubbed too: an unencoded `/` in a password spreads it over host, port and database.
        server = connectionString.scrub(Self.describeServer(conn))
        guard PQstatus(conn) == CONNECTION_OK else {
            let message = connectionString.scrub(String(cString: PQerrorMessage(conn)))
            throw IntrospectError(database: server, reason: .connectionFailed(message))
        }
        // Read-only for the whole session, so no statement of ours can ever change the database.
        try execute("SET default_transaction_read_only = on")
        try execute("SET statement_timeout = \(max(0, statementTimeoutMilliseconds))")
        try execute("SET lock_timeout = \(max(0, lockTimeoutMilliseconds))")
        try execute("SET search_path = pg_catalog")
    }

    deinit {
        PQfinish(connection)
    }

    /// Long enough to ride out the brief locks of ordinary DDL, short enough that a table locked for a
    /// migration costs a moment, not a statement timeout.
    static let lockTimeoutMilliseconds = 2_000

    var serverVersion: Int { Int(PQserverVersion(connection)) }

    func execute(_ sql: String) throws(IntrospectError) {
        _ = try query(sql)
    }

    /// Runs `sql` and returns every row as text values (nil for NULL), using the text protocol.
    func query(_ sql: String) throws(IntrospectError) -> [[String?]] {
        guard let result = PQexec(connection, sql) else {
            throw IntrospectError(database: server, reason: .queryFailed(sql: sql, message: lastError()))
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            // SQLSTATE 55P03 (lock_not_available): lock_timeout ran out. Told apart by code, since the server's
            // message may be translated.
            // Likewise 57014 (query_canceled): statement_timeout ran out.
            if let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map({ String(cString: $0) }) {
                if state == "55P03" { throw IntrospectError(database: server, reason: .locked(sql: sql)) }
                if state == "57014" { throw IntrospectError(database: server, reason: .timedOut(sql: sql)) }
            }
            let message = connectionString.scrub(String(cString: PQresultErrorMessage(result)))
            throw IntrospectError(database: server, reason: .queryFailed(sql: sql, message: message.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        let rows = PQntuples(result)
        let columns = PQnfields(result)
        var out: [[String?]] = []
        out.reserveCapacity(Int(rows))
        for row in 0..<rows {
            var values: [String?] = []
            values.reserveCapacity(Int(columns))
            for column in 0..<columns {
                if PQgetisnull(result, row, column) == 1 {
                    values.append(nil)
                } else {
                    let length = Int(PQgetlength(result, row, column))
                    let bytes = UnsafeRawPointer(PQgetvalue(result, row, column)).map { $0.assumingMemoryBound(to: UInt8.self) }
                    values.append(String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self))
                }
            }
            out.append(values)
        }
        return out
    }

    private func lastError() -> String {
        connectionString.scrub(String(cString: PQerrorMessage(connection))).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func describeServer(_ conn: OpaquePointer) -> String {
        func text(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
            pointer.map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let host = text(PQhost(conn)) ?? "localhost"
        let port = text(PQport(conn)) ?? "5432"
        let database = text(PQdb(conn)) ?? "?"
        return "\(host.hasPrefix("/") ? "socket \(host)" : host):\(port)/\(database)"
    }

    /// Calls `body` with a NULL-terminated C array of `strings`, as libpq's *Params functions take.
    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R? {
        let duplicates = strings.map { strdup($0) }
        defer { duplicates.forEach { free($0) } }
        let pointers: [UnsafePointer<CChar>?] = duplicates.map { $0.map { UnsafePointer($0) } } + [nil]
        return pointers.withUnsafeBufferPointer { $0.baseAddress.map(body) }
    }
}

/// A profile stage's reader: the session is read-only already, and its `statement_timeout` times every
/// statement on the server.
extension PostgresConnection: RowReader {
    func rows(_ sql: String) throws(IntrospectError) -> [[String?]] {
        try query(sql)
    }

    func withStatementTimeout<Result>(_ body: () -> Result) -> Result {
        body()
    }
}
