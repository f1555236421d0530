/// The qualified identity of a table or view: which source, which schema, which name.
///
/// Names are kept exactly as the database spells them; any character is allowed. Two IDs are equal only
/// when every name has the same Unicode scalars: databases compare identifiers byte for byte, so `é` and
/// `e` + U+0301 are two tables, though `String` would call them equal (see `ExactName`).
public struct TableID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var source: String
    public var schema: String
    public var name: String

    public init(source: String, schema: String, name: String) {
        self.source = source
        self.schema = schema
        self.name = name
    }

    public var description: String { "\(source).\(schema).\(name)" }

    public static func == (lhs: TableID, rhs: TableID) -> Bool {
        // The name first: it is the part that differs, where the source and schema are mostly the same.
        lhs.name.isExactly(rhs.name) && lhs.schema.isExactly(rhs.schema) && lhs.source.isExactly(rhs.source)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ExactName(source))
        hasher.combine(ExactName(schema))
        hasher.combine(ExactName(name))
    }

    public static func < (lhs: TableID, rhs: TableID) -> Bool {
        lhs.exactNames < rhs.exactNames
    }

    private var exactNames: (ExactName, ExactName, ExactName) {
        (ExactName(source), ExactName(schema), ExactName(name))
    }
}
