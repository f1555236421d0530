
/// A subject area in a list: on its schema's page, or among the areas another area relates to.
struct AreaSummary: MustacheParent {
    var name: String
    var href: String
    /// "37 tables", or "12 relationships" among an area's neighbours.
    var detail: String
    /// Its most connected tables, "orders, customers, payments, …".
    var leading: String

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href
        case "detail": detail
        case "leading": leading
        default: nil
        }
    }
}
