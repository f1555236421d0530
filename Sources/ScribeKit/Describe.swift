import Catalog
import Describe
import Foundation

/// `scribe-build describe PATTERN... --hint TEXT`: asks the describer again for matching tables, as if
/// their context files carried the hint, and shows the new text next to the old, without editing a file
/// or the site. A quick try before writing the hint down for good.
///
/// The answers are cached like a build's: once the same words are in the table's `hints:` (after any
/// hints already there), the next build uses the answer without a call.
public struct Describe: Sendable {
    /// One described entity, before and after.
    public struct Change: Sendable, Equatable {
        /// `schema.table`, or `schema.table.column`.
        public var label: String
        public var before: String?
        public var after: String?
    }

    public struct Report: Sendable {
        public var changes: [Change] = []
        /// Matching tables with nothing the describer may write: every description comes from people,
        /// a database comment or a template.
        public var untouched: [String] = []
        public var describe = DescribeStage.Report()
        public var provider = ""
    }

    public var log: Log
    public var environment: [String: String]

    public init(log: Log = .silent, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.log = log
        self.environment = environment
    }

    public func run(configPath: String, patterns: [String], hint: String?) async throws(BuildError) -> Report {
        let build = Build(log: log, environment: environment)
        var state = try await build.run(Pipeline.catalog, .init(configPath: configPath))
        let config = state.config
        var catalog = state.catalog
        let selected = Set(catalog.allTables.map(\.id).filter { Build.matches($0, patterns) })
        guard !selected.isEmpty else {
            throw BuildError(stage: .describe, message: "no table matches \(patterns.joined(separator: " ")); "
                + "patterns are globs on schema.table or source.schema.table")
        }
        // The hint joins the table's own hints, after them.
        if let hint, !hint.isEmpty { catalog = Self.adding(hint: hint, to: selected, in: catalog) }
        // What will be asked for (a wide table in parts), and before the call moves them, the newest answers
        // the cache holds for those parts.
        let cache = Build.answerCache(config)
        var before: [TableID: TableAnswer] = [:]
        var askedForTable: Set<TableID> = []
        var askedColumns: [TableID: Set<ExactName>] = [:]
        for request in RequestBuilder.requests(for: catalog) where selected.contains(request.table) {
            if let answer = cache.latest(for: request.entity) { before[request.table] = before[request.table]?.merging(answer) ?? answer }
            if request.describeTable { askedForTable.insert(request.table) }
            askedColumns[request.table, default: []].formUnion(request.wanted.map(ExactName.init))
        }
        state.catalog = catalog
        state.reuse = { _ in .improve }
        state.select = { selected.contains($0) }
        try await build.run([Pipeline.describeStage], on: &state)
        let after = state.catalog
        var report = Report(describe: state.report.describe, provider: config.describe.provider.rawValue)
        // Entities whose text is the describer's (a pending table's stay empty).
        for table in after.allTables where selected.contains(table.id) {
            let label = "\(table.id.schema).\(table.id.name)"
            guard let columns = askedColumns[table.id] else {
                report.untouched.append(label)
                continue
            }
            let old = before[table.id]
            func text(_ description: Description?) -> String? { description?.origin == .model ? description?.text : nil }
            if askedForTable.contains(table.id) {
                report.changes.append(Change(label: label, before: old?.table, after: text(table.description)))
            }
            for column in table.columns where columns.contains(ExactName(column.name)) {
                report.changes.append(Change(label: "\(label).\(column.name)", before: old?.columns[column.name], after: text(column.description)))
            }
        }
        return report
    }

    static func adding(hint: String, to tables: Set<TableID>, in catalog: Catalog) -> Catalog {
        catalog.updatingTables { table in
            guard tables.contains(table.id) else { return }
            var context = table.context ?? EntityContext()
            context.hints = [context.hints, hint].compactMap { $0 }.joined(separator: "\n\n")
            table.context = context
        }
    }
}
