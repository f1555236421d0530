import Catalog

/// PostgreSQL over libpq: a connection string, or libpq's environment (PGHOST, ~/.pgpass, …) when there is none.
public struct PostgresDriver: SourceDriver {
    public static let kind = Source.Kind.postgres
    public static let settings = [SourceSetting(key: "url", meaning: .connectionString, isRequired: false)]

    public static func exampleEntry(name: String, value: String) -> [String] {
        ["  - name: \(name)", "    kind: postgres", "    url: ${\(value)}               # a libpq URI; keep the password out of this file",
         "    # include: [public.*]          # globs on schema.table", "    # exclude: [\"*.tmp_*\"]", "    # statement_timeout: 60s"]
    }

    let sourceName: String
    let conninfo: String
    let statementTimeoutSeconds: Double

    public init(sourceName: String, values: [String: String], statementTimeoutSeconds: Double) {
        self.sourceName = sourceName
        conninfo = values["url"] ?? ""
        self.statementTimeoutSeconds = statementTimeoutSeconds
    }

    public func introspect(countRows: Bool) throws(IntrospectError) -> Introspection {
        try PostgresIntrospector(sourceName: sourceName, conninfo: conninfo, statementTimeoutSeconds: statementTimeoutSeconds).read()
    }

    public func openReader(purpose: String, statementTimeoutMilliseconds: Int) throws(IntrospectError) -> any RowReader {
        try PostgresConnection(conninfo: conninfo, applicationName: purpose, statementTimeoutMilliseconds: statementTimeoutMilliseconds)
    }

    public var sampleSQL: any SampleSQL { PostgresSampleSQL() }
}
