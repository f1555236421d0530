/// A link between tables that is not a foreign key the table declares: documented by people in context
/// files, or inferred by the relationships stage from names, types, keys and data.
///
/// Declared foreign keys stay in `Table.foreignKeys`; `Catalog.everyRelationship` lists them with these.
public struct Relationship: Sendable, Hashable, Codable {
    /// One side: a table and the columns that join, in join order.
    public struct End: Sendable, Hashable, Codable, CustomStringConvertible {
        public var table: TableID
        public var columns: [String]

        public init(table: TableID, columns: [String]) {
            self.table = table
            self.columns = columns
        }

        /// `schema.table.column` (columns joined by `+`), as people write it.
        public var description: String {
            "\(table.schema).\(table.name).\(columns.joined(separator: "+"))"
        }

        /// Exact identity, for finding one end among thousands.
        public var key: EndKey { EndKey(table: table, columns: columns.map(ExactName.init)) }
    }

    public struct EndKey: Sendable, Hashable {
        public var table: TableID
        public var columns: [ExactName]
    }

    public enum Origin: String, Sendable, Hashable, Codable, CaseIterable {
        /// A foreign key the database declares.
        case declared
        /// Written in a context file.
        case documented
        /// Found by the relationships stage; a suggestion until a person accepts or rejects it.
        case inferred
    }

    /// What people decided about an inferred relationship. Declared and documented ones are facts: accepted.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case suggested, accepted, rejected
    }

    public var from: End
    public var to: End
    public var origin: Origin
    public var status: Status
    /// For an inferred relationship, how sure the stage is, between 0 and 1.
    public var confidence: Double?
    /// Why the stage believes it, one reason per line ("the column is named after the table").
    public var evidence: [String]
    /// e.g. `many-to-one`.
    public var cardinality: String?
    /// The join condition as people write it in SQL.
    public var join: String?
    public var description: String?
    /// Who accepted or rejected it, when it was decided with `scribe-build relationships accept|reject`.
    public var decidedBy: String?

    public init(from: End, to: End, origin: Origin, status: Status = .accepted, confidence: Double? = nil,
                evidence: [String] = [], cardinality: String? = nil, join: String? = nil, description: String? = nil,
                decidedBy: String? = nil) {
        self.from = from
        self.to = to
        self.origin = origin
        self.status = status
        self.confidence = confidence
        self.evidence = evidence
        self.cardinality = cardinality
        self.join = join
        self.description = description
        self.decidedBy = decidedBy
    }

    /// A relationship people wrote in a context file.
    public static func documented(from: TableID, fromColumns: [String], to: TableID, toColumns: [String],
                                  cardinality: String? = nil, join: String? = nil, description: String? = nil) -> Relationship {
        Relationship(from: End(table: from, columns: fromColumns), to: End(table: to, columns: toColumns), origin: .documented,
                     cardinality: cardinality, join: join, description: description)
    }

    /// Whether pages, diagrams, search and descriptions show it: everything but a rejected suggestion.
    public var isShown: Bool { status != .rejected }

    /// Whether it is still only a suggestion, marked as such wherever it shows.
    public var isSuggestion: Bool { origin == .inferred && status == .suggested }

    /// Which columns join which, exactly: a decision recorded for a pair applies whatever else changed.
    public var pair: Pair { Pair(from: from.key, to: to.key) }

    public struct Pair: Sendable, Hashable {
        public var from: EndKey
        public var to: EndKey
    }
}

extension Relationship {
    /// A declared foreign key as a relationship, for lists that hold every kind.
    public init(declaredBy table: Table, _ key: ForeignKey, in catalog: Catalog) {
        let target = key.referencedColumns.isEmpty ? (catalog.table(key.referencedTable)?.primaryKey?.columns ?? []) : key.referencedColumns
        self.init(from: End(table: table.id, columns: key.columns), to: End(table: key.referencedTable, columns: target),
                  origin: .declared)
    }
}
