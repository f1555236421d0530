/// One configured database, named by the user in `site.yml`.
public struct Source: Sendable, Hashable, Codable {
    /// The engine, as `kind:` in site.yml names it. Open, not an enum: an engine is added by its driver
    /// (Introspect's `SourceDrivers`), not by editing the catalog.
    public struct Kind: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        public var rawValue: String

        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        public static let sqlite = Kind(rawValue: "sqlite")
        public static let postgres = Kind(rawValue: "postgres")

        public var description: String { rawValue }

        // A plain string in catalog.json, as when this was an enum.
        public init(from decoder: any Decoder) throws {
            rawValue = try decoder.singleValueContainer().decode(String.self)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
    }

    public var name: String
    public var kind: Kind
    public var schemas: [Schema]

    public init(name: String, kind: Kind, schemas: [Schema] = []) {
        self.name = name
        self.kind = kind
        self.schemas = schemas
    }
}

/// A namespace of tables. SQLite has one, `main`.
public struct Schema: Sendable, Hashable, Codable {
    public var name: String
    public var tables: [Table]

    public init(name: String, tables: [Table] = []) {
        self.name = name
        self.tables = tables
    }
}
