import Catalog
import Foundation

/// One self-contained HTML document for the chosen tables, laid out for paper: a title, a contents list, and per
/// table its description (with who wrote it), columns, keys, relationships and a diagram of it and its neighbours.
/// `export --format pdf` prints it with headless Chromium; nothing in it loads anything (styles inline, diagrams
/// inline SVG without links), so the PDF is the same offline as on.
public struct PrintDocumentExporter: Exporter {
    public let name = "print"
    public static let fileName = "print.html"
    let selection: Set<TableID>
    let graphviz: Graphviz

    public init(selection: Set<TableID>, graphviz: Graphviz = .dot()) {
        self.selection = selection
        self.graphviz = graphviz
    }

    public func export(_ input: ExportInput, into folder: SiteFolder, progress: (String) -> Void) throws -> ExportSummary {
        let tables = input.catalog.allTables.filter { selection.contains($0.id) }
        let erd = ERDiagram(catalog: input.catalog, plan: input.plan, index: input.index).withoutLinks
        progress("drawing \(tables.count) diagrams")
        let svgs = try graphviz.render(tables.map { erd.selection(of: [$0.id], depth: 1, limit: 12, diagramPath: Self.fileName).dot })
        try folder.write(Self.fileName, Data(document(input.catalog, tables: tables, diagrams: svgs, index: input.index).utf8))
        return ExportSummary(pages: 1, diagrams: svgs.count)
    }

    func document(_ catalog: Catalog, tables: [Table], diagrams: [String], index: CatalogIndex) -> String {
        let several = Set(tables.map(\.id.source)).count > 1
        func name(_ id: TableID) -> String { (several ? "\(id.source)." : "") + "\(id.schema).\(id.name)" }
        func anchor(_ offset: Int) -> String { "t\(offset)" }
        var html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escapeHTML(catalog.title))</title>
            <style>\(Self.style)</style></head><body>
            <h1>\(escapeHTML(catalog.title))</h1>
            <p class="meta">\(Format.counted(tables.count, "table")) · printed by Schema Scribe</p>
            <nav><h2>Contents</h2><ol>
            """
        for (offset, table) in tables.enumerated() {
            html += "<li><a href=\"#\(anchor(offset))\">\(escapeHTML(name(table.id)))</a></li>"
        }
        html += "</ol></nav>\n"
        for (offset, table) in tables.enumerated() {
            html += "<section id=\"\(anchor(offset))\"><h2>\(escapeHTML(name(table.id))) <span class=\"kind\">\(escapeHTML(Format.words(table.kind.rawValue)))</span></h2>\n"
            html += Self.describe(table.description)
            html += "<table class=\"columns\"><thead><tr><th>Column</th><th>Type</th><th>Null</th><th>Key</th><th>Description</th></tr></thead><tbody>"
            let foreign = Set(table.foreignKeys.flatMap(\.columns).map(ExactName.init))
            for column in table.columns {
                let key = column.primaryKeyPosition != nil ? "PK" : foreign.contains(ExactName(column.name)) ? "FK" : ""
                html += "<tr><td><code>\(escapeHTML(column.name))</code></td><td>\(escapeHTML(column.dataType))</td>"
                    + "<td>\(column.isNullable ? "yes" : "no")</td><td>\(key)</td><td>\(Self.describe(column.description, inline: true))</td></tr>"
            }
            html += "</tbody></table>\n"
            let relationships = index.undeclaredRelationships(of: table.id)
            if !table.foreignKeys.isEmpty || !index.referencing(table.id).isEmpty || !relationships.isEmpty {
                html += "<h3>Relationships</h3><ul>"
                for key in table.foreignKeys {
                    html += "<li><code>\(escapeHTML(key.columns.joined(separator: ", ")))</code> references <code>\(escapeHTML(name(key.referencedTable)))</code>"
                        + (key.referencedColumns.isEmpty ? "" : " (<code>\(escapeHTML(key.referencedColumns.joined(separator: ", ")))</code>)") + " · declared</li>"
                }
                for link in index.referencing(table.id) {
                    html += "<li>referenced by <code>\(escapeHTML(name(link.from)))</code> · declared</li>"
                }
                for relationship in relationships {
                    let confidence = relationship.confidence.map { " · confidence \(Format.score($0))" } ?? ""
                    let from = name(relationship.from.table) + "." + relationship.from.columns.joined(separator: ", ")
                    let to = name(relationship.to.table) + "." + relationship.to.columns.joined(separator: ", ")
                    html += "<li><code>\(escapeHTML(from))</code> → <code>\(escapeHTML(to))</code>"
                        + " · \(relationship.origin.rawValue), \(relationship.status.rawValue)\(confidence)</li>"
                }
                html += "</ul>\n"
            }
            if offset < diagrams.count {
                html += "<figure>\(Self.inline(diagrams[offset]))</figure>\n"
            }
            html += "</section>\n"
        }
        return html + "</body></html>\n"
    }

    /// A description with who wrote it: "human", "model, draft", "template, approved, stale".
    static func describe(_ description: Description?, inline: Bool = false) -> String {
        guard let description, !description.text.isEmpty else { return inline ? "" : "<p class=\"missing\">No description yet.</p>\n" }
        var who = [description.origin == .databaseComment ? "database comment" : description.origin.rawValue]
        if description.origin != .human { who.append(description.status.rawValue) }
        if description.isStale { who.append("stale") }
        let text = escapeHTML(description.text).replacingOccurrences(of: "\n", with: "<br>")
        let origin = "<span class=\"origin\">\(who.joined(separator: ", "))</span>"
        return inline ? "\(text) \(origin)" : "<p>\(text) \(origin)</p>\n"
    }

    /// An SVG document as an element: the XML prolog and doctype dropped.
    static func inline(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...])
    }

    static let style = """
        @page { size: A4; margin: 16mm 14mm; }
        body { font: 10pt/1.4 "DejaVu Sans", Helvetica, Arial, sans-serif; color: #0f172a; }
        h1 { font-size: 20pt; margin: 0 0 4pt; } h2 { font-size: 13pt; margin: 0 0 6pt; } h3 { font-size: 10.5pt; margin: 10pt 0 4pt; }
        .meta, .origin, .kind, .missing { color: #64748b; } .origin { font-size: 8pt; } .kind { font-weight: normal; font-size: 9pt; }
        nav ol { columns: 2; font-size: 9pt; } nav { page-break-after: always; }
        section { page-break-before: always; }
        table.columns { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
        table.columns th, table.columns td { border-bottom: 1px solid #e2e8f0; padding: 3pt 4pt; text-align: left; vertical-align: top; }
        table.columns tr { page-break-inside: avoid; }
        code { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; overflow-wrap: break-word; }
        figure { margin: 10pt 0 0; page-break-inside: avoid; } figure svg { max-width: 100%; height: auto; max-height: 160mm; }
        a { color: inherit; text-decoration: none; }
        """
}
