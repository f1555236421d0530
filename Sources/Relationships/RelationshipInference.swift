import Catalog

/// A relationship the names suggest, before data is checked: which column points at which key, how sure
/// the names make it, and why.
struct Candidate: Sendable {
    var child: TableID
    var columns: [Column]
    var parent: ParentKey
    /// Between 0 and 1.
    var confidence: Double
    var evidence: [String]
    /// Which convention found it, for tie-breaks between two that point at different tables.
    var convention: Convention
}

/// The naming conventions the inference knows, each a way people name a column that holds another
/// table's key. Their scores are how often such a name is a real reference in the schemas measured
/// (bench/relationships): a column named like the key itself rarely lies; a bare table name sometimes does.
enum Convention: String, Sendable {
    /// `customer_id` and `customers.customer_id`; `billtoaddressid` and `address.addressid` (with a role).
    case keyName = "named like the key"
    /// `customer_id`, `CustomerKey`, `fk_customer` → customers.id.
    case tableName = "named after the table"
    /// `artist` → artist.id.
    case bareTableName = "the table's name"
    /// `orders.status_id` → order_status; `artist.type` → artist_type.
    case qualifiedByOwnTable = "qualified by its own table's name"
    /// `parent_id` → its own table.
    case selfReference = "a reference to its own table"
    /// `created_by` → users.
    case personRole = "a person's role"
    /// `l_artist_recording.entity0` → artist, `entity1` → recording.
    case linkTable = "named by the link table"
    /// `employee.person_id` as its primary key → person: one row extends another.
    case sharedKey = "a shared primary key"
    /// `cust_id` → customer, `dept_no` → department.
    case abbreviation = "an abbreviation of the table"
    /// `release_redirect.new_id` → release.
    case ownerPrefix = "its table's leading name"
    /// `editor_collection_area.collection` → editor_collection.
    case partOfTableName = "the end of a table name its table starts with"
    /// Every column of a composite primary key, by name.
    case compositeKey = "every column of a composite key"

    var score: Double {
        switch self {
        case .keyName, .tableName: 0.9
        case .compositeKey: 0.85
        case .selfReference: 0.8
        case .linkTable, .qualifiedByOwnTable, .sharedKey: 0.75
        case .bareTableName, .partOfTableName: 0.7
        case .abbreviation: 0.7
        case .personRole: 0.65
        case .ownerPrefix: 0.62
        }
    }
}

/// Finds the candidates of every table against an index of every key: a few dictionary lookups per
/// column, so 5,000 tables take well under a second.
struct RelationshipInference: Sendable {
    let index: KeyIndex
    /// Column names that name a person's role, and the tables people are kept in.
    static let personRoles: Set<String> = ["owner", "author", "creator", "editor", "assignee", "reporter", "reviewer",
                                           "approver", "requester", "manager", "supervisor", "user", "boss", "agent",
                                           "candidate", "proposer", "seconder", "voter", "recipient", "sender", "assigner", "rep",
                                           "representative"]
    static let personTables: [String] = ["user", "users", "employee", "employees", "person", "people", "persons", "staff",
                                         "member", "members", "editor", "editors", "emp"]
    /// Words that say which row of the table a name is about a key means: `new_id`, `target_id`.
    static let modifiers: Set<String> = ["new", "old", "original", "previous", "prev", "next", "current", "target", "source",
                                         "other", "alt", "alternate", "merged", "redirect", "primary", "secondary", "main",
                                         "default", "latest", "first", "last"]
    /// Words that make a column point at a row of its own table.
    static let selfWords: Set<String> = ["parent", "child", "descendant", "super", "superior", "predecessor", "previous", "prev", "next",
                                         "successor", "root", "ancestor", "original", "replaced", "merged", "duplicate"]

    init(_ index: KeyIndex) {
        self.index = index
    }

