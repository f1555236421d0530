import Foundation

/// The prebuilt search index: `search.json` for tools, and the same data as the page loads it (`SearchScript`):
/// a compact core and description shards, scripts so the site works from file://.
public struct SearchIndexExporter: Exporter {
    public let name = "search-index"

    public init() {}

    public func export(_ input: ExportInput, into folder: SiteFolder, progress: (String) -> Void) throws -> ExportSummary {
        // Made in one piece from the whole catalog; when anything changed, each part is still written only if its
        // bytes did (a column's new description rewrites search.json and the one shard that holds it).
        let files = try folder.group(name, inputs: input.fingerprints.whole(name)) { folder in
            let search = SearchIndex(input.catalog, plan: input.plan, index: input.index)
            try folder.write(SitePlan.searchJSON, try search.json())
            let script = try SearchScript(search)
            try folder.write(SitePlan.searchScript, script.core)
            for shard in script.shards { try folder.write(shard.path, shard.script) }
        }
        return ExportSummary(files: files.count)
    }
}
