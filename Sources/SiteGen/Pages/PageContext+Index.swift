import Catalog

extension PageContext {
    /// Schemas with more tables than this are summarised on the front page, not listed.
    static let indexTableLimit = 200

    func indexPage() -> IndexPage {
        let path = SitePlan.indexPage
        let tables = catalog.allTables
        return IndexPage(
            frame: frame(path: path, title: catalog.title, crumbs: []),
            summary: [
                Format.counted(tables.filter { !$0.kind.isView }.count, "table"),
                Format.counted(tables.filter(\.kind.isView).count, "view"),
                Format.counted(tables.reduce(0) { $0 + $1.columns.count }, "column"),
            ].joined(separator: " · "),
            sources: catalog.sources.map { source in
                IndexPage.Source(name: source.name, anchor: plan.sourceAnchor(source.name), kind: source.kind.rawValue, schemas: source.schemas.map { schema in
                    // A long schema is listed on its own page; the front page stays small enough to load at once.
                    let listed = schema.tables.count <= Self.indexTableLimit
                    return IndexPage.Schema(
                        name: schema.name,
                        href: plan.schemaPage(source: source.name, schema: schema.name),
                        tableCount: Format.tablesAndViews(schema.tables.count),
                        tables: listed ? schema.tables.map { tableSummary($0, from: path) } : [],
                        listedOnSchemaPage: !listed
                    )
                })
            }
        )
    }

    /// `svg` is the overview drawn for the page; with `areas`, the overview is their map.
    func schema(_ schema: Schema, of source: Source, overview: ERDiagram.Overview?, svg: String = "", areas: AreaGraph? = nil) -> SchemaPage {
        let path = plan.schemaPage(source: source.name, schema: schema.name)
        var note: String?
        if let overview, areas != nil {
            note = "\(Format.count(overview.tables)) tables and views are too many for one diagram: this is a map of the schema's "
                + "\(Format.count(overview.areas)) subject areas, found from the relationships between tables (and their names where "
                + "tables have none). Open an area for a diagram of its tables. Lines are labelled with the relationships between two areas"
                + (overview.drawnLinks < overview.links
                    ? "; each area's \(ERDiagram.areaMapLinksPerArea) strongest are drawn (\(Format.count(overview.drawnLinks)) of "
                        + "\(Format.count(overview.links)) pairs of areas)."
                    : ".")
        } else if let overview, overview.drawnTables < overview.tables {
            note = "The diagram shows the \(Format.count(overview.drawnTables)) most connected of "
                + "\(Format.count(overview.tables)) tables and views; each table's page has a diagram of its own neighbours."
        }
        let tables = schema.tables.map { tableSummary($0, from: path) }
        let kinds = Set(schema.tables.map(\.kind.rawValue)).sorted()
        return SchemaPage(
            frame: frame(path: path, title: "\(source.name).\(schema.name)", crumbs: [
                (catalog.title, SitePlan.indexPage), ("\(source.name) · \(schema.name)", nil),
            ]),
            source: source.name,
            name: schema.name,
            tableCount: Format.tablesAndViews(schema.tables.count),
            tables: Array(tables.prefix(SchemaPage.pageSize)),
            listJSON: SchemaPage.listJSON(tables),
            listNote: tables.count > SchemaPage.pageSize
                ? "Showing 1–\(Format.count(SchemaPage.pageSize)) of \(Format.count(tables.count))" : nil,
            kinds: kinds.map { PIIReportPage.Kind(value: $0, label: Format.words($0)) },
            diagram: SitePlan.relative(plan.schemaDiagram(source: source.name, schema: schema.name), from: path),
            svg: svg,
            areas: areas.map { areaSummaries($0, source: source.name, schema: schema.name, from: path) } ?? [],
            diagramNote: note,
            legend: overview.map { DiagramLegend.of($0.edges) } ?? []
        )
    }
}