    /// The best candidate for each column of `fact` that may hold a key, composite keys first.
    func candidates(of fact: TableFacts, skipping taken: Set<ExactName>) -> [Candidate] {
        var found: [Candidate] = []
        var covered = taken
        for composite in compositeCandidates(of: fact) where composite.columns.allSatisfy({ !covered.contains(ExactName($0.name)) }) {
            found.append(composite)
            covered.formUnion(composite.columns.map { ExactName($0.name) })
        }
        let entityColumns = linkTableCandidates(of: fact)
        for column in fact.table.columns where !covered.contains(ExactName(column.name)) {
            guard KeyTypes.canBeKey(column), !Self.isGenerated(column) else { continue }
            var options = entityColumns[ExactName(column.name)] ?? []
            options += candidates(for: column, in: fact)
            if let best = choose(options) { found.append(best) }
        }
        return found
    }

    /// A column the database fills from a sequence is the row's own identity, never a reference.
    static func isGenerated(_ column: Column) -> Bool {
        if column.identity != nil { return true }
        let value = column.defaultValue?.lowercased() ?? ""
        return value.contains("nextval(") || value.contains("autoincrement") || value.contains("newid(")
            || value.contains("gen_random_uuid") || value.contains("uuid_generate")
    }

    // MARK: One column

