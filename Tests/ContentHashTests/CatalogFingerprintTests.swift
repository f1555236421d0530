import Catalog
import ContentHash
import Foundation
import TestSupport
import Testing

/// The catalog's tables feed their fingerprints field by field (`FingerprintValue`), written by hand for speed; these
/// tests are what keeps that hand-written code complete and sound.
@Suite("Fingerprints of catalog tables, field by field")
struct CatalogFingerprintTests {
    /// A table with every field set, optionals present and lists not empty, down to its columns' profiles.
    static let everything: Table = {
        let context = EntityContext(businessRules: ["one per order"], dataSources: ["shop"], usageNotes: "notes",
                                    examples: ["42"], glossaryTerms: ["order"], owner: "sales", tags: ["core"],
                                    hints: "hint", pii: "none")
        let profile = ColumnProfile(nullFraction: 0.1, distinct: 3, distinctIsEstimate: true, minimum: "a", maximum: "z",
                                    minimumLength: 1, maximumLength: 9, mean: 2.5, standardDeviation: 0.5,
                                    topValues: [.init(value: "a", count: 2)], patterns: [.init(pattern: "Aa", share: 0.5)],
                                    samples: ["a"], isMasked: true, valuesWithheld: true)
        var column = Column(name: "status", position: 2, dataType: "text", isNullable: true, defaultValue: "'new'",
                            primaryKeyPosition: 1, generated: .init(storage: .stored, expression: "upper(code)"), isHidden: true,
                            description: Description(text: "Status", origin: .human, status: .approved, inputsHash: "ab", isStale: true),
                            identity: "ALWAYS")
        column.domainBaseType = "text"
        column.enumLabels = ["new", "paid"]
        column.context = context
        column.profile = profile
        column.pii = PIIFinding(kind: .email, confidence: 0.9, reasons: ["name"], origin: .context)
        let id = TableID(source: "shop", schema: "public", name: "orders")
        var table = Table(id: id, kind: .partitionedTable, viewDefinition: "SELECT 1", options: ["STRICT"])
        table.columns = [column]
        table.primaryKey = PrimaryKey(name: "orders_pkey", columns: ["status"])
        table.foreignKeys = [ForeignKey(name: "fk", columns: ["status"], referencedTable: id, referencedColumns: ["status"],
                                        onDelete: .cascade, onUpdate: .setNull, isDeferrable: true, isInitiallyDeferred: true)]
        table.indexes = [TableIndex(name: "ix", parts: [.column("status"), .expression("lower(status)")], isUnique: true,
                                    predicate: "status IS NOT NULL", origin: .uniqueConstraint, method: "hash")]
        table.rowCount = RowCount(value: 10, isExact: true)
        table.description = Description(text: "Orders", origin: .model, inputsHash: "cd")
        table.constraints = [Constraint(name: "c", kind: .check, columns: ["status"], definition: "status <> ''")]
        table.bytes = 8192
        table.partitionKey = "RANGE (status)"
        table.partitions = [Partition(name: "orders_2026", bound: "FOR VALUES", parent: "orders", rowCount: .init(value: 1, isExact: false), bytes: 1)]
        table.reads = [ViewDependency(table: id, columns: ["status"])]
        table.context = context
        table.describePending = "429"
        table.profile = TableProfile(rowsRead: 10, isSampled: true, valuesRead: 20, incomplete: "timed out")
        return table
    }()

    @Test func everyTypeFeedsEveryStoredPropertyMirrorSees() {
        var checked: Set<String> = []
        Self.walk(Self.everything, path: "table", checked: &checked)
        // The walk met every type a table is made of (a type added to the catalog is added to the fixture).
        for type in ["Table", "TableID", "Column", "Generated", "Description", "EntityContext", "ColumnProfile", "ValueCount",
                     "PatternShare", "PIIFinding", "PrimaryKey", "ForeignKey", "TableIndex", "RowCount", "Constraint",
                     "Partition", "ViewDependency", "TableProfile"] {
            #expect(checked.contains(type), "the fixture holds no \(type)")
        }
    }

