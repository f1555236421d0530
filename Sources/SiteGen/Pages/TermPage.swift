
/// A glossary term's page: its definition, the tables it names, and the descriptions that use it.
///
/// A term in a big catalog can be used by thousands of descriptions: the HTML lists the first `pageSize`
/// uses and carries every one in JSON, which browse.js filters and pages.
struct TermPage: PageView {
    static let template = "term"
    static let pageSize = 100
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
        case "usedBy": Array(usedBy.prefix(Self.pageSize))
        case "usedByJSON": ScriptJSON.encode(usedBy.map { [$0.label, $0.href ?? ""] })
        case "usedByCount": Format.counted(usedBy.count, "use")
        case "pageSize": Self.pageSize
        case "moreUses": usedBy.count > Self.pageSize ? Format.counted(usedBy.count - Self.pageSize, "more use") : ""
        default: frame.child(named: name)
        }
    }
}