    func candidates(for column: Column, in fact: TableFacts) -> [Candidate] {
        let table = fact.table
        let isOwnKey = (table.primaryKey?.columns.count == 1) && column.primaryKeyPosition == 1
        var words = fact.words(of: column.name)
        guard !words.isEmpty else { return [] }
        if isOwnKey { return sharedKeyCandidates(column, words: words, in: fact) }
        // tag1 and tag2, seconder_1: a number at the end tells apart columns that point at the same table.
        if words.count > 1, let last = words.last, Int(last) != nil { words = words.dropping(last: 1) }
        var found: [Candidate] = []
        func add(_ candidate: Candidate?) { if let candidate { found.append(candidate) } }
        let joined = words.joined

        // Every way to read the name as a role followed by a reference: at word boundaries, and inside a
        // name written without any (`billtoaddressid`).
        var starts: [(offset: Int, role: String, suffix: IdentifierWords?)] = []
        var offset = 0
        for position in 0..<words.count {
            starts.append((offset, words.words[..<position].joined(separator: "_"), words.dropping(first: position)))
            offset += words.words[position].count
        }
        if words.count == 1, joined.count > 5 {
            for inner in 1..<(joined.count - 3) {
                starts.append((inner, String(joined.prefix(inner)), nil))
            }
        }
        for start in starts {
            let suffix = String(joined.dropFirst(start.offset))
            let role = start.role
            let roleFactor = role.isEmpty ? 1 : 0.9
            let roleWords = role.isEmpty ? "" : " with the role `\(role)`"
            // A table's whole name: artist → artist.id, begin_area → area.id.
            // `no_votes` counts votes: a plural never names the one row it points at.
            let isPlural = IdentifierWords.singular(words.last ?? "") != words.last
            for target in index.byTableName[suffix] ?? [] where target != index.position[table.id] && !isPlural {
                guard let key = index.facts[target].mainKey, KeyWords.isGeneric(key.words) || key.strength == .primary else { continue }
                add(candidate(column, table, key, .bareTableName, roleFactor,
                              "`\(column.name)` is the name of the table `\(index.facts[target].table.name)`\(roleWords)"))
            }
            // The key's own name: customerid, address_id.
            for target in index.byKeyName[suffix] ?? [] {
                guard let key = index.facts[target].mainKey else { continue }
                if target == index.position[table.id], role.isEmpty { continue }
                // A key named for something other than its table (`image_type.mime_type`) is weaker evidence, and
                // a unique column of that name is its own table's identity (`artist.gid`), not a reference.
                let owned = !index.keysNamedForSomethingElse.contains(target)
                if !owned, KeyIndex.isUnique(column, in: table) { continue }
                add(candidate(column, table, key, .keyName, roleFactor * (owned ? 1 : 0.8),
                              "`\(column.name)` is named like the key `\(Self.name(key))`\(roleWords)"))
            }
            // The table's name and a key word: customer_id, CustomerKey, customerid.
            for (stem, keyWord) in Self.splitKeyWord(suffix, words: start.suffix) {
                for target in index.byTableName[stem] ?? [] {
                    guard let key = index.facts[target].mainKey else { continue }
                    if target == index.position[table.id], role.isEmpty { continue }
                    add(candidate(column, table, key, .tableName, roleFactor,
                                           "`\(column.name)` is the table name `\(index.facts[target].table.name)` and `\(keyWord)`\(roleWords)"))
                }
                // cust_id → customer.
                if found.isEmpty, let suffixWords = start.suffix, suffixWords.count >= 2 {
                    for target in abbreviated(suffixWords.dropping(last: 1), near: table.id) {
                        guard let key = index.facts[target].mainKey, target != index.position[table.id] else { continue }
                        add(candidate(column, table, key, .abbreviation, roleFactor,
                                               "`\(suffixWords.dropping(last: 1))` abbreviates the table name `\(index.facts[target].table.name)`\(roleWords)"))
                    }
                }
            }
            // addr_sk → ca_address_sk: the key's own name, abbreviated.
            if found.isEmpty, let suffixWords = start.suffix, suffixWords.count >= 2 {
                for target in abbreviatedKey(suffixWords, near: table.id) where target != index.position[table.id] {
                    guard let key = index.facts[target].mainKey else { continue }
                    add(candidate(column, table, key, .abbreviation, roleFactor,
                                  "`\(suffixWords)` abbreviates the key `\(Self.name(key))`\(roleWords)"))
                }
            }
            if !found.isEmpty { break }
        }
        // fk_customer, id_customer.
        if found.isEmpty, words.count >= 2, let first = words.first, KeyWords.prefixes.contains(first) {
            for target in index.byTableName[words.dropping(first: 1).joined] ?? [] {
                guard let key = index.facts[target].mainKey, target != index.position[table.id] else { continue }
                add(candidate(column, table, key, .tableName, 1,
                                       "`\(column.name)` is `\(first)` and the table name `\(index.facts[target].table.name)`"))
            }
        }
        let stem = KeyWords.suffixes.contains(words.last ?? "") && words.count > 1 ? words.dropping(last: 1) : words
        // orders.status_id → order_status, artist.type → artist_type.
        if found.isEmpty, let own = index.position[table.id] {
            for name in index.facts[own].names.prefix(2) {
                for target in index.byFullName[name.joined + stem.joined] ?? [] where target != own {
                    guard let key = index.facts[target].mainKey else { continue }
                    add(candidate(column, table, key, .qualifiedByOwnTable, 1,
                                           "`\(name)_\(stem)` is the table `\(index.facts[target].table.name)`"))
                }
                if !found.isEmpty { break }
            }
        }
        // parent_id → its own table; in a table of pairs with no key of its own (area_containment's parent
        // and descendant), the table it is about.
        if found.isEmpty, let first = stem.first, Self.selfWords.contains(first), let own = index.position[table.id],
           stem.count == 1 || index.facts[own].names.contains(stem.dropping(first: 1)) {
            if let key = index.facts[own].mainKey {
                if !key.columns.contains(where: { $0.name.isExactly(column.name) }) {
                    add(candidate(column, table, key, .selfReference, 1, "`\(column.name)` names a row of its own table"))
                }
            } else if let target = ownerTable(of: table, besides: own), let key = index.facts[target].mainKey {
                add(candidate(column, table, key, .selfReference, 0.9,
                              "`\(column.name)` names a row of `\(index.facts[target].table.name)`, which `\(table.name)` is about"))
            }
        }
        // created_by, owner → users, employees.
        if found.isEmpty, Self.isPersonRole(stem) {
            for target in personTables(near: table.id) {
                guard let key = index.facts[target].mainKey else { continue }
                add(candidate(column, table, key, .personRole, 1,
                                       "`\(column.name)` names a person's role, and `\(index.facts[target].table.name)` holds people"))
            }
        }
        // editor_collection_area.collection → editor_collection: the column is the end of the name of the
        // table its own table's name starts with.
        if found.isEmpty, let own = index.position[table.id], let target = ownerTable(of: table, besides: own),
           let key = index.facts[target].mainKey, index.facts[target].words.count > stem.count,
           index.facts[target].words.words.suffix(stem.count) == stem.words[...] {
            add(candidate(column, table, key, .partOfTableName, 1,
                          "`\(table.name)` starts with `\(index.facts[target].table.name)`, whose name ends with `\(stem)`"))
        }
        // release_redirect.new_id → release: a key word after a word that says which of the rows it means.
        if found.isEmpty, words.count == 2, KeyWords.suffixes.contains(words.last ?? ""), Self.modifiers.contains(words.words[0]),
           let own = index.position[table.id],
           let target = ownerTable(of: table, besides: own), let key = index.facts[target].mainKey {
            add(candidate(column, table, key, .ownerPrefix, 1,
                          "`\(table.name)` starts with the table name `\(index.facts[target].table.name)`"))
        }
        return found
    }

