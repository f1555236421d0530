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
    /// Check, unique and exclusion constraints (primary and foreign keys have fields of their own).
    public var constraints: [Constraint]
    /// On-disk size including indexes and TOAST, where the database reports it.
    public var bytes: Int?
    /// For a partitioned table: how rows are split, and the partitions (which get no page of their own).
    public var partitionKey: String?
    public var partitions: [Partition]
    /// For a view: the tables and columns its query reads, for lineage.
    public var reads: [ViewDependency]
    public var context: EntityContext?
    /// Why the describer left this table's undescribed entities without text in the last build, if it did.
    public var describePending: String?
    /// How the table's data was profiled, when it was.
    public var profile: TableProfile?

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
        description: Description? = nil,
        constraints: [Constraint] = [],
        bytes: Int? = nil,
        partitionKey: String? = nil,
        partitions: [Partition] = [],
        reads: [ViewDependency] = [],
        context: EntityContext? = nil
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
        self.constraints = constraints
        self.bytes = bytes
        self.partitionKey = partitionKey
        self.partitions = partitions
        self.reads = reads
        self.context = context
    }

    public var name: String { id.name }

    /// The column spelled exactly `name` (see `ExactName`).
    public func column(named name: String) -> Column? {
        columns.first { $0.name.isExactly(name) }
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

    /// The power of ten at or below the count (0 for 1–9 rows, 3 for 1,000–9,999; -1 for none): a size that
    /// holds still while a table grows, for cache keys that should not change with every load.
    public var orderOfMagnitude: Int {
        guard value > 0 else { return -1 }
        var power = 0
        var rest = value
        while rest >= 10 {
            rest /= 10
            power += 1
        }
        return power
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

/// A check, unique or exclusion constraint, with the definition as the database prints it.
public struct Constraint: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case check
        case unique
        case exclusion
    }

    public var name: String
    public var kind: Kind
    public var columns: [String]
    public var definition: String

    public init(name: String, kind: Kind, columns: [String], definition: String) {
        self.name = name
        self.kind = kind
        self.columns = columns
        self.definition = definition
    }
}

/// One partition of a partitioned table.
public struct Partition: Sendable, Hashable, Codable {
    public var name: String
    /// `FOR VALUES FROM (…) TO (…)`, `DEFAULT`, …
    public var bound: String
    /// The partition it sits in, when partitions are themselves partitioned.
    public var parent: String?
    public var rowCount: RowCount?
    public var bytes: Int?

    public init(name: String, bound: String, parent: String? = nil, rowCount: RowCount? = nil, bytes: Int? = nil) {
        self.name = name
        self.bound = bound
        self.parent = parent
        self.rowCount = rowCount
        self.bytes = bytes
    }
}

/// A table (and which of its columns) that a view reads.
public struct ViewDependency: Sendable, Hashable, Codable {
    public var table: TableID
    public var columns: [String]

    public init(table: TableID, columns: [String]) {
        self.table = table
        self.columns = columns
    }
}
