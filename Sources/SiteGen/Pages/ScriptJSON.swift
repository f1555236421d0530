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
        return String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}
