import Foundation

/// `catalog.json`: the whole catalog for tools that read the site's data (docs/catalog-json.md).
public struct CatalogJSONExporter: Exporter {
    public let name = "catalog-json"
    /// Where each table's JSON is kept between builds, so that only the tables that changed are encoded; nil to
    /// encode the whole file each time (`export --format json`, a build without a cache folder).
    let fragments: FragmentPack?

    public init(fragments: FragmentPack? = nil) {
        self.fragments = fragments
    }

    public func export(_ input: ExportInput, into folder: SiteFolder, progress: (String) -> Void) throws -> ExportSummary {
        try folder.write(SitePlan.catalogJSON, inputs: input.fingerprints.whole(name), streaming: { stream in
            guard let fragments else { return try CatalogDocument.write(input.catalog, to: &stream) }
            try CatalogDocument.write(input.catalog, fingerprints: input.fingerprints.tables, fragments: fragments, to: &stream)
            let counts = fragments.counts(CatalogDocument.fragmentKind)
            progress("\(name): \(counts.reused) tables from the fragment pack, \(counts.encoded) encoded")
        })
        return ExportSummary(files: 1)
    }
}
