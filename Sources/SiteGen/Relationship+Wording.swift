import Catalog

/// How pages and diagrams word a relationship the database does not declare, the same everywhere.
extension Relationship {
    /// "accepted by ana" for an inferred relationship people accepted ("accepted" when nobody is named); nil
    /// for any other.
    var acceptance: String? {
        guard origin == .inferred, status == .accepted else { return nil }
        return "accepted" + (decidedBy.map { " by \($0)" } ?? "")
    }

    /// What a diagram's edge or a key's marker says on hover: "documented relationship", "inferred relationship,
    /// accepted by ana", "suggested relationship (confidence 0.82): `customer_id` is the table name …".
    var summary: String {
        if isSuggestion {
            return "suggested relationship" + (confidence.map { " (confidence \(Format.score($0)))" } ?? "")
                + (evidence.first.map { ": " + $0 } ?? "")
        }
        return acceptance.map { "inferred relationship, " + $0 } ?? "documented relationship"
    }
}