    /// The table another table's name starts with, longest first: `area_gid_redirect` → area.
    func ownerTable(of table: Table, besides own: Int) -> Int? {
        let tableWords = index.facts[own].words
        for length in stride(from: tableWords.count - 1, through: 1, by: -1) {
            let prefix = IdentifierWords(Array(tableWords.words.prefix(length)))
            let targets = (index.byTableName[prefix.joined] ?? []).filter { $0 != own && index.facts[$0].mainKey != nil }
            if let target = nearest(targets, to: table.id) { return target }
        }
        return nil
    }

    /// A column that is its table's whole primary key points at another table only when that table has a key
    /// of the same name (`person.businessentityid` → businessentity), or when its table's name extends the
    /// other's (`artist_meta.id` → artist.id): one row adds to another.
    func sharedKeyCandidates(_ column: Column, words: IdentifierWords, in fact: TableFacts) -> [Candidate] {
        guard !Self.isGenerated(column), let own = index.position[fact.table.id] else { return [] }
        var found: [Candidate] = []
        func add(_ candidate: Candidate?) { if let candidate { found.append(candidate) } }
        if !KeyWords.isGeneric(words) {
            for target in index.byKeyName[words.joined] ?? [] where target != own {
                guard let key = index.facts[target].mainKey, key.strength == .primary else { continue }
                add(candidate(column, fact.table, key, .sharedKey, 1,
                                       "`\(column.name)` is the primary key of both, so each row extends one of `\(index.facts[target].table.name)`"))
            }
            // country_area.area → area.id: the key is named after the table it extends.
            if found.isEmpty {
                for stem in KeyIndex.referencedNames(words) {
                    for target in index.byTableName[stem] ?? [] where target != own {
                        guard let key = index.facts[target].mainKey, key.strength == .primary else { continue }
                        add(candidate(column, fact.table, key, .sharedKey, 1,
                                      "`\(fact.table.name)`'s primary key `\(column.name)` is named after `\(index.facts[target].table.name)`: each row extends one of it"))
                    }
                    if !found.isEmpty { break }
                }
            }
            return found
        }
        let tableWords = fact.words
        guard tableWords.count > 1 else { return [] }
        for length in stride(from: tableWords.count - 1, through: 1, by: -1) {
            let prefix = IdentifierWords(Array(tableWords.words.prefix(length)))
            for target in index.byTableName[prefix.joined] ?? [] where target != own {
                let parent = index.facts[target]
                guard let key = parent.mainKey, KeyWords.isGeneric(key.words), key.strength == .primary,
                      parent.words == prefix else { continue }
                // `artist_alias` has a column `artist` of its own: its id is its own.
                let namesParent = fact.table.columns.contains { fact.words(of: $0.name).joined == prefix.joined || fact.words(of: $0.name).joined == prefix.joined + "id" }
                guard !namesParent else { continue }
                add(candidate(column, fact.table, key, .sharedKey, 0.95,
                                       "`\(fact.table.name)` extends `\(parent.table.name)` and shares its key `\(column.name)`"))
            }
            if !found.isEmpty { break }
        }
        return found
    }

