import Catalog
import Foundation

/// Turns a catalog into the files of a static site: pages, diagrams, search index, catalog.json, assets.
///
/// Output is deterministic: the same catalog and theme give byte-identical files.
public struct SiteGenerator: Sendable {
    public struct Summary: Sendable, Equatable {
        public var pages = 0
        public var diagrams = 0
        public var files = 0

        public init() {}
    }

    public var theme: Theme
    public var graphviz: Graphviz

    public init(theme: Theme, graphviz: Graphviz = .dot()) {
        self.theme = theme
        self.graphviz = graphviz
    }

    public func generate(_ catalog: Catalog, into folder: SiteFolder) throws -> Summary {
        let plan = SitePlan(catalog)
        let relationships = Relationships(catalog)
        let pages = PageContext(catalog: catalog, plan: plan, relationships: relationships)
        let erd = ERDiagram(catalog: catalog, plan: plan, relationships: relationships)
        var summary = Summary()

        func write(_ path: String, _ data: Data) throws {
            try folder.write(path, data)
            summary.files += 1
        }
        func page(_ path: String, _ template: String, _ context: [String: Any]) throws {
            try write(path, Data(try theme.render(template, context).utf8))
            summary.pages += 1
        }

        // Diagrams first: all DOT text goes to graphviz in a few batched processes.
        var diagramPaths: [String] = []
        var diagramSources: [String] = []
        var neighbourhoods: [TableID: ERDiagram.Result] = [:]
        for source in catalog.sources {
            for schema in source.schemas {
                let path = plan.schemaDiagram(source: source.name, schema: schema.name)
                diagramPaths.append(path)
                diagramSources.append(erd.overview(of: schema, diagramPath: path))
                for table in schema.tables {
                    guard let path = plan.tableDiagram(table.id) else { continue }
                    let result = erd.neighbourhood(of: table, diagramPath: path)
                    neighbourhoods[table.id] = result
                    diagramPaths.append(path)
                    diagramSources.append(result.dot)
                }
            }
        }
        let svgs = try graphviz.render(diagramSources)
        for (path, svg) in zip(diagramPaths, svgs) {
            try write(path, Data(svg.utf8))
            summary.diagrams += 1
        }

        try page(SitePlan.indexPage, "index", pages.index())
        for source in catalog.sources {
            for schema in source.schemas {
                try page(plan.schemaPage(source: source.name, schema: schema.name), "schema", pages.schema(schema, of: source))
                for table in schema.tables {
                    guard let path = plan.tablePage(table.id) else { continue }
                    try page(path, "table", pages.table(table, diagram: neighbourhoods[table.id]))
                }
            }
        }

        let search = SearchIndex(catalog, plan: plan)
        try write(SitePlan.searchJSON, try search.json())
        try write(SitePlan.searchScript, try search.script())
        try write(SitePlan.catalogJSON, try CatalogDocument.json(catalog))
        for asset in theme.assets {
            try write("\(SitePlan.assetsFolder)/\(asset.path)", asset.data)
        }
        return summary
    }
}
