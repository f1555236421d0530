
/// A table's or column's description as `description.mustache` and the lists print it.
struct DescriptionView: MustacheParent {
    /// Nil when nobody described the entity.
    var text: String?
    /// The text as HTML: Markdown with glossary terms linked on a page, an escaped paragraph in lists.
    var html: String?
    /// Where the text came from: "human", "database comment", "model", …
    var origin: String?
    /// " · approved", " · draft" or nothing.
    var status: String?
    var stale: Bool
    /// Why the describer left the entity's table without an answer in this build, if it did.
    var pending: String?

    func child(named name: String) -> Any? {
        switch name {
        case "missing": text == nil
        case "text": text.orBlank
        case "html": html.orBlank
        case "origin": origin.orBlank
        case "status": status.orBlank
        case "stale": stale
        case "pending": pending.orBlank
        default: nil
        }
    }
}
