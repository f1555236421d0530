import Foundation

/// The prebuilt search index: `search.json`, and the same data as a script so the site works from file://.
public struct SearchIndexExporter: Exporter {
    public let name = "search-index"

    public init() {}

    public func export(_ input: ExportInput, into folder: SiteFolder, progress: (String) -> Void) throws -> ExportSummary {
        let search = SearchIndex(input.catalog, plan: input.plan, index: input.index)
        try folder.write(SitePlan.searchJSON, try search.json())
        try folder.write(SitePlan.searchScript, try search.script())
        return ExportSummary(files: 2)
    }
}