    // MARK: Link tables and composite keys

    /// `l_artist_recording` with `entity0` and `entity1`: numbered columns of one stem, and a table name made
    /// of as many table names, in the same order.
    func linkTableCandidates(of fact: TableFacts) -> [ExactName: [Candidate]] {
        var byStem: [String: [(Int, Column)]] = [:]
        for column in fact.table.columns {
            let words = fact.words(of: column.name)
            guard words.count >= 2, let last = words.last, let number = Int(last) else { continue }
            byStem[words.dropping(last: 1).joined, default: []].append((number, column))
        }
        var result: [ExactName: [Candidate]] = [:]
        let tableWords = fact.words
        for (_, numbered) in byStem where numbered.count >= 2 {
            let ordered = numbered.sorted { $0.0 < $1.0 }
            guard let parts = segment(tableWords, into: ordered.count, near: fact.table.id) else { continue }
            for ((_, column), target) in zip(ordered, parts) {
                guard let key = index.facts[target].mainKey,
                      let found = candidate(column, fact.table, key, .linkTable, 1,
                                            "`\(fact.table.name)` links `\(Self.joinedNames(parts.map { index.facts[$0].table.name }))`, and `\(column.name)` is in the place of `\(index.facts[target].table.name)`")
                else { continue }
                result[ExactName(column.name), default: []].append(found)
            }
        }
        return result
    }

    /// Splits a table's words (after any leading kind words) into `count` table names, in order.
    func segment(_ words: IdentifierWords, into count: Int, near id: TableID) -> [Int]? {
        for skip in 0..<min(2, words.count) {
            let rest = Array(words.words.dropFirst(skip))
            if let parts = split(rest[...], into: count, near: id) { return parts }
        }
        return nil
    }

    private func split(_ words: ArraySlice<String>, into count: Int, near id: TableID) -> [Int]? {
        if count == 0 { return words.isEmpty ? [] : nil }
        guard words.count >= count else { return nil }
        // Longest first: `release_group_release_group` is two release_groups, not release and group….
        for length in stride(from: words.count - count + 1, through: 1, by: -1) {
            let name = words.prefix(length).joined()
            guard let target = nearest(index.byTableName[name] ?? [], to: id), index.facts[target].mainKey != nil else { continue }
            if let rest = split(words.dropFirst(length), into: count - 1, near: id) { return [target] + rest }
        }
        return nil
    }

