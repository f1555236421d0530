import Testing
@testable import SiteGen

@Suite("Rendering DOT with graphviz")
struct GraphvizTests {
    @Test func manyGraphsInFewProcessesComeBackInOrder() throws {
        let graphs = (0..<7).map { "digraph g\($0) { n\($0) [label=\"node \($0) <&>\"]; }\n" }
        let svgs = try Graphviz.dot(processes: 2, graphsPerProcess: 3).render(graphs)
        #expect(svgs.count == 7)
        for (index, svg) in svgs.enumerated() {
            #expect(svg.hasPrefix("<?xml"))
            #expect(svg.hasSuffix("</svg>\n"))
            #expect(svg.contains("node \(index) &lt;&amp;&gt;"))
        }
    }

    /// Every process gets work, and none more than its limit: a schema's 133 area diagrams once all went to one.
    @Test(arguments: [(133, 2, 400), (1_500, 2, 400), (1, 2, 400), (7, 2, 3), (800, 2, 400), (801, 2, 400), (5, 1, 400),
                      (2, 4, 400), (9, 4, 400), (5, 2, 2), (10_000, 3, 7), (0, 2, 400)])
    func batchesKeepEveryProcessBusyWithinTheLimit(graphs: Int, processes: Int, limit: Int) {
        let batches = Graphviz.batches(graphs: graphs, processes: processes, graphsPerProcess: limit)
        #expect(batches.flatMap { Array($0) } == Array(0..<graphs), "every graph once, in order")
        #expect(batches.allSatisfy { !$0.isEmpty && $0.count <= limit })
        #expect((batches.map(\.count).max() ?? 0) - (batches.map(\.count).min() ?? 0) <= 1)
        #expect(batches.count == graphs || batches.count % processes == 0,
                "\(graphs) graphs in \(batches.count) batches leave one of \(processes) processes idle")
    }

    /// dot renders many graphs per process, and a graph choosing another engine (an area map laid out by neato)
    /// must not leave it chosen: a table's diagram after it is laid out in ranks as when rendered alone.
    @Test func aGraphAfterANeatoGraphInTheSameProcessIsStillLaidOutByDot() throws {
        let catalog = try Fixture.shop()
        let erd = ERDiagram(catalog: catalog, plan: SitePlan(catalog), index: CatalogIndex(catalog))
        let table = try #require(catalog.allTables.first { !$0.foreignKeys.isEmpty })
        let diagram = erd.neighbourhood(of: table, diagramPath: "s/main/tables/x.html").dot
        let neato = "digraph map { graph [layout=neato, overlap=prism]; a -> b; b -> c; c -> a; }\n"
        let alone = try Graphviz.dot().render([diagram])
        let after = try Graphviz.dot(processes: 1).render([neato, diagram])
        // graphviz names the graph's group `page0,1_graph0` after a neato graph, `graph0` otherwise; the drawing is the same.
        #expect(after[1].replacingOccurrences(of: "id=\"page0,1_graph0\"", with: "id=\"graph0\"") == alone[0])
    }

    /// graphviz expands `\N` (the node's name), `\G`, `\E`, `\L`… in labels and reads tooltips twice;
    /// every name must still come out as written.
    @Test func namesWithBackslashesAndEntitiesRenderLiterally() throws {
        let names = ["a\\Nb\\G\\T\\H\\E\\L\\l\\n\\\\z", "h&amp;i", "&#92;N", "p&q<r>\"s\""]
        let catalog = Fixture.catalog(tables: names, columns: names)
        let erd = ERDiagram(catalog: catalog, plan: SitePlan(catalog), index: CatalogIndex(catalog))
        let tables = catalog.sources[0].schemas[0].tables
        let svgs = try Graphviz.dot().render(tables.map { erd.neighbourhood(of: $0, diagramPath: "s/main/tables/x.html").dot })
        func xml(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        for (table, svg) in zip(tables, svgs) {
            #expect(svg.contains("fill=\"#ffffff\">\(xml(table.name))</text>"), "the title of \(table.name)")
            #expect(svg.contains("xlink:title=\"main.\(xml(table.name))\""), "the tooltip of \(table.name)")
            for name in names { #expect(svg.contains(">\(xml(name)) </text>"), "the column \(name) of \(table.name)") }
        }
    }

    /// A suggestion's tooltip carries its first reason, which names columns: it must come out as written too.
    @Test func aSuggestionsTooltipShowsItsEvidenceLiterally() throws {
        let catalog = UndeclaredRelationshipTests.catalog(evidence: ["`a\\Nb` & <i>\"x\"</i> &#92;"])
        let erd = ERDiagram(catalog: catalog, plan: SitePlan(catalog), index: CatalogIndex(catalog))
        let orders = try #require(catalog.table(UndeclaredRelationshipTests.id("orders")))
        let svg = try #require(try Graphviz.dot().render([erd.neighbourhood(of: orders, diagramPath: "s/main/tables/orders.html").dot]).first)
        #expect(svg.contains("xlink:title=\"suggested relationship (confidence 0.82): `a\\Nb` &amp; &lt;i&gt;&quot;x&quot;&lt;/i&gt; &amp;#92;\""))
        #expect(svg.contains(">0.82</text>"))
        #expect(svg.contains("stroke-dasharray"))
    }

    @Test func aBrokenGraphIsAnErrorWithGraphvizsMessage() {
        let error = #expect(throws: RenderError.self) { try Graphviz.dot().render(["digraph { -> }\n"]) }
        guard case .graphvizFailed(let message)? = error?.reason else {
            Issue.record("expected graphvizFailed, got \(String(describing: error))")
            return
        }
        #expect(message.contains("syntax error"))
    }
}

