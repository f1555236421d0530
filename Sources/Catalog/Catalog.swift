/// Everything Schema Scribe knows about the documented databases, as plain values.
///
/// Every build stage takes a `Catalog` and returns a richer one; nothing in here performs I/O,
/// so a stage can be tested by building a catalog by hand. Arrays are kept in a stable order
/// (sources as configured, schemas and tables by name) so that rendering is deterministic.
public struct Catalog: Sendable, Hashable, Codable {
    /// The version of the `catalog.json` structure; bump it when a field changes meaning or is removed.
    public static let formatVersion = 2

    public var title: String
    public var sources: [Source]
    /// Relationships documented in context files and found by the relationships stage (declared foreign
    /// keys stay with their tables), rejected suggestions included so that they are never suggested again.
    public var relationships: [Relationship]
    public var glossary: [GlossaryTerm]

    public init(title: String, sources: [Source] = [], relationships: [Relationship] = [], glossary: [GlossaryTerm] = []) {
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

    /// Changes every table and view in place, in catalog order: the one way a stage rewrites the tables
    /// it enriches, instead of each walking sources, schemas and tables by index.
    public mutating func updateTables(_ change: (inout Table) throws -> Void) rethrows {
        for s in sources.indices {
            for c in sources[s].schemas.indices {
                for t in sources[s].schemas[c].tables.indices {
                    try change(&sources[s].schemas[c].tables[t])
                }
            }
        }
    }

    /// `updateTables` spread over every core, for a change of each table that reads only that table and what
    /// the closure captures (profiles applied, templates filled): 5,000 tables took seconds on one core.
    public mutating func updateTablesInParallel(_ change: (inout Table) -> Void) {
        var places: [(source: Int, schema: Int, table: Int)] = []
        for s in sources.indices {
            for c in sources[s].schemas.indices {
                for t in sources[s].schemas[c].tables.indices { places.append((s, c, t)) }
            }
        }
        let catalog = self
        // Parallel.map rethrows only what the body throws, and this body does not.
        guard let changed = try? Parallel.map(count: places.count, chunkSize: 32, { index, _ -> Table in
            let place = places[index]
            var table = catalog.sources[place.source].schemas[place.schema].tables[place.table]
            change(&table)
            return table
        }) else { return }
        for (place, table) in zip(places, changed) {
            sources[place.source].schemas[place.schema].tables[place.table] = table
        }
    }

    /// The catalog with every table changed by `change`, on every core (`updateTablesInParallel`).
    public func updatingTablesInParallel(_ change: (inout Table) -> Void) -> Catalog {
        var catalog = self
        catalog.updateTablesInParallel(change)
        return catalog
    }

    /// The catalog with every table changed by `change`.
    public func updatingTables(_ change: (inout Table) throws -> Void) rethrows -> Catalog {
        var catalog = self
        try catalog.updateTables(change)
        return catalog
    }

    /// Every relationship: the declared foreign keys of every table, then `relationships`, in catalog order.
    public var everyRelationship: [Relationship] {
        allTables.flatMap { table in table.foreignKeys.map { Relationship(declaredBy: table, $0, in: self) } } + relationships
    }

    /// Looks a table up by its qualified identity.
    public func table(_ id: TableID) -> Table? {
        sources.first { $0.name.isExactly(id.source) }?
            .schemas.first { $0.name.isExactly(id.schema) }?
            .tables.first { $0.id == id }
    }
}
