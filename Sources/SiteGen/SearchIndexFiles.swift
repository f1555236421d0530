import Catalog
import ContentHash
import Foundation

/// The search index's files (`search.json`, and `search-index.js` with its shards, `SearchScript`) put together
/// table by table, byte for byte what `SearchIndex(catalog).json()` and `SearchScript(_:)` write, so that a build
/// where one table changed encodes that table's part and copies every other from the fragment pack.
///
/// A table's part is its entries as search.json has them, its row in the core and its columns' descriptions as the
/// shards have them. It is filed under a fingerprint of all it is encoded from: the table (its fingerprint in
/// `SiteFingerprints`), where it and its columns live (its address fingerprint), its schema's number and the names
/// of the tables it is related to. What is numbered across the whole catalog (the schemas, the glossary's terms,
/// each distinct column name with its usual anchor, each column's position, where the shards begin) is worked out
/// again every time, from names and anchors alone: no description is encoded for a table whose part is reused.
struct SearchIndexFiles {
    /// The fragment pack's name for the search index's parts.
    static let fragmentKind = "search-index"
    /// Tables whose parts are made at once, on every core.
    static let tablesPerSlice = 1_000

    var script: SearchScript

    /// search.json and the script whole, for tests and callers that want the bytes.
    static func whole(_ input: ExportInput, fragments: FragmentPack?, columnsPerShard: Int = SearchScript.columnsPerShard)
        throws -> (json: Data, script: SearchScript) {
        var script: SearchScript?
        let json = try ByteStream.collect { script = try SearchIndexFiles(input, fragments: fragments, columnsPerShard: columnsPerShard, json: &$0).script }
        return (Data(json), script!)
    }

