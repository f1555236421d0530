import Foundation

/// The prebuilt search index: `search.json` for tools, and the same data as the page loads it (`SearchScript`):
/// a compact core and description shards, scripts so the site works from file://.
public struct SearchIndexExporter: Exporter {
    public let name = "search-index"
    /// Where each table's part of the index is kept between builds (`SearchIndexFiles`), so that only the tables that
    /// changed are encoded; nil to encode every table each time.
    let fragments: FragmentPack?

    public init(fragments: FragmentPack? = nil) {
        self.fragments = fragments
    }

    public func export(_ input: ExportInput, into folder: SiteFolder, progress: (String) -> Void) throws -> ExportSummary {
        // Made in one piece from the whole catalog; when anything changed, each part is still written only if its
        // bytes did (a column's new description rewrites search.json and the one shard that holds it).
        let files = try folder.group(name, inputs: input.fingerprints.whole(name)) { folder in
            var search: SearchIndexFiles?
            try folder.write(SitePlan.searchJSON, inputs: input.fingerprints.whole(name), streaming: { stream in
                search = try SearchIndexFiles(input, fragments: fragments, json: &stream)
            })
            if let fragments {
                let counts = fragments.counts(SearchIndexFiles.fragmentKind)
                progress("\(name): \(counts.reused) tables from the fragment pack, \(counts.encoded) encoded")
            }
            // search.json is there already when the group is made again but its inputs are those it had: only the
            // script's files are wanted, and search.json's bytes are dropped as they are made.
            var discarded = ByteStream { _ in }
            let script = try search?.script ?? SearchIndexFiles(input, fragments: fragments, json: &discarded).script
            try folder.write(SitePlan.searchScript, script.core)
            for shard in script.shards { try folder.write(shard.path, shard.script) }
        }
        return ExportSummary(files: files.count)
    }
}
