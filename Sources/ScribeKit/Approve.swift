import Catalog
import Context
import Describe
import Foundation
import SiteGen

/// `scribe-build approve PATTERN...`: the current descriptions of matching tables and columns become
/// approved human text in the context files, where a pull request can review them.
public struct Approve: Sendable {
    public struct Report: Sendable {
        public var edits: [ContextEditor.FileEdit] = []
        /// Matching entities left alone, with why: nothing to approve, or already approved.
        public var skipped: [String] = []
    }

    public var log: Log
    public var environment: [String: String]

    public init(log: Log = .silent, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.log = log
        self.environment = environment
    }

    /// Patterns are globs on `schema.table` or `schema.table.column` (optionally with `source.` in front):
    /// `sales.orders` approves the table, `sales.orders.*` its columns, `sales.*` both.
    public func run(configPath: String, patterns: [String], dryRun: Bool) async throws(BuildError) -> Report {
        let build = Build(log: log, environment: environment)
        let config = try build.stage(.config, subject: nil) { try ConfigLoader(environment: environment).load(path: configPath) }
        var buildReport = Build.Report(output: config.output)
        // The descriptions a build would show, the describer's included (from the cache after a build).
        let (catalog, _) = try await build.describe(try build.readCatalog(config, strict: false, report: &buildReport), config)
        let root = URL(fileURLWithPath: config.file).standardizedFileURL.deletingLastPathComponent()
        let contextFolder = URL(fileURLWithPath: config.context)
        let context = try build.stage(.context, subject: nil) { try ContextLoader().load(folder: contextFolder, displayRoot: root) }

        var report = Report()
        var approvals: [ContextEditor.Approval] = []
        func matches(_ names: [String]) -> Bool {
            patterns.contains { pattern in names.contains { TableFilter.matches($0, pattern) } }
        }
        let builder = RequestBuilder(catalog)
        for table in catalog.allTables {
            let id = table.id
            let short = "\(id.schema).\(id.name)"
            var entities: [(String?, Description?, String)] = [(nil, table.description, short)]
            entities += table.columns.map { ($0.name, $0.description, "\(short).\($0.name)") }
            let wanted = entities.filter { matches([$0.2, "\(id.source).\($0.2)"]) }
            guard !wanted.isEmpty else { continue }
            let fingerprints = Staleness.fingerprints(of: table, in: builder)
            for (column, description, label) in wanted {
                guard let description, !description.text.isEmpty else {
                    report.skipped.append("\(label): no description to approve")
                    continue
                }
                let now = column.map { fingerprints.columns[$0] } ?? fingerprints.table
                // Approved text is approved again only when its entity changed since (it is stale).
                if description.origin == .human, description.status == .approved, description.inputsHash == nil || description.inputsHash == now {
                    report.skipped.append("\(label): already approved")
                    continue
                }
                approvals.append(.init(table: id, column: column, text: description.text, isHuman: description.origin == .human, inputsHash: now))
            }
        }
        // The same names `init` gives: unique among each schema's tables.
        var fileNames: [TableID: String] = [:]
        for source in catalog.sources {
            for schema in source.schemas {
                let names = FileName.unique(for: schema.tables.map(\.name))
                for table in schema.tables { fileNames[table.id] = names[table.name] }
            }
        }
        let edits = try build.stage(.context, subject: nil) {
            try ContextEditor(folder: contextFolder, displayRoot: root, catalog: catalog, context: context,
                              newFile: { [fileNames] id in Scaffold.contextFile(for: id, fileName: fileNames[id]) }).plan(approvals)
        }
        report.edits = edits
        guard !dryRun else { return report }
        for edit in edits {
            try build.stage(.write, subject: edit.display) {
                try FileManager.default.createDirectory(at: edit.path.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(edit.text.utf8).write(to: edit.path, options: .atomic)
            }
        }
        return report
    }
}
