import Catalog

/// The catalog indexed for the lookups rendering makes thousands of times: tables by identity,
/// foreign keys by the table they point at, so a page can list what references its table, and the
/// relationships the database does not declare by both of their tables.
public struct CatalogIndex: Sendable {
    public struct Link: Sendable, Hashable {
        public var from: TableID
        public var key: ForeignKey
    }

    private var tables: [TableID: Table] = [:]
    private var incoming: [TableID: [Link]] = [:]
    private var readers: [TableID: [TableID]] = [:]
    private var undeclared: [TableID: [Relationship]] = [:]

    public init(_ catalog: Catalog) {
        for table in catalog.allTables {
            tables[table.id] = table
            for key in table.foreignKeys {
                incoming[key.referencedTable, default: []].append(Link(from: table.id, key: key))
            }
            for dependency in table.reads {
                readers[dependency.table, default: []].append(table.id)
            }
        }
        for relationship in catalog.relationships where relationship.isShown && relationship.origin != .declared {
            undeclared[relationship.from.table, default: []].append(relationship)
            if relationship.to.table != relationship.from.table { undeclared[relationship.to.table, default: []].append(relationship) }
        }
    }

    public func table(_ id: TableID) -> Table? {
        tables[id]
    }

    /// Relationships documented in context files or inferred (rejected ones left out) that start or end at `id`,
    /// in catalog order: everything but the declared foreign keys that pages, diagrams and search show.
    public func undeclaredRelationships(of id: TableID) -> [Relationship] {
        undeclared[id] ?? []
    }

    /// Views whose query reads `id`, in catalog order: the other half of lineage.
    public func views(reading id: TableID) -> [TableID] {
        readers[id] ?? []
    }

    /// Foreign keys of other tables (or the same one) that point at `id`, in catalog order.
    public func referencing(_ id: TableID) -> [Link] {
        incoming[id] ?? []
    }
}
