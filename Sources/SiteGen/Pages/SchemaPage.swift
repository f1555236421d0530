import Mustache

/// A schema's page: its overview diagram and the list of its tables and views.
struct SchemaPage: PageView {
    static let template = "schema"
    var frame: PageFrame
    var source: String
    var name: String
    var tableCount: String
    var tables: [TableSummary]
    /// The overview's SVG file, relative to the page.
    var diagram: String
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
        case "diagram": diagram
        case "diagramNote": diagramNote.orBlank
        case "legend": legend
        default: frame.child(named: key)
        }
    }
}
