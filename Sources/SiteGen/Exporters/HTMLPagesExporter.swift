import Catalog
import ContentHash
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
        func page(_ path: String, _ view: @autoclosure () -> some PageView, inputs: Fingerprint) throws {
            try folder.write(path, inputs: inputs) { Data(try theme.render(view()).utf8) }
            summary.files += 1
            summary.pages += 1
        }
        let prints = input.fingerprints.framed(theme: theme.fingerprint, input: input)
        /// Pages that summarize the whole catalog depend on all of it.
        func everything(_ kind: String) -> Fingerprint { prints.page(kind) { $0.combine(prints.catalog) } }

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

        // What each file is made from. A file whose inputs are those the site already has is neither rendered nor
        // written, and only the diagrams of the files that are go to graphviz.
        let version = graphviz.version
        let schemas = catalog.sources.flatMap { source in source.schemas.map { (source, $0) } }
        let fileInputs = zip(filePaths, diagramSources).map { path, dot in
            Fingerprint.of("diagram file", version, path, dot)
        }
        let schemaInputs = schemas.map { source, schema in
            let key = SitePlan.SchemaKey(source: source.name, schema: schema.name)
            return prints.page("schema page") { hasher in
                hasher.combine(prints.schemas[key] ?? Fingerprint(high: 0, low: 0))
                hasher.combine(version)
                overviews[key].map { Self.combine($0, into: &hasher) }
            }
        }
        let areaInputs = areaPages.map { source, schema, graph, number in
            let diagram = plan.areaDiagram(source: source.name, schema: schema.name, slug: graph.areas[number].slug)
            return prints.page("area page") { hasher in
                hasher.combine(prints.schemas[SitePlan.SchemaKey(source: source.name, schema: schema.name)] ?? Fingerprint(high: 0, low: 0))
                hasher.combine(number)
                hasher.combine(diagram)
                hasher.combine(version)
                areaDiagrams[diagram].map { Self.combine($0, into: &hasher) }
            }
        }
        let depthTwoDOT = Dictionary(depthTwo.drawn.map { ($0.table, $0.dot) }, uniquingKeysWith: { first, _ in first })
        let tableInputs = try Parallel.map(count: tables.count, chunkSize: 32) { index, _ in
            let table = tables[index]
            return prints.page("table page") { hasher in
                prints.table(table, index: input.index, plan: plan)(&hasher)
                hasher.combine(version)
                if let result = neighbourhoods[table.id] {
                    hasher.combine(result.dot)
                    hasher.combine(result.neighbours)
                    hasher.combine(result.drawnNeighbours)
                    for kind in result.edges.map({ "\($0)" }).sorted() { hasher.combine(kind) }
                    for group in result.grouped { hasher.combine(group) }
                }
                switch depthTwo.offer(table.id, svgs: [:]) {
                case .tooLarge(let count): hasher.combine("too large"); hasher.combine(count)
                case .overBudget(let count, let budget): hasher.combine("over budget"); hasher.combine(count); hasher.combine(budget)
                case .drawn, nil: hasher.combine(depthTwoDOT[table.id] ?? "none")
                }
            }
        }

        var needed: [Int] = []
        let schemaPaths = schemas.map { plan.schemaDiagram(source: $0.0.name, schema: $0.1.name) }
        let dirtySchemaDiagrams = Set(zip(schemas, schemaInputs).enumerated().compactMap { offset, entry in
            folder.needsWriting(plan.schemaPage(source: entry.0.0.name, schema: entry.0.1.name), inputs: entry.1) ? schemaPaths[offset] : nil
        })
        let dirtyAreaDiagrams = Set(zip(areaPages, areaInputs).compactMap { page, inputs in
            let slug = page.graph.areas[page.number].slug
            return folder.needsWriting(plan.areaPage(source: page.source.name, schema: page.schema.name, slug: slug), inputs: inputs)
                ? plan.areaDiagram(source: page.source.name, schema: page.schema.name, slug: slug) : nil
        })
        for (offset, path) in filePaths.enumerated()
        where folder.needsWriting(path, inputs: fileInputs[offset]) || dirtySchemaDiagrams.contains(path) || dirtyAreaDiagrams.contains(path) {
            needed.append(offset)
        }
        let dirtyTables = Set(tables.indices.filter { folder.needsWriting(plan.tablePage(tables[$0].id) ?? "", inputs: tableInputs[$0]) })
        for offset in dirtyTables.sorted() { needed.append(filePaths.count + offset) }
        let depthTwoStart = filePaths.count + tables.count
        let tableOffset = Dictionary(uniqueKeysWithValues: tables.enumerated().map { ($0.element.id, $0.offset) })
        for (offset, drawn) in depthTwo.drawn.enumerated() where tableOffset[drawn.table].map(dirtyTables.contains) == true {
            needed.append(depthTwoStart + offset)
        }
        let rendered = needed.count == diagramSources.count
            ? try graphviz.render(diagramSources)
            : needed.isEmpty ? [] : try graphviz.renderSome(needed.map { diagramSources[$0] })
        var svgs = [String?](repeating: nil, count: diagramSources.count)
        for (offset, svg) in zip(needed, rendered) { svgs[offset] = svg }
        lap("\(rendered.count) of \(diagramSources.count) diagrams rendered by graphviz")

        var fileSVG: [String: String] = [:]
        for (offset, path) in filePaths.enumerated() {
            try folder.write(path, inputs: fileInputs[offset]) { Data((svgs[offset] ?? "").utf8) }
            if let svg = svgs[offset] { fileSVG[path] = Self.inline(svg) }
        }
        summary.files += filePaths.count
        var inlineSVG: [TableID: String] = [:]
        for offset in dirtyTables {
            inlineSVG[tables[offset].id] = svgs[filePaths.count + offset].map(Self.inline)
        }
        var depthTwoSVG: [TableID: String] = [:]
        for (offset, drawn) in depthTwo.drawn.enumerated() {
            if let svg = svgs[depthTwoStart + offset] { depthTwoSVG[drawn.table] = Self.inline(svg) }
        }
        summary.diagrams = diagramSources.count

        try page(SitePlan.indexPage, pages.indexPage(), inputs: everything("index"))
        try Parallel.forEach(Array(zip(schemas, schemaInputs)), chunkSize: 1) { entry, inputs in
            let (source, schema) = entry
            let key = SitePlan.SchemaKey(source: source.name, schema: schema.name)
            try folder.write(plan.schemaPage(source: source.name, schema: schema.name), inputs: inputs) {
                let svg = fileSVG[plan.schemaDiagram(source: source.name, schema: schema.name)] ?? ""
                return Data(try theme.render(pages.schema(schema, of: source, overview: overviews[key], svg: svg, areas: areaGraphs[key])).utf8)
            }
        }
        summary.pages += schemas.count
        summary.files += schemas.count
        try Parallel.forEach(Array(zip(areaPages, areaInputs)), chunkSize: 4) { page, inputs in
            let (source, schema, graph, number) = page
            let slug = graph.areas[number].slug
            let diagram = plan.areaDiagram(source: source.name, schema: schema.name, slug: slug)
            try folder.write(plan.areaPage(source: source.name, schema: schema.name, slug: slug), inputs: inputs) {
                let view = pages.area(number, of: graph, in: schema, of: source, overview: areaDiagrams[diagram], svg: fileSVG[diagram] ?? "")
                return Data(try theme.render(view).utf8)
            }
        }
        summary.pages += areaPages.count
        summary.files += areaPages.count
        // Table pages are independent of each other: render them on every core.
        _ = try Parallel.map(count: tables.count, chunkSize: 16) { offset, _ in
            let table = tables[offset]
            guard let path = plan.tablePage(table.id) else { return }
            try folder.write(path, inputs: tableInputs[offset]) {
                let diagram = neighbourhoods[table.id].map { ($0, inlineSVG[table.id] ?? "") }
                return Data(try theme.render(pages.table(table, diagram: diagram, depthTwo: depthTwo.offer(table.id, svgs: depthTwoSVG))).utf8)
            }
        }
        summary.pages += tables.count
        summary.files += tables.count

        lap("\(summary.pages) pages")
        if !catalog.glossary.isEmpty {
            try page(SitePlan.glossaryIndex, pages.glossaryIndex(), inputs: everything("glossary"))
            var targets: [String: String] = [:]
            for term in catalog.glossary { if let page = plan.termPage(term.term) { targets[page] = term.term } }
            let usage = GlossaryUsage(catalog, glossary: pages.glossary, termOfTarget: targets)
            for term in catalog.glossary {
                guard let path = plan.termPage(term.term) else { continue }
                try page(path, pages.glossaryTerm(term, usage: usage.uses[term.term] ?? []), inputs: everything("term " + path))
            }
        }
        if pages.hasPII { try page(SitePlan.piiPage, pages.piiReport(), inputs: everything("personal data")) }
        try page(SitePlan.coveragePage, pages.coverage(), inputs: everything("coverage"))
        try page(SitePlan.searchPage, pages.searchPage(), inputs: everything("search"))
        for asset in theme.assets {
            try write("\(SitePlan.assetsFolder)/\(asset.path)", asset.data)
        }
        lap("glossary, personal-data and coverage reports, and assets")
        return summary
    }

    /// A diagram's drawing and what its page says about it.
    static func combine(_ overview: ERDiagram.Overview, into hasher: inout FingerprintHasher) {
        hasher.combine(overview.dot)
        for figure in [overview.tables, overview.drawnTables, overview.areas, overview.links, overview.drawnLinks] { hasher.combine(figure) }
        for kind in overview.edges.map({ "\($0)" }).sorted() { hasher.combine(kind) }
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
