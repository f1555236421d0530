import Catalog
import Foundation

/// The search index as the page loads it: a compact core that answers a first search on its own, and
/// column descriptions in shards that arrive afterwards.
///
/// `search.json` keeps one self-describing entry per table and column for tools. The page cannot afford that
/// shape at 5,000 tables (18 MB, half a second to parse before the first result), so `search-index.js` holds
/// what ranking by name needs: tables, views and terms whole, and each column only as a number naming its
/// distinct name (`id` appears once however many tables have one), with the exceptions: anchors that differ
/// from the name's usual one, and personal data. Column descriptions, the bulk of the bytes, are in
/// `search/columns-N.js`, each a run of columns in catalog order, which the page loads one after another once
/// the first results are shown. Every part pushes itself onto `window.scribeSearch`, so a part may arrive
/// before or after `search.js` runs; scripts rather than fetched JSON, because browsers refuse `fetch` from disk.
public struct SearchScript: Sendable {
    public static let formatVersion = 2
    /// Columns per description shard: about 200 KB of text each at typical description lengths, a few
    /// milliseconds to parse, so loading them never holds up typing.
    public static let columnsPerShard = 4_000

    /// The core, as `search-index.js`.
    public var core: Data
    /// Description shards: path relative to the site root, and the script.
    public var shards: [(path: String, script: Data)]

    public init(_ index: SearchIndex, columnsPerShard: Int = SearchScript.columnsPerShard) throws {
        var tables: [[JSONValue]] = [], terms: [[JSONValue]] = []
        var nameNumbers: [String: Int] = [:], names: [String] = [], usualAnchors: [[String: Int]] = []
        var columnNames: [Int] = [], anchors: [(Int, String)] = [], pii: [(Int, String)] = []
        var descriptions: [String] = []
        var columnAnchors: [String] = []
        var openTable: Int?
        for entry in index.entries {
            switch entry.kind {
            case "term":
                terms.append([.string(entry.name), .string(entry.context), .string(entry.path), .string(entry.description)])
            case "column":
                // Columns follow their table in `SearchIndex`; one without a table before it cannot be placed.
                guard let table = openTable else { continue }
                let number: Int
                if let known = nameNumbers[entry.name] {
                    number = known
                } else {
                    number = names.count
                    nameNumbers[entry.name] = number
                    names.append(entry.name)
                    usualAnchors.append([:])
                }
                let anchor = entry.path.split(separator: "#", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
                usualAnchors[number][anchor, default: 0] += 1
                if let kind = entry.pii { pii.append((columnNames.count, kind)) }
                columnNames.append(number)
                columnAnchors.append(anchor)
                descriptions.append(entry.description)
                if case .int(let count) = tables[table][7] { tables[table][7] = .int(count + 1) }
            default:
                openTable = tables.count
                tables.append([.string(entry.kind), .string(entry.name), entry.schema.map(JSONValue.int) ?? .null,
                               .string(entry.path), .string(entry.description), .string(entry.pii ?? ""),
                               .string(entry.related ?? ""), .int(0)])
            }
        }
        // Each distinct name's most common anchor, ties to the first in sort order; the rest are exceptions.
        let usual = usualAnchors.map { counts in
            counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
        }
        for (column, anchor) in columnAnchors.enumerated() where anchor != usual[columnNames[column]] {
            anchors.append((column, anchor))
        }
        var shardList: [JSONValue] = []
        var shards: [(String, Data)] = []
        for (number, start) in stride(from: 0, to: descriptions.count, by: max(1, columnsPerShard)).enumerated() {
            let end = min(start + max(1, columnsPerShard), descriptions.count)
            let path = "\(SitePlan.searchFolder)/columns-\(number).js"
            shardList.append(.array([.int(start), .int(end), .string(path)]))
            let part: JSONValue = .object([
                ("part", .string("columns")), ("from", .int(start)),
                ("descriptions", .array(descriptions[start..<end].map(JSONValue.string))),
            ])
            shards.append((path, Self.script(part)))
        }
        let core: JSONValue = .object([
            ("part", .string("core")), ("version", .int(Self.formatVersion)),
            ("schemas", .array(index.schemas.map(JSONValue.string))),
            ("terms", .array(terms.map(JSONValue.array))),
            // kind, name, schema number, path, description, pii kinds, related names, column count.
            ("tables", .array(tables.map(JSONValue.array))),
            ("names", .array(zip(names, usual).map { .array([.string($0), .string($1)]) })),
            ("columns", .array(columnNames.map(JSONValue.int))),
            ("anchors", .array(anchors.map { .array([.int($0.0), .string($0.1)]) })),
            ("pii", .array(pii.map { .array([.int($0.0), .string($0.1)]) })),
            ("shards", .array(shardList)),
        ])
        self.core = Self.script(core)
        self.shards = shards
    }

    /// A part as a script that hands it to the page. JSON is a JavaScript expression; `<` and the two line
    /// separators JavaScript reads as newlines are escaped, so no name can close the script element.
    static func script(_ part: JSONValue) -> Data {
        var out = "(window.scribeSearch = window.scribeSearch || []).push("
        part.write(into: &out)
        out += ");\n"
        return Data(out.utf8)
    }
}

/// Just enough JSON for the search parts, written compactly in a fixed key order.
enum JSONValue: Sendable {
    case string(String)
    case int(Int)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    func write(into out: inout String) {
        switch self {
        case .string(let text): Self.quote(text, into: &out)
        case .int(let number): out += String(number)
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (offset, item) in items.enumerated() {
                if offset > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (offset, member) in members.enumerated() {
                if offset > 0 { out += "," }
                Self.quote(member.0, into: &out)
                out += ":"
                member.1.write(into: &out)
            }
            out += "}"
        }
    }

    static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
