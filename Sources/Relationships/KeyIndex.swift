import Catalog

/// A key a relationship can point at: a table's primary key, a single-column unique key, or (for the many
/// reporting tables that declare none) a column named as the table's own identifier.
struct ParentKey: Sendable {
    enum Strength: Int, Comparable, Sendable {
        /// An `id` column, or one named after its table, in a table that declares no key.
        case named = 0
        case unique = 1
        case primary = 2

        static func < (a: Strength, b: Strength) -> Bool { a.rawValue < b.rawValue }

        var factor: Double {
            switch self {
            case .primary: 1
            case .unique: 0.95
            case .named: 0.85
            }
        }

        var words: String {
            switch self {
            case .primary: "its primary key"
            case .unique: "a unique key"
            case .named: "named as its identifier (no key is declared)"
            }
        }
    }

    var table: TableID
    var columns: [Column]
    var strength: Strength
    /// The key column's words with the table's column prefix taken off (`i_item_sk` → `item sk`).
    var words: IdentifierWords
}

/// What the inference knows about one table: its names as references spell them, and its keys.
struct TableFacts: Sendable {
    var table: Table
    /// The table's name in words, as written.
    var words: IdentifierWords
    /// The table's name and the forms references use: singular, plural, without `dim_`/`_dim`.
    var names: [IdentifierWords]
    /// The word most of its columns start with (`ss` in `ss_item_sk`, `ss_ticket_number`), if there is one.
    var columnPrefix: String?
    /// Its single-column key, the one references point at, if it has one.
    var mainKey: ParentKey?
    /// Its primary key when it has several columns.
    var compositeKey: [Column]?

    /// Every column's words, split once: a 5,000-table schema has a hundred thousand columns.
    var columnWords: [String: IdentifierWords] = [:]

    /// A column's words without the table's column prefix.
    func words(of column: String) -> IdentifierWords {
        if let words = columnWords[column] { return words }
        let words = IdentifierWords(identifier: column)
        if let columnPrefix, words.count > 1, words.first == columnPrefix { return words.dropping(first: 1) }
        return words
    }
}

/// Every candidate parent key, indexed by the names a referencing column would use, so that each column
/// costs a few dictionary lookups and never a scan of thousands of tables.
struct KeyIndex: Sendable {
    var facts: [TableFacts] = []
    /// Non-generic key names run together (`customerid`, `itemsk`) → indices into `facts`.
    var byKeyName: [String: [Int]] = [:]
    /// Table names and their forms run together (`customer`, `customers`, `orderline`) → indices into `facts`.
    var byTableName: [String: [Int]] = [:]
    /// Tables in `byKeyName` whose key is named for something other than the table (`image_type.mime_type`).
    var keysNamedForSomethingElse = Set<Int>()
    /// The key names of `byKeyName` by their words' initials, for abbreviations of them.
    var byKeyInitials: [String: [(table: Int, name: IdentifierWords)]] = [:]
    /// The same for the table's own name only (singular and plural too, but never without `dim_`).
    var byFullName: [String: [Int]] = [:]
    /// Indices of tables with a composite primary key, by its first column's name run together.
    var compositeByFirstColumn: [String: [Int]] = [:]
    /// Table names by their words' initials (`cd` for customer_demographics), for abbreviations, which keep
    /// every word's first letter.
    var byInitials: [String: [(table: Int, name: IdentifierWords)]] = [:]
    /// Where each table is in `facts`.
    var position: [TableID: Int] = [:]

    /// Tables that can hold rows others point at, or point at others: tables, not views.
    static func relates(_ table: Table) -> Bool {
        [.table, .partitionedTable, .foreignTable].contains(table.kind)
    }

