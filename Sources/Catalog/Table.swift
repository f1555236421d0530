/// A table, view or other relation, with everything read from the database about it.
public struct Table: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case table
        case view
        case materializedView = "materialized_view"
        case foreignTable = "foreign_table"
        case partitionedTable = "partitioned_table"
        case virtualTable = "virtual_table"

        /// Whether rows are computed from a query rather than stored.
        public var isView: Bool { self == .view || self == .materializedView }
    }

    public var id: TableID
    public var kind: Kind
    public var columns: [Column]
    public var primaryKey: PrimaryKey?
    public var foreignKeys: [ForeignKey]
    public var indexes: [TableIndex]
    public var rowCount: RowCount?
    /// The query of a view, as the database stores it.
    public var viewDefinition: String?
    /// Storage options worth showing, such as `WITHOUT ROWID` or `STRICT`.
    public var options: [String]
    public var description: Description?

    public init(
        id: TableID,
        kind: Kind,
        columns: [Column] = [],
        primaryKey: PrimaryKey? = nil,
        foreignKeys: [ForeignKey] = [],
        indexes: [TableIndex] = [],
        rowCount: RowCount? = nil,
        viewDefinition: String? = nil,
        options: [String] = [],
        description: Description? = nil
    ) {
        self.id = id
        self.kind = kind
        self.columns = columns
        self.primaryKey = primaryKey
        self.foreignKeys = foreignKeys
        self.indexes = indexes
        self.rowCount = rowCount
        self.viewDefinition = viewDefinition
        self.options = options
        self.description = description
    }

    public var name: String { id.name }

    public func column(named name: String) -> Column? {
        columns.first { $0.name == name }
    }
}

/// How many rows a table holds, and whether the number was counted or estimated.
public struct RowCount: Sendable, Hashable, Codable {
    public var value: Int
    public var isExact: Bool

    public init(value: Int, isExact: Bool) {
        self.value = value
        self.isExact = isExact
    }
}

public struct PrimaryKey: Sendable, Hashable, Codable {
    public var name: String?
    public var columns: [String]

    public init(name: String? = nil, columns: [String]) {
        self.name = name
        self.columns = columns
    }
}
