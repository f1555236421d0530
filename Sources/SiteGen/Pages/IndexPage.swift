
/// The front page: every source and schema, with each schema's tables unless there are too many.
struct IndexPage: PageView {
    static let template = "index"
    var frame: PageFrame
    /// "12 tables · 3 views · 140 columns".
    var summary: String
    var sources: [Source]

    func child(named name: String) -> Any? {
        switch name {
        case "summary": summary
        case "sources": sources
        default: frame.child(named: name)
        }
    }
}

extension IndexPage {
    struct Source: MustacheParent {
        var name: String
        /// The section's `id`, which the coverage report links a source's figures to.
        var anchor: String
        var kind: String
        var schemas: [Schema]

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "anchor": anchor
            case "kind": kind
            case "schemas": schemas
            default: nil
            }
        }
    }

    struct Schema: MustacheParent {
        var name: String
        var href: String
        var tableCount: String
        /// Empty when the schema is too long to list here (`listedOnSchemaPage`).
        var tables: [TableSummary]
        var listedOnSchemaPage: Bool

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "href": href
            case "tableCount": tableCount
            case "tables": tables
            case "listedOnSchemaPage": listedOnSchemaPage
            default: nil
            }
        }
    }
}
