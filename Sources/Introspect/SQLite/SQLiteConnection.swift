import CSQLite
import Foundation

/// A read-only connection to one SQLite file; the handle closes when the connection is released.
final class SQLiteConnection {
    private let handle: OpaquePointer
    let path: String
    /// When set, a running statement is interrupted once this time has passed (a statement timeout).
    private let deadline = Deadline()

    final class Deadline {
        var at: Date?
    }

    /// Opens `path` read-only. Writes through this connection are impossible by construction:
    /// the file is opened without write access and `query_only` refuses any change.
    init(path: String) throws(IntrospectError) {
        self.path = path
        try Self.checkFile(path)
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "error \(status)"
            sqlite3_close_v2(db)
            throw IntrospectError(database: path, reason: .cannotOpen(message))
        }
        handle = db
        sqlite3_busy_timeout(db, 5_000)
        try execute("PRAGMA query_only = 1")
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Refuses what SQLite would misreport before opening it: a folder gives "disk I/O error", an unreadable
    /// file "unable to open database file", and opening a named pipe waits for a writer forever.
    private static func checkFile(_ path: String) throws(IntrospectError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = errno
            if reason == ENOENT || reason == ENOTDIR { throw IntrospectError(database: path, reason: .fileNotFound) }
            throw IntrospectError(database: path, reason: .cannotOpen(String(cString: strerror(reason))))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw IntrospectError(database: path, reason: .notAFile(kind: "a folder"))
        case S_IFIFO: throw IntrospectError(database: path, reason: .notAFile(kind: "a named pipe"))
        case S_IFSOCK: throw IntrospectError(database: path, reason: .notAFile(kind: "a socket"))
        default: throw IntrospectError(database: path, reason: .notAFile(kind: "a device"))
        }
        guard access(path, R_OK) == 0 else {
            throw IntrospectError(database: path, reason: .cannotOpen("permission denied; check the file's permissions"))
        }
    }

    /// Interrupts statements that run past `date` (nil: none). SQLite calls the handler every few
    /// thousand virtual-machine steps; a non-zero answer stops the statement with SQLITE_INTERRUPT.
    func setDeadline(_ date: Date?) {
        deadline.at = date
        guard date != nil else {
            sqlite3_progress_handler(handle, 0, nil, nil)
            return
        }
        sqlite3_progress_handler(handle, 10_000, { context in
            guard let context else { return 0 }
            let deadline = Unmanaged<Deadline>.fromOpaque(context).takeUnretainedValue()
            return (deadline.at.map { Date() > $0 } ?? false) ? 1 : 0
        }, Unmanaged.passUnretained(deadline).toOpaque())
    }

    /// The SQLite library version, e.g. 3.40.1.
    static var libraryVersion: String { String(cString: sqlite3_libversion()) }

    func execute(_ sql: String) throws(IntrospectError) {
        try query(sql) { _ in }
    }

    /// Runs `sql` and calls `row` for each result row.
    func query(_ sql: String, _ row: (SQLiteRow) throws(IntrospectError) -> Void) throws(IntrospectError) {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw failure(sql)
        }
        defer { sqlite3_finalize(statement) }
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { return }
            guard step == SQLITE_ROW else { throw failure(sql) }
            try row(SQLiteRow(statement: statement))
        }
    }

    private func failure(_ sql: String) -> IntrospectError {
        let code = sqlite3_errcode(handle)
        if code == SQLITE_NOTADB {
            return IntrospectError(database: path, reason: .notADatabase)
        }
        // The progress handler's deadline stops a statement with SQLITE_INTERRUPT: the statement timeout.
        if code == SQLITE_INTERRUPT {
            return IntrospectError(database: path, reason: .timedOut(sql: sql))
        }
        let message = String(cString: sqlite3_errmsg(handle))
        return IntrospectError(database: path, reason: .queryFailed(sql: sql, message: message))
    }
}

/// The current row of a running statement; valid only inside the `query` callback.
struct SQLiteRow {
    fileprivate let statement: OpaquePointer

    var columnCount: Int32 { sqlite3_column_count(statement) }

    func string(_ index: Int32) -> String? {
        guard sqlite3_column_type(statement, index) != SQLITE_NULL,
              let text = sqlite3_column_text(statement, index)
        else { return nil }
        // Read by length, not up to the first NUL: an identifier may hold any character.
        let count = Int(sqlite3_column_bytes(statement, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    func int(_ index: Int32) -> Int? {
        guard sqlite3_column_type(statement, index) != SQLITE_NULL else { return nil }
        return Int(sqlite3_column_int64(statement, index))
    }
}
