import CSQLite
import Foundation

/// Real SQLite database files, built from SQL by the tests themselves.
public enum SQLiteFixture {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Creates `name` inside `folder` from the statements in `sql`.
    @discardableResult
    public static func create(_ sql: String, in folder: URL, name: String = "fixture.sqlite") throws -> URL {
        let url = folder.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: url)
        try execute(sql, in: url)
        return url
    }

    /// Runs `sql` on the database at `url`, creating it when it does not exist.
    public static func execute(_ sql: String, in url: URL) throws {
        var db: OpaquePointer?
        guard sqlite3_open(url.path, &db) == SQLITE_OK, let db else {
            throw Failure(description: "cannot create \(url.path)")
        }
        defer { sqlite3_close(db) }
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(message)
            throw Failure(description: "fixture SQL failed: \(text)")
        }
    }

    /// Creates a database from a fixture file that sits beside the calling test.
    @discardableResult
    public static func create(fixture: String, in folder: URL, testFile: String = #filePath) throws -> URL {
        let sql = try String(contentsOf: Fixtures.url(fixture, testFile: testFile), encoding: .utf8)
        return try create(sql, in: folder, name: (fixture as NSString).deletingPathExtension + ".sqlite")
    }
}

public enum Fixtures {
    /// `Fixtures/<name>` beside the test file that asks.
    public static func url(_ name: String, testFile: String = #filePath) -> URL {
        URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    public static func text(_ name: String, testFile: String = #filePath) throws -> String {
        try String(contentsOf: url(name, testFile: testFile), encoding: .utf8)
    }

    /// The repository's root folder, found from a test file's path.
    public static func repositoryRoot(testFile: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: testFile).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        return url
    }
}
