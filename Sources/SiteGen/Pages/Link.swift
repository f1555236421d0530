
/// A labelled link: a breadcrumb, a table named as briefly as the page allows, a referenced column.
/// `href` is nil for what has no page here (a table outside the catalog, the current crumb).
struct Link: MustacheParent {
    var label: String
    var href: String?

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href.orBlank
        default: nil
        }
    }
}