    /// A child table holding every column of another table's composite primary key, by name.
    func compositeCandidates(of fact: TableFacts) -> [Candidate] {
        var found: [Candidate] = []
        let names = Dictionary(fact.table.columns.map { (fact.words(of: $0.name).joined, $0) }, uniquingKeysWith: { first, _ in first })
        for column in fact.table.columns {
            for target in index.compositeByFirstColumn[fact.words(of: column.name).joined] ?? [] where target != index.position[fact.table.id] {
                let parent = index.facts[target]
                guard let key = parent.compositeKey, !key.contains(where: { KeyWords.isGeneric(parent.words(of: $0.name)) }) else { continue }
                // A key with a column named after a table (`artist_credit_name (artist_credit, position)`) is
                // that table's detail; another table with the same columns points at the table the column names,
                // and names alone cannot tell it from one that points at the detail.
                let holdsReference = key.contains { column in
                    KeyIndex.referencedNames(parent.words(of: column.name)).contains { (index.byTableName[$0] ?? []).contains { $0 != target } }
                }
                if holdsReference { continue }
                let children = key.compactMap { names[parent.words(of: $0.name).joined] }
                guard children.count == key.count, Set(children.map { ExactName($0.name) }).count == key.count else { continue }
                // Not the same key in the other direction: a table whose primary key is exactly these columns is its twin.
                if fact.table.primaryKey?.columns.count == key.count,
                   Set(fact.table.primaryKey?.columns.map(ExactName.init) ?? []) == Set(children.map { ExactName($0.name) }) { continue }
                let fits = zip(children, key).map { KeyTypes.fit($0, $1) }
                guard fits.allSatisfy({ $0 != nil }) else { continue }
                let typeFactor = fits.compactMap { $0 }.min() ?? 1
                let parentKey = ParentKey(table: parent.table.id, columns: key, strength: .primary, words: IdentifierWords([]))
                found.append(Candidate(child: fact.table.id, columns: children, parent: parentKey,
                                       confidence: Convention.compositeKey.score * typeFactor * schemaFactor(fact.table.id, parent.table.id),
                                       evidence: ["the columns \(Self.joinedNames(children.map(\.name))) are named like `\(parent.table.name)`'s whole primary key"],
                                       convention: .compositeKey))
            }
        }
        return found
    }

    // MARK: Weighing

    /// One candidate scored: the convention's score, the role, the types' fit, how strong the key is and
    /// whether it is in another schema; nil when the types cannot join.
    func candidate(_ column: Column, _ table: Table, _ key: ParentKey, _ convention: Convention, _ factor: Double,
                   _ reason: String) -> Candidate? {
        guard let keyColumn = key.columns.first, let fit = KeyTypes.fit(column, keyColumn) else { return nil }
        var evidence = [reason]
        evidence.append(fit == 1 ? "both are \(keyColumn.dataType)" : "\(column.dataType) joins \(keyColumn.dataType)")
        evidence.append("`\(keyColumn.name)` is \(key.strength.words)")
        let schema = schemaFactor(table.id, key.table)
        if schema < 1 { evidence.append("in another schema (`\(key.table.schema)`)") }
        return Candidate(child: table.id, columns: [column], parent: key,
                         confidence: convention.score * factor * fit * key.strength.factor * schema,
                         evidence: evidence, convention: convention)
    }

    func schemaFactor(_ a: TableID, _ b: TableID) -> Double {
        a.source.isExactly(b.source) && a.schema.isExactly(b.schema) ? 1 : 0.95
    }

    /// The best of a column's candidates. Several tables tied for it (`businessentityid` is five tables'
    /// key) cost confidence; among them, the one the name belongs to (`businessentity`) is chosen.
    func choose(_ options: [Candidate]) -> Candidate? {
        guard var best = options.max(by: { precedes($1, $0) == false && precedes($0, $1) }) else { return nil }
        let rivals = Set(options.filter { abs($0.confidence - best.confidence) < 0.001 && $0.parent.table != best.parent.table }.map(\.parent.table))
        if !rivals.isEmpty {
            best.confidence *= 0.85
            best.evidence.append("\(rivals.count) other table\(rivals.count == 1 ? "" : "s") fit as well; this one "
                + (ownsName(best) ? "is named like the key" : "is nearest"))
        }
        return best
    }

    /// Whether `a` ranks below `b`: lower confidence, then another schema, then not named like the key, then name order.
    private func precedes(_ a: Candidate, _ b: Candidate) -> Bool {
        if abs(a.confidence - b.confidence) >= 0.001 { return a.confidence < b.confidence }
        let sameA = schemaFactor(a.child, a.parent.table) == 1, sameB = schemaFactor(b.child, b.parent.table) == 1
        if sameA != sameB { return !sameA }
        let ownsA = ownsName(a), ownsB = ownsName(b)
        if ownsA != ownsB { return !ownsA }
        return b.parent.table < a.parent.table
    }

