import Catalog

extension ERDiagram {
    /// A schema of more tables than this is drawn as a map of its subject areas, each area a diagram of its own.
    public static let areaMapThreshold = overviewColumnsLimit
    /// Lines an area keeps on the map, its strongest: all of them would be the tangle the map replaces.
    static let areaMapLinksPerArea = 3
    /// Tables an area's node on the map names.
    static let areaMapTablesShown = 4

    /// The schema's relationships between two of its tables, declared or shown undeclared, one pair each.
    func links(of schema: Schema) -> [(TableID, TableID)] {
        let ids = Set(schema.tables.map(\.id))
        var links: [(TableID, TableID)] = []
        for table in schema.tables {
            for key in table.foreignKeys where ids.contains(key.referencedTable) { links.append((table.id, key.referencedTable)) }
        }
        return links + undeclared(among: schema.tables).map { ($0.from.table, $0.to.table) }
    }

    /// The schema's subject areas and the relationships between them.
    public func areaGraph(of schema: Schema) -> AreaGraph {
        let links = links(of: schema)
        return AreaGraph(areas: SubjectAreas.partition(schema.tables.map(\.id), links: links), links: links)
    }

    /// One node per subject area — its name, its size, its most connected tables — linking to the area's page,
    /// and lines between areas labelled with the relationships between them (each area's strongest few).
    public func areaMap(_ graph: AreaGraph, source: String, schema: String, diagramPath: String) -> Overview {
        var body: [String] = []
        for (offset, area) in graph.areas.enumerated() {
            let shown = area.leading.prefix(Self.areaMapTablesShown).map { Self.label($0.name) }
            let more = area.tables.count - shown.count
            let lines = shown.joined(separator: "<br align=\"left\"/>")
                + (more > 0 ? "<br align=\"left\"/><font color=\"#64748b\"><i>… \(Format.count(more)) more</i></font>" : "")
            let label = "<<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"4\" bgcolor=\"#ffffff\" color=\"#94a3b8\">"
                + "<tr><td bgcolor=\"#334155\" align=\"left\"><font color=\"#ffffff\"><b>\(Self.label(area.name))</b></font>"
                + " <font color=\"#cbd5e1\">\(Format.counted(area.tables.count, "table"))</font></td></tr>"
                + "<tr><td align=\"left\" balign=\"left\">\(lines)</td></tr></table>>"
            let page = SitePlan.relative(plan.areaPage(source: source, schema: schema, slug: area.slug), from: diagramPath)
            body.append("  a\(offset) [label=\(label), URL=\"\(Self.quoted(page))\", target=\"_top\", "
                + "tooltip=\"\(Self.tooltip("\(area.name): \(Format.counted(area.tables.count, "table"))"))\"];")
        }
        let pairs = graph.strongestPairs(perArea: Self.areaMapLinksPerArea)
        for (pair, count) in pairs {
            let names = "\(graph.areas[pair.low].name) and \(graph.areas[pair.high].name)"
            body.append("  a\(pair.low) -> a\(pair.high) [dir=none, label=\"\(Format.count(count))\", fontname=\"Helvetica\", fontsize=9, "
                + "fontcolor=\"#334155\", penwidth=\(Self.penWidth(count)), "
                + "tooltip=\"\(Self.tooltip("\(Format.counted(count, "relationship")) between \(names)"))\"];")
        }
        let tables = graph.areas.reduce(0) { $0 + $1.tables.count }
        return Overview(dot: areaGraphText(body, areas: graph.areas.count), tables: tables, drawnTables: tables, edges: [],
                        areas: graph.areas.count, links: graph.between.count, drawnLinks: pairs.count)
    }

    /// One area's tables with their key columns and the relationships among them; relationships to the schema's
    /// other areas end at one node per area, which links to that area's page.
    public func area(_ number: Int, of graph: AreaGraph, source: String, schema: String, diagramPath: String) -> Overview {
        let area = graph.areas[number]
        let tables = area.tables.compactMap { index.table($0) }
        var drawing = drawing(tables, undeclared: undeclared(among: tables), withColumns: true, from: diagramPath)
        var others: [Int: Int] = [:]
        for (_, counts) in graph.outward[number] { for (other, count) in counts { others[other, default: 0] += count } }
        for other in others.keys.sorted() {
            let target = graph.areas[other]
            let page = SitePlan.relative(plan.areaPage(source: source, schema: schema, slug: target.slug), from: diagramPath)
            drawing.body.append("  x\(other) [label=<<table border=\"1\" cellborder=\"0\" cellpadding=\"4\" style=\"rounded\" "
                + "color=\"#94a3b8\" bgcolor=\"#f1f5f9\"><tr><td align=\"left\">→ <b>\(Self.label(target.name))</b></td></tr>"
                + "<tr><td align=\"left\"><font color=\"#64748b\">another area · \(Format.counted(target.tables.count, "table"))</font></td></tr></table>>, "
                + "URL=\"\(Self.quoted(page))\", target=\"_top\", "
                + "tooltip=\"\(Self.tooltip("\(Format.counted(others[other] ?? 0, "relationship")) with \(target.name)"))\"];")
        }
        for table in tables {
            guard let node = drawing.nodes[table.id], let counts = graph.outward[number][table.id] else { continue }
            for other in counts.keys.sorted() {
                let count = counts[other] ?? 0
                let label = count > 1 ? ", label=\"\(count)\", fontname=\"Helvetica\", fontsize=8, fontcolor=\"#64748b\"" : ""
                drawing.body.append("  \(node):title -> x\(other) [dir=none, style=dotted, color=\"#94a3b8\"\(label)];")
            }
        }
        return Overview(dot: Self.graph(drawing.body), tables: tables.count, drawnTables: tables.count, edges: drawing.edges,
                        areas: others.count, links: 0, drawnLinks: 0)
    }

    /// Thicker lines for more relationships, on a log scale so a few hundred do not fill the map.
    static func penWidth(_ count: Int) -> String {
        var width = 1.0, step = 1
        while step * 4 <= count && width < 5 { width += 1; step *= 4 }
        return String(format: "%.0f", width)
    }

    /// Above this many areas the map is laid out by force (neato) rather than in ranks: ranks of 130 areas made a
    /// map twice as tall as wide (2,476 × 5,327 pt at 5,000 tables), force a square one (2,366 × 2,177 pt).
    static let areaMapRankedLimit = 30

    private func areaGraphText(_ body: [String], areas: Int) -> String {
        let layout = areas <= Self.areaMapRankedLimit
            ? "layout=dot, rankdir=LR, nodesep=0.25, ranksep=0.8, pack=true, packmode=\"graph\""
            : "layout=neato, overlap=prism, sep=\"+8\", splines=false"
        return """
        digraph areas {
          graph [\(layout), bgcolor="transparent", fontname="Helvetica", pad=0.2];
          node [shape=plain, fontname="Helvetica", fontsize=10];
          edge [color="#64748b", penwidth=1.1];
        \(body.joined(separator: "\n"))
        }

        """
    }
}
