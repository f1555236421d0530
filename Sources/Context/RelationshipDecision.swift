import Catalog
import Yams

/// What a person may decide about a relationship: it holds, or it does not. `suggested` is the stage's word
/// for no decision yet, so it cannot be written down.
public enum RelationshipDecision: String, Sendable, Hashable, CaseIterable {
    case accepted, rejected

    /// The status a relationship decided this way has in the catalog.
    public var status: Relationship.Status {
        switch self {
        case .accepted: .accepted
        case .rejected: .rejected
        }
    }

    /// `status:` as written in a context file or the relationships ledger.
    static func read(_ node: Node, at place: String, _ reader: YAMLReader) throws(ConfigError) -> RelationshipDecision {
        let written = try reader.string(node, at: place)
        guard let decision = RelationshipDecision(rawValue: written) else {
            let suggestion = Suggestion.closest(to: written, among: allCases.map(\.rawValue)).map { "; did you mean `\($0)`?" } ?? ""
            throw reader.error(node, "`\(place)` should be `accepted` or `rejected`, found `\(written)`\(suggestion)")
        }
        return decision
    }
}