    /// Whether the key's name is its table's name and a key word (`businessentity.businessentityid`).
    private func ownsName(_ candidate: Candidate) -> Bool {
        guard let position = index.position[candidate.parent.table] else { return false }
        return KeyIndex.owns(index.facts[position], candidate.parent.words)
    }

    // MARK: Lookups

    /// The ways to read `suffix` as a name followed by a key word: `customer` + `id`.
    static func splitKeyWord(_ suffix: String, words: IdentifierWords?) -> [(stem: String, keyWord: String)] {
        if let words, words.count >= 2, let last = words.last, KeyWords.suffixes.contains(last) {
            return [(words.dropping(last: 1).joined, last)]
        }
        guard words == nil || words?.count == 1 else { return [] }
        return KeyWords.longestFirst.compactMap { keyWord in
            guard suffix.hasSuffix(keyWord), suffix.count - keyWord.count >= 3 else { return nil }
            return (String(suffix.dropLast(keyWord.count)), keyWord)
        }
    }

    /// Tables whose name `stem` abbreviates word by word (`cust` → customer, `emp dept` → employee_department),
    /// when exactly one table in the schema (or, failing that, anywhere) fits.
    func abbreviated(_ stem: IdentifierWords, near id: TableID) -> [Int] {
        onlyFit(of: stem, among: index.byInitials, near: id)
    }

    /// Tables whose key name `words` abbreviates word by word (`addr_sk` → `address_sk`), when one fits.
    func abbreviatedKey(_ words: IdentifierWords, near id: TableID) -> [Int] {
        onlyFit(of: words, among: index.byKeyInitials, near: id)
    }

    /// The one table of `names` (by initials: an abbreviation keeps each word's first letter) whose name
    /// `words` abbreviates, nearest first; none when several fit equally near.
    private func onlyFit(of words: IdentifierWords, among names: [String: [(table: Int, name: IdentifierWords)]], near id: TableID) -> [Int] {
        var fits = Set<Int>()
        for (target, name) in names[String(words.words.compactMap(\.first))] ?? [] where name.count == words.count {
            let pairs = zip(words.words, name.words)
            if pairs.allSatisfy({ $0 == $1 || Abbreviation.abbreviates($0, $1) }), pairs.contains(where: { $0 != $1 }) {
                fits.insert(target)
            }
        }
        let near = fits.filter { schemaFactor(index.facts[$0].table.id, id) == 1 }
        if near.count == 1 { return Array(near) }
        return near.isEmpty && fits.count == 1 ? Array(fits) : []
    }

    /// The table that holds people, nearest first: the same schema if it has one, else any; of several, the
    /// first in `personTables`' order (`created_by` means a user where there are users and employees).
    func personTables(near id: TableID) -> [Int] {
        let all = Self.personTables.flatMap { index.byTableName[$0] ?? [] }
        let near = all.filter { schemaFactor(index.facts[$0].table.id, id) == 1 }
        return (near.isEmpty ? all : near).prefix(1).map { $0 }
    }

    static func isPersonRole(_ words: IdentifierWords) -> Bool {
        // seconder_1, seconder_2.
        let words = words.count > 1 && Int(words.last ?? "") != nil ? words.dropping(last: 1) : words
        guard let last = words.last else { return false }
        if words.count >= 2, last == "by" { return true }
        if words.count >= 2, last == "to", words.words.dropLast().last == "assigned" || words.words.dropLast().last == "reports" { return true }
        return words.count <= 2 && personRoles.contains(last)
    }

    /// The same-schema table among `targets`, else the only one.
    func nearest(_ targets: [Int], to id: TableID) -> Int? {
        if let near = targets.first(where: { schemaFactor(index.facts[$0].table.id, id) == 1 }) { return near }
        return targets.count == 1 ? targets[0] : nil
    }

    static func name(_ key: ParentKey) -> String {
        "\(key.table.name).\(key.columns.map(\.name).joined(separator: "+"))"
    }

    static func joinedNames(_ names: [String]) -> String {
        names.joined(separator: "`, `")
    }
}
