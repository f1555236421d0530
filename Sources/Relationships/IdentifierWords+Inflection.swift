import Catalog

/// Plurals and edits of identifier words, for reading references out of names.
extension IdentifierWords {
    /// The last word made singular: `order_lines` → `order_line`, `categories` → `category`.
    var singular: IdentifierWords {
        guard let last else { return self }
        return IdentifierWords(words.dropLast() + [Self.singular(last)])
    }

    /// The last word made plural, for columns that name a table in the plural (`customers_id`).
    var plural: IdentifierWords {
        guard let last else { return self }
        return IdentifierWords(words.dropLast() + [Self.plural(last)])
    }

    func dropping(first count: Int) -> IdentifierWords { IdentifierWords(Array(words.dropFirst(count))) }
    func dropping(last count: Int) -> IdentifierWords { IdentifierWords(Array(words.dropLast(count))) }
    func appending(_ other: IdentifierWords) -> IdentifierWords { IdentifierWords(words + other.words) }

    /// English plurals as table names use them; a word this does not know is left as it is.
    static func singular(_ word: String) -> String {
        if let irregular = irregularSingulars[word] { return irregular }
        guard word.count > 3 else { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        // statuses → status, buses → bus: the plural of a word that ends in s.
        if word.hasSuffix("ses") {
            let stem = word.dropLast(2)
            if stem.hasSuffix("us") || stem.hasSuffix("ss") || stem.hasSuffix("is") { return String(stem) }
        }
        if word.hasSuffix("sses") || word.hasSuffix("shes") || word.hasSuffix("ches") || word.hasSuffix("xes") || word.hasSuffix("zes") {
            return String(word.dropLast(2))
        }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        if word.hasSuffix("s") { return String(word.dropLast()) }
        return word
    }

    static func plural(_ word: String) -> String {
        if let irregular = irregularPlurals[word] { return irregular }
        if word.hasSuffix("y"), let before = word.dropLast().last, !"aeiou".contains(before) { return String(word.dropLast()) + "ies" }
        if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("ch") || word.hasSuffix("sh") { return word + "es" }
        return word + "s"
    }

    static let irregularSingulars = ["people": "person", "children": "child", "men": "man", "women": "woman",
                                     "data": "data", "status": "status", "series": "series", "news": "news",
                                     "addresses": "address", "analyses": "analysis", "indices": "index"]
    static let irregularPlurals = Dictionary(irregularSingulars.filter { $0.key != $0.value }.map { ($0.value, $0.key) },
                                             uniquingKeysWith: { first, _ in first })
}

/// Words that end a column name to say it holds a key: `_id`, `_key`, `_sk` (surrogate key), `_no`, `_code`…
enum KeyWords {
    static let suffixes: Set<String> = ["id", "key", "sk", "no", "nr", "nbr", "num", "number", "code", "cd", "ref",
                                        "fk", "pk", "uuid", "guid", "oid", "identifier"]
    /// The same, longest first, for reading them off the end of a name written without boundaries.
    static let longestFirst = suffixes.sorted { ($0.count, $1) > ($1.count, $0) }
    /// Words that lead a column name to say the same: `fk_customer`, `id_customer`.
    static let prefixes: Set<String> = ["fk", "id", "ref"]

    /// Whether a key's name says nothing of its table (`id`, `key`, `code`), so that references to it are
    /// named after the table instead.
    static func isGeneric(_ words: IdentifierWords) -> Bool {
        words.isEmpty || (words.count == 1 && suffixes.contains(words.words[0])) || words.words == ["row", "id"]
    }

    /// Words that lead or end table names to say what kind of table it is, not what it holds:
    /// `dim_customer`, `fact_sales`, `tbl_orders`, `date_dim`.
    static let tablePrefixes: Set<String> = ["dim", "fact", "fct", "tbl", "tb", "t", "lkp", "lk", "lu", "ref", "d", "f",
                                             "stg", "src", "raw", "hub", "sat", "dw", "rpt", "mst", "m"]
    static let tableSuffixes: Set<String> = ["dim", "fact", "tbl", "table", "lookup", "lkp", "lu", "master", "mst", "ref", "d", "f"]
}

/// Abbreviations as people write them in column names: `cust` for customer, `emp` for employee, `dept` for
/// department, `addr` for address. An abbreviation keeps the first letter and some later ones in order.
enum Abbreviation {
    static func abbreviates(_ short: String, _ long: String) -> Bool {
        guard short.count >= 3, short.count < long.count, short.first == long.first else { return false }
        // No more than three quarters of the word: `custome` is a typo, not an abbreviation.
        guard short.count * 4 <= long.count * 3 + 1 else { return false }
        var remaining = long.makeIterator()
        for character in short {
            var found = false
            while let next = remaining.next() {
                if next == character { found = true; break }
            }
            if !found { return false }
        }
        return true
    }
}
