/// People's names by their value. No validator can prove a text is a name, so the evidence is of two kinds:
/// the value is written like a name (one to four capitalised words of letters, particles such as `van` or
/// `de` between them, `Surname, Given` or `SURNAME Given` order, a title in front), and one of its words
/// is a common given name or surname ("listed"). Japanese names are a common surname in kanji followed by
/// a short given name.
///
/// Look-alikes: company names carry a legal form (`GmbH`, `S.A.`, `s.r.l.`, `株式会社`) and are rejected,
/// product names rarely contain a listed word, and cities are few and repeated, which the classifier
/// checks on the column as a whole.
enum PersonNameCheck {
    enum Verdict: Equatable {
        case notAName
        /// Written like a name, with no word in the lists.
        case nameShaped
        /// Written like a name, with a common given name or surname.
        case listed
        /// Written like a company: a legal form or a conjunction between names.
        case company
    }

    static let titles: Set<String> = ["mr", "mrs", "ms", "miss", "dr", "prof", "sr", "sra", "srta", "herr", "frau", "m", "mme", "mlle",
                                      "sig", "sig.ra", "dott", "don", "dona", "dna", "dhr", "mevr", "ing", "mag", "ir"]
    static let particles: Set<String> = ["van", "von", "de", "der", "den", "del", "della", "di", "da", "das", "do", "dos", "du", "la", "le",
                                         "ten", "ter", "zu", "y", "e", "bin", "al", "el", "st", "d'", "mc", "vanden", "vander"]
    /// Legal forms and words of companies in the languages the classifier knows.
    static let companyWords: Set<String> = [
        "gmbh", "ag", "kg", "kgaa", "ohg", "ug", "se", "sa", "s.a", "s.a.", "sl", "s.l", "s.l.", "sarl", "s.a.r.l.", "sas", "s.a.s", "s.a.s.",
        "eurl", "bv", "b.v", "b.v.", "nv", "n.v", "n.v.", "vof", "ltd", "ltd.", "limited", "llc", "inc", "inc.", "corp", "corp.",
        "corporation", "co", "co.", "plc", "lp", "llp", "srl", "s.r.l", "s.r.l.", "spa", "s.p.a", "s.p.a.", "snc", "sas", "lda", "ltda",
        "s/a", "eireli", "me", "group", "gruppo", "groupe", "grupo", "holding", "holdings", "bank", "banco", "banca", "banque", "associates",
        "asociados", "associati", "partners", "company", "compagnie", "cie", "industries", "international", "services", "solutions",
        "systems", "technologies", "consulting", "&", "and", "und", "et", "figli", "hermanos", "irmaos", "zonen", "sohne", "s.coop.",
        "s.com.", "s.l.n.e", "cooperativa", "stiftung", "verein", "e.v.", "foundation", "fundacion", "fondazione",
    ]
    /// Kanji of companies and shops anywhere in the value; of places at its end (`中野区` starts with the surname 中野).
    /// Place kanji inside a name are common: 中村, 木村, 市川, 町田.
    /// Street words that no one is named: `Rue de Rivoli`, `Calle Mayor` are streets, not people.
    static let streetWords: Set<String> = ["rue", "calle", "avenida", "avenue", "rua", "via", "viale", "piazza", "street", "road", "strasse",
                                           "straße", "straat", "laan", "plaza", "praca", "boulevard", "chemin", "travessa", "allee", "weg"]
    /// Saints and the particles of place names: `San Sebastián`, `Saint Gilles`, `Bad Homburg`.
    static let placeWords: Set<String> = ["saint", "sainte", "st.", "ste", "san", "santa", "santo", "sao", "sankt", "sint", "bad", "porto",
                                          "puerto", "villa", "ciudad", "cidade", "citta", "ville", "city", "town", "county", "province",
                                          "lake", "port", "mount", "mt", "fort", "ft", "new", "east", "west", "north", "south", "upper",
                                          "lower", "nueva", "nuevo", "nouvelle", "neu", "nieuw", "oost", "noord", "zuid", "ost", "nord", "sud"]
    static let placeParticles: Set<String> = ["sur", "sous", "les", "la", "le", "en", "am", "an", "im", "bei", "de", "del", "di", "aan", "op"]
    static let japaneseCompanyMarks: Set<Unicode.Scalar> = ["社", "株", "銀", "店", "局", "院", "協"]
    static let japanesePlaceEndings: Set<Unicode.Scalar> = ["市", "区", "町", "村", "県", "都", "府", "郡", "駅"]

    static func judge(_ value: String) -> Verdict {
        var letters = 0, cjk = 0, other = 0
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x40, 0x2F, 0x5F, 0x23, 0x3A: return .notAName  // digits, @ / _ # :
            case 0x3040...0x30FF, 0x4E00...0x9FFF, 0x3005: cjk += 1
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: letters += 1
            default: other += 1
            }
        }
        if cjk > 0 { return letters == 0 ? judgeJapanese(value) : .notAName }
        guard letters >= 2, value.utf8.count <= 60 else { return .notAName }
        var words = value.split(whereSeparator: { $0 == " " || $0 == "," }).map(FoldedWord.trimmed).filter { !$0.isEmpty }
        let raw = words
        if let first = words.first, titles.contains(FoldedWord.key(first)) { words.removeFirst() }
        guard (1...5).contains(words.count) else { return .notAName }
        var listed = false, named = 0
        for (index, word) in words.enumerated() {
            let key = FoldedWord.key(word)
            if companyWords.contains(key) { return .company }
            if streetWords.contains(key) || placeWords.contains(key) { return .notAName }
            // `Andre-la-Forêt`, `Saint-Denis-sur-Mer`: a place; a double-barrelled name capitalises both halves.
            if key.utf8.contains(UInt8(ascii: "-")) {
                let parts = key.split(separator: "-").map(String.init)
                if parts.contains(where: placeWords.contains) || parts.dropFirst().contains(where: placeParticles.contains) { return .notAName }
            }
            if particles.contains(key) || (key.hasPrefix("d'") && index > 0) { continue }
            // A name's word is capitalised (or all capitals, as French and Japanese write surnames).
            guard let head = word.first, head.isUppercase || head.isLetter && !head.isCased else { return .notAName }
            named += 1
            // Double-barrelled names: `Müller-Lüdenscheidt`, `García-Márquez`.
            for part in key.split(separator: "-") where PersonNameLists.givenNames.contains(String(part))
                || PersonNameLists.surnames.contains(String(part)) {
                listed = true
            }
        }
        guard named >= 1, raw.count <= 6 else { return .notAName }
        return listed ? .listed : .nameShaped
    }

    /// `佐藤 陽翔`, `鈴木花子`: two to seven kana or kanji, starting with a common surname, nothing of a company or place.
    private static func judgeJapanese(_ value: String) -> Verdict {
        let scalars = value.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" }
        if scalars.contains(where: japaneseCompanyMarks.contains) { return .company }
        guard (2...7).contains(scalars.count) else { return .notAName }
        if let last = scalars.last, japanesePlaceEndings.contains(last) { return .notAName }
        // The surname alone (`佐々木`) is a name too.
        for length in 1...3 where length <= scalars.count {
            if PersonNameLists.japaneseSurnames.contains(String(String.UnicodeScalarView(scalars.prefix(length)))) { return .listed }
        }
        return .nameShaped
    }
}
