import Catalog

/// What changed in the documentation between two catalogs, as a reviewer of a pull request needs it:
/// structure, descriptions (with who wrote them and whether anyone approved them), personal data,
/// relationships and coverage. A pure function of the two catalogs, in a deterministic order.
public struct CatalogDiff: Sendable, Equatable, Codable {
    /// One source's schema and what changed in it; schemas with no change are left out.
    public struct SchemaChanges: Sendable, Equatable, Codable {
        public var source: String
        public var schema: String
        public var tablesAdded: [TableChange] = []
        public var tablesRemoved: [TableChange] = []
        public var columnsAdded: [ColumnChange] = []
        public var columnsRemoved: [ColumnChange] = []
        public var columnsChanged: [ColumnChange] = []
        public var descriptions: [DescriptionChange] = []
        public var personalData: [PersonalDataChange] = []

        var isEmpty: Bool {
            tablesAdded.isEmpty && tablesRemoved.isEmpty && columnsAdded.isEmpty && columnsRemoved.isEmpty
                && columnsChanged.isEmpty && descriptions.isEmpty && personalData.isEmpty
        }
    }

    public struct TableChange: Sendable, Equatable, Codable {
        public var table: String
        /// `table`, `view`, …
        public var kind: String
        public var columns: Int
    }

    public struct ColumnChange: Sendable, Equatable, Codable {
        public var table: String
        public var column: String
        /// What changed, worded: "type integer → bigint", "now nullable", "now part of the primary key".
        public var changes: [String]
    }

    /// A description that appeared, changed, disappeared or changed status.
    public struct DescriptionChange: Sendable, Equatable, Codable {
        public enum Change: String, Sendable, Equatable, Codable {
            case added, changed, removed, approved, unapproved
            /// The entity changed since someone approved its text.
            case stale
        }

        public var table: String
        /// Absent for the table's own description.
        public var column: String?
        public var change: Change
        public var old: Text?
        public var new: Text?
    }

    public struct Text: Sendable, Equatable, Codable {
        public var text: String
        /// `human`, `database_comment`, `template`, `model`.
        public var origin: String
        /// `draft` or `approved`.
        public var status: String
        public var stale: Bool

        init(_ description: Description) {
            text = description.text
            origin = description.origin.rawValue
            status = description.status.rawValue
            stale = description.isStale
        }
    }

    public struct PersonalDataChange: Sendable, Equatable, Codable {
        public var table: String
        public var column: String
        /// The kind before and after; absent when there was, or is, no finding.
        public var oldKind: String?
        public var newKind: String?
        public var confidence: Double?
        /// `detected` or `context` (declared with `pii:`).
        public var origin: String?
    }

    public struct RelationshipChange: Sendable, Equatable, Codable {
        /// `source.schema.table(columns)` at each end.
        public var from: String
        public var to: String
        /// `declared`, `documented`, `inferred`.
        public var origin: String
        /// `suggested`, `accepted`, `rejected`; for a change of status, the one before.
        public var status: String
        public var oldStatus: String?
        public var confidence: Double?
    }

    public struct CoverageChange: Sendable, Equatable, Codable {
        /// `source.schema`, or empty for the whole catalog.
        public var scope: String
        public var oldScore: Double?
        public var newScore: Double?
        public var oldDescribedTables: Int
        public var newDescribedTables: Int
        public var oldTables: Int
        public var newTables: Int
        public var oldDescribedColumns: Int
        public var newDescribedColumns: Int
        public var oldColumns: Int
        public var newColumns: Int
    }

    public var schemas: [SchemaChanges] = []
    /// Schemas that appeared or disappeared as a whole, as `source.schema`.
    public var schemasAdded: [String] = []
    public var schemasRemoved: [String] = []
    public var relationshipsAdded: [RelationshipChange] = []
    public var relationshipsRemoved: [RelationshipChange] = []
    public var relationshipsDecided: [RelationshipChange] = []
    /// The whole catalog first, then each schema whose figures moved.
    public var coverage: [CoverageChange] = []

    /// Whether anything at all differs (coverage moves only when something else did).
    public var isEmpty: Bool {
        schemas.isEmpty && schemasAdded.isEmpty && schemasRemoved.isEmpty && relationshipsAdded.isEmpty
            && relationshipsRemoved.isEmpty && relationshipsDecided.isEmpty
    }