    init(_ tables: [Table]) {
        let tables = tables.filter(Self.relates)
        // A first word that many tables of a schema share is a kind, not a subject (`dim_`, `stg_`, `l_`).
        var firstWordCounts: [String: [String: Int]] = [:]
        for table in tables {
            if let first = IdentifierWords(identifier: table.name).first {
                firstWordCounts[table.id.schema, default: [:]][first, default: 0] += 1
            }
        }
        for table in tables {
            let schemaCounts = firstWordCounts[table.id.schema] ?? [:]
            let schemaSize = schemaCounts.values.reduce(0, +)
            facts.append(Self.facts(of: table, sharedFirstWord: { word in
                let count = schemaCounts[word] ?? 0
                return count >= 3 && count * 5 >= schemaSize
            }))
        }
        for (offset, fact) in facts.enumerated() {
            position[fact.table.id] = offset
            for name in Set(fact.names.prefix(3).map(\.joined)) where name.count >= 2 {
                byFullName[name, default: []].append(offset)
            }
            for name in Set(fact.names.map(\.joined)) where name.count >= 2 {
                byTableName[name, default: []].append(offset)
            }
            for name in Set(fact.names) {
                byInitials[String(name.words.compactMap(\.first)), default: []].append((offset, name))
            }
        }
        var keyNames: [String: [Int]] = [:]
        for (offset, fact) in facts.enumerated() {
            if let key = fact.mainKey, !KeyWords.isGeneric(key.words) { keyNames[key.words.joined, default: []].append(offset) }
        }
        // A key is found by its name when the name is its own (`customer.customer_id`); when it is the key of
        // the table it names (`person.businessentityid`, the key of businessentity: a person is a business
        // entity); or when it names no table and no other key has it. Not `country_area.area`, which names the
        // table `area` keyed by `id`, nor the `gid` of fifteen redirect tables.
        for (name, offsets) in keyNames {
            for offset in offsets {
                guard let key = facts[offset].mainKey else { continue }
                let named = Self.referencedNames(key.words).flatMap { byTableName[$0] ?? [] }.filter { $0 != offset }
                let sharesNamedKey = named.contains { facts[$0].mainKey?.words.joined == key.words.joined }
                let owned = Self.owns(facts[offset], key.words) || sharesNamedKey
                if owned || (offsets.count == 1 && named.isEmpty) {
                    if !owned { keysNamedForSomethingElse.insert(offset) }
                    byKeyName[name, default: []].append(offset)
                    byKeyInitials[String(key.words.words.compactMap(\.first)), default: []].append((offset, key.words))
                }
            }
        }
        for (offset, fact) in facts.enumerated() {
            if let composite = fact.compositeKey, let first = composite.first {
                compositeByFirstColumn[fact.words(of: first.name).joined, default: []].append(offset)
            }
        }
    }

    static func facts(of table: Table, sharedFirstWord: (String) -> Bool) -> TableFacts {
        let name = IdentifierWords(identifier: table.name)
        var names = [name, name.singular, name.plural]
        // `dim_customer` and `customer_dim` are referenced as `customer_…`.
        var stripped: [IdentifierWords] = []
        if name.count > 1, let first = name.first, KeyWords.tablePrefixes.contains(first) || sharedFirstWord(first) {
            stripped.append(name.dropping(first: 1))
        }
        if name.count > 1, let last = name.last, KeyWords.tableSuffixes.contains(last) {
            stripped.append(name.dropping(last: 1))
        }
        for form in stripped { names += [form, form.singular, form.plural] }
        var seen = Set<IdentifierWords>()
        names = names.filter { !$0.isEmpty && seen.insert($0).inserted }

        let rawWords = table.columns.map { IdentifierWords(identifier: $0.name) }
        let prefix = columnPrefix(of: name, columns: rawWords)
        var facts = TableFacts(table: table, words: name, names: names, columnPrefix: prefix)
        for (column, words) in zip(table.columns, rawWords) {
            facts.columnWords[column.name] = prefix != nil && words.count > 1 && words.first == prefix ? words.dropping(first: 1) : words
        }
        let primary = table.primaryKey?.columns ?? []
        if primary.count == 1, let column = table.column(named: primary[0]) {
            facts.mainKey = ParentKey(table: table.id, columns: [column], strength: .primary, words: facts.words(of: column.name))
        } else if primary.count > 1, primary.count <= 4 {
            let columns = primary.compactMap { table.column(named: $0) }
            if columns.count == primary.count { facts.compositeKey = columns }
        }
        if facts.mainKey == nil, let column = uniqueColumn(of: table) {
            facts.mainKey = ParentKey(table: table.id, columns: [column], strength: .unique, words: facts.words(of: column.name))
        }
        if facts.mainKey == nil, primary.isEmpty, let column = namedIdentifier(of: table, names: names, facts: facts) {
            facts.mainKey = ParentKey(table: table.id, columns: [column], strength: .named, words: facts.words(of: column.name))
        }
        return facts
    }

