/// YAML text the tool writes: `init`'s context files and the approvals ledger.
package enum YAMLText {
    /// `text` as a YAML scalar that reads back as exactly `text`: plain when it is a simple ASCII word (and
    /// not `always`), else double-quoted with every character YAML would not keep as it is escaped.
    ///
    /// A YAML reader folds line breaks inside quotes (and libyaml counts NEL, U+2028 and U+2029 among them),
    /// strips a byte-order mark and refuses non-printable characters, so all of those are written as
    /// `\u` escapes: an identifier or description can hold any character and still survive the trip.
    package static func quoted(_ text: String, always: Bool = false) -> String {
        if !always, isPlainWord(text) { return text }
        var out = "\""
        // Yams turns each scalar into a String with Foundation's `String(bytes:encoding:)`, which drops one
        // leading byte-order mark, escaped or not: a text that starts with one gets a second to lose.
        if text.unicodeScalars.first == "\u{FEFF}" { out += "\\uFEFF" }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if isKeptAsIs(scalar) {
                    out.unicodeScalars.append(scalar)
                } else if scalar.value <= 0xFFFF {
                    out += "\\u" + hex(scalar.value, digits: 4)
                } else {
                    out += "\\U" + hex(scalar.value, digits: 8)
                }
            }
        }
        return out + "\""
    }

    /// An ASCII word no YAML reader takes for anything but a string: not a number, boolean or null, and no
    /// character with a meaning in YAML syntax.
    private static func isPlainWord(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCIILetter || first == "_" else { return false }
        let lower = text.lowercased()
        guard !["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(lower) else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || "_.-/".unicodeScalars.contains($0) }
    }

    /// Printable in YAML's sense, and neither a line break nor a byte-order mark.
    private static func isKeptAsIs(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: return true
        case 0xA0...0xD7FF: return scalar.value != 0x2028 && scalar.value != 0x2029
        case 0xE000...0xFFFD: return scalar.value != 0xFEFF && !(0xFDD0...0xFDEF).contains(scalar.value)
        case 0x10000...0x10FFFF: return scalar.value & 0xFFFE != 0xFFFE
        default: return false
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
