import Catalog
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
    static func json(_ catalog: Catalog) throws -> Data {
        var data = try CompactJSON.encode(CatalogDocument(catalog))
        data.append(0x0A)
        return data
    }
}
