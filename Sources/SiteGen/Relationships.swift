import Catalog

/// The foreign keys of a catalog seen from both ends, so a page can list what references its table.
public struct Relationships: Sendable {
    public struct Link: Sendable, Hashable {
        public var from: TableID
        public var key: ForeignKey
    }

    private var incoming: [TableID: [Link]] = [:]

    public init(_ catalog: Catalog) {
        for table in catalog.allTables {
            for key in table.foreignKeys {
                incoming[key.referencedTable, default: []].append(Link(from: table.id, key: key))
            }
        }
    }

    /// Foreign keys of other tables (or the same one) that point at `id`, in catalog order.
    public func referencing(_ id: TableID) -> [Link] {
        incoming[id] ?? []
    }
}
