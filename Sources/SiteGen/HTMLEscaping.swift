/// HTML escaping over UTF-8 bytes: the five characters `& < > " '` as entities, everything else copied untouched.
func escapeHTML(_ text: String) -> String {
    let utf8 = text.utf8
    guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count + 16)
    appendEscapedHTML(text, to: &out)
    return String(decoding: out, as: UTF8.self)
}

/// `text` escaped as `escapeHTML` does, appended to a page's buffer without an intermediate string.
func appendEscapedHTML(_ text: String, to out: inout [UInt8]) {
    var text = text
    text.withUTF8 { bytes in
        var start = 0
        for index in bytes.indices {
            let entity: StaticString
            switch bytes[index] {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            case 0x27: entity = "&#39;"
            default: continue
            }
            // Runs between special characters are copied whole.
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            start = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }
}

/// A reason written by the relationships stage as HTML: escaped, with each `quoted` name set as code.
/// Names come from the database and may hold any character, a backtick too; an unpaired one stays a
/// plain character, and nothing but the two tags is ever markup.
func evidenceHTML(_ text: String) -> String {
    let parts = text.split(separator: "`", omittingEmptySubsequences: false)
    guard parts.count >= 3 else { return escapeHTML(text) }
    var html = ""
    for (offset, part) in parts.enumerated() {
        let isCode = offset % 2 == 1 && offset < parts.count - 1
        if isCode {
            html += "<code>" + escapeHTML(String(part)) + "</code>"
        } else {
            // The last part after an odd backtick count: the backtick was a character of a name.
            if offset % 2 == 1 { html += "`" }
            html += escapeHTML(String(part))
        }
    }
    return html
}
