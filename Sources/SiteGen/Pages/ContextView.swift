
/// Business rules, owner, tags and the rest that people wrote for a table or a column (`context.mustache`).
struct ContextView: MustacheParent {
    var owner: String?
    var tags: [String]
    /// Each rule as HTML (Markdown, glossary linked).
    var rules: [String]
    var usageNotesHTML: String?
    var dataSources: [String]
    var examples: [String]
    var terms: [NamedLink]

    func child(named name: String) -> Any? {
        switch name {
        case "owner": owner.orBlank
        case "tags": tags
        case "rules": rules
        case "usageNotesHTML": usageNotesHTML.orBlank
        case "dataSources": dataSources
        case "examples": examples
        case "terms": terms
        default: nil
        }
    }
}
