import CCmarkGFM
import Foundation

/// Markdown in descriptions and business rules, rendered by cmark-gfm in its safe mode: raw HTML is
/// dropped and `javascript:` links are emptied, so a description can never inject markup.
///
/// Glossary terms are linked on the syntax tree (text outside links and code only), so a term inside
/// a URL or a code span is left alone.
struct Markdown {
    /// Phrases to link, longest first so "lifetime value" wins over "value".
    struct Glossary {
        struct Phrase {
            var text: String
            var lowercased: String
            var target: String
        }

        let phrases: [Phrase]

        init(_ phrases: [(text: String, target: String)]) {
            self.phrases = phrases
                .filter { !$0.text.isEmpty }
                .map { Phrase(text: $0.text, lowercased: $0.text.lowercased(), target: $0.target) }
                .sorted { $0.lowercased.count > $1.lowercased.count }
        }

        /// The phrases that occur in `text` as whole words, in order of position.
        func occurrences(in text: String) -> [(range: Range<String.Index>, phrase: Phrase)] {
            let lower = text.lowercased()
            guard lower.count == text.count else { return [] }  // case folding changed lengths; do not guess
            var found: [(Range<String.Index>, Phrase)] = []
            for phrase in phrases where lower.contains(phrase.lowercased) {
                var start = lower.startIndex
                while let range = lower.range(of: phrase.lowercased, range: start..<lower.endIndex) {
                    let before = range.lowerBound == lower.startIndex ? nil : lower[lower.index(before: range.lowerBound)]
                    let after = range.upperBound == lower.endIndex ? nil : lower[range.upperBound]
                    let whole = !(before?.isLetter ?? false) && !(before?.isNumber ?? false)
                        && !(after?.isLetter ?? false) && !(after?.isNumber ?? false)
                    let overlaps = found.contains { $0.0.overlaps(range) }
                    if whole, !overlaps {
                        // Same offsets in the original text: lowercasing kept the length.
                        let lowerOffset = lower.distance(from: lower.startIndex, to: range.lowerBound)
                        let from = text.index(text.startIndex, offsetBy: lowerOffset)
                        let to = text.index(from, offsetBy: lower.distance(from: range.lowerBound, to: range.upperBound))
                        found.append((from..<to, phrase))
                        break  // link a term once per text
                    }
                    start = range.upperBound
                }
            }
            return found.sorted { $0.0.lowerBound < $1.0.lowerBound }
        }
    }

    /// HTML for `text`, with glossary phrases linked to `linkPrefix + target`. With `markdown: false` the
    /// text is one plain paragraph (database comments are not Markdown: `<things>` must stay visible).
    /// Whether `text` is one paragraph that Markdown would leave as it is: no character that starts markup,
    /// no underscore at a word's edge (`customer_id` is plain, `_word_` is emphasis), nothing at the start that
    /// opens a list or heading, and no space at either end. One pass over the bytes; most descriptions are.
    static func isPlain(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, let last = bytes.last else { return true }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: " ") || last == UInt8(ascii: " ")
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) { return false }
        func isWordByte(_ byte: UInt8) -> Bool {
            byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
        }
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "*"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"),
                 UInt8(ascii: "#"), UInt8(ascii: "!"), UInt8(ascii: "&"), UInt8(ascii: "\\"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
                 UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "\t"):
                return false
            case UInt8(ascii: "_"):
                guard index > 0, index + 1 < bytes.count, isWordByte(bytes[index - 1]), isWordByte(bytes[index + 1]) else { return false }
            default:
                continue
            }
        }
        return true
    }

    static func html(_ text: String, markdown: Bool = true, glossary: Glossary? = nil, linkPrefix: String = "") -> String {
        let plain = isPlain(text)
        let matches = glossary?.occurrences(in: text) ?? []
        if !markdown, matches.isEmpty {
            // Plain text with no term to link: escaping is all there is to do.
            return "<p>\(escapeHTML(text))</p>\n"
        }
        if plain, matches.isEmpty {
            // The common case, a sentence of plain text: what cmark would produce, without parsing.
            return "<p>\(escapeHTML(text))</p>\n"
        }
        let document: OpaquePointer
        if markdown {
            let bytes = Array(text.utf8)
            guard let parsed = cmark_parse_document(bytes, bytes.count, CMARK_OPT_DEFAULT) else {
                return "<p>\(escapeHTML(text))</p>\n"
            }
            document = parsed
        } else {
            guard let root = cmark_node_new(CMARK_NODE_DOCUMENT) else { return "<p>\(escapeHTML(text))</p>\n" }
            let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)
            let literal = cmark_node_new(CMARK_NODE_TEXT)
            cmark_node_set_literal(literal, text)
            cmark_node_append_child(paragraph, literal)
            cmark_node_append_child(root, paragraph)
            document = root
        }
        defer { cmark_node_free(document) }
        if let glossary { link(document, glossary, linkPrefix) }
        guard let rendered = cmark_render_html(document, CMARK_OPT_DEFAULT, nil) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Splits text nodes around glossary phrases and wraps each phrase in a link node.
    private static func link(_ document: OpaquePointer, _ glossary: Glossary, _ prefix: String) {
        var texts: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_TEXT, !insideLink(node) else { continue }
            texts.append(node)
        }
        // A term is linked at its first mention in the whole text, whichever of its names is used.
        var linked: Set<String> = []
        for node in texts {
            guard let literal = cmark_node_get_literal(node).map({ String(cString: $0) }) else { continue }
            var matches: [(range: Range<String.Index>, phrase: Glossary.Phrase)] = []
            for match in glossary.occurrences(in: literal) where linked.insert(match.phrase.target).inserted {
                matches.append(match)
            }
            guard !matches.isEmpty else { continue }
            var cursor = literal.startIndex
            for (range, phrase) in matches {
                insert(text: String(literal[cursor..<range.lowerBound]), before: node)
                let link = cmark_node_new(CMARK_NODE_LINK)
                cmark_node_set_url(link, prefix + phrase.target)
                cmark_node_set_title(link, "Glossary: \(phrase.text)")
                let inner = cmark_node_new(CMARK_NODE_TEXT)
                cmark_node_set_literal(inner, String(literal[range]))
                cmark_node_append_child(link, inner)
                cmark_node_insert_before(node, link)
                cursor = range.upperBound
            }
            insert(text: String(literal[cursor...]), before: node)
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    private static func insert(text: String, before node: OpaquePointer) {
        guard !text.isEmpty else { return }
        let piece = cmark_node_new(CMARK_NODE_TEXT)
        cmark_node_set_literal(piece, text)
        cmark_node_insert_before(node, piece)
    }

    private static func insideLink(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            if cmark_node_get_type(current) == CMARK_NODE_LINK || cmark_node_get_type(current) == CMARK_NODE_IMAGE { return true }
            parent = cmark_node_parent(current)
        }
        return false
    }
}
