/// An index, including the ones a database creates for primary keys and unique constraints.
public struct TableIndex: Sendable, Hashable, Codable {
    /// One key of the index: a column, or an expression over columns.
    public enum Part: Sendable, Hashable, Codable {
        case column(String)
        case expression(String)
    }

    public enum Origin: String, Sendable, Hashable, Codable {
        /// `CREATE INDEX`.
        case created
        case primaryKey = "primary_key"
        case uniqueConstraint = "unique_constraint"
    }

    public var name: String
    public var parts: [Part]
    public var isUnique: Bool
    /// The `WHERE` condition of a partial index.
    public var predicate: String?
    public var origin: Origin
    /// The access method (`btree`, `gin`, `gist`, …) where the database has several.
    public var method: String?

    public init(name: String, parts: [Part], isUnique: Bool, predicate: String? = nil, origin: Origin = .created,
                method: String? = nil) {
        self.name = name
        self.parts = parts
        self.isUnique = isUnique
        self.predicate = predicate
        self.origin = origin
        self.method = method
    }
}
