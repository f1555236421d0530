import Catalog
import Foundation
import Yams

/// The approvals `scribe-build approve` records: `content/context/_approvals.yml`, a file the tool owns.
///
/// Approving never edits a line a person wrote. Edits in place had to survive every layout people give
/// their files (flow style, anchors, CRLF, comments, four-space indents …) and kept failing on the next
/// one; a file the tool writes whole, sorted, one entry per entity, cannot be damaged that way, and a pull
/// request shows each decision as a few added lines. Text in a person's context file always wins over it.
public struct ApprovalLedger: Sendable {
    /// One approved description: which entity, the exact text, and the entity's fingerprint then.
    public struct Entry: Sendable, Hashable {
        public var table: TableID
        /// Nil for the table's own description.
        public var column: String?
        public var text: String
        /// `Staleness`' fingerprint of the entity when it was approved.
        public var inputsHash: String?
        public var approvedBy: String?
        /// `YYYY-MM-DD`.
        public var approvedOn: String?

        public init(table: TableID, column: String?, text: String, inputsHash: String?,
                    approvedBy: String? = nil, approvedOn: String? = nil) {
            self.table = table
            self.column = column
            self.text = text
            self.inputsHash = inputsHash
            self.approvedBy = approvedBy
            self.approvedOn = approvedOn
        }

        /// `schema.table[.column]`, as approve reports it.
        public var label: String { "\(table.schema).\(table.name)" + (column.map { ".\($0)" } ?? "") }

        /// Sort order of the file: by table (`TableID` orders exactly), the table's own entry before its columns.
        static func precedes(_ a: Entry, _ b: Entry) -> Bool {
            if a.table != b.table { return a.table < b.table }
            guard let columnB = b.column else { return false }
            guard let columnA = a.column else { return true }
            return columnA.exactlyPrecedes(columnB)
        }

        /// Which table or column the entry is for; names compared exactly, so NFC and NFD spellings are two.
        var entity: Entity { Entity(table: table, column: column.map(ExactName.init)) }
    }

    public struct Entity: Hashable, Sendable {
        var table: TableID
        var column: ExactName?
    }

    /// The file's name, at the top of the context folder.
    public static let fileName = "_approvals.yml"
    static let file = LedgerFile(fileName: fileName, formatKey: "schema_scribe_approvals", formatVersion: "1", listKey: "approvals",
                                 title: "approvals ledger", writer: "scribe-build approve")

    /// One per entity: approving 100,000 columns must not cost a search of the list for each.
    private var byEntity: [Entity: Entry] = [:]
    /// Where each entry read from the file was written, for findings.
    private var readAt: [Entity: Location] = [:]

    public init(entries: [Entry] = []) {
        for entry in entries { record(entry) }
    }

    /// The entries in the file's order.
    public var entries: [Entry] { byEntity.values.sorted(by: Entry.precedes) }

    /// Where `entry` was read, when it came from the file and was not recorded since.
    public func location(of entry: Entry) -> Location? { readAt[entry.entity] }

    /// Adds an approval, or replaces the one recorded for the same entity.
    public mutating func record(_ entry: Entry) {
        byEntity[entry.entity] = entry
        readAt[entry.entity] = nil
    }

    // MARK: Reading

    /// The ledger in `folder`, or an empty one when there is none.
    public static func read(folder: URL, displayRoot: URL? = nil) throws(ConfigError) -> ApprovalLedger {
        guard let (text, shown) = try file.text(folder: folder, displayRoot: displayRoot) else { return ApprovalLedger() }
        return try parse(text, file: shown)
    }

    public static func parse(_ text: String, file: String) throws(ConfigError) -> ApprovalLedger {
        var ledger = ApprovalLedger()
        let (reader, nodes) = try Self.file.entries(in: text, file: file)
        let fields = ["source", "schema", "table", "column", "text", "inputs_hash", "approved_by", "approved_on"]
        for (offset, node) in nodes.enumerated() {
            let at = "approvals[\(offset)]"
            let values = try reader.mapping(node, at: at, allowed: fields)
            func required(_ key: String) throws(ConfigError) -> String {
                try reader.string(try reader.required(values, key, in: node, at: at), at: "\(at).\(key)")
            }
            func optional(_ key: String) throws(ConfigError) -> String? {
                guard let value = values[key] else { return nil }
                return try reader.string(value, at: "\(at).\(key)")
            }
            let entry = Entry(
                table: TableID(source: try required("source"), schema: try required("schema"), name: try required("table")),
                column: try optional("column"), text: try required("text"), inputsHash: try optional("inputs_hash"),
                approvedBy: try optional("approved_by"), approvedOn: try optional("approved_on"))
            guard ledger.byEntity[entry.entity] == nil else {
                throw reader.error(node, "\(entry.label) is approved twice; keep one entry (this file is written by `scribe-build approve`)")
            }
            ledger.byEntity[entry.entity] = entry
            ledger.readAt[entry.entity] = reader.location(node)
        }
        return ledger
    }

    // MARK: Writing

    /// The whole file: a header that says what it is, then the entries in order. Names are plain where
    /// YAML cannot misread them; every other value is double-quoted, so any text reads back the same and
    /// every entry looks alike in a diff.
    public func rendered() -> String {
        var lines = [
            "# Approved descriptions, recorded by `scribe-build approve`. The tool rewrites this file whole, in a",
            "# fixed order, so review it in pull requests but change it with approve (delete an entry to withdraw",
            "# an approval). Text in the other context files always wins over what is recorded here.",
            Self.file.markerLine,
        ]
        let entries = entries
        if entries.isEmpty {
            lines.append("approvals: []")
        } else {
            lines.append("approvals:")
            for entry in entries {
                lines.append("  - source: " + YAMLText.quoted(entry.table.source))
                lines.append("    schema: " + YAMLText.quoted(entry.table.schema))
                lines.append("    table: " + YAMLText.quoted(entry.table.name))
                if let column = entry.column { lines.append("    column: " + YAMLText.quoted(column)) }
                lines.append("    text: " + YAMLText.quoted(entry.text, always: true))
                if let hash = entry.inputsHash { lines.append("    inputs_hash: " + YAMLText.quoted(hash, always: true)) }
                if let by = entry.approvedBy { lines.append("    approved_by: " + YAMLText.quoted(by, always: true)) }
                if let on = entry.approvedOn { lines.append("    approved_on: " + YAMLText.quoted(on, always: true)) }
            }
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
