import Mustache

/// A table's row in the lists of the front page and its schema's page.
struct TableSummary: MustacheParent {
    var name: String
    var href: String?
    var kind: String
    var isView: Bool
    var columnCount: String
    var rows: String
    var description: DescriptionView
    /// "2 PII columns", or nil when the table holds none.
    var pii: String?

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href.orBlank
        case "kind": kind
        case "isView": isView
        case "columnCount": columnCount
        case "rows": rows
        case "description": description
        case "pii": pii.orBlank
        default: nil
        }
    }
}