    /// Whether the column alone is unique in its table: its whole primary key, or a unique index of it alone.
    static func isUnique(_ column: Column, in table: Table) -> Bool {
        if table.primaryKey?.columns.count == 1, column.primaryKeyPosition == 1 { return true }
        if table.constraints.contains(where: { $0.kind == .unique && $0.columns.count == 1 && $0.columns[0].isExactly(column.name) }) { return true }
        return table.indexes.contains { index in
            guard index.isUnique, index.predicate == nil, index.parts.count == 1, case .column(let name) = index.parts[0] else { return false }
            return name.isExactly(column.name)
        }
    }

    /// Whether `words` (a key's name) is the table's name and a key word, `businessentity.businessentityid`.
    static func owns(_ fact: TableFacts, _ words: IdentifierWords) -> Bool {
        let names = Set(fact.names.map(\.joined))
        return referencedNames(words).contains { names.contains($0) }
    }

    /// The table names a column name could be made of: itself, and itself without a key word at the end.
    static func referencedNames(_ words: IdentifierWords) -> [String] {
        var stems = [words.joined]
        if words.count >= 2, let last = words.last, KeyWords.suffixes.contains(last) { stems.append(words.dropping(last: 1).joined) }
        if words.count == 1 {
            for keyWord in KeyWords.suffixes where words.joined.hasSuffix(keyWord) && words.joined.count - keyWord.count >= 3 {
                stems.append(String(words.joined.dropLast(keyWord.count)))
            }
        }
        return stems
    }

    /// The word that leads at least three columns and four in five of them, when it abbreviates the table:
    /// its initials (`ss_` in store_sales, `cd_` in customer_demographics) or the start of its first word
    /// (`i_` in item, `inv_` in inventory). Not `area_` in area_attribute, which two of its five columns lack.
    static func columnPrefix(of tableWords: IdentifierWords, columns: [IdentifierWords]) -> String? {
        guard let firstWord = tableWords.first else { return nil }
        let initials = String(tableWords.words.compactMap(\.first))
        var counts: [String: Int] = [:]
        for words in columns {
            if words.count > 1, let first = words.first, first.count <= 4 { counts[first, default: 0] += 1 }
        }
        guard let (word, count) = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
              count >= 3, count * 5 >= columns.count * 4, !KeyWords.suffixes.contains(word),
              word == initials || firstWord.hasPrefix(word) else { return nil }
        return word
    }

    /// A single-column unique constraint or unique index (not partial), when there is exactly one.
    static func uniqueColumn(of table: Table) -> Column? {
        var names: [String] = table.constraints.filter { $0.kind == .unique && $0.columns.count == 1 }.map { $0.columns[0] }
        for index in table.indexes where index.isUnique && index.predicate == nil && index.parts.count == 1 {
            if case .column(let name) = index.parts[0] { names.append(name) }
        }
        let distinct = Set(names.map(ExactName.init))
        guard distinct.count == 1, let name = names.first else { return nil }
        return table.column(named: name)
    }

