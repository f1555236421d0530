import Foundation

/// Text made safe for GitHub-flavoured Markdown: identifiers and descriptions can hold any character.
enum MarkdownText {
    /// The characters that mean something inside a line of GFM: emphasis, code, links, HTML, entities, table
    /// cells, strikethrough, images. (Characters that matter only at the start of a line are `paragraph`'s.)
    private static let escaped = Set("\\`*_[]<>&|~!#".unicodeScalars)
    /// ASCII punctuation: the characters CommonMark lets a backslash escape.
    private static let punctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

    /// `text` as literal inline text, fit for a table cell: every character with a meaning inside a line is
    /// backslash-escaped (GFM tables honour `\|`), and line breaks become `<br>` so a cell stays on its row.
    static func inline(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCR: continue
            case "\n", "\r", "\u{2028}", "\u{2029}", "\u{85}": out += "<br>"
            case "\t": out += " "
            case "\0": out += "\u{FFFD}"
            default:
                if escaped.contains(scalar) {
                    out += "\\"
                    out.unicodeScalars.append(scalar)
                } else if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `text` as a paragraph of its own: `inline`, and a first character that could start a list, heading,
    /// quote or ordered list (`1.`) escaped too.
    static func paragraph(_ text: String) -> String {
        // Four spaces would start a code block.
        var out = inline(String(text.drop { $0 == " " || $0 == "\t" }))
        let digits = out.prefix { $0.isASCII && $0.isNumber }
        let next = out.dropFirst(digits.count).first
        if let next, punctuation.contains(next.unicodeScalars.first ?? " "), !out.dropFirst(digits.count).hasPrefix("\\") {
            out.insert("\\", at: out.index(out.startIndex, offsetBy: digits.count))
        }
        return out
    }

    /// A link to a relative path, its destination percent-encoded so spaces, parentheses and `<` cannot end it.
    static func link(_ text: String, to path: String) -> String {
        "[\(inline(text))](\(destination(path)))"
    }

    static func destination(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: unreserved) ?? path
    }

    /// ASCII letters and digits, and `-._~/#`: what a link destination keeps as it is.
    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/#")
}
