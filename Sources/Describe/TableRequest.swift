import Catalog
import ContentHash
import Foundation

/// Everything a describer is told about one table: the table, the columns it should describe, and
/// the context around them. Its hash (with the prompt version, provider and model) is the cache key,
/// so any change to what the model would see asks again, and nothing else does.
public struct TableRequest: Sendable, Hashable, Codable {
    public struct ColumnInput: Sendable, Hashable, Codable {
        public var name: String
        public var type: String
        public var nullable: Bool
        public var key: String?
        /// `customers.id`: what the column's declared foreign key, documented relationship or suggestion points at.
        public var references: String?
        /// Set (true) when `references` was only inferred by the relationships stage and nobody has accepted it:
        /// the column probably references it. Nil otherwise, so other requests keep their cache keys.
        public var referenceInferred: Bool?
        /// How sure the relationships stage is of an inferred `references`, 0 to 1.
        public var referenceConfidence: Double?
        public var defaultValue: String?
        public var enumLabels: [String]?
        /// What people wrote about the column that is not its description (rules, hints, …).
        public var notes: [String]
        /// Set when this column is to be described; other columns are there for context.
        public var describe: Bool
        /// The column's current description, when it has one: context for the others.
        public var description: String?
        /// The kind of personal data the column holds (`email`, …), when it holds any.
        public var personalData: String?
        /// The shape nearly all its values share (`uuid`, `iso_date`, `email`, …), from the profile.
        public var shape: String?
        /// The values of a column with few distinct ones, alphabetically (only with `describe.send_sample_values`,
        /// never for personal data).
        public var values: [String]?
    }

    public var table: TableID
    public var kind: String
    /// How many rows, to an order of magnitude ("1000–10000"): enough to tell a lookup table from a
    /// fact table, and stable while the data grows, so a daily load does not ask the model again.
    public var rows: String?
    /// Whether the table itself needs a description.
    public var describeTable: Bool
    public var tableDescription: String?
    public var columns: [ColumnInput]
    /// Tables this one references and that reference it: declared foreign keys, documented relationships and
    /// accepted suggestions.
    public var referencesTables: [String]
    public var referencedBy: [String]
    /// Tables it probably references, or that probably reference it: inferred relationships nobody has
    /// accepted yet, for tables not in the lists above. Nil when there are none, so other requests keep their keys.
    public var probablyReferences: [Suggested]?
    public var probablyReferencedBy: [Suggested]?
    public var readsTables: [String]
    public var notes: [String]
    public var hints: String?
    public var glossary: [String]
    /// Neighbouring tables' descriptions, so wording stays consistent across a schema.
    public var neighbours: [String]
    /// What the describer answered for this table before its inputs changed: text to improve with the
    /// new context rather than start over. Not part of the cache key, which covers the inputs alone.
    public var previous: TableAnswer?
    /// For a table too wide for one answer: which part of its columns this request covers (1, 2, …).
    public var part: Int?

    /// A table an inferred, not yet accepted relationship leads to or comes from, and how sure the stage is.
    public struct Suggested: Sendable, Hashable, Codable {
        public var table: String
        public var confidence: Double?

        public init(table: String, confidence: Double? = nil) {
            self.table = table
            self.confidence = confidence
        }
    }

    /// Whether anything in the request was only inferred: the prompt then says what that means.
    public var hasSuggestions: Bool {
        probablyReferences != nil || probablyReferencedBy != nil || columns.contains { $0.referenceInferred == true }
    }

    /// Names the request in the cache's per-table pointers: the table, and the part of a wide one.
    public var entity: String { table.description + (part.map { " part \($0)" } ?? "") }

    /// Columns that need a description, in table order.
    public var wanted: [String] { columns.filter(\.describe).map(\.name) }

    public var isNeeded: Bool { describeTable || columns.contains(where: \.describe) }

    /// The cache key: SHA-256 over the request as canonical JSON, the prompt version, provider and model.
    public func key(promptVersion: String, provider: String, model: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var inputs = self
        inputs.previous = nil
        let body = (try? encoder.encode(inputs)).map { String(decoding: $0, as: UTF8.self) } ?? "\(self)"
        return SHA256.hex("\(promptVersion)\n\(provider)\n\(model)\n\(body)")
    }
}

/// A describer's answer for one table: its description (when asked) and one per requested column.
public struct TableAnswer: Sendable, Hashable, Codable {
    public var table: String?
    public var columns: [String: String]

    public init(table: String?, columns: [String: String]) {
        self.table = table
        self.columns = columns
    }

    /// One answer from the answers to a wide table's parts: the first table text, every column's text.
    public func merging(_ other: TableAnswer) -> TableAnswer {
        TableAnswer(table: table ?? other.table, columns: columns.merging(other.columns) { first, _ in first })
    }

    /// Longest description accepted; longer ones are asked for again.
    public static let maximumLength = 600

    /// Why `self` does not answer `request`, or nil when it does: every requested column present,
    /// no other column, every text non-empty and of a sane length.
    public func problem(for request: TableRequest) -> String? {
        if request.describeTable {
            guard let table, !Self.isBlank(table) else {
                return "the table's description is missing"
            }
            if table.count > Self.maximumLength { return "the table's description is longer than \(Self.maximumLength) characters" }
        }
        let wanted = Set(request.wanted)
        let missing = request.wanted.filter { columns[$0].map(Self.isBlank) ?? true }
        if !missing.isEmpty { return "no description for column(s) " + missing.map { "`\($0)`" }.joined(separator: ", ") }
        let unknown = columns.keys.filter { !wanted.contains($0) }.sorted()
        if !unknown.isEmpty { return "column(s) that were not asked for: " + unknown.map { "`\($0)`" }.joined(separator: ", ") }
        if let long = request.wanted.first(where: { (columns[$0]?.count ?? 0) > Self.maximumLength }) {
            return "the description of `\(long)` is longer than \(Self.maximumLength) characters"
        }
        return nil
    }

    /// Whether trimming white space and newlines would leave nothing; stops at the first other character
    /// instead of copying the text, which took most of the describe stage over 100,000 answers.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(whiteSpace.contains)
    }

    private static let whiteSpace = CharacterSet.whitespacesAndNewlines
}
