import Foundation

/// Writing scalars into YAML by hand, for files people then edit.
package enum YAMLText {
    /// `name` as is when YAML reads it back unchanged, else double-quoted with escapes.
    package static func quoted(_ text: String) -> String {
        let plain = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" || $0 == "/" }
            && !(text.first?.isNumber ?? false) && !["true", "false", "yes", "no", "on", "off", "null", "~"].contains(text.lowercased())
        if plain { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
