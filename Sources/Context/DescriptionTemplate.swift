import Catalog
import Foundation

/// A description for every column that matches a pattern, with placeholders filled per column.
///
/// Applied only where nobody wrote a description and the database has no comment; shown with origin
/// "template". Placeholders: `{source}`, `{schema}`, `{table}`, `{column}`, `{type}`, `{subject}` (the
/// column name without its suffix, in words), `{referenced_table}`, `{referenced_column}`.
public struct DescriptionTemplate: Sendable, Hashable {
    public enum Key: String, Sendable, Hashable {
        case primary
        case foreign
    }

    /// A glob on the column name (`*_id`), or a regular expression between slashes (`/^is_/`).
    public var column: String
    public var type: String?
    public var table: String?
    public var key: Key?
    public var text: String
    public var location: Location

    public static let placeholders: Set<String> = [
        "source", "schema", "table", "column", "type", "subject", "verb_phrase", "referenced_table", "referenced_column",
    ]

    public init(column: String, type: String? = nil, table: String? = nil, key: Key? = nil, text: String, location: Location) {
        self.column = column
        self.type = type
        self.table = table
        self.key = key
        self.text = text
        self.location = location
    }

    /// The ones Schema Scribe ships: ids, foreign keys, timestamps, flags, soft deletes.
    /// `default_templates: false` in site.yml turns them off.
    public static let defaults: [DescriptionTemplate] = {
        let here = Location(file: "(built-in templates)")
        return [
            .init(column: "*", key: .foreign, text: "Identifier of the {referenced_table} this {table} row refers to (references {referenced_table}.{referenced_column}).", location: here),
            .init(column: "id", key: .primary, text: "Unique identifier of each {table} row.", location: here),
            .init(column: "*_id", key: .primary, text: "Unique identifier of each {table} row.", location: here),
            .init(column: "/^(created|inserted)_(at|on)$/", text: "When the {table} row was created.", location: here),
            .init(column: "/^(updated|modified|changed)_(at|on)$/", text: "When the {table} row was last changed.", location: here),
            .init(column: "deleted_at", text: "When the {table} row was soft-deleted; empty while the row is live.", location: here),
            .init(column: "/^(is|has)_/", text: "Whether the {table} row {verb_phrase}.", location: here),
            .init(column: "*_at", text: "When the {table} row was {subject}.", location: here),
            .init(column: "*_on", text: "The date the {table} row was {subject}.", location: here),
        ]
    }()

    /// Whether the column pattern is written as a regular expression (`/…/`) rather than a glob.
    var isRegularExpression: Bool { column.count > 2 && column.hasPrefix("/") && column.hasSuffix("/") }

    /// The column pattern as a regular expression, when it is one (`/…/`); compile once, match many.
    func compiledPattern() -> NSRegularExpression? {
        guard isRegularExpression else { return nil }
        return try? NSRegularExpression(pattern: String(column.dropFirst().dropLast()))
    }

    /// A template's column pattern compiled once for a whole catalog, remembering what its regular expression
    /// answered for each name: names repeat across tables (`id`, `created_at`, `attribute_1`), and ICU's
    /// matcher took most of the context stage once the text was filled in one pass. Names are told apart by
    /// their exact spelling (`ExactName`), as the expression sees them.
    /// Tables are filled on several threads at once: the answers are kept under a lock.
    final class CompiledPattern: @unchecked Sendable {
        let regex: NSRegularExpression?
        private let lock = NSLock()
        private var answers: [ExactName: Bool] = [:]

        init(_ regex: NSRegularExpression?) {
            self.regex = regex
        }

        /// Whether the expression finds a match in `name`; nil for a pattern that is a glob.
        func matches(_ name: String) -> Bool? {
            guard let regex else { return nil }
            if let known = lock.withLock({ answers[ExactName(name)] }) { return known }
            let found = regex.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
            lock.withLock { answers[ExactName(name)] = found }
            return found
        }
    }

