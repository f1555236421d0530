import Catalog
import ContentHash
import Foundation

/// `catalog.json`: the whole catalog with its format version, for tools that read the site's data.
///
/// The structure is documented in docs/catalog-json.md.
struct CatalogDocument: Encodable {
    var version = Catalog.formatVersion
    var title: String
    var sources: [Source]
    var relationships: [Relationship]
    var glossary: [GlossaryTerm]
    /// How much is described, per source and schema, with the quality score (`Coverage`).
    var coverage: Coverage

    init(_ catalog: Catalog) {
        title = catalog.title
        sources = catalog.sources
        relationships = catalog.everyRelationship
        glossary = catalog.glossary
        coverage = Coverage(catalog)
    }

    /// Compact, keys sorted, one line ending in a newline: at 5,000 tables the pretty-printed form was 94 MB and
    /// its encoding seconds of the build; tools pretty-print it when a person reads it (`jq .`).
    static func json(_ catalog: Catalog) throws -> [UInt8] {
        var bytes = try CompactJSON.bytes(CatalogDocument(catalog), capacity: 1 << 20)
        bytes.append(0x0A)
        return bytes
    }

    /// The fragment pack's name for catalog.json's parts: the JSON of each table, filed under the table's fingerprint.
    static let fragmentKind = "catalog-json"

    /// The same bytes, with each table's JSON copied from `fragments` when it has the table's (keyed by the table's
    /// fingerprint, `SiteFingerprints.tables`: the table is all its JSON is encoded from), else encoded and kept
    /// there. The rest (the title, every relationship, the glossary, coverage) is encoded each time: at 5,000 tables
    /// it is a few percent of the bytes.
    static func json(_ catalog: Catalog, fingerprints: [TableID: Fingerprint], fragments: FragmentPack) throws -> [UInt8] {
        // Two tables of one identity (which no driver reads) would share a fingerprint's bytes: encode those whole.
        guard fingerprints.count == catalog.allTables.count else { return try json(catalog) }
        let kind = fragmentKind
        // The tables the pack lacks are encoded first, on every core; putting the document together then copies bytes.
        let tables = catalog.allTables
        _ = try Parallel.map(count: tables.count, chunkSize: 16) { index, _ in
            guard let key = fingerprints[tables[index].id] else { return }
            try fragments.prepare(kind, key) { try CompactJSON.bytes(tables[index], capacity: 1 << 14) }
        }
        let splice = CompactJSON.Splice<Table>(
            reuse: { table, out in fingerprints[table.id].map { fragments.append(kind, $0, to: &out) } ?? false },
            encoded: { table, bytes in fingerprints[table.id].map { fragments.keep(kind, $0, bytes) } })
        return try CompactJSON.bytes(CatalogDocument(catalog), splicing: splice, trailer: [0x0A])
    }
}
