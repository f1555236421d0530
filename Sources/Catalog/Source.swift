/// One configured database, named by the user in `site.yml`.
public struct Source: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case sqlite
        case postgres
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
