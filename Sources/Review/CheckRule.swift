import Catalog

/// A rule a team turns on in site.yml's `check:`, which `scribe-build check` holds the documentation to.
public struct CheckRule: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// At least a share of tables and columns have a description, whoever wrote it.
        case described
        /// At least a share are trusted: written by a person, or approved, and not stale.
        case approved
        /// No description the model wrote is left unapproved.
        case modelTextReviewed = "model_text_reviewed"
        /// No approved description whose table or column changed since it was approved.
        case noStaleApprovals = "no_stale_approvals"
        /// Every column found to hold personal data has a decision in a context file (`pii: email`, `pii: none`).
        case piiDecided = "pii_decided"
        /// No context entry names a table or column that does not exist.
        case contextNamesExist = "context_names_exist"
        /// No suggested relationship at or above a confidence is left without a decision.
        case relationshipsReviewed = "relationships_reviewed"
    }

    public enum Severity: String, Sendable, CaseIterable {
        case error, warning
    }

    /// How the rule is named in output: its `id`, else its kind.
    public var id: String
    public var kind: Kind
    public var severity: Severity
    /// Only tables with this tag (in their context's `tags`), when given.
    public var tag: String?
    /// `described` and `approved`: the least share of tables and of columns, 0…1.
    public var minTables: Double?
    public var minColumns: Double?
    /// `relationships_reviewed`: suggestions below this confidence are not counted.
    public var minConfidence: Double

    public init(id: String? = nil, kind: Kind, severity: Severity = .error, tag: String? = nil,
                minTables: Double? = nil, minColumns: Double? = nil, minConfidence: Double = 0) {
        self.id = id ?? kind.rawValue
        self.kind = kind
        self.severity = severity
        self.tag = tag
        self.minTables = minTables
        self.minColumns = minColumns
        self.minConfidence = minConfidence
    }

    /// What a site without `check:` is held to: the rules nobody would argue with, as warnings, so that
    /// turning `check` on never fails a pipeline before a team has chosen its rules.
    public static let defaults: [CheckRule] = [
        CheckRule(kind: .contextNamesExist, severity: .warning),
        CheckRule(kind: .noStaleApprovals, severity: .warning),
        CheckRule(kind: .piiDecided, severity: .warning),
    ]

    /// The keys a rule of each kind accepts in site.yml, beside `rule`, `id` and `severity`.
    public static func settings(of kind: Kind) -> [String] {
        switch kind {
        case .described, .approved: ["tag", "min_tables", "min_columns"]
        case .modelTextReviewed, .noStaleApprovals, .piiDecided: ["tag"]
        case .contextNamesExist: []
        case .relationshipsReviewed: ["min_confidence"]
        }
    }
}
