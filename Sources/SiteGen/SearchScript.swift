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
        var parts = Parts(columnsPerShard: columnsPerShard)
        // Each table's row counts the columns that follow it.
        var table: (row: Table, columns: [SearchIndex.Entry])?
        func finishTable() {
            guard let (row, columns) = table else { return }
            var counted = row
            counted.columns = columns.count
            parts.table(row: counted.bytes)
            for column in columns {
                let anchor = column.path.split(separator: "#", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
                parts.column(name: column.name, anchor: anchor, pii: column.pii, description: Self.description(column.description))
            }
        }
        for entry in index.entries {
            switch entry.kind {
            case "term":
                parts.term(entry)
            case "column":
                // Columns follow their table in `SearchIndex`; one without a table before it cannot be placed.
                table?.columns.append(entry)
            default:
                finishTable()
                table = (Table(entry: entry), [])
            }
        }
        finishTable()
        self = parts.script(schemas: index.schemas)
    }

    init(core: Data, shards: [(path: String, script: Data)]) {
        self.core = core
        self.shards = shards
    }

    /// A table's row in the core, `columns` its column count.
    static func row(of entry: SearchIndex.Entry, columns: Int) -> [UInt8] {
        var row = Table(entry: entry)
        row.columns = columns
        return row.bytes
    }

    /// A column's description as its shard holds it: a string literal escaped for a script.
    static func description(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        description(text, into: &out)
        return out
    }

    static func description(_ text: String, into out: inout [UInt8]) {
        string(text, &out)
    }

    /// The core and the shards, written as their parts arrive in catalog order: tables' rows and columns' descriptions
    /// as bytes (from `SearchScript(_:)`, or from the fragment pack through `SearchIndexFiles`), what is numbered
    /// across the whole catalog (distinct column names, the usual anchor of each, columns' positions) as values.
    struct Parts {
        let columnsPerShard: Int
        // Rows are arrays, not objects: at 100,000 columns the keys would be most of the bytes.
        private var tables: [UInt8] = [0x5B]
        private var terms: [[String]] = []
        private var nameNumbers: [String: Int] = [:], names: [String] = [], usualAnchors: [[String: Int]] = []
        private var columnNames: [Int] = [], columnAnchors: [String] = [], pii: [(Int, String)] = []
        private var shardList: [(Int, Int, String)] = []
        private var shards: [(path: String, script: Data)] = []
        /// The shard being written, open at its descriptions list, and its first column.
        private var shard: (out: [UInt8], from: Int)?

        init(columnsPerShard: Int) {
            self.columnsPerShard = max(1, columnsPerShard)
            tables.reserveCapacity(1 << 20)
        }

        mutating func term(_ entry: SearchIndex.Entry) {
            terms.append([entry.name, entry.context, entry.path, entry.description])
        }

        /// A table's row (`row(of:columns:)`); its columns follow.
        mutating func table(row: some Collection<UInt8>) {
            if tables.count > 1 { tables.append(0x2C) }
            tables += row
        }

        /// A column of the table before, `description` as `description(_:)` writes it.
        mutating func column(name: String, anchor: String, pii kind: String?, description: some Collection<UInt8>) {
            let number = nameNumbers[name] ?? {
                nameNumbers[name] = names.count
                names.append(name)
                usualAnchors.append([:])
                return names.count - 1
            }()
            usualAnchors[number][anchor, default: 0] += 1
            if let kind { pii.append((columnNames.count, kind)) }
            if shard == nil {
                // Keys in sorted order, as JSONSerialization's `.sortedKeys` wrote them.
                var out = SearchScript.opening
                out.reserveCapacity(256 * columnsPerShard)
                out += Array(#"{"descriptions":["#.utf8)
                shard = (out, columnNames.count)
            } else {
                shard?.out.append(0x2C)
            }
            shard?.out += description
            columnNames.append(number)
            columnAnchors.append(anchor)
            if columnNames.count - (shard?.from ?? 0) == columnsPerShard { closeShard() }
        }

        private mutating func closeShard() {
            guard case (var out, let from)? = shard else { return }
            shard = nil  // so that `out` is the buffer's only owner, and grows in place
            let path = "\(SitePlan.searchFolder)/columns-\(shards.count).js"
            shardList.append((from, columnNames.count, path))
            out += Array(#"],"from":"#.utf8)
            CompactJSON.appendInt(from, to: &out)
            out += Array(#","part":"columns"}"#.utf8)
            out += SearchScript.closing
            shards.append((path, Data(out)))
        }

        /// The script, `schemas` as `SearchIndex.schemas`.
        mutating func script(schemas: [String]) -> SearchScript {
            closeShard()
            // Each distinct name's most common anchor, ties to the first in sort order; the rest are exceptions.
            let usual = usualAnchors.map { counts in counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "" }
            let anchors: [(Int, String)] = columnAnchors.enumerated().compactMap { column, anchor in
                anchor == usual[columnNames[column]] ? nil : (column, anchor)
            }
            var out = SearchScript.opening
            out.reserveCapacity(tables.count + 16 * columnNames.count + 64 * names.count + (1 << 16))
            out += Array(#"{"anchors":"#.utf8)
            SearchScript.list(anchors, into: &out) { SearchScript.pair($0.0, $0.1, &$1) }
            out += Array(#","columns":"#.utf8)
            SearchScript.list(columnNames, into: &out) { CompactJSON.appendInt($0, to: &$1) }
            out += Array(#","names":"#.utf8)
            SearchScript.list(Array(zip(names, usual)), into: &out) { name, out in
                out.append(0x5B)
                SearchScript.string(name.0, &out)
                out.append(0x2C)
                SearchScript.string(name.1, &out)
                out.append(0x5D)
            }
            out += Array(#","part":"core","pii":"#.utf8)
            SearchScript.list(pii, into: &out) { SearchScript.pair($0.0, $0.1, &$1) }
            out += Array(#","schemas":"#.utf8)
            SearchScript.list(schemas, into: &out) { SearchScript.string($0, &$1) }
            out += Array(#","shards":"#.utf8)
            SearchScript.list(shardList, into: &out) { shard, out in
                out.append(0x5B)
                CompactJSON.appendInt(shard.0, to: &out)
                out.append(0x2C)
                CompactJSON.appendInt(shard.1, to: &out)
                out.append(0x2C)
                SearchScript.string(shard.2, &out)
                out.append(0x5D)
            }
            out += Array(#","tables":"#.utf8)
            out += tables
            out.append(0x5D)
            out += Array(#","terms":"#.utf8)
            SearchScript.list(terms, into: &out) { term, out in SearchScript.list(term, into: &out) { SearchScript.string($0, &$1) } }
            out += Array(#","version":"#.utf8)
            CompactJSON.appendInt(SearchScript.formatVersion, to: &out)
            out.append(0x7D)
            out += SearchScript.closing
            return SearchScript(core: Data(out), shards: shards)
        }
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

        var bytes: [UInt8] {
            var out: [UInt8] = []
            write(into: &out)
            return out
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
