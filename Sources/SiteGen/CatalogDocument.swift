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

    static func json(_ catalog: Catalog) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(CatalogDocument(catalog))
        data.append(0x0A)
        return data
    }
}
