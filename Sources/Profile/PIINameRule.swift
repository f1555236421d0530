import Catalog

/// One kind of PII and the column names that give it away.
struct PIINameRule: Sendable {
    var kind: PIIFinding.Kind
    var confidence: Double
    /// Whole names (words joined by `_`, lower-case, accents removed): `fecha_nac`, `date_of_birth`. A name of
    /// several words also matches when its words appear in a row inside a longer name (`cliente_fecha_nac`,
    /// `fecha_nac_cliente`).
    var names: Set<String>
    /// Single words that give it away wherever they stand: `surname`, `geburtsdatum`.
    var words: Set<String>
    /// Types it can be: a `last_login` timestamp is not a username.
    var kinds: Set<DataTypeFamily>
    /// Only in tables that hold people (`name` is a person's name in `customers`, not in `products`).
    var peopleTablesOnly: Bool
    /// The names of several words, split: matched as runs of tokens.
    let phrases: [[String]]
    /// The names of several words run together (`nationalidnumber`, `addressline1`), as written in schemas
    /// that do not separate words.
    let compact: Set<String>
    /// The run-together names of eight letters or more, as bytes: a longer name may end with one
    /// (`EmployeeNationalIDNumber`). Compared byte by byte, since this runs for every column of every table.
    let compactEndings: [[UInt8]]
    /// Names in Japanese script, matched as the end of a word: `顧客氏名` ends with `氏名`. A name of one kanji
    /// (`名`) matches only whole: `商品名` is a product's name.
    let scriptSuffixes: [String]

    init(kind: PIIFinding.Kind, confidence: Double, names: Set<String>, words: Set<String> = [], kinds: Set<DataTypeFamily> = [.text],
         peopleTablesOnly: Bool = false) {
        self.kind = kind
        self.confidence = confidence
        self.names = names
        self.words = words
        self.kinds = kinds
        self.peopleTablesOnly = peopleTablesOnly
        let joined = names.filter { $0.utf8.contains(UInt8(ascii: "_")) }
        phrases = joined.map { $0.split(separator: "_").map(String.init) }
        compact = Set(joined.map { $0.split(separator: "_").joined() })
        compactEndings = compact.filter { $0.utf8.count >= 8 }.sorted().map { Array($0.utf8) }
        scriptSuffixes = names.filter { $0.unicodeScalars.contains { $0.value >= 0x3040 } && $0.unicodeScalars.count >= 2 }.sorted()
    }

    func accepts(_ kind: DataTypeFamily) -> Bool { kinds.contains(kind) || kind == .unknown }

    /// The rule's finding when the column's name matches it.
    func match(_ name: PIIColumnName, table: Table) -> PIINameMatch? {
        var hit = names.contains(name.joined) || compact.contains(name.compact) || name.tokens.contains(where: words.contains)
            || (name.tokens.count >= 2 && phrases.contains(where: name.containsRun))
            || compactEndings.contains(where: name.compactEnds)
        if !hit, name.hasScript {
            hit = name.tokens.contains { token in scriptSuffixes.contains { token.hasSuffix($0) } }
        }
        guard hit else { return nil }
        if peopleTablesOnly, !PIIClassifier.holdsPeople(table) { return nil }
        return PIINameMatch(kind: kind, confidence: confidence)
    }
}

/// A name rule's verdict on one column.
struct PIINameMatch: Sendable {
    var kind: PIIFinding.Kind
    var confidence: Double
}
