import Catalog
import Foundation
import Yams

/// What people decided about suggested relationships with `scribe-build relationships accept|reject`:
/// `content/context/_relationships.yml`, a file the tool owns, like the approvals ledger and for the same
/// reason: a decision never edits a line a person wrote, and a pull request shows it as a few added lines.
///
/// Each entry names both ends exactly (source, schema, table, columns), so a decision applies to that pair
/// whatever else the stage finds later. A relationship written in a person's context file wins over it.
public struct RelationshipLedger: Sendable {
    /// One decision: which columns join which, accepted or rejected, by whom and when.
    public struct Entry: Sendable, Hashable {
        public var from: Relationship.End
        public var to: Relationship.End
        public var decision: RelationshipDecision
        /// How sure the stage was when the decision was made; for reviewers, the stage says it again each build.
        public var confidence: Double?
        public var decidedBy: String?
        /// `YYYY-MM-DD`, UTC.
        public var decidedOn: String?

        public init(from: Relationship.End, to: Relationship.End, decision: RelationshipDecision, confidence: Double? = nil,
                    decidedBy: String? = nil, decidedOn: String? = nil) {
            self.from = from
            self.to = to
            self.decision = decision
            self.confidence = confidence
            self.decidedBy = decidedBy
            self.decidedOn = decidedOn
        }

        /// `schema.table.column → schema.table.column`, as the command reports it.
        public var label: String { "\(from) → \(to)" }

        public var pair: Relationship.Pair { relationship.pair }

        /// The relationship it stands for in the catalog: inferred, with the decision as its status.
        public var relationship: Relationship {
            Relationship(from: from, to: to, origin: .inferred, status: decision.status, confidence: confidence, decidedBy: decidedBy)
        }

        /// Sort order of the file: by the from end, then the to end, names compared exactly.
        static func precedes(_ a: Entry, _ b: Entry) -> Bool {
            func ordered(_ x: Relationship.End, _ y: Relationship.End) -> Bool? {
                if x.table != y.table { return x.table < y.table }
                let (left, right) = (x.columns.map(ExactName.init), y.columns.map(ExactName.init))
                return left == right ? nil : left.lexicographicallyPrecedes(right)
            }
            return ordered(a.from, b.from) ?? ordered(a.to, b.to) ?? false
        }
    }

    /// The file's name, at the top of the context folder.
    public static let fileName = "_relationships.yml"
    static let file = LedgerFile(fileName: fileName, formatKey: "schema_scribe_relationships", formatVersion: "1",
                                 listKey: "relationships", title: "relationships ledger",
                                 writer: "scribe-build relationships accept|reject")

    /// One per pair: deciding again replaces the decision.
    private var byPair: [Relationship.Pair: Entry] = [:]
    /// Where each entry read from the file was written, for findings.
    private var readAt: [Relationship.Pair: Location] = [:]

    public init(entries: [Entry] = []) {
        for entry in entries { record(entry) }
    }

    /// The entries in the file's order.
    public var entries: [Entry] { byPair.values.sorted(by: Entry.precedes) }

    /// The decision recorded for `pair`, if any.
    public func entry(for pair: Relationship.Pair) -> Entry? { byPair[pair] }

    /// Where `entry` was read, when it came from the file and was not recorded since.
    public func location(of entry: Entry) -> Location? { readAt[entry.pair] }

    /// Adds a decision, or replaces the one recorded for the same pair.
    public mutating func record(_ entry: Entry) {
        byPair[entry.pair] = entry
        readAt[entry.pair] = nil
    }

    // MARK: Reading

    /// The ledger in `folder`, or an empty one when there is none.
    public static func read(folder: URL, displayRoot: URL? = nil) throws(ConfigError) -> RelationshipLedger {
        guard let (text, shown) = try file.text(folder: folder, displayRoot: displayRoot) else { return RelationshipLedger() }
        return try parse(text, file: shown)
    }

