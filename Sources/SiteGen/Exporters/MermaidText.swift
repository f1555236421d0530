/// Names made safe for a Mermaid `erDiagram`, whose grammar allows few characters in entity and attribute
/// names and none that could end a label.
enum MermaidText {
    /// An entity's label: the characters Mermaid keeps inside `["…"]`, everything else (quotes, brackets,
    /// braces, line breaks, `<`, backticks, `%`, `#`, `;`) as `_`.
    static func label(_ text: String) -> String {
        let kept = String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " .-_".unicodeScalars.contains(scalar))
                ? scalar : "_"
        }))
        return kept.isEmpty ? "_" : kept
    }

    /// An attribute name (`type: false`) or type: a letter or `_` first, then letters, digits, `_`, `-`, and in a
    /// type `(` and `)`, as in `varchar(255)`.
    static func word(_ text: String, type: Bool = false) -> String {
        let kept = type ? "_-()" : "_-"
        var scalars = text.unicodeScalars.map { scalar -> Unicode.Scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || kept.unicodeScalars.contains(scalar))
                ? scalar : "_"
        }
        if let first = scalars.first, !(first.properties.isAlphabetic || first == "_") { scalars.insert("_", at: 0) }
        return scalars.isEmpty ? "_" : String(String.UnicodeScalarView(scalars))
    }
}
