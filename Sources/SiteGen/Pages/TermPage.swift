import Mustache

/// A glossary term's page: its definition, the tables it names, and the descriptions that use it.
struct TermPage: PageView {
    static let template = "term"
    var frame: PageFrame
    var term: String
    var definitionHTML: String
    /// Comma-separated; empty when there are none.
    var synonyms: String
    var tables: [Link]
    var usedBy: [Link]

    func child(named name: String) -> Any? {
        switch name {
        case "term": term
        case "definitionHTML": definitionHTML
        case "synonyms": synonyms
        case "tables": tables
        case "usedBy": usedBy
        default: frame.child(named: name)
        }
    }
}
