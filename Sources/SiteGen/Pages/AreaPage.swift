
/// One subject area of a large schema: its diagram, its tables, and the areas it relates to.
struct AreaPage: PageView {
    static let template = "area"
    var frame: PageFrame
    var source: String
    var schema: String
    var schemaHref: String
    var name: String
    var tableCount: String
    var tables: [TableSummary]
    /// The diagram drawn into the page, and its SVG file relative to the page.
    var svg: String
    var diagram: String
    var diagramNote: String?
    var legend: [DiagramLegend]
    /// The schema's other areas this one has relationships with, most relationships first.
    var related: [AreaSummary]

    func child(named key: String) -> Any? {
        switch key {
        case "source": source
        case "schema": schema
        case "schemaHref": schemaHref
        case "name": name
        case "tableCount": tableCount
        case "tables": tables
        case "svg": svg
        case "diagram": diagram
        case "diagramNote": diagramNote.orBlank
        case "legend": legend
        case "related": related
        default: frame.child(named: key)
        }
    }
}
