import Foundation

/// `catalog.json`: the whole catalog for tools that read the site's data (docs/catalog-json.md).
public struct CatalogJSONExporter: Exporter {
    public let name = "catalog-json"

    public init() {}

    public func export(_ input: ExportInput, into folder: SiteFolder, progress: (String) -> Void) throws -> ExportSummary {
        try folder.write(SitePlan.catalogJSON, inputs: input.fingerprints.whole(name)) { try CatalogDocument.json(input.catalog) }
        return ExportSummary(files: 1)
    }
}
