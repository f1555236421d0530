import Foundation

/// A word as the word lists store it: lower-case, accents removed (`Straße` stays `straße`; `Élodie` is `elodie`).
///
/// Plain ASCII words, most of them, are lower-cased byte by byte; only words with other letters pay for
/// Foundation's folding. This runs on every word of every sampled text value.
enum FoldedWord {
    static func key(_ word: Substring) -> String {
        var ascii = true
        for byte in word.utf8 where byte >= 0x80 { ascii = false; break }
        guard ascii else { return word.lowercased().folding(options: .diacriticInsensitive, locale: nil) }
        return String(decoding: word.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// The word without the punctuation that sits around words in text: `Müller,` → `Müller`, `(Jonas)` → `Jonas`.
    static func trimmed(_ word: Substring) -> Substring {
        let punctuation: Set<Character> = [".", ",", ";", ":", "(", ")", "\"", "'", "«", "»"]
        var word = word
        while let first = word.first, punctuation.contains(first) { word = word.dropFirst() }
        while let last = word.last, punctuation.contains(last) { word = word.dropLast() }
        return word
    }
}
