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
        try ByteStream.collect { try write(catalog, to: &$0) }
    }

    /// The fragment pack's name for catalog.json's parts: the JSON of each table, filed under the table's fingerprint.
    static let fragmentKind = "catalog-json"

    /// The same bytes, with each table's JSON copied from `fragments` (see `write`).
    static func json(_ catalog: Catalog, fingerprints: [TableID: Fingerprint], fragments: FragmentPack) throws -> [UInt8] {
        try ByteStream.collect { try write(catalog, fingerprints: fingerprints, fragments: fragments, to: &$0) }
    }

    /// Streams the bytes `CompactJSON` writes for the whole document, table by table, so that catalog.json is never
    /// held whole (150 MB at 20,000 tables). The document, its sources and its schemas are written here in the order
    /// of their sorted keys (`CatalogDocumentTests` holds this to the whole encoding and to those types' fields); each
    /// table is encoded by `CompactJSON`.
    ///
    /// With `fragments`, each table's JSON is copied from the pack when it has the table's (keyed by the table's
    /// fingerprint, `SiteFingerprints.tables`: the table is all its JSON is encoded from), else encoded and kept there.
    /// The rest (the title, every relationship, the glossary, coverage) is encoded each time: at 5,000 tables it is a
    /// few percent of the bytes.
    static func write(_ catalog: Catalog, fingerprints: [TableID: Fingerprint] = [:], fragments: FragmentPack? = nil,
                      to stream: inout ByteStream) throws {
        let tables = catalog.allTables
        // Two tables of one identity (which no driver reads) would share a fingerprint's bytes: encode those whole.
        let pack = fingerprints.count == tables.count ? fragments : nil
        let kind = fragmentKind
        if let pack {
            // The tables the pack lacks are encoded first, on every core; putting the document together then copies bytes.
            _ = try Parallel.map(count: tables.count, chunkSize: 16) { index, _ in
                guard let key = fingerprints[tables[index].id] else { return }
                try pack.prepare(kind, key) { try CompactJSON.bytes(tables[index], capacity: 1 << 14) }
            }
        }
        func literal(_ text: StaticString) {
            stream.buffer.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        func value(_ value: some Encodable) throws {
            stream.buffer += try CompactJSON.bytes(value, capacity: 1 << 12)
        }
        let document = CatalogDocument(catalog)
        literal(#"{"coverage":"#)
        try value(document.coverage)
        literal(#","glossary":"#)
        try value(document.glossary)
        literal(#","relationships":"#)
        try value(document.relationships)
        literal(#","sources":["#)
        for (number, source) in document.sources.enumerated() {
            if number > 0 { literal(",") }
            literal(#"{"kind":"#)
            try value(source.kind)
            literal(#","name":"#)
            CompactJSON.appendString(source.name, to: &stream.buffer)
            literal(#","schemas":["#)
            for (number, schema) in source.schemas.enumerated() {
                if number > 0 { literal(",") }
                literal(#"{"name":"#)
                CompactJSON.appendString(schema.name, to: &stream.buffer)
                literal(#","tables":["#)
                for (number, table) in schema.tables.enumerated() {
                    if number > 0 { literal(",") }
                    if let pack, let key = fingerprints[table.id] {
                        if !pack.append(kind, key, to: &stream.buffer) {
                            // A part of the pack found damaged as it was read.
                            let bytes = try CompactJSON.bytes(table, capacity: 1 << 14)
                            pack.keep(kind, key, bytes)
                            stream.buffer += bytes
                        }
                    } else {
                        stream.buffer += try CompactJSON.bytes(table, capacity: 1 << 14)
                    }
                    try stream.flushIfFull()
                }
                literal("]}")
            }
            literal("]}")
        }
        literal(#"],"title":"#)
        CompactJSON.appendString(document.title, to: &stream.buffer)
        literal(#","version":"#)
        CompactJSON.appendInt(document.version, to: &stream.buffer)
        literal("}\n")
    }
}
