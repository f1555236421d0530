
/// A schema's page: its overview diagram and the list of its tables and views.
struct SchemaPage: PageView {
    static let template = "schema"
    var frame: PageFrame
    var source: String
    var name: String
    var tableCount: String
    /// The list's first page, rendered into the HTML so it reads without JavaScript.
    var tables: [TableSummary]
    /// Every table's row as HTML-safe JSON (`SchemaPage.ListEntry`), which the browser filters, sorts and pages.
    var listJSON: String
    /// "Showing 1–100 of 527"; nil when the list has one page.
    var listNote: String?
    /// The kinds in this schema, for the kind filter.
    var kinds: [PIIReportPage.Kind]
    /// The overview's SVG file, relative to the page, and the same drawn into the page (empty when not rendered).
    var diagram: String
    var svg: String
    /// The schema's subject areas when the diagram is their map; empty for a schema small enough to draw whole.
    var areas: [AreaSummary]
    /// Set when the overview leaves tables out.
    var diagramNote: String?
    /// What the overview's kinds of edge mean; empty when it draws declared foreign keys only.
    var legend: [DiagramLegend]

    func child(named key: String) -> Any? {
        switch key {
        case "source": source
        case "name": name
        case "tableCount": tableCount
        case "tables": tables
        case "listJSON": listJSON
        case "listNote": listNote.orBlank
        case "pageSize": Self.pageSize
        case "kinds": kinds
        case "diagram": diagram
        case "svg": svg
        case "areas": areas
        case "diagramNote": diagramNote.orBlank
        case "legend": legend
        default: frame.child(named: key)
        }
    }
}