    /// `old` and `new` as read from catalog.json, whose `relationships` hold every relationship.
    public init(old: Catalog, new: Catalog) {
        let oldSchemas = Self.schemas(of: old), newSchemas = Self.schemas(of: new)
        for key in Self.union(oldSchemas.keys, newSchemas.keys) {
            let before = oldSchemas[key], after = newSchemas[key]
            if before == nil { schemasAdded.append(key.text) }
            if after == nil { schemasRemoved.append(key.text) }
            var changes = SchemaChanges(source: key.source, schema: key.schema)
            Self.compare(before?.tables ?? [], after?.tables ?? [], into: &changes)
            if !changes.isEmpty { schemas.append(changes) }
        }
        compareRelationships(old.relationships, new.relationships)
        coverage = Self.coverage(Coverage(old), Coverage(new))
    }

    // MARK: Schemas and tables

    struct SchemaKey: Hashable, Comparable {
        var source: String
        var schema: String
        var text: String { "\(source).\(schema)" }
        static func < (a: SchemaKey, b: SchemaKey) -> Bool { (a.source, a.schema) < (b.source, b.schema) }
    }

    private static func schemas(of catalog: Catalog) -> [SchemaKey: Schema] {
        var result: [SchemaKey: Schema] = [:]
        for source in catalog.sources {
            for schema in source.schemas { result[SchemaKey(source: source.name, schema: schema.name)] = schema }
        }
        return result
    }

    /// Both sets of keys, sorted, each once.
    static func union<Key: Comparable & Hashable>(_ a: some Sequence<Key>, _ b: some Sequence<Key>) -> [Key] {
        Set(a).union(b).sorted()
    }