    /// Streams search.json into `json` (80 MB at 20,000 tables: never held whole) and keeps the script's files.
    /// `fragments` nil encodes every table's part and keeps none.
    init(_ input: ExportInput, fragments: FragmentPack?, columnsPerShard: Int = SearchScript.columnsPerShard,
         json stream: inout ByteStream) throws {
        let catalog = input.catalog, plan = input.plan
        let fingerprints = input.fingerprints
        let tables = catalog.allTables
        // Two tables of one identity (which no driver reads) would share a part: then every part is encoded.
        let pack = fingerprints.tables.count == tables.count ? fragments : nil
        let (schemaNumbers, schemas) = SearchIndex.schemaNumbers(catalog)
        var parts = SearchScript.Parts(columnsPerShard: columnsPerShard)

        stream.buffer += Array(#"{"entries":["#.utf8)
        var first = true
        let terms = SearchIndex.termEntries(catalog, plan)
        for term in terms { parts.term(term) }
        if !terms.isEmpty {
            stream.buffer += try Self.elements(terms)
            first = false
        }

        // Each table's part is made on every core, a slice of tables at a time (so that no more than a slice of
        // parts is held beside the files), then put in its place in order.
        func part(of table: Table) throws -> TablePart? {
            guard let page = plan.tablePage(table.id) else { return nil }
            let schema = schemaNumbers[SitePlan.SchemaKey(source: table.id.source, schema: table.id.schema)]
            let related = SearchIndex.related(table, input.index)
            let key = Self.key(table.id, schema: schema, related: related, fingerprints)
            if let pack, let key, let stored = pack.bytes(Self.fragmentKind, key),
               let read = TablePart(stored: stored, columns: table.columns.count) {
                return read
            }
            let part = try TablePart(SearchIndex.entries(of: table, page: page, schema: schema, related: related, plan: plan))
            if let pack, let key { pack.keep(Self.fragmentKind, key, part.stored) }
            return part
        }
        for start in stride(from: 0, to: tables.count, by: Self.tablesPerSlice) {
            let slice = start..<min(start + Self.tablesPerSlice, tables.count)
            let made = try Parallel.map(count: slice.count, chunkSize: 8) { offset, _ in try part(of: tables[slice.lowerBound + offset]) }
            for (table, part) in zip(tables[slice], made) {
                guard let part else { continue }
                if !first { stream.buffer.append(0x2C) }
                first = false
                stream.buffer += part.bytes[part.json]
                parts.table(row: part.bytes[part.row])
                let anchors = plan.columnAnchors(of: table.id)
                for (column, description) in zip(table.columns, part.descriptions) {
                    parts.column(name: column.name, anchor: anchors?[ExactName(column.name)] ?? "", pii: column.pii?.kind.rawValue,
                                 description: part.bytes[description])
                }
                try stream.flushIfFull()
            }
        }
        stream.buffer += Array(#"],"schemas":"#.utf8)
        stream.buffer += try CompactJSON.bytes(schemas, capacity: 64 * schemas.count + 16)
        stream.buffer += Array(#","version":"#.utf8)
        CompactJSON.appendInt(SearchIndex.formatVersion, to: &stream.buffer)
        stream.buffer.append(0x7D)
        script = parts.script(schemas: schemas)
    }

    /// The fingerprint a table's part is filed under, or nil for a table `fingerprints` does not know.
    static func key(_ id: TableID, schema: Int?, related: String?, _ fingerprints: SiteFingerprints) -> Fingerprint? {
        guard let table = fingerprints.tables[id], let address = fingerprints.addresses[id] else { return nil }
        var hasher = FingerprintHasher()
        hasher.combine(table)
        hasher.combine(address)
        hasher.combine(schema ?? -1)
        hasher.combine(related != nil)
        hasher.combine(related ?? "")
        return hasher.finalize()
    }

    /// Entries as the elements of search.json's list, without the brackets around them.
    static func elements(_ entries: [SearchIndex.Entry]) throws -> ArraySlice<UInt8> {
        let list = try CompactJSON.bytes(entries, capacity: 256 * entries.count)
        return list[1..<(list.count - 1)]
    }

    /// One table's part: its bytes, and where in them are its entries, its row and each column's description.
    struct TablePart {
        var bytes: [UInt8]
        var json: Range<Int>
        var row: Range<Int>
        var descriptions: [Range<Int>]

        /// Encodes the part from the table's entries (`SearchIndex.entries(of:…)`): the table's, then its columns'.
        init(_ entries: [SearchIndex.Entry]) throws {
            bytes = Array(try SearchIndexFiles.elements(entries))
            json = 0..<bytes.count
            bytes += SearchScript.row(of: entries[0], columns: entries.count - 1)
            row = json.upperBound..<bytes.count
            descriptions = []
            descriptions.reserveCapacity(entries.count - 1)
            for column in entries.dropFirst() {
                let start = bytes.count
                SearchScript.description(column.description, into: &bytes)
                descriptions.append(start..<bytes.count)
            }
        }

        /// As the pack keeps it: a line of the lengths of its entries, its row and each description, then the bytes.
        var stored: [UInt8] {
            var out = Array(([json.count, row.count] + descriptions.map(\.count)).map(String.init).joined(separator: " ").utf8)
            out.append(0x0A)
            return out + bytes
        }

        /// Reads what `stored` wrote; nil unless it holds a description for each of `columns` columns and nothing more.
        init?(stored: [UInt8], columns: Int) {
            guard let newline = stored.firstIndex(of: 0x0A) else { return nil }
            let lengths = String(decoding: stored[..<newline], as: UTF8.self).split(separator: " ").compactMap { Int($0) }
            guard lengths.count == 2 + columns, lengths.allSatisfy({ $0 >= 0 }),
                  lengths.reduce(0, +) == stored.count - newline - 1 else { return nil }
            bytes = stored
            var offset = newline + 1
            var ranges = lengths.map { length in
                defer { offset += length }
                return offset..<(offset + length)
            }
            json = ranges.removeFirst()
            row = ranges.removeFirst()
            descriptions = ranges
        }
    }
}
