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
        // Rows are arrays, not objects: at 100,000 columns the keys would be most of the bytes.
        var tables: [Table] = [], terms: [[String]] = []
        var nameNumbers: [String: Int] = [:], names: [String] = [], usualAnchors: [[String: Int]] = []
        var columnNames: [Int] = [], columnAnchors: [String] = [], descriptions: [String] = [], pii: [(Int, String)] = []
        for entry in index.entries {
            switch entry.kind {
            case "term":
                terms.append([entry.name, entry.context, entry.path, entry.description])
            case "column":
                // Columns follow their table in `SearchIndex`; one without a table before it cannot be placed.
                guard !tables.isEmpty else { continue }
                let number = nameNumbers[entry.name] ?? {
                    nameNumbers[entry.name] = names.count
                    names.append(entry.name)
                    usualAnchors.append([:])
                    return names.count - 1
                }()
                let anchor = entry.path.split(separator: "#", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
                usualAnchors[number][anchor, default: 0] += 1
                if let kind = entry.pii { pii.append((columnNames.count, kind)) }
                columnNames.append(number)
                columnAnchors.append(anchor)
                descriptions.append(entry.description)
                tables[tables.count - 1].columns += 1
            default:
                tables.append(Table(entry: entry))
            }
        }
        // Each distinct name's most common anchor, ties to the first in sort order; the rest are exceptions.
        let usual = usualAnchors.map { counts in counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "" }
        let anchors: [(Int, String)] = columnAnchors.enumerated().compactMap { column, anchor in
            anchor == usual[columnNames[column]] ? nil : (column, anchor)
        }
        var shardList: [(Int, Int, String)] = []
        var shards: [(String, Data)] = []
        let size = max(1, columnsPerShard)
        for (number, start) in stride(from: 0, to: descriptions.count, by: size).enumerated() {
            let end = min(start + size, descriptions.count)
            let path = "\(SitePlan.searchFolder)/columns-\(number).js"
            shardList.append((start, end, path))
            // Keys in sorted order, as JSONSerialization's `.sortedKeys` wrote them.
            var out = Self.opening
            out += Array(#"{"descriptions":"#.utf8)
            Self.list(descriptions[start..<end], into: &out) { Self.string($0, &$1) }
            out += Array(#","from":"#.utf8)
            CompactJSON.appendInt(start, to: &out)
            out += Array(#","part":"columns"}"#.utf8)
            out += Self.closing
            shards.append((path, Data(out)))
        }
        var out = Self.opening
        out.reserveCapacity(64 * index.entries.count)
        out += Array(#"{"anchors":"#.utf8)
        Self.list(anchors, into: &out) { Self.pair($0.0, $0.1, &$1) }
        out += Array(#","columns":"#.utf8)
        Self.list(columnNames, into: &out) { CompactJSON.appendInt($0, to: &$1) }
        out += Array(#","names":"#.utf8)
        Self.list(Array(zip(names, usual)), into: &out) { name, out in
            out.append(0x5B)
            Self.string(name.0, &out)
            out.append(0x2C)
            Self.string(name.1, &out)
            out.append(0x5D)
        }
        out += Array(#","part":"core","pii":"#.utf8)
        Self.list(pii, into: &out) { Self.pair($0.0, $0.1, &$1) }
        out += Array(#","schemas":"#.utf8)
        Self.list(index.schemas, into: &out) { Self.string($0, &$1) }
        out += Array(#","shards":"#.utf8)
        Self.list(shardList, into: &out) { shard, out in
            out.append(0x5B)
            CompactJSON.appendInt(shard.0, to: &out)
            out.append(0x2C)
            CompactJSON.appendInt(shard.1, to: &out)
            out.append(0x2C)
            Self.string(shard.2, &out)
            out.append(0x5D)
        }
        out += Array(#","tables":"#.utf8)
        Self.list(tables, into: &out) { $0.write(into: &$1) }
        out += Array(#","terms":"#.utf8)
        Self.list(terms, into: &out) { term, out in Self.list(term, into: &out) { Self.string($0, &$1) } }
        out += Array(#","version":"#.utf8)
        CompactJSON.appendInt(Self.formatVersion, to: &out)
        out.append(0x7D)
        out += Self.closing
        core = Data(out)
        self.shards = shards
    }

    /// A table's row: kind, name, schema number, path, description, pii kinds, related names, column count.
    private struct Table {
        var kind, name, path, description, pii, related: String
        var schema: Int?
        var columns = 0

        init(entry: SearchIndex.Entry) {
            (kind, name, path, description) = (entry.kind, entry.name, entry.path, entry.description)
            (pii, related, schema) = (entry.pii ?? "", entry.related ?? "", entry.schema)
        }

        func write(into out: inout [UInt8]) {
            out.append(0x5B)
            SearchScript.string(kind, &out)
            out.append(0x2C)
            SearchScript.string(name, &out)
            out.append(0x2C)
            if let schema { CompactJSON.appendInt(schema, to: &out) } else { out += Array("null".utf8) }
            for text in [path, description, pii, related] {
                out.append(0x2C)
                SearchScript.string(text, &out)
            }
            out.append(0x2C)
            CompactJSON.appendInt(columns, to: &out)
            out.append(0x5D)
        }
    }

    /// Each part is a script that hands its JSON to the page. Strings are escaped as `ScriptJSON.safe` escapes
    /// JSON, so no name can close the script element.
    private static let opening = Array("(window.scribeSearch = window.scribeSearch || []).push(".utf8)
    private static let closing = Array(");\n".utf8)

    private static func string(_ text: String, _ out: inout [UInt8]) {
        CompactJSON.appendString(text, to: &out, scriptSafe: true)
    }

    private static func pair(_ number: Int, _ text: String, _ out: inout [UInt8]) {
        out.append(0x5B)
        CompactJSON.appendInt(number, to: &out)
        out.append(0x2C)
        string(text, &out)
        out.append(0x5D)
    }

    private static func list<Items: Sequence>(_ items: Items, into out: inout [UInt8], _ element: (Items.Element, inout [UInt8]) -> Void) {
        out.append(0x5B)
        var first = true
        for item in items {
            if !first { out.append(0x2C) }
            first = false
            element(item, &out)
        }
        out.append(0x5D)
    }
}
