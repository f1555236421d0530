
/// A column or glossary term by its name, linked to its row or page when it has one.
struct NamedLink: MustacheParent {
    var name: String
    var href: String?

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href.orBlank
        default: nil
        }
    }
}
