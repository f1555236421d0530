/// A column's name as the name rules read it: lower-case words without accents (`customerEmail`,
/// `customer_email` and `Customer-Email` all give [customer, email]; `Straße` gives [straße]), joined by `_`,
/// and run together.
struct PIIColumnName: Sendable {
    let tokens: [String]
    let joined: String
    let compact: String
    private let compactBytes: [UInt8]
    /// Whether a word is in Japanese script (or another beyond Latin), matched by its ending.
    let hasScript: Bool

    init(_ name: String) {
        tokens = Self.tokens(name)
        joined = tokens.joined(separator: "_")
        compact = tokens.joined()
        compactBytes = Array(compact.utf8)
        hasScript = name.unicodeScalars.contains { $0.value >= 0x3040 }
    }

    /// Whether the words run together end with `ending` (compared as bytes).
    func compactEnds(_ ending: [UInt8]) -> Bool {
        compactBytes.count > ending.count && compactBytes[(compactBytes.count - ending.count)...].elementsEqual(ending)
    }

    /// Whether `run` appears as consecutive words: `[fecha, nac]` in `fecha_nac_cliente`.
    func containsRun(_ run: [String]) -> Bool {
        guard run.count <= tokens.count, let first = run.first else { return false }
        for start in 0...(tokens.count - run.count) where tokens[start] == first {
            if tokens[start..<(start + run.count)].elementsEqual(run) { return true }
        }
        return false
    }

    static func tokens(_ name: String) -> [String] {
        var words: [Substring] = []
        var start = name.startIndex
        var previous: Character?
        var index = name.startIndex
        while index < name.endIndex {
            let character = name[index]
            if !character.isLetter && !character.isNumber {
                if start < index { words.append(name[start..<index]) }
                start = name.index(after: index)
            } else if character.isUppercase, let previous, previous.isLowercase || previous.isNumber {
                if start < index { words.append(name[start..<index]) }
                start = index
            }
            previous = character
            index = name.index(after: index)
        }
        if start < name.endIndex { words.append(name[start...]) }
        return words.map(FoldedWord.key)
    }
}
