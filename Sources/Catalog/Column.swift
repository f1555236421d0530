/// A column of a table or view.
public struct Column: Sendable, Hashable, Codable {
    /// A column whose value the database computes from other columns.
    public struct Generated: Sendable, Hashable, Codable {
        public enum Storage: String, Sendable, Hashable, Codable {
            case stored
            case virtual
        }

        public var storage: Storage
        /// The generating expression, when the driver could read it.
        public var expression: String?

        public init(storage: Storage, expression: String?) {
            self.storage = storage
            self.expression = expression
        }
    }

    public var name: String
    /// 1-based position in the table.
    public var position: Int
    /// The type as declared; empty when the database has none (SQLite allows that).
    public var dataType: String
    public var isNullable: Bool
    public var defaultValue: String?
    /// 1-based position within the primary key, when the column is part of it.
    public var primaryKeyPosition: Int?
    public var generated: Generated?
    /// Hidden columns exist but are not returned by `SELECT *` (SQLite virtual-table columns).
    public var isHidden: Bool
    public var description: Description?
    /// `ALWAYS` or `BY DEFAULT` for an identity column.
    public var identity: String?
    /// What a domain or enum type stands for: a domain's base type, an enum's labels in order.
    public var domainBaseType: String?
    public var enumLabels: [String]?
    public var context: EntityContext?
    /// Statistics of the column's values, when the table was profiled.
    public var profile: ColumnProfile?
    /// Personal data the column holds, when any was found or declared.
    public var pii: PIIFinding?

    public init(
        name: String,
        position: Int,
        dataType: String,
        isNullable: Bool = true,
        defaultValue: String? = nil,
        primaryKeyPosition: Int? = nil,
        generated: Generated? = nil,
        isHidden: Bool = false,
        description: Description? = nil,
        identity: String? = nil,
        domainBaseType: String? = nil,
        enumLabels: [String]? = nil,
        context: EntityContext? = nil
    ) {
        self.name = name
        self.position = position
        self.dataType = dataType
        self.isNullable = isNullable
        self.defaultValue = defaultValue
        self.primaryKeyPosition = primaryKeyPosition
        self.generated = generated
        self.isHidden = isHidden
        self.description = description
        self.identity = identity
        self.domainBaseType = domainBaseType
        self.enumLabels = enumLabels
        self.context = context
    }
}
