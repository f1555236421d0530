import Foundation

/// Data a page's script reads from a `<script type="application/json">` element: the rows of a long list
/// beyond the first page, so the DOM stays small while every row stays reachable.
enum ScriptJSON {
    /// `value` as JSON safe inside a `<script>` element: `<`, `>` and `&` are escaped as `\u` sequences, so no
    /// name can close the element or be read as markup.
    static func encode<Value: Encodable>(_ value: Value) -> String {
        // CompactJSON writes JSONEncoder's bytes (sorted keys, slashes unescaped) without building a tree first.
        guard let data = try? CompactJSON.encode(value) else { return "[]" }
        return safe(String(decoding: data, as: UTF8.self))
    }

    /// JSON text made safe inside a `<script>` element, whether it is data or code: `<`, `>` and `&` (markup) and
    /// the line separators U+2028 and U+2029 (newlines to older JavaScript) as `\u` escapes. They can only occur
    /// inside strings, where the escape means the same character.
    ///
    /// Byte by byte over UTF-8: Foundation's `replacingOccurrences` bridged a schema page's 5,000-row list through
    /// UTF-16 five times over.
    static func safe(_ json: String) -> String {
        var text = json
        return text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0xE2 }) else { return json }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 64)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x3C: out += Array(#"\u003c"#.utf8)
                case 0x3E: out += Array(#"\u003e"#.utf8)
                case 0x26: out += Array(#"\u0026"#.utf8)
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    out += Array((bytes[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)
                    index += 2
                default: out.append(byte)
                }
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