    func matches(_ column: Column, in table: Table, pattern: CompiledPattern) -> Bool {
        if let key {
            switch key {
            case .primary: if column.primaryKeyPosition == nil { return false }
            case .foreign: if !table.foreignKeys.contains(where: { $0.columns.containsExactly(column.name) }) { return false }
            }
        }
        if let type, !Self.glob(column.dataType.lowercased(), type.lowercased()) { return false }
        if let tablePattern = self.table, !Self.glob(table.name.lowercased(), tablePattern.lowercased()) { return false }
        let name = column.name.lowercased()
        if let found = pattern.matches(name) { return found }
        return Self.glob(name, self.column.lowercased())
    }

    /// `TableFilter.matches`, over bytes when both sides are printable ASCII (where a byte is a character):
    /// every column meets several patterns, and splitting names into characters cost a tenth of the stage.
    static func glob(_ text: String, _ pattern: String) -> Bool {
        let printable = { (byte: UInt8) in byte >= 0x20 && byte < 0x7F }
        guard text.utf8.allSatisfy(printable), pattern.utf8.allSatisfy(printable) else { return TableFilter.matches(text, pattern) }
        let t = text.utf8, p = Array(pattern.utf8)
        var ti = t.startIndex, pi = 0
        var star: Int?, mark = t.startIndex
        let question = UInt8(ascii: "?"), asterisk = UInt8(ascii: "*")
        while ti < t.endIndex {
            if pi < p.count, p[pi] == question || p[pi] == t[ti] {
                ti = t.index(after: ti)
                pi += 1
            } else if pi < p.count, p[pi] == asterisk {
                star = pi
                mark = ti
                pi += 1
            } else if let star {
                pi = star + 1
                mark = t.index(after: mark)
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == asterisk { pi += 1 }
        return pi == p.count
    }

    /// The text with each `{placeholder}` filled in one pass over it, each value worked out only when the text
    /// asks for it: a template fills a good share of 100,000 columns, and a search-and-replace per placeholder
    /// took most of the context stage. A value is never searched for placeholders of its own.
    func text(for column: Column, in table: Table) -> String {
        lazy var key = table.foreignKeys.first { $0.columns.containsExactly(column.name) }
        func value(_ name: Substring) -> String? {
            switch name {
            case "source": return table.id.source
            case "schema": return table.id.schema
            case "table": return table.name
            case "column": return column.name
            case "type": return column.dataType
            case "subject": return Self.subject(of: column.name)
            case "verb_phrase": return Self.verbPhrase(of: column.name)
            case "referenced_table": return key?.referencedTable.name ?? ""
            case "referenced_column":
                let offset = key?.columns.firstIndex(exactly: column.name) ?? 0
                return key.flatMap { offset < $0.referencedColumns.count ? $0.referencedColumns[offset] : nil } ?? ""
            default: return nil
            }
        }
        // Braces are ASCII, so the UTF-8 positions of them are boundaries of the text's Unicode scalars: valid to slice at.
        let bytes = text.utf8
        var out = ""
        var copied = bytes.startIndex
        var cursor = bytes.startIndex
        while let open = bytes[cursor...].firstIndex(of: UInt8(ascii: "{")) {
            let nameStart = bytes.index(after: open)
            guard let close = bytes[nameStart...].firstIndex(of: UInt8(ascii: "}")) else { break }
            if let filled = value(text[nameStart..<close]) {
                out += text[copied..<open]
                out += filled
                copied = bytes.index(after: close)
                cursor = copied
            } else {
                cursor = nameStart
            }
        }
        out += text[copied...]
        return out
    }

    /// `shipped_at` → "shipped"; `opened_on` → "opened".
    static func subject(of name: String) -> String {
        var words = name.lowercased().split(separator: "_").map(String.init)
        if words.count > 1, ["at", "on", "id", "date", "ts"].contains(words.last ?? "") { words.removeLast() }
        return words.joined(separator: " ")
    }

    /// `is_active` → "is active"; `has_gift_wrap` → "has gift wrap".
    static func verbPhrase(of name: String) -> String {
        name.lowercased().split(separator: "_").joined(separator: " ")
    }
}