    public static func parse(_ text: String, file: String) throws(ConfigError) -> RelationshipLedger {
        var ledger = RelationshipLedger()
        let (reader, nodes) = try Self.file.entries(in: text, file: file)
        for (offset, node) in nodes.enumerated() {
            let at = "relationships[\(offset)]"
            let values = try reader.mapping(node, at: at, allowed: ["from", "to", "status", "confidence", "decided_by", "decided_on"])
            func optional(_ key: String) throws(ConfigError) -> String? {
                guard let value = values[key] else { return nil }
                return try reader.string(value, at: "\(at).\(key)")
            }
            let from = try end(try reader.required(values, "from", in: node, at: at), at: "\(at).from", reader)
            let to = try end(try reader.required(values, "to", in: node, at: at), at: "\(at).to", reader)
            guard from.columns.count == to.columns.count else {
                throw reader.error(node, "`\(at)` joins \(from.columns.count) column(s) to \(to.columns.count); "
                    + "`from` and `to` need the same number")
            }
            let statusNode = try reader.required(values, "status", in: node, at: at)
            var confidence: Double?
            if let node = values["confidence"] {
                let written = try reader.string(node, at: "\(at).confidence")
                guard let value = Double(written), (0...1).contains(value) else {
                    throw reader.error(node, "`\(at).confidence` should be a number from 0 to 1, found `\(written)`")
                }
                confidence = value
            }
            let entry = Entry(from: from, to: to, decision: try RelationshipDecision.read(statusNode, at: "\(at).status", reader),
                              confidence: confidence, decidedBy: try optional("decided_by"), decidedOn: try optional("decided_on"))
            guard ledger.byPair[entry.pair] == nil else {
                throw reader.error(node, "\(entry.label) is decided twice; keep one entry (this file is written by `\(Self.file.writer)`)")
            }
            ledger.byPair[entry.pair] = entry
            ledger.readAt[entry.pair] = reader.location(node)
        }
        return ledger
    }

    /// `from:` or `to:`: a table named in full, and at least one column.
    private static func end(_ node: Node, at place: String, _ reader: YAMLReader) throws(ConfigError) -> Relationship.End {
        let values = try reader.mapping(node, at: place, allowed: ["source", "schema", "table", "columns"])
        func required(_ key: String) throws(ConfigError) -> String {
            try reader.string(try reader.required(values, key, in: node, at: place), at: "\(place).\(key)")
        }
        let table = TableID(source: try required("source"), schema: try required("schema"), name: try required("table"))
        let columnsNode = try reader.required(values, "columns", in: node, at: place)
        let columns = try reader.strings(columnsNode, at: "\(place).columns")
        guard !columns.isEmpty else { throw reader.error(columnsNode, "`\(place).columns` should name at least one column") }
        return Relationship.End(table: table, columns: columns)
    }

    // MARK: Writing

    /// The whole file: a header that says what it is, then the entries in order. Names are plain where YAML
    /// cannot misread them and double-quoted with escapes otherwise (`YAMLText`), so any identifier reads
    /// back exactly and every entry looks alike in a diff.
    public func rendered() -> String {
        var lines = [
            "# Decisions about suggested relationships, recorded by `scribe-build relationships accept` and `reject`.",
            "# The tool rewrites this file whole, in a fixed order, so review it in pull requests but change it with",
            "# those commands (delete an entry to withdraw a decision). A relationship written in the other context",
            "# files always wins over what is recorded here; `confidence` is the stage's when it was decided.",
            Self.file.markerLine,
        ]
        let entries = entries
        guard !entries.isEmpty else { return (lines + ["relationships: []"]).joined(separator: "\n") + "\n" }
        lines.append("relationships:")
        func end(_ key: String, _ end: Relationship.End) -> [String] {
            ["    \(key):",
             "      source: " + YAMLText.quoted(end.table.source),
             "      schema: " + YAMLText.quoted(end.table.schema),
             "      table: " + YAMLText.quoted(end.table.name),
             "      columns: [" + end.columns.map { YAMLText.quoted($0) }.joined(separator: ", ") + "]"]
        }
        for entry in entries {
            var block = end("from", entry.from) + end("to", entry.to)
            block[0] = "  - " + block[0].dropFirst(4)
            block.append("    status: " + YAMLText.quoted(entry.decision.rawValue))
            if let confidence = entry.confidence { block.append("    confidence: " + YAMLText.quoted(String(format: "%.2f", confidence))) }
            if let by = entry.decidedBy { block.append("    decided_by: " + YAMLText.quoted(by, always: true)) }
            if let on = entry.decidedOn { block.append("    decided_on: " + YAMLText.quoted(on, always: true)) }
            lines += block
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the ledger whole into `folder`, atomically (`LedgerFile.write`); refuses to replace a file by
    /// that name that is not a ledger (a person's).
    public func write(folder: URL, displayRoot: URL? = nil) throws(ConfigError) {
        try Self.file.write(rendered(), folder: folder, displayRoot: displayRoot) { () throws(ConfigError) in
            _ = try Self.read(folder: folder, displayRoot: displayRoot)
        }
    }
}
