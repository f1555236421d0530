import Catalog

/// SQLite: a database file, opened read-only.
public struct SQLiteDriver: SourceDriver {
    public static let kind = Source.Kind.sqlite
    public static let settings = [SourceSetting(key: "path", meaning: .filePath, isRequired: true)]

    public static func exampleEntry(name: String, value: String) -> [String] {
        ["  - name: \(name)", "    kind: sqlite", "    path: \(value)          # relative to this file"]
    }

    let sourceName: String
    let path: String

    public init(sourceName: String, values: [String: String], statementTimeoutSeconds: Double) {
        self.sourceName = sourceName
        path = values["path"] ?? ""
    }

    public func introspect(countRows: Bool) throws(IntrospectError) -> Introspection {
        try SQLiteIntrospector(sourceName: sourceName, path: path, countRows: countRows).read()
    }

    /// SQLite shows no one who is connected, so `purpose` names nothing.
    public func openReader(purpose: String, statementTimeoutMilliseconds: Int) throws(IntrospectError) -> any RowReader {
        try SQLiteRowReader(path: path, statementTimeoutMilliseconds: statementTimeoutMilliseconds)
    }

    public var sampleSQL: any SampleSQL { SQLiteSampleSQL() }
}
