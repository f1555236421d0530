import Catalog
import Context
import Foundation

/// `scribe-build relationships [PATTERN...]` lists the relationships the stage inferred, and
/// `relationships accept|reject PATTERN...` records what people decide about them in the relationships
/// ledger (`content/context/_relationships.yml`), where a pull request reviews them.
///
/// Both read the catalog a build starts from (introspect, context, profile, relationships); no file a
/// person wrote is touched: the ledger is the tool's own file, rewritten whole.
public struct RelationshipReview: Sendable {
    /// `accepted` or `rejected`.
    public typealias Decision = RelationshipDecision

    /// Which inferred relationships a listing shows, by status.
    public enum Shown: String, Sendable, CaseIterable {
        case suggested, accepted, rejected, all

        func includes(_ status: Relationship.Status) -> Bool {
            self == .all || rawValue == status.rawValue
        }
    }

    /// What a listing found: the relationships in order, and what to say about what it did not find.
    public struct Listing: Sendable {
        public var relationships: [Relationship]
        public var shown: Shown
        public var patterns: [String]
        /// Patterns that match none of the relationships listed.
        public var unmatched: [String]
        /// The threshold suggestions had to reach (site.yml's, or `--min-confidence`).
        public var minConfidence: Double
        /// With several sources, ends are named `source.schema.table.column`.
        public var namesSources: Bool

        /// One block per relationship: `main.orders.customer_id → main.customers.id  0.90  suggested`, then its
        /// evidence, indented; or a sentence saying nothing matched.
        public func text() -> String {
            guard !relationships.isEmpty else {
                let what = shown == .all ? "inferred" : shown.rawValue
                var text = "No \(what) relationships match" + (patterns.isEmpty ? "" : " " + patterns.map { "`\($0)`" }.joined(separator: ", "))
                if shown == .suggested { text += " (min_confidence \(RelationshipReview.format(minConfidence)); --min-confidence lowers it)" }
                return text + ".\n"
            }
            var lines: [String] = []
            for relationship in relationships {
                let status = relationship.status.rawValue + (relationship.decidedBy.map { " by \($0)" } ?? "")
                lines.append("\(RelationshipReview.label(relationship, namingSources: namesSources))  "
                    + "\(relationship.confidence.map(RelationshipReview.format) ?? "-")  \(status)")
                lines += relationship.evidence.map { "    \($0)" }
            }
            return lines.joined(separator: "\n") + "\n"
        }

