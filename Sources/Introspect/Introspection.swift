import Catalog

/// What a driver read from one database: the source itself, what it could not read, and what it cost.
public struct Introspection: Sendable {
    /// One catalog query and how long it took, for the debug log.
    public struct Query: Sendable {
        public var label: String
        public var seconds: Double
        public var rows: Int
    }

    public var source: Source
    /// Things the user should know but that do not stop the build (a view that no longer compiles).
    public var warnings: [String]
    public var queries: [Query]
}
