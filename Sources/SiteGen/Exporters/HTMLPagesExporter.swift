import Catalog
import Foundation

/// The site's pages and ER diagrams, with the theme's assets: everything a reader opens.
///
/// Diagrams go to graphviz in a few batched processes; table and schema pages render on every core.
public struct HTMLPagesExporter: Exporter {
    public let name = "html"
    public var theme: Theme
    public var graphviz: Graphviz

    public init(theme: Theme, graphviz: Graphviz) {
        self.theme = theme
        self.graphviz = graphviz
    }

    public func export(_ input: ExportInput, into folder: SiteFolder, progress: (String) -> Void) throws -> ExportSummary {
        var clock = Date()
        func lap(_ what: String) {
            progress("\(what) in \(String(format: "%.2f", Date().timeIntervalSince(clock))) s")
            clock = Date()
        }
        let (catalog, plan) = (input.catalog, input.plan)
        let pages = PageContext(catalog: catalog, plan: plan, index: input.index)
        let erd = ERDiagram(catalog: catalog, plan: plan, index: input.index)
        var summary = ExportSummary()

        func write(_ path: String, _ data: Data) throws {
            try folder.write(path, data)
            summary.files += 1
        }
        func page(_ path: String, _ view: some PageView) throws {
            try write(path, try theme.renderData(view))
            summary.pages += 1
        }

        // Diagrams first: all DOT text goes to graphviz in a few batched processes. A table's diagram is
        // drawn into its page; a schema's overview (the map of its subject areas when it is large) and each
        // area's diagram are drawn into their pages and written as files of their own.
        var diagramSources: [String] = []
        var filePaths: [String] = []
        var neighbourhoods: [TableID: ERDiagram.Result] = [:]
        var overviews: [SitePlan.SchemaKey: ERDiagram.Overview] = [:]
        var areaGraphs: [SitePlan.SchemaKey: AreaGraph] = [:]
        var areaDiagrams: [String: ERDiagram.Overview] = [:]
        var areaPages: [(source: Source, schema: Schema, graph: AreaGraph, number: Int)] = []
        let tables = catalog.allTables.filter { plan.tablePage($0.id) != nil }
        for source in catalog.sources {
            for schema in source.schemas {
                let key = SitePlan.SchemaKey(source: source.name, schema: schema.name)
                let path = plan.schemaDiagram(source: source.name, schema: schema.name)
                let overview: ERDiagram.Overview
                if schema.tables.count > ERDiagram.areaMapThreshold {
                    let graph = erd.areaGraph(of: schema)
                    areaGraphs[key] = graph
                    overview = erd.areaMap(graph, source: source.name, schema: schema.name, diagramPath: path)
                    for (number, area) in graph.areas.enumerated() {
                        let areaPath = plan.areaDiagram(source: source.name, schema: schema.name, slug: area.slug)
                        let diagram = erd.area(number, of: graph, source: source.name, schema: schema.name, diagramPath: areaPath)
                        areaDiagrams[areaPath] = diagram
                        areaPages.append((source, schema, graph, number))
                        filePaths.append(areaPath)
                        diagramSources.append(diagram.dot)
                    }
                } else {
                    overview = erd.overview(of: schema, diagramPath: path)
                }
                overviews[key] = overview
                filePaths.append(path)
                diagramSources.append(overview.dot)
            }
        }
        for table in tables {
            guard let page = plan.tablePage(table.id) else { continue }
            let result = erd.neighbourhood(of: table, diagramPath: page)
            neighbourhoods[table.id] = result
            diagramSources.append(result.dot)
        }
        // Each table's depth-2 diagram, for the page to swap in, goes to graphviz in the same batches, last.
        let depthTwo = try Self.depthTwo(of: tables, erd: erd, plan: plan)
        diagramSources += depthTwo.drawn.map(\.dot)
        lap("\(diagramSources.count) diagrams as DOT")
        let svgs = try graphviz.render(diagramSources)
        lap("\(svgs.count) diagrams rendered by graphviz")
        var fileSVG: [String: String] = [:]
        for (path, svg) in zip(filePaths, svgs) {
            try write(path, Data(svg.utf8))
            fileSVG[path] = Self.inline(svg)
        }
        var inlineSVG: [TableID: String] = [:]
        for (table, svg) in zip(tables, svgs.dropFirst(filePaths.count)) {
            inlineSVG[table.id] = Self.inline(svg)
        }
        var depthTwoSVG: [TableID: String] = [:]
        for ((table, _), svg) in zip(depthTwo.drawn, svgs.suffix(depthTwo.drawn.count)) { depthTwoSVG[table] = Self.inline(svg) }
        summary.diagrams = svgs.count

        try page(SitePlan.indexPage, pages.indexPage())
        let schemas = catalog.sources.flatMap { source in source.schemas.map { (source, $0) } }
        try Parallel.forEach(schemas, chunkSize: 1) { source, schema in
            let key = SitePlan.SchemaKey(source: source.name, schema: schema.name)
            let svg = fileSVG[plan.schemaDiagram(source: source.name, schema: schema.name)] ?? ""
            let html = try theme.renderData(pages.schema(schema, of: source, overview: overviews[key], svg: svg, areas: areaGraphs[key]))
            try folder.write(plan.schemaPage(source: source.name, schema: schema.name), html)
        }
        summary.pages += schemas.count
        summary.files += schemas.count
        try Parallel.forEach(areaPages, chunkSize: 4) { source, schema, graph, number in
            let slug = graph.areas[number].slug
            let diagram = plan.areaDiagram(source: source.name, schema: schema.name, slug: slug)
            let view = pages.area(number, of: graph, in: schema, of: source, overview: areaDiagrams[diagram], svg: fileSVG[diagram] ?? "")
            try folder.write(plan.areaPage(source: source.name, schema: schema.name, slug: slug), try theme.renderData(view))
        }
        summary.pages += areaPages.count
        summary.files += areaPages.count
        // Table pages are independent of each other: render them on every core.
        try Parallel.forEach(tables) { table in
            guard let path = plan.tablePage(table.id) else { return }
            let diagram = neighbourhoods[table.id].map { ($0, inlineSVG[table.id] ?? "") }
            let html = try theme.renderData(pages.table(table, diagram: diagram, depthTwo: depthTwo.offer(table.id, svgs: depthTwoSVG)))
            try folder.write(path, html)
        }
        summary.pages += tables.count
        summary.files += tables.count

        lap("\(summary.pages) pages")
        if !catalog.glossary.isEmpty {
            try page(SitePlan.glossaryIndex, pages.glossaryIndex())
            var targets: [String: String] = [:]
            for term in catalog.glossary { if let page = plan.termPage(term.term) { targets[page] = term.term } }
            let usage = GlossaryUsage(catalog, glossary: pages.glossary, termOfTarget: targets)
            for term in catalog.glossary {
                guard let path = plan.termPage(term.term) else { continue }
                try page(path, pages.glossaryTerm(term, usage: usage.uses[term.term] ?? []))
            }
        }
        if pages.hasPII { try page(SitePlan.piiPage, pages.piiReport()) }
        try page(SitePlan.coveragePage, pages.coverage())
        try page(SitePlan.searchPage, pages.searchPage())
        for asset in theme.assets {
            try write("\(SitePlan.assetsFolder)/\(asset.path)", asset.data)
        }
        lap("glossary, personal-data and coverage reports, and assets")
        return summary
    }

    /// An SVG document as an element to place in a page: graphviz's XML declaration, DOCTYPE and
    /// comments before the root element are dropped. Names inside were escaped by graphviz.
    static func inline(_ svg: String) -> String {
        // Plain UTF-8 scanning: Foundation's range(of:) and trimming bridge through UTF-16, which cost
        // a fifth of a 5,000-table build.
        let bytes = Array(svg.utf8)
        let marker = Array("<svg".utf8)
        guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: marker) }) else { return "" }
        var end = bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
