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
        var tables: [[Any]] = [], terms: [[Any]] = []
        var nameNumbers: [String: Int] = [:], names: [String] = [], usualAnchors: [[String: Int]] = []
        var columnNames: [Int] = [], columnAnchors: [String] = [], descriptions: [String] = [], pii: [[Any]] = []
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
                if let kind = entry.pii { pii.append([columnNames.count, kind]) }
                columnNames.append(number)
                columnAnchors.append(anchor)
                descriptions.append(entry.description)
                tables[tables.count - 1][7] = (tables[tables.count - 1][7] as? Int ?? 0) + 1
            default:
                // kind, name, schema number, path, description, pii kinds, related names, column count.
                tables.append([entry.kind, entry.name, entry.schema.map { $0 as Any } ?? NSNull(), entry.path, entry.description,
                               entry.pii ?? "", entry.related ?? "", 0])
            }
        }
        // Each distinct name's most common anchor, ties to the first in sort order; the rest are exceptions.
        let usual = usualAnchors.map { counts in counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "" }
        let anchors: [[Any]] = columnAnchors.enumerated().compactMap { column, anchor in
            anchor == usual[columnNames[column]] ? nil : [column, anchor]
        }
        var shardList: [[Any]] = []
        var shards: [(String, Data)] = []
        let size = max(1, columnsPerShard)
        for (number, start) in stride(from: 0, to: descriptions.count, by: size).enumerated() {
            let end = min(start + size, descriptions.count)
            let path = "\(SitePlan.searchFolder)/columns-\(number).js"
            shardList.append([start, end, path])
            shards.append((path, try Self.script(["part": "columns", "from": start, "descriptions": Array(descriptions[start..<end])])))
        }
        core = try Self.script([
            "part": "core", "version": Self.formatVersion, "schemas": index.schemas, "terms": terms, "tables": tables,
            "names": zip(names, usual).map { [$0, $1] }, "columns": columnNames, "anchors": anchors, "pii": pii, "shards": shardList,
        ])
        self.shards = shards
    }

    /// A part as a script that hands it to the page, its JSON escaped as `ScriptJSON` escapes it, so no name can
    /// close the script element.
    static func script(_ part: [String: Any]) throws -> Data {
        let json = try JSONSerialization.data(withJSONObject: part, options: [.sortedKeys, .withoutEscapingSlashes])
        return Data(("(window.scribeSearch = window.scribeSearch || []).push(" + ScriptJSON.safe(String(decoding: json, as: UTF8.self)) + ");\n").utf8)
    }
}