    /// In a table with no declared key: a column called `id`, or named after the table with a key word
    /// (`customer_id` in customers), or one the profile found unique and named like a key.
    static func namedIdentifier(of table: Table, names: [IdentifierWords], facts: TableFacts) -> Column? {
        let ownNames = Set(names.map(\.joined))
        let keyLike = table.columns.filter { column in
            guard KeyTypes.canBeKey(column) else { return false }
            let words = facts.words(of: column.name)
            if KeyWords.isGeneric(words) { return true }
            guard let last = words.last, KeyWords.suffixes.contains(last) else { return false }
            return ownNames.contains(words.dropping(last: 1).joined)
        }
        if keyLike.count == 1 { return keyLike[0] }
        // Several: the first, when the profile says its values are unique.
        return keyLike.first { column in
            guard let profile = column.profile, let rows = table.profile?.rowsRead, rows > 0 else { return false }
            return profile.nullFraction == 0 && profile.distinct == rows
        }
    }
}

/// Which columns can hold keys, and which pairs of types can join.
enum KeyTypes {
    /// Numbers without a fractional part, text and UUIDs; never floats, booleans, dates or binary.
    static func canBeKey(_ column: Column) -> Bool {
        switch column.typeFamily {
        case .number:
            let type = (column.domainBaseType ?? column.dataType).lowercased()
            if ["real", "double", "float", "money"].contains(where: { type.containsBytes(of: $0) }) { return false }
            // `numeric(10,2)` holds amounts; `numeric(10,0)` and `numeric` may hold keys.
            if let open = type.firstIndex(of: ","), let close = type.firstIndex(of: ")"), open < close {
                let scale = type[type.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
                return scale == "0"
            }
            return true
        case .text, .unknown:
            return !(column.domainBaseType ?? column.dataType).lowercased().containsBytes(of: "json")
        default:
            return false
        }
    }

    /// How well two key columns' types join: 1 for the same type, less for types that join with a cast
    /// (`smallint` to `integer`, `varchar` to `text`), nil when they cannot hold the same values.
    static func fit(_ child: Column, _ parent: Column) -> Double? {
        guard canBeKey(child), canBeKey(parent) else { return nil }
        let a = normalized(child), b = normalized(parent)
        if a == b { return 1 }
        let familyA = child.typeFamily, familyB = parent.typeFamily
        if familyA == .unknown || familyB == .unknown { return 0.9 }
        guard familyA == familyB else { return nil }
        // A uuid never holds the values of an integer key; text of either does.
        if a.contains("uuid") != b.contains("uuid"), familyA == .text, !(a.hasPrefix("text") || b.hasPrefix("text")) { return nil }
        return 0.95
    }

    /// The type without lengths and with the database's synonyms made one: `int4`, `integer` and `int` agree.
    static func normalized(_ column: Column) -> String {
        var type = (column.domainBaseType ?? column.dataType).lowercased()
        if let paren = type.firstIndex(of: "(") { type = String(type[..<paren]) }
        type = type.trimmingCharacters(in: .whitespaces)
        let synonyms = ["int4": "integer", "int": "integer", "serial": "integer", "serial4": "integer",
                        "int8": "bigint", "bigserial": "bigint", "serial8": "bigint", "int2": "smallint",
                        "character varying": "varchar", "nvarchar": "varchar", "varchar2": "varchar",
                        "character": "char", "nchar": "char", "bpchar": "char"]
        return synonyms[type] ?? type
    }
}

private extension String {
    /// Whether `needle`'s UTF-8 bytes occur in this string's: what `utf8.firstRange(of:)` answers, without
    /// the generic searcher behind it, which took most of the relationships stage (it runs for every column).
    func containsBytes(of needle: String) -> Bool {
        var haystack = self, needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { part in
                guard !part.isEmpty else { return true }
                guard part.count <= text.count else { return false }
                for start in 0...(text.count - part.count) {
                    var matched = 0
                    while matched < part.count, text[start + matched] == part[matched] { matched += 1 }
                    if matched == part.count { return true }
                }
                return false
            }
        }
    }
}
