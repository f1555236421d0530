/// The qualified identity of a table or view: which source, which schema, which name.
///
/// Names are kept exactly as the database spells them; any character is allowed.
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

    public static func < (lhs: TableID, rhs: TableID) -> Bool {
        (lhs.source, lhs.schema, lhs.name) < (rhs.source, rhs.schema, rhs.name)
    }
}
