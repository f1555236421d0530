import Foundation

/// Data a page's script reads from a `<script type="application/json">` element: the rows of a long list
/// beyond the first page, so the DOM stays small while every row stays reachable.
enum ScriptJSON {
    /// `value` as JSON safe inside a `<script>` element: `<`, `>` and `&` are escaped as `\u` sequences, so no
    /// name can close the element or be read as markup.
    static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "[]" }
        return safe(String(decoding: data, as: UTF8.self))
    }

    /// JSON text made safe inside a `<script>` element, whether it is data or code: `<`, `>` and `&` (markup) and
    /// the line separators U+2028 and U+2029 (newlines to older JavaScript) as `\u` escapes. They can only occur
    /// inside strings, where the escape means the same character.
    static func safe(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026").replacingOccurrences(of: "\u{2028}", with: "\\u2028")
            .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }
}
