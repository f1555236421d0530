import Catalog

/// One database engine: the keys a site.yml source of its kind takes, how its catalog is read, and the
/// read-only rows and pieces of SQL its tables are profiled with. The build knows engines only through
/// this seam.
///
/// Adding an engine is a folder beside `SQLite/` and `PostgreSQL/` with a type conforming to this protocol,
/// a `RowReader` and a `SampleSQL`, and one line in `SourceDrivers.all`. Sampling itself is the profile
/// stage's (`TableSampler` in Profile), so an engine never holds a table's values.
public protocol SourceDriver: Sendable {
    /// `kind:` in site.yml.
    static var kind: Source.Kind { get }
    /// The keys of a `sources:` entry only this engine takes (the common ones — name, kind, include, exclude,
    /// statement_timeout, profile — are every source's).
    static var settings: [SourceSetting] { get }
    /// The `sources:` entry `scribe-build init` writes, as YAML lines, for `value` of the first setting.
    static func exampleEntry(name: String, value: String) -> [String]

    /// A driver for one configured source: `values` holds its settings by key, file paths already absolute.
    init(sourceName: String, values: [String: String], statementTimeoutSeconds: Double)
    /// The catalog, read-only, in a fixed number of set-based queries.
    func introspect(countRows: Bool) throws(IntrospectError) -> Introspection
    /// A new read-only connection for the profile stage (the only code that reads values through one) and
    /// the relationships stage's inclusion check (which reads two counts per suggestion, never a value). `purpose` names it
    /// where the engine shows who is connected (PostgreSQL's `application_name`); each statement, or each
    /// group of them (`RowReader.withStatementTimeout`), may run `statementTimeoutMilliseconds` (0: no limit).
    func openReader(purpose: String, statementTimeoutMilliseconds: Int) throws(IntrospectError) -> any RowReader
    /// The engine's pieces of the profile queries.
    var sampleSQL: any SampleSQL { get }
}

/// A key of a site.yml source that one engine takes.
public struct SourceSetting: Sendable, Equatable {
    public enum Meaning: Sendable, Equatable {
        /// A file, resolved against site.yml's folder.
        case filePath
        /// Text that may hold a password: never printed.
        case connectionString
    }

    public var key: String
    public var meaning: Meaning
    public var isRequired: Bool

    public init(key: String, meaning: Meaning, isRequired: Bool) {
        self.key = key
        self.meaning = meaning
        self.isRequired = isRequired
    }
}

/// The engines there are.
public enum SourceDrivers {
    public static let all: [any SourceDriver.Type] = [SQLiteDriver.self, PostgresDriver.self]

    public static func driver(for kind: Source.Kind) -> (any SourceDriver.Type)? {
        all.first { $0.kind == kind }
    }

    /// Every engine's `kind:`, in registration order.
    public static var kinds: [String] { all.map { $0.kind.rawValue } }

    /// Every engine-specific key with the kind of source it belongs to.
    public static var settingKeys: [(kind: Source.Kind, key: String)] {
        all.flatMap { driver in driver.settings.map { (driver.kind, $0.key) } }
    }
}
