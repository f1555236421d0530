import Catalog

/// Everything read from the context folder, before it is matched against the catalog.
public struct ContextSet: Sendable {
    /// What one entry says about a table or a column.
    public struct Entry: Sendable {
        /// `table`, `schema.table` or `source.schema.table`, as written.
        public var table: String
        public var column: String?
        public var description: String?
        public var status: Description.Status?
        /// Written by `approve`: the fingerprint of the entity's inputs the text was approved for.
        public var inputsHash: String?
        public var context: EntityContext
        public var location: Location
        /// Where the table or column name itself was written, for "does not exist" findings.
        public var nameLocation: Location
    }

    public struct Relationship: Sendable {
        /// Qualified column references as written: `schema.table.column`.
        public var from: [String]
        public var to: [String]
        public var cardinality: String?
        public var join: String?
        public var description: String?
        /// `status:`: nil and `accepted` make it a documented relationship; `rejected` says the pair is wrong,
        /// so the relationships stage never suggests it.
        public var decision: RelationshipDecision?
        public var location: Location
    }

    public struct Term: Sendable {
        public var term: String
        public var definition: String
        public var synonyms: [String]
        public var tables: [String]
        public var location: Location
    }

    public var entries: [Entry] = []
    public var relationships: [Relationship] = []
    public var glossary: [Term] = []
    public var templates: [DescriptionTemplate] = []
    /// What the dbt files named in site.yml (`dbt.files`) describe; a context file wins over them.
    public var dbt: [DBTEntry] = []
    /// What `scribe-build approve` recorded, from the file it owns.
    public var approvals = ApprovalLedger()
    /// What `scribe-build relationships accept|reject` recorded, from the file it owns.
    public var relationshipDecisions = RelationshipLedger()

    public init() {}

    mutating func append(_ other: ContextSet) {
        entries += other.entries
        relationships += other.relationships
        glossary += other.glossary
        templates += other.templates
    }
}
