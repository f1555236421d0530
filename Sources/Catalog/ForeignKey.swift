/// A declared foreign key: `columns` of the owning table reference `referencedColumns` of another.
public struct ForeignKey: Sendable, Hashable, Codable {
    /// What the database does to referencing rows when the referenced row changes.
    public enum Action: String, Sendable, Hashable, Codable {
        case noAction = "NO ACTION"
        case restrict = "RESTRICT"
        case cascade = "CASCADE"
        case setNull = "SET NULL"
        case setDefault = "SET DEFAULT"
    }

    public var name: String?
    public var columns: [String]
    public var referencedTable: TableID
    /// Empty when the key names no columns and so references the other table's primary key.
    public var referencedColumns: [String]
    public var onDelete: Action
    public var onUpdate: Action
    /// `DEFERRABLE`, and whether it is `INITIALLY DEFERRED`.
    public var isDeferrable: Bool
    public var isInitiallyDeferred: Bool

    public init(
        name: String? = nil,
        columns: [String],
        referencedTable: TableID,
        referencedColumns: [String],
        onDelete: Action = .noAction,
        onUpdate: Action = .noAction,
        isDeferrable: Bool = false,
        isInitiallyDeferred: Bool = false
    ) {
        self.name = name
        self.columns = columns
        self.referencedTable = referencedTable
        self.referencedColumns = referencedColumns
        self.onDelete = onDelete
        self.onUpdate = onUpdate
        self.isDeferrable = isDeferrable
        self.isInitiallyDeferred = isInitiallyDeferred
    }
}
