import CLibPQ
import Foundation

/// The throwaway PostgreSQL server the test command starts (scripts/pg-test-server), and databases on it.
///
/// Tests that need it are enabled when `SCRIBE_TEST_PG_URL` is set. In CI it must be set: there a
/// missing server is a failure, never a silent skip.
public enum PostgresFixture {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The administrator's URL of the test server, e.g. postgresql://scribe_admin:…@127.0.0.1:5999/postgres.
    public static var adminURL: String? {
        ProcessInfo.processInfo.environment["SCRIBE_TEST_PG_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether PostgreSQL tests run: with a server, or in CI, where their absence must fail loudly.
    public static var isAvailable: Bool {
        adminURL != nil || ProcessInfo.processInfo.environment["CI"] != nil
    }

    /// The URL of `database` on the test server.
    public static func url(database: String) throws -> String {
        guard let admin = adminURL else {
            throw Failure(description: "SCRIBE_TEST_PG_URL is not set: run the tests with scripts/test, which starts PostgreSQL")
        }
        guard let slash = admin.range(of: "/", options: .backwards) else { throw Failure(description: "bad SCRIBE_TEST_PG_URL") }
        return String(admin[..<slash.lowerBound]) + "/" + database
    }

    /// The URL with its password replaced, to check that nothing prints the real one.
    public static func password(in url: String) -> String? {
        guard let at = url.range(of: "@"), let scheme = url.range(of: "://"),
              let colon = url[scheme.upperBound..<at.lowerBound].range(of: ":") else { return nil }
        return String(url[colon.upperBound..<at.lowerBound])
    }

    /// Runs `sql` (any number of statements) against `database`.
    public static func execute(_ sql: String, database: String = "postgres") throws {
        let conn = PQconnectdb(try url(database: database))
        defer { PQfinish(conn) }
        guard PQstatus(conn) == CONNECTION_OK else {
            throw Failure(description: "cannot connect to the test server: \(String(cString: PQerrorMessage(conn)))")
        }
        let result = PQexec(conn, sql)
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw Failure(description: "fixture SQL failed: \(String(cString: PQresultErrorMessage(result)))")
        }
    }

    /// Runs a query and returns the first column of each row.
    public static func values(_ sql: String, database: String) throws -> [String] {
        let conn = PQconnectdb(try url(database: database))
        defer { PQfinish(conn) }
        let result = PQexec(conn, sql)
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_TUPLES_OK else {
            throw Failure(description: "query failed: \(String(cString: PQresultErrorMessage(result)))")
        }
        return (0..<PQntuples(result)).map { String(cString: PQgetvalue(result, $0, 0)) }
    }

    /// Creates a fresh database named `name` (dropping an older one) and runs the fixture SQL in it.
    @discardableResult
    public static func create(_ name: String, sql: String) throws -> String {
        try execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        try execute("CREATE DATABASE \(name)")
        try execute(sql, database: name)
        return try url(database: name)
    }
}

/// A second connection that stays open, so a test can hold a lock (`BEGIN; LOCK TABLE …`) while the
/// code under test reads the same database; the connection, and with it the lock, ends when released.
public final class PostgresSession {
    private let connection: OpaquePointer?

    public init(database: String) throws {
        connection = PQconnectdb(try PostgresFixture.url(database: database))
        guard PQstatus(connection) == CONNECTION_OK else {
            defer { PQfinish(connection) }
            throw PostgresFixture.Failure(description: "cannot connect to the test server: \(String(cString: PQerrorMessage(connection)))")
        }
    }

    deinit {
        PQfinish(connection)
    }

    /// Runs `sql` on this session and leaves any transaction it opens open.
    public func execute(_ sql: String) throws {
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw PostgresFixture.Failure(description: "session SQL failed: \(String(cString: PQresultErrorMessage(result)))")
        }
    }
}