        /// The relationships as catalog.json writes them.
        public func json() throws -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(relationships), as: UTF8.self) + "\n"
        }
    }

    /// What `accept` or `reject` recorded, and what it left alone.
    public struct Decisions: Sendable {
        /// The ledger's path, as shown to the user.
        public var ledger = ""
        /// One line per decision recorded: `main.orders.customer_id → main.customers.id (0.90): accepted`.
        public var changes: [String] = []
        /// Matching relationships left alone, with why: decided so already, or written in a context file.
        public var skipped: [String] = []
    }

    public var log: Log
    public var environment: [String: String]
    /// Who decides, recorded as `decided_by` when known (`--by`, else `git config user.name`).
    public var decidedBy: String?
    /// The day of the decision, `YYYY-MM-DD` in UTC.
    public var today: String

    public init(log: Log = .silent, environment: [String: String] = ProcessInfo.processInfo.environment,
                decidedBy: String? = nil, today: String = Approve.day(Date())) {
        self.log = log
        self.environment = environment
        self.decidedBy = decidedBy
        self.today = today
    }

    /// The inferred relationships with a status `shown` whose from end matches a pattern (every one without
    /// patterns), surest first. `minConfidence` overrides `relationships.min_confidence` of every source.
    public func list(configPath: String, patterns: [String] = [], shown: Shown = .suggested,
                     minConfidence: Double? = nil) async throws(BuildError) -> Listing {
        let (config, catalog) = try await catalog(configPath: configPath, minConfidence: minConfidence)
        let listed = catalog.relationships.filter { $0.origin == .inferred && shown.includes($0.status) }
        let matching = patterns.isEmpty ? listed : listed.filter { relationship in patterns.contains { Self.matches(relationship, $0) } }
        let namesSources = catalog.sources.count > 1
        let sorted = matching.sorted { a, b in
            // Surest first; relationships people decided without a confidence last.
            let (x, y) = (a.confidence ?? -1, b.confidence ?? -1)
            if x != y { return x > y }
            return Self.label(a, namingSources: true).exactlyPrecedes(Self.label(b, namingSources: true))
        }
        return Listing(relationships: sorted, shown: shown, patterns: patterns,
                       unmatched: patterns.filter { pattern in !listed.contains { Self.matches($0, pattern) } },
                       minConfidence: minConfidence ?? config.relationships.minConfidence, namesSources: namesSources)
    }

    /// Records `decision` in the ledger for every relationship whose from end matches a pattern: suggestions,
    /// and for `rejected` also those accepted before (and for `accepted` those rejected in the ledger). A
    /// pattern that matches no relationship at all is an error, and then nothing is recorded: a typo must not
    /// pass for a decision. Relationships written in a context file are decided there and left alone.
    public func decide(_ decision: RelationshipDecision, configPath: String, patterns: [String], minConfidence: Double? = nil,
                       dryRun: Bool = false) async throws(BuildError) -> Decisions {
        let (config, catalog) = try await catalog(configPath: configPath, minConfidence: minConfidence)
        let root = URL(fileURLWithPath: config.file).standardizedFileURL.deletingLastPathComponent()
        let contextFolder = URL(fileURLWithPath: config.context)
        let build = Build(log: log, environment: environment)
        var ledger = try build.stage(.context, subject: nil) { try RelationshipLedger.read(folder: contextFolder, displayRoot: root) }

        // Declared foreign keys are not among them: they stay with their tables.
        let candidates = catalog.relationships
        let unmatched = patterns.filter { pattern in !candidates.contains { Self.matches($0, pattern) } }
        guard unmatched.isEmpty else {
            throw BuildError(stage: .relationships, message: "no relationship matches " + unmatched.map { "`\($0)`" }.joined(separator: ", ")
                + "; patterns are globs on the from side's schema.table.column (source.schema.table.column with several sources), "
                + "such as `main.orders.*`, and `scribe-build relationships --status all` lists them (`--min-confidence` shows "
                + "those less sure). Nothing was recorded")
        }
        let namesSources = catalog.sources.count > 1
        var report = Decisions(ledger: ContextLoader.display(contextFolder.appendingPathComponent(RelationshipLedger.fileName), relativeTo: root))
        for relationship in candidates where patterns.contains(where: { Self.matches(relationship, $0) }) {
            let label = Self.label(relationship, namingSources: namesSources)
            let inLedger = ledger.entry(for: relationship.pair) != nil
            if relationship.origin == .documented || (relationship.status == .rejected && !inLedger) {
                report.skipped.append("\(label): written in a context file; change it there")
                continue
            }
            guard relationship.status != decision.status else {
                report.skipped.append("\(label): already \(decision.rawValue)")
                continue
            }
            ledger.record(.init(from: relationship.from, to: relationship.to, decision: decision, confidence: relationship.confidence,
                                decidedBy: decidedBy, decidedOn: today))
            report.changes.append("\(label)" + (relationship.confidence.map { " (\(Self.format($0)))" } ?? "") + ": \(decision.rawValue)")
        }
        guard !dryRun, !report.changes.isEmpty else { return report }
        try build.stage(.write, subject: nil) { try ledger.write(folder: contextFolder, displayRoot: root) }
        return report
    }

    /// The catalog a build starts from, with the relationships it infers at this threshold.
    private func catalog(configPath: String, minConfidence: Double?) async throws(BuildError) -> (SiteConfig, Catalog) {
        let state = try await Build(log: log, environment: environment).run(Pipeline.catalog, .init(configPath: configPath)) { config in
            guard let minConfidence else { return }
            config.relationships.minConfidence = minConfidence
            for source in config.sourceRelationships.keys { config.sourceRelationships[source]?.minConfidence = minConfidence }
        }
        return (state.config, state.catalog)
    }

    /// Whether the from end's `schema.table.column` (or `source.schema.table.column`) matches `pattern`; a
    /// relationship of several columns matches through any of them, or as `schema.table.a+b`.
    static func matches(_ relationship: Relationship, _ pattern: String) -> Bool {
        let end = relationship.from
        let table = "\(end.table.schema).\(end.table.name)"
        let names = (end.columns + [end.columns.joined(separator: "+")]).map { "\(table).\($0)" }
        return (names + names.map { "\(end.table.source).\($0)" }).contains { TableFilter.matches($0, pattern) }
    }

    /// `schema.table.column → schema.table.column`, each end with its source in front when `namingSources`.
    static func label(_ relationship: Relationship, namingSources: Bool) -> String {
        func name(_ end: Relationship.End) -> String { (namingSources ? "\(end.table.source)." : "") + end.description }
        return "\(name(relationship.from)) → \(name(relationship.to))"
    }

    static func format(_ confidence: Double) -> String {
        String(format: "%.2f", confidence)
    }
}
