/// Everything Schema Scribe knows about the documented databases, as plain values.
///
/// Every build stage takes a `Catalog` and returns a richer one; nothing in here performs I/O,
/// so a stage can be tested by building a catalog by hand. Arrays are kept in a stable order
/// (sources as configured, schemas and tables by name) so that rendering is deterministic.
public struct Catalog: Sendable, Hashable, Codable {
    /// The version of the `catalog.json` structure; bump it when a field changes meaning or is removed.
    public static let formatVersion = 1

    public var title: String
    public var sources: [Source]
    /// Relationships documented in context files, drawn apart from declared foreign keys.
    public var relationships: [DocumentedRelationship]
    public var glossary: [GlossaryTerm]

    public init(title: String, sources: [Source] = [], relationships: [DocumentedRelationship] = [], glossary: [GlossaryTerm] = []) {
        self.title = title
        self.sources = sources
        self.relationships = relationships
        self.glossary = glossary
    }
}

extension Catalog {
    /// Every table and view of every source, in catalog order.
    public var allTables: [Table] {
        sources.flatMap { source in source.schemas.flatMap(\.tables) }
    }

    /// Looks a table up by its qualified identity.
    public func table(_ id: TableID) -> Table? {
        sources.first { $0.name.isExactly(id.source) }?
            .schemas.first { $0.name.isExactly(id.schema) }?
            .tables.first { $0.id == id }
    }
}
