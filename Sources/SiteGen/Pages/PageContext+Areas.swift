import Catalog

extension PageContext {
    /// The areas of a schema as its page lists them, in the map's order (largest first).
    func areaSummaries(_ graph: AreaGraph, source: String, schema: String, from path: String) -> [AreaSummary] {
        graph.areas.map { area in
            AreaSummary(name: area.name, href: SitePlan.relative(plan.areaPage(source: source, schema: schema, slug: area.slug), from: path),
                        detail: Format.counted(area.tables.count, "table"), leading: Self.leading(area))
        }
    }

    /// The page of area `number` of `graph`; `overview` and `svg` are its diagram.
    func area(_ number: Int, of graph: AreaGraph, in schema: Schema, of source: Source, overview: ERDiagram.Overview?, svg: String) -> AreaPage {
        let area = graph.areas[number]
        let path = plan.areaPage(source: source.name, schema: schema.name, slug: area.slug)
        let schemaPage = plan.schemaPage(source: source.name, schema: schema.name)
        var counts: [Int: Int] = [:]
        for (_, others) in graph.outward[number] { for (other, count) in others { counts[other, default: 0] += count } }
        let related = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { other, count in
            let target = graph.areas[other]
            return AreaSummary(name: target.name,
                               href: SitePlan.relative(plan.areaPage(source: source.name, schema: schema.name, slug: target.slug), from: path),
                               detail: Format.counted(count, "relationship"), leading: Self.leading(target))
        }
        let tables = area.tables.compactMap { index.table($0) }.map { tableSummary($0, from: path) }
        return AreaPage(
            frame: frame(path: path, title: "\(source.name).\(schema.name): \(area.name)", crumbs: [
                (catalog.title, SitePlan.indexPage), ("\(source.name) · \(schema.name)", schemaPage), (area.name, nil),
            ]),
            source: source.name,
            schema: schema.name,
            schemaHref: SitePlan.relative(schemaPage, from: path) + "#diagram",
            name: area.name,
            tableCount: Format.tablesAndViews(area.tables.count),
            tables: tables,
            svg: svg,
            diagram: SitePlan.relative(plan.areaDiagram(source: source.name, schema: schema.name, slug: area.slug), from: path),
            diagramNote: related.isEmpty ? nil
                : "Relationships with the schema's other areas end at a node for each area (dotted, labelled when more than one); open it for that area.",
            legend: overview.map { DiagramLegend.of($0.edges) } ?? [],
            related: related
        )
    }

    /// "orders, customers, payments and 12 more": an area's most connected tables.
    private static func leading(_ area: SubjectArea) -> String {
        let names = area.leading.prefix(ERDiagram.areaMapTablesShown).map(\.name)
        let more = area.tables.count - names.count
        return names.joined(separator: ", ") + (more > 0 ? " and \(Format.count(more)) more" : "")
    }
}
