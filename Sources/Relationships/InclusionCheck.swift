import Catalog

/// What the data says about a suggestion: of a sample of the column's distinct values, how many exist in
/// the key it would point at. Counted in the database (`NOT EXISTS` against the key's index), so only two
/// numbers ever leave it, never a value.
public struct InclusionCount: Sendable, Equatable, Codable {
    /// Distinct non-null values of the child column looked up.
    public var checked: Int
    /// How many of them the parent key holds.
    public var found: Int

    public init(checked: Int, found: Int) {
        self.checked = checked
        self.found = found
    }

    public var share: Double { checked == 0 ? 1 : Double(found) / Double(checked) }
}

/// How an inclusion count changes a suggestion. Data only ever confirms or refutes what the names
/// suggested: small integers fall inside any key's range by accident, so a `status_id` of 1…5 would
/// "match" every table with five rows, and values alone never make a suggestion.
public enum InclusionCheck {
    /// Evidence that begins with this marks a suggestion the data refutes; the stage leaves it out.
    public static let refutedPrefix = "refuted by the data: "
    /// Below this share of values found, the column does not hold the key's values.
    public static let refuteBelow = 0.9

    public static func weigh(_ relationship: inout Relationship, by count: InclusionCount) {
        let target = "`\(relationship.to.table.name).\(relationship.to.columns.joined(separator: "+"))`"
        let confidence = relationship.confidence ?? 0
        guard count.checked > 0 else {
            relationship.evidence.append("no values to check in the data")
            return
        }
        let percent = Int((count.share * 100).rounded(.down))
        if count.found == count.checked {
            relationship.confidence = RelationshipStage.rounded(min(0.99, 1 - (1 - confidence) * 0.5))
            relationship.evidence.append("all \(count.checked) distinct values checked exist in \(target)")
        } else if count.share >= refuteBelow {
            relationship.confidence = RelationshipStage.rounded(confidence * 0.9)
            relationship.evidence.append("\(percent)% of \(count.checked) distinct values checked exist in \(target) (some rows point nowhere)")
        } else {
            relationship.confidence = RelationshipStage.rounded(confidence * 0.3)
            relationship.evidence.append(refutedPrefix + "only \(percent)% of \(count.checked) distinct values checked exist in \(target)")
        }
    }
}
