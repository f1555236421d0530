import Catalog
import Context
import Foundation
import SiteGen

/// `scribe-build erd PATTERN... [--depth N] --format svg|png|pdf --output FILE`: the diagram of any chosen set of
/// tables and those within `depth` steps of them, as one file.
///
/// It reads the catalog a build starts from (introspect, context, profile, relationships), so the diagram draws
/// the same relationships as the site, and describes nothing and writes no site. The file links nowhere: it is
/// meant to travel without the site beside it. It is written whole under a temporary name, then renamed.
public struct DiagramExport: Sendable {
    public struct Report: Sendable, Equatable {
        /// The file written, as given.
        public var output: String
        public var chosen: Int
        public var reached: Int
        public var drawn: Int
        /// Set when the selection reaches more tables than the diagram draws.
        public var note: String?
    }

    public var log: Log
    public var environment: [String: String]
    /// Renders one graph in a format; graphviz's `dot` unless a test says otherwise.
    public var render: @Sendable (String, Graphviz.Format) throws -> Data

    public init(log: Log = .silent, environment: [String: String] = ProcessInfo.processInfo.environment,
                render: @escaping @Sendable (String, Graphviz.Format) throws -> Data = { try Graphviz.document($0, format: $1) }) {
        self.log = log
        self.environment = environment
        self.render = render
    }

    /// Draws the tables matching `patterns` (globs on schema.table or source.schema.table, as every command takes
    /// them) and those within `depth` steps, at most `ERDiagram.selectionTableLimit`, into `output`. A pattern that
    /// matches no table is an error, and then nothing is written.
    public func run(configPath: String, patterns: [String], depth: Int, format: Graphviz.Format, output: String,
                    limit: Int = ERDiagram.selectionTableLimit) async throws(BuildError) -> Report {
        let build = Build(log: log, environment: environment)
        let destination = URL(fileURLWithPath: ConfigLoader.resolve(output, against: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
        // Refuse a place the file cannot go before spending time on the databases.
        if let problem = Self.problem(writing: destination) {
            throw BuildError(stage: .write, subject: output, message: "cannot write the diagram there: \(problem)")
        }
        let catalog = try await build.run(Pipeline.catalog, .init(configPath: configPath)).catalog
        let chosen = try Self.tables(matching: patterns, in: catalog)
        let erd = ERDiagram(catalog: catalog, plan: SitePlan(catalog), index: CatalogIndex(catalog)).withoutLinks
        let selection = erd.selection(of: chosen, depth: depth, limit: limit, diagramPath: "diagram.svg")
        let data = try build.stage(.render, subject: nil) { try render(selection.dot, format) }
        try build.stage(.write, subject: output) { try data.write(to: destination, options: .atomic) }
        return Report(output: output, chosen: chosen.count, reached: selection.reached.count, drawn: selection.drawnTables,
                      note: selection.note)
    }

    /// The tables matching any of `patterns`, in catalog order; every table when there are none. A pattern that
    /// matches nothing is an error naming it, with the closest names.
    static func tables(matching patterns: [String], in catalog: Catalog) throws(BuildError) -> [TableID] {
        let ids = catalog.allTables.map(\.id)
        let unmatched = patterns.filter { pattern in !ids.contains { Build.matches($0, [pattern]) } }
        guard unmatched.isEmpty else {
            throw BuildError(stage: .render, message: noMatch(unmatched, among: ids, namingSources: catalog.sources.count > 1))
        }
        return patterns.isEmpty ? ids : ids.filter { Build.matches($0, patterns) }
    }

    /// "no table matches `sales.ordrs` (did you mean `sales.orders`?)", with how patterns are written.
    static func noMatch(_ patterns: [String], among ids: [TableID], namingSources: Bool) -> String {
        let names = ids.map { "\($0.schema).\($0.name)" } + (namingSources ? ids.map(\.description) : [])
        let listed = patterns.map { pattern in
            "`\(pattern)`" + (Suggestion.closest(to: pattern, among: names).map { " (did you mean `\($0)`?)" } ?? "")
        }
        return "no table matches " + listed.joined(separator: ", ")
            + "; patterns are globs on schema.table or source.schema.table, such as `main.orders` or `main.order*`; nothing was written"
    }

    /// Why no file can be written at `url`, or nil when it can: its folder must exist and be writable, and it must
    /// not be a folder itself.
    static func problem(writing url: URL) -> String? {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            return "it is a folder; give a file name, such as \(url.lastPathComponent)/diagram.svg"
        }
        let folder = url.deletingLastPathComponent().path
        guard manager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            return "the folder \(folder) does not exist"
        }
        return access(folder, W_OK) == 0 ? nil : "you may not write in \(folder) (permission denied)"
    }
}
