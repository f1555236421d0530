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
    /// How many table pages are drawn and written at a time: enough diagrams for graphviz's processes to share,
    /// few enough that their SVG text stays small. Tests make it small, so that a few tables span several slices.
    var tablesPerSlice = 1000

    public init(theme: Theme, graphviz: Graphviz) {
        self.theme = theme
        self.graphviz = graphviz
    }

    public func export(_ input: ExportInput, into folder: SiteFolder, progress: (String) -> Void) throws -> ExportSummary {
        var clock = Date()
        func lap(_ what: String) {
            progress("\(what) in \(String(format: "%.2f", Date().timeIntervalSince(clock))) s\(PeakMemory.note)")
            clock = Date()
        }
        let (catalog, plan) = (input.catalog, input.plan)
        let pages = PageContext(catalog: catalog, plan: plan, index: input.index)
        let erd = ERDiagram(catalog: catalog, plan: plan, index: input.index)
        var summary = ExportSummary()

        func page(_ path: String, _ view: @autoclosure () -> some PageView, inputs: Fingerprint) throws {
            try folder.write(path, inputs: inputs) { try theme.renderData(view()) }
            summary.files += 1
            summary.pages += 1
        }
        // What each file is made from. A file whose inputs are those the site already has is neither drawn,
        // rendered nor written: only the diagrams of the pages made again are written as DOT and go to graphviz.
        let prints = input.fingerprints.framed(theme: theme.fingerprint, input: input)
        let version = graphviz.version
        /// Pages that summarize the whole catalog depend on all of it.
        func everything(_ kind: String) -> Fingerprint { prints.page(kind) { $0.combine(prints.catalog) } }

        let tables = catalog.allTables.filter { plan.tablePage($0.id) != nil }
        lap("fingerprints of \(tables.count) tables")
        let depthTwo = try Self.depthTwo(of: tables, erd: erd, plan: plan)
        lap("depth-2 plan")
        let tableInputs = try Parallel.map(count: tables.count, chunkSize: 32) { offset, _ in
            prints.page("table page") { hasher in
                let table = tables[offset]
                prints.table(table, index: input.index, plan: plan)(&hasher)
                hasher.combine(version)
                prints.diagram(of: table.id, depthTwo: depthTwo, erd: erd)(&hasher)
            }
        }
        // A schema's page, its diagram and its subject areas' pages and diagrams are made together from its tables.
        let schemas = catalog.sources.flatMap { source in source.schemas.map { (source, $0) } }
        let schemaInputs = schemas.map { source, schema in
            prints.page("schema") { hasher in
                hasher.combine(prints.schemas[SitePlan.SchemaKey(source: source.name, schema: schema.name)] ?? Fingerprint(high: 0, low: 0))
                hasher.combine(version)
            }
        }
        let schemaGroups = schemas.map { "schema:" + plan.schemaFolder(source: $0.0.name, schema: $0.1.name) }
        let dirtySchemas = schemas.indices.filter { folder.needsGroup(schemaGroups[$0], inputs: schemaInputs[$0]) }
        let dirtyTables = tables.indices.filter { folder.needsWriting(plan.tablePage(tables[$0].id) ?? "", inputs: tableInputs[$0]) }
        lap("fingerprints of \(tables.count + schemas.count) pages and their diagrams; \(dirtySchemas.count) schemas and "
            + "\(dirtyTables.count) tables to render")

        // The diagrams of what is made again, as DOT. A schema's overview (the map of its subject areas when it
        // is large) and each area's diagram are drawn into their pages and written as files of their own.
        var diagrams = DiagramBatch()
        var schemaDrawings: [Int: SchemaDrawing] = [:]
        for offset in dirtySchemas {
            let (source, schema) = schemas[offset]
            let path = plan.schemaDiagram(source: source.name, schema: schema.name)
            var drawing = SchemaDrawing()
            if schema.tables.count > ERDiagram.areaMapThreshold {
                let graph = erd.areaGraph(of: schema)
                drawing.areas = graph
                drawing.overview = erd.areaMap(graph, source: source.name, schema: schema.name, diagramPath: path)
                // On every core: a 5,000-table schema has over a hundred areas, each drawn with its tables' columns.
                let areaDiagrams = (try? Parallel.map(count: graph.areas.count, chunkSize: 4) { number, _ -> (String, ERDiagram.Overview) in
                    let areaPath = plan.areaDiagram(source: source.name, schema: schema.name, slug: graph.areas[number].slug)
                    return (areaPath, erd.area(number, of: graph, source: source.name, schema: schema.name, diagramPath: areaPath))
                }) ?? []
                for (areaPath, diagram) in areaDiagrams {
                    drawing.areaDiagrams.append((areaPath, diagram, diagrams.add(diagram.dot)))
                }
            } else {
                drawing.overview = erd.overview(of: schema, diagramPath: path)
            }
            drawing.diagram = diagrams.add(drawing.overview?.dot ?? "")
            schemaDrawings[offset] = drawing
        }
        lap("\(diagrams.dots.count) schema and area diagrams as DOT")
        // Every diagram of the site in one run keeps the diagram cache to exactly this site's; some of them add to it.
        let everyDiagram = dirtySchemas.count == schemas.count && dirtyTables.count == tables.count
        let run = graphviz.run()
        let svgs = diagrams.dots.isEmpty ? [] : try run.render(diagrams.dots)
        lap("\(svgs.count) schema and area diagrams rendered")

        // Table pages a slice at a time: their diagrams as DOT, laid out by graphviz, drawn into the pages, which are
        // written on every core. Only two slices' SVG text is held at once (30,000 diagrams at 20,000 tables were
        // 700 MB). graphviz lays out the next slice while this one's pages are written: its processes and the
        // renderer then share the cores instead of taking turns.
        let dirty = Set(dirtyTables)
        var drawnCount = 0
        var laidOutHere = 0
        /// A table's diagram: laid out here (`NeighbourhoodLayout`), or the position of its DOT in the slice's batch.
        enum TableDiagram {
            case drawn(String)
            case batch(Int)

            func svg(_ batch: [String]) -> String {
                switch self {
                case .drawn(let svg): svg
                case .batch(let position): HTMLPagesExporter.inline(batch[position])
                }
            }
        }
        struct Slice {
            var tables: Range<Int>
            var diagrams: [Int: (result: ERDiagram.Result, diagram: TableDiagram, depthTwo: TableDiagram?)]
            var svgs: Pending<[String]>
        }
        func startSlice(at start: Int) throws -> Slice? {
            guard start < tables.count else { return nil }
            let slice = start..<min(tables.count, start + max(1, tablesPerSlice))
            let drawnHere = slice.filter { dirty.contains($0) }
            // Each diagram as SVG when it is simple enough to lay out here, else as DOT for graphviz (written only then).
            enum Drawn {
                case svg(String)
                case dot(String)

                init(_ graph: DiagramGraph?, dot: () -> String) {
                    self = graph.flatMap(NeighbourhoodLayout.svg).map(Drawn.svg) ?? .dot(dot())
                }
            }
            let drawnTables = try Parallel.map(count: drawnHere.count, chunkSize: 16) { index, _ -> (ERDiagram.Result, Drawn, Drawn?) in
                let table = tables[drawnHere[index]]
                var depthTwoDrawing: Drawn?
                if depthTwo.chosen.contains(table.id) {
                    let selection = erd.selection(of: [table.id], depth: 2, limit: ERDiagram.pageDepthLimit, columns: false,
                                                  diagramPath: plan.tablePage(table.id) ?? "")
                    depthTwoDrawing = Drawn(selection.graph) { selection.dot }
                }
                let neighbourhood = erd.neighbourhood(of: table, diagramPath: plan.tablePage(table.id) ?? "")
                return (neighbourhood, Drawn(neighbourhood.graph) { neighbourhood.dot }, depthTwoDrawing)
            }
            var batch = DiagramBatch()
            var tableDiagrams: [Int: (result: ERDiagram.Result, diagram: TableDiagram, depthTwo: TableDiagram?)] = [:]
            func diagram(_ drawn: Drawn) -> TableDiagram {
                switch drawn {
                case .dot(let dot): return .batch(batch.add(dot))
                case .svg(let svg):
                    laidOutHere += 1
                    return .drawn(svg)
                }
            }
            for (offset, drawn) in zip(drawnHere, drawnTables) {
                tableDiagrams[offset] = (drawn.0, diagram(drawn.1), drawn.2.map(diagram))
            }
            let dots = batch.dots
            return Slice(tables: slice, diagrams: tableDiagrams, svgs: Pending { dots.isEmpty ? [] : try run.render(dots) })
        }
        var next = try startSlice(at: 0)
        // Whatever fails, no layout is left running into the diagram run after this returns.
        defer { _ = try? next?.svgs.value() }

        try page(SitePlan.indexPage, pages.indexPage(), inputs: everything("index"))
        let counts = try Parallel.map(count: schemas.count, chunkSize: 1) { offset, _ -> (files: Int, pages: Int, diagrams: Int) in
            let (source, schema) = schemas[offset]
            let paths = try folder.group(schemaGroups[offset], inputs: schemaInputs[offset]) { folder in
                guard let drawing = schemaDrawings[offset] else { return }
                let svg = svgs[drawing.diagram]
                try folder.write(plan.schemaDiagram(source: source.name, schema: schema.name), Data(svg.utf8))
                let view = pages.schema(schema, of: source, overview: drawing.overview, svg: Self.inline(svg), areas: drawing.areas)
                try folder.write(plan.schemaPage(source: source.name, schema: schema.name), try theme.renderData(view))
                guard let graph = drawing.areas else { return }
                try Parallel.forEach(Array(drawing.areaDiagrams.enumerated()), chunkSize: 4) { number, area in
                    let svg = svgs[area.diagram]
                    try folder.write(area.path, Data(svg.utf8))
                    let view = pages.area(number, of: graph, in: schema, of: source, overview: area.overview, svg: Self.inline(svg))
                    try folder.write(plan.areaPage(source: source.name, schema: schema.name, slug: graph.areas[number].slug),
                                     try theme.renderData(view))
                }
            }
            let drawings = paths.filter { $0.hasSuffix(".svg") }.count
            return (paths.count, paths.count - drawings, drawings)
        }
        for count in counts {
            summary.files += count.files
            summary.pages += count.pages
            summary.diagrams += count.diagrams
        }
        while let current = next {
            let tableSVGs = try current.svgs.value()
            next = try startSlice(at: current.tables.upperBound)
            drawnCount += tableSVGs.count
            let (slice, tableDiagrams) = (current.tables, current.diagrams)
            _ = try Parallel.map(count: slice.count, chunkSize: 16) { index, _ in
                let offset = slice.lowerBound + index
                let table = tables[offset]
                guard let path = plan.tablePage(table.id) else { return }
                try folder.write(path, inputs: tableInputs[offset]) {
                    let drawn = tableDiagrams[offset]
                    let diagram = drawn.map { ($0.result, $0.diagram.svg(tableSVGs)) }
                    let offer: TablePage.DepthTwo? = if let drawing = drawn?.depthTwo {
                        .drawn(svg: drawing.svg(tableSVGs))
                    } else {
                        depthTwo.offer(table.id)
                    }
                    return try theme.renderData(pages.table(table, diagram: diagram, depthTwo: offer))
                }
            }
        }
        try run.finish(everyDiagram)
        lap("\(tables.count) table pages, \(drawnCount + laidOutHere) of their diagrams drawn (\(laidOutHere) laid out without graphviz)")
        summary.pages += tables.count
        summary.files += tables.count
        summary.diagrams += tables.count + depthTwo.chosen.count

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
            try folder.write("\(SitePlan.assetsFolder)/\(asset.path)", asset.data)
            summary.files += 1
        }
        lap("glossary, personal-data and coverage reports, and assets")
        return summary
    }

    /// What a schema's page is drawn from: its overview or map of subject areas, and each area's diagram, with the
    /// positions of their DOT in the batch sent to graphviz.
    struct SchemaDrawing {
        var overview: ERDiagram.Overview?
        var diagram = 0
        var areas: AreaGraph?
        var areaDiagrams: [(path: String, overview: ERDiagram.Overview, diagram: Int)] = []
    }

    /// DOT texts in the order they go to graphviz, each added where its SVG will be wanted.
    struct DiagramBatch {
        var dots: [String] = []

        mutating func add(_ dot: String) -> Int {
            dots.append(dot)
            return dots.count - 1
        }
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

/// Work running on a thread of its own, its result waited for later (`value()`, which may be asked again): graphviz
/// laying out the next slice's diagrams while this slice's pages are written. A thread rather than a task: the work
/// blocks on processes, and rendering pages keeps the cooperative pool's and `Parallel`'s threads busy.
final class Pending<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        Thread.detachNewThread { [self] in
            let outcome = Result { try work() }
            lock.withLock { result = outcome }
            finished.signal()
        }
    }

    func value() throws -> Value {
        if let result = lock.withLock({ result }) { return try result.get() }
        finished.wait()
        finished.signal()
        return try lock.withLock { result }!.get()
    }
}