    /// Checks `value` and every value inside it: each `FingerprintValue` struct names, as it feeds them, exactly the
    /// stored properties Mirror lists, in their order; and the fixture leaves no optional empty, no list empty.
    static func walk(_ value: Any, path: String, checked: inout Set<String>) {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else {
                Issue.record("\(path) is nil in the fixture: set it, so that its fields are checked")
                return
            }
            return walk(wrapped, path: path, checked: &checked)
        }
        if mirror.displayStyle == .collection {
            #expect(!mirror.children.isEmpty, "\(path) is empty in the fixture: give it an element")
            for (offset, element) in mirror.children.enumerated() { walk(element.value, path: "\(path)[\(offset)]", checked: &checked) }
            return
        }
        guard mirror.displayStyle == .struct else { return }
        let stored = mirror.children.compactMap(\.label)
        guard let fed = value as? any FingerprintValue else {
            if !(value is String) { Issue.record("\(path) (\(mirror.subjectType)) is not a FingerprintValue") }
            return
        }
        #expect(FingerprintFields.fieldNames(of: fed) == stored, "\(mirror.subjectType) feeds other fields than it stores")
        checked.insert(String(describing: mirror.subjectType))
        for child in mirror.children {
            walk(child.value, path: "\(path).\(child.label ?? "?")", checked: &checked)
        }
    }

    @Test func aChangeToAnyFieldChangesTheFingerprint() {
        let base = Self.everything
        var changed: [Table] = []
        func change(_ edit: (inout Table) -> Void) {
            var table = base
            edit(&table)
            changed.append(table)
        }
        change { $0.id.schema = "sales" }
        change { $0.kind = .table }
        change { $0.columns[0].name = "state" }
        change { $0.columns[0].position = 3 }
        change { $0.columns[0].isNullable = false }
        change { $0.columns[0].defaultValue = nil }
        change { $0.columns[0].generated?.storage = .virtual }
        change { $0.columns[0].description?.status = .draft }
        change { $0.columns[0].description?.isStale = false }
        change { $0.columns[0].enumLabels = [] }
        change { $0.columns[0].enumLabels = nil }
        change { $0.columns[0].context?.tags = ["co", "re"] }
        change { $0.columns[0].profile?.topValues[0].count = 3 }
        change { $0.columns[0].profile?.patterns[0].share = 0.25 }
        change { $0.columns[0].profile?.mean = nil }
        change { $0.columns[0].pii?.kind = .phone }
        change { $0.columns.append($0.columns[0]) }
        change { $0.foreignKeys[0].onDelete = .restrict }
        change { $0.indexes[0].parts = [.expression("status"), .expression("lower(status)")] }
        change { $0.indexes[0].parts.removeLast() }
        change { $0.rowCount?.isExact = false }
        change { $0.options = [] }
        change { $0.constraints[0].kind = .unique }
        change { $0.partitions[0].parent = nil }
        change { $0.reads[0].columns = ["status", ""] }
        change { $0.describePending = nil }
        change { $0.profile?.incomplete = nil }
        change { $0.description = nil }
        change { $0.context = EntityContext() }
        let prints = [base.fingerprint] + changed.map(\.fingerprint)
        #expect(Set(prints).count == prints.count)
        #expect(Self.everything.fingerprint == base.fingerprint)
    }

    /// Every value in the fixture's JSON changed in turn (a Bool flipped, a number bumped, a string lengthened, an
    /// optional emptied): each table that decodes different has another fingerprint. Catches a field fed under its
    /// own name with another field's value, which the names alone do not.
    @Test func changingAnyValueOfTheTableChangesItsFingerprint() throws {
        let base = Self.everything
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(base))
        var changes = 0
        func visit(_ value: Any, _ rebuild: (Any) -> Any) throws {
            var variants: [Any] = []
            switch value {
            case let object as [String: Any]:
                for (key, member) in object {
                    try visit(member) { changed in var copy = object; copy[key] = changed; return rebuild(copy) }
                    var without = object
                    without[key] = nil
                    variants.append(without)
                }
            case let list as [Any]:
                for (offset, element) in list.enumerated() {
                    try visit(element) { changed in var copy = list; copy[offset] = changed; return rebuild(copy) }
                }
                variants.append(Array(list.dropLast()))
            case let number as NSNumber:
                // A Bool and a number look alike here; the variant of the wrong kind does not decode.
                variants.append(!number.boolValue)
                variants.append(number.doubleValue + 1)
            case let text as String:
                variants.append(text + "x")
            default:
                break
            }
            for variant in variants {
                let data = try JSONSerialization.data(withJSONObject: rebuild(variant))
                // A change the type cannot decode (an enum's raw value, a required key removed) is not a table.
                guard let changed = try? JSONDecoder().decode(Table.self, from: data), changed != base else { continue }
                changes += 1
                #expect(changed.fingerprint != base.fingerprint, "\(String(decoding: data, as: UTF8.self))")
            }
        }
        try visit(json) { $0 }
        #expect(changes > 100)
    }

    /// Tables made by random edits: two have one fingerprint exactly when they are equal.
    @Test func equalTablesShareAFingerprintAndOthersDoNot() {
        var random = SplitMix64(seed: 16)
        var tables: [Table] = []
        for _ in 0..<400 {
            var table = Self.everything
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let word = random.pick(["", "a", "ab", "b", "a b"])
                switch Int.random(in: 0..<8, using: &random) {
                case 0: table.columns[0].name = word
                case 1: table.columns[0].defaultValue = random.chance(0.5) ? nil : word
                case 2: table.options = word.isEmpty ? [] : word.split(separator: " ").map(String.init)
                case 3: table.columns[0].enumLabels = random.chance(0.3) ? nil : [word]
                case 4: table.bytes = random.chance(0.5) ? nil : word.count
                case 5: table.columns[0].profile?.samples = [word]
                case 6: table.columns[0].isNullable.toggle()
                default: table.primaryKey = random.chance(0.5) ? nil : PrimaryKey(name: word, columns: [])
                }
            }
            tables.append(table)
        }
        let prints = tables.map(\.fingerprint)
        var pairs = 0
        for first in tables.indices {
            for second in tables.indices[first...] where (tables[first] == tables[second]) != (prints[first] == prints[second]) {
                Issue.record("tables \(first) and \(second): equal \(tables[first] == tables[second]), same fingerprint \(!(prints[first] != prints[second]))")
            }
            pairs += tables.count - first
        }
        #expect(pairs == 400 * 401 / 2)
        #expect(Set(prints).count > 100)
    }

    @Test func theShapeOfAValueCounts() {
        var a = Self.everything, b = Self.everything
        a.columns[0].enumLabels = ["ab", "c"]
        b.columns[0].enumLabels = ["a", "bc"]
        #expect(a.fingerprint != b.fingerprint)
        a.columns[0].defaultValue = nil
        b.columns[0].defaultValue = ""
        b.columns[0].enumLabels = ["ab", "c"]
        #expect(a.fingerprint != b.fingerprint)
        // Spellings a String calls equal are two names to a database, and to a fingerprint.
        a = Self.everything
        b = Self.everything
        a.id.name = "caf\u{E9}"
        b.id.name = "cafe\u{301}"
        #expect(a.fingerprint != b.fingerprint)
    }
}
