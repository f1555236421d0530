import Catalog
import Context
import Describe
import Foundation

/// `scribe-build approve PATTERN...`: the current descriptions of matching tables and columns are recorded
/// as approved in the approvals ledger (`content/context/_approvals.yml`), where a pull request reviews them.
///
/// No file a person wrote is touched: the ledger is the tool's own file, rewritten whole.
public struct Approve: Sendable {
    public struct Report: Sendable {
        /// The ledger's path, as shown to the user.
        public var ledger = ""
        /// One line per entity recorded: `main.orders: "One row per order…" approved`.
        public var changes: [String] = []
        /// Matching entities left alone, with why: nothing to approve, or already approved.
        public var skipped: [String] = []
    }

    public var log: Log
    public var environment: [String: String]
    /// Who approves, recorded as `approved_by` when known (`--by`, else `git config user.name`).
    public var approver: String?
    /// The day of the approval, `YYYY-MM-DD`.
    public var today: String

    public init(log: Log = .silent, environment: [String: String] = ProcessInfo.processInfo.environment,
                approver: String? = nil, today: String = Approve.day(Date())) {
        self.log = log
        self.environment = environment
        self.approver = approver
        self.today = today
    }

    /// Patterns are globs on `schema.table` or `schema.table.column` (optionally with `source.` in front):
    /// `sales.orders` approves the table, `sales.orders.*` its columns, `sales.*` both.
    public func run(configPath: String, patterns: [String], dryRun: Bool) async throws(BuildError) -> Report {
        let build = Build(log: log, environment: environment)
        // The descriptions a build would show, the describer's included (from the cache after a build).
        let state = try await build.run(Pipeline.described, .init(configPath: configPath))
        let (config, catalog) = (state.config, state.catalog)
        let root = URL(fileURLWithPath: config.file).standardizedFileURL.deletingLastPathComponent()
        let contextFolder = URL(fileURLWithPath: config.context)
        var ledger = try build.stage(.context, subject: nil) { try ApprovalLedger.read(folder: contextFolder, displayRoot: root) }

        var report = Report(ledger: ContextLoader.display(contextFolder.appendingPathComponent(ApprovalLedger.fileName), relativeTo: root))
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
                ledger.record(.init(table: id, column: column, text: description.text, inputsHash: now,
                                    approvedBy: approver, approvedOn: today))
                report.changes.append("\(label): \"\(Self.short(description.text))\" approved")
            }
        }
        guard !dryRun, !report.changes.isEmpty else { return report }
        try build.stage(.write, subject: nil) { try ledger.write(folder: contextFolder, displayRoot: root) }
        return report
    }

    /// A day as the ledger records it, in UTC so that it does not depend on where CI runs.
    public static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    static func short(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " ")
        return line.count > 60 ? String(line.prefix(59)) + "…" : line
    }
}
