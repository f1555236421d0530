
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
    /// The figures the schema page's list filters and sorts by.
    var figures: Figures

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
        case "figures": figures
        case "kindValue": figures.kind
        case "references": Format.count(figures.references)
        default: nil
        }
    }
}

extension TableSummary {
    /// A table's figures as numbers, for filtering and sorting in the browser.
    struct Figures: MustacheParent, Sendable, Hashable {
        /// The kind's raw value (`table`, `view`, `materialized_view`, …).
        var kind: String
        var columns: Int
        /// The estimated or exact row count; nil when unknown.
        var rows: Int?
        /// Foreign keys out plus foreign keys and undeclared relationships in and out.
        var references: Int
        var described: Bool
        var piiColumns: Int

        func child(named key: String) -> Any? {
            switch key {
            case "kind": kind
            case "columns": columns
            case "rows": rows.orBlank
            case "references": references
            case "described": described
            case "piiColumns": piiColumns
            default: nil
            }
        }
    }
}
