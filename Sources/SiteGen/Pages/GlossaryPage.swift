
/// The glossary's index: every term with its definition.
struct GlossaryPage: PageView {
    static let template = "glossary"
    var frame: PageFrame
    var terms: [Term]

    func child(named name: String) -> Any? {
        switch name {
        case "terms": terms
        default: frame.child(named: name)
        }
    }
}

extension GlossaryPage {
    struct Term: MustacheParent {
        var term: String
        var href: String
        var definitionHTML: String
        /// Comma-separated; empty when there are none.
        var synonyms: String

        func child(named name: String) -> Any? {
            switch name {
            case "term": term
            case "href": href
            case "definitionHTML": definitionHTML
            case "synonyms": synonyms
            default: nil
            }
        }
    }
}
