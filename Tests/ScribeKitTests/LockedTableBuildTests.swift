import Foundation
import Testing
import TestSupport
@testable import ScribeKit

/// A table another session holds `ACCESS EXCLUSIVE` (a migration, `VACUUM FULL`, `LOCK TABLE`): the build
/// documents what it can read without the lock, warns naming the table, and never waits for the lock.
@Suite("A locked PostgreSQL table", .enabled(if: PostgresFixture.isAvailable, "needs the test server: run scripts/test"))
struct LockedTableBuildTests {
    @Test func aLockedTableIsAWarningAndTheBuildGoesOnWithoutWaiting() async throws {
        let url = try PostgresFixture.create("scribe_locked", sql: """
            CREATE SCHEMA s;
            CREATE TABLE s.free (id int PRIMARY KEY, note text DEFAULT 'x');
            CREATE TABLE s.locked (id int PRIMARY KEY, amount numeric DEFAULT 0 CHECK (amount >= 0), free_id int REFERENCES s.free);
            CREATE INDEX locked_double ON s.locked ((amount * 2));
            CREATE VIEW s.reads_locked AS SELECT id FROM s.locked;
            INSERT INTO s.free SELECT g, 'n' || g FROM generate_series(1, 50) g;
            INSERT INTO s.locked SELECT g, g, g FROM generate_series(1, 50) g;
            ANALYZE;
            """)
        let folder = try TemporaryFolder()
        try Data("""
            sources:
              - {name: pg, kind: postgres, url: "${LOCKED_URL}", statement_timeout: 20s}
            profile: {timeout: 20s}
            """.utf8).write(to: folder.path("site.yml"))
        let holder = try PostgresSession(database: "scribe_locked")
        try holder.execute("BEGIN; LOCK TABLE s.locked IN ACCESS EXCLUSIVE MODE")

        let started = Date()
        let report = try await Build(environment: ["LOCKED_URL": url]).run(.init(configPath: folder.path("site.yml").path))
        let seconds = Date().timeIntervalSince(started)
        withExtendedLifetime(holder) {}

        #expect(report.warnings.map(\.description) == [
            "pg: table s.locked is locked by another session; documented without its size, column defaults, checks and index definitions",
            "pg: view s.reads_locked reads a table locked by another session; documented without its definition",
            "pg: table s.locked is locked by another session; its profile was skipped",
        ])
        #expect(seconds < 10, "the build took \(seconds) s, as if it waited for the lock")
        let locked = try String(contentsOf: folder.path("_site/pg/s/tables/locked.html"), encoding: .utf8)
        #expect(locked.contains("amount"))
        let free = try String(contentsOf: folder.path("_site/pg/s/tables/free.html"), encoding: .utf8)
        #expect(free.contains("&#39;x&#39;::text") || free.contains("'x'::text"))
    }
}