    private static func compare(_ old: [Table], _ new: [Table], into changes: inout SchemaChanges) {
        let before = Dictionary(old.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in union(before.keys, after.keys) {
            switch (before[name], after[name]) {
            case (nil, let table?):
                changes.tablesAdded.append(TableChange(table: name, kind: table.kind.rawValue, columns: table.columns.count))
                compareDescriptions(table: name, column: nil, nil, table.description, into: &changes)
                for column in table.columns {
                    compareDescriptions(table: name, column: column.name, nil, column.description, into: &changes)
                    comparePII(table: name, column: column.name, nil, column.pii, into: &changes)
                }
            case (let table?, nil):
                changes.tablesRemoved.append(TableChange(table: name, kind: table.kind.rawValue, columns: table.columns.count))
            case (let old?, let new?):
                compareDescriptions(table: name, column: nil, old.description, new.description, into: &changes)
                compareColumns(old, new, into: &changes)
            case (nil, nil):
                break
            }
        }
    }

    private static func compareColumns(_ old: Table, _ new: Table, into changes: inout SchemaChanges) {
        let before = Dictionary(old.columns.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.columns.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let oldKeys = foreignKeyTargets(old), newKeys = foreignKeyTargets(new)
        // Columns in the new table's order, then the removed ones in the old table's.
        let names = new.columns.map(\.name) + old.columns.map(\.name).filter { after[$0] == nil }
        for name in names {
            switch (before[name], after[name]) {
            case (nil, let column?):
                changes.columnsAdded.append(ColumnChange(table: new.name, column: name, changes: [Self.typeWords(column)]))
                compareDescriptions(table: new.name, column: name, nil, column.description, into: &changes)
                comparePII(table: new.name, column: name, nil, column.pii, into: &changes)
            case (let column?, nil):
                changes.columnsRemoved.append(ColumnChange(table: old.name, column: name, changes: [Self.typeWords(column)]))
            case (let was?, let now?):
                var words: [String] = []
                if was.dataType != now.dataType { words.append("type \(was.dataType) → \(now.dataType)") }
                if was.isNullable != now.isNullable { words.append(now.isNullable ? "now nullable" : "now not null") }
                if (was.primaryKeyPosition == nil) != (now.primaryKeyPosition == nil) {
                    words.append(now.primaryKeyPosition == nil ? "no longer in the primary key" : "now in the primary key")
                }
                if oldKeys[name] != newKeys[name] {
                    switch (oldKeys[name], newKeys[name]) {
                    case (nil, let target?): words.append("now references \(target)")
                    case (let target?, nil): words.append("no longer references \(target)")
                    case (let a?, let b?): words.append("references \(a) → \(b)")
                    default: break
                    }
                }
                if was.defaultValue != now.defaultValue {
                    words.append("default \(was.defaultValue ?? "none") → \(now.defaultValue ?? "none")")
                }
                if !words.isEmpty { changes.columnsChanged.append(ColumnChange(table: new.name, column: name, changes: words)) }
                compareDescriptions(table: new.name, column: name, was.description, now.description, into: &changes)
                comparePII(table: new.name, column: name, was.pii, now.pii, into: &changes)
            case (nil, nil):
                break
            }
        }
    }

    /// Each column of a declared foreign key and the table it references, as `schema.table`.
    private static func foreignKeyTargets(_ table: Table) -> [String: String] {
        var targets: [String: String] = [:]
        for key in table.foreignKeys {
            for column in key.columns { targets[column] = "\(key.referencedTable.schema).\(key.referencedTable.name)" }
        }
        return targets
    }

    private static func typeWords(_ column: Column) -> String {
        (column.dataType.isEmpty ? "no type" : column.dataType) + (column.isNullable ? "" : ", not null")
    }

    private static func compareDescriptions(table: String, column: String?, _ old: Description?, _ new: Description?,
                                            into changes: inout SchemaChanges) {
        let change: DescriptionChange.Change
        switch (old, new) {
        case (nil, nil):
            return
        case (nil, _):
            change = .added
        case (_, nil):
            change = .removed
        case (let was?, let now?):
            if was.text != now.text || was.origin != now.origin {
                change = .changed
            } else if was.status != now.status {
                change = now.status == .approved ? .approved : .unapproved
            } else if now.isStale && !was.isStale {
                change = .stale
            } else {
                return
            }
        }
        changes.descriptions.append(DescriptionChange(table: table, column: column, change: change,
                                                      old: old.map(Text.init), new: new.map(Text.init)))
    }

    private static func comparePII(table: String, column: String, _ old: PIIFinding?, _ new: PIIFinding?,
                                   into changes: inout SchemaChanges) {
        guard old?.kind != new?.kind else { return }
        changes.personalData.append(PersonalDataChange(table: table, column: column, oldKind: old?.kind.rawValue,
                                                       newKind: new?.kind.rawValue, confidence: new?.confidence,
                                                       origin: new?.origin.rawValue))
    }

    // MARK: Relationships

    private mutating func compareRelationships(_ old: [Relationship], _ new: [Relationship]) {
        func keyed(_ list: [Relationship]) -> [String: Relationship] {
            Dictionary(list.map { (Self.endText($0.from) + " → " + Self.endText($0.to), $0) }, uniquingKeysWith: { first, _ in first })
        }
        let before = keyed(old), after = keyed(new)
        for key in Self.union(before.keys, after.keys) {
            switch (before[key], after[key]) {
            case (nil, let now?): relationshipsAdded.append(Self.change(now, was: nil))
            case (let was?, nil): relationshipsRemoved.append(Self.change(was, was: nil))
            case (let was?, let now?) where was.status != now.status: relationshipsDecided.append(Self.change(now, was: was))
            default: break
            }
        }
    }

    private static func endText(_ end: Relationship.End) -> String {
        "\(end.table.source).\(end.table.schema).\(end.table.name)(\(end.columns.joined(separator: ", ")))"
    }

    private static func change(_ relationship: Relationship, was: Relationship?) -> RelationshipChange {
        RelationshipChange(from: endText(relationship.from), to: endText(relationship.to), origin: relationship.origin.rawValue,
                           status: relationship.status.rawValue, oldStatus: was?.status.rawValue, confidence: relationship.confidence)
    }

    // MARK: Coverage

    private static func coverage(_ old: Coverage, _ new: Coverage) -> [CoverageChange] {
        func change(_ scope: String, _ a: Coverage.Figures?, _ b: Coverage.Figures?) -> CoverageChange {
            let a = a ?? Coverage.Figures(), b = b ?? Coverage.Figures()
            // Scores to three decimals, as catalog.json writes them.
            func rounded(_ score: Double?) -> Double? { score.map { ($0 * 1000).rounded() / 1000 } }
            return CoverageChange(scope: scope, oldScore: rounded(a.score), newScore: rounded(b.score),
                                  oldDescribedTables: a.tables.described, newDescribedTables: b.tables.described,
                                  oldTables: a.tables.total, newTables: b.tables.total,
                                  oldDescribedColumns: a.columns.described, newDescribedColumns: b.columns.described,
                                  oldColumns: a.columns.total, newColumns: b.columns.total)
        }
        func figures(_ coverage: Coverage) -> [String: Coverage.Figures] {
            var result: [String: Coverage.Figures] = [:]
            for source in coverage.sources {
                for schema in source.schemas { result["\(source.name).\(schema.name)"] = schema.figures }
            }
            return result
        }
        let before = figures(old), after = figures(new)
        var changes = [change("", old.figures, new.figures)]
        for scope in union(before.keys, after.keys) where before[scope] != after[scope] {
            changes.append(change(scope, before[scope], after[scope]))
        }
        return changes
    }
}
