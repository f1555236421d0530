import Catalog
import Testing
import TestSupport
@testable import SiteGen

@Suite("ER diagrams of a chosen set of tables")
struct ERDiagramSelectionTests {
    func diagram(_ catalog: Catalog) -> ERDiagram {
        ERDiagram(catalog: catalog, plan: SitePlan(catalog), index: CatalogIndex(catalog))
    }

    /// `count` tables `c0`…, each referencing the one before through `prev_id`.
    static func chain(_ count: Int) -> Catalog {
        var catalog = Fixture.catalog(tables: (0..<count).map { "c\($0)" }, columns: ["id", "prev_id", "note"])
        for index in 1..<count {
            let previous = catalog.sources[0].schemas[0].tables[index - 1].id
            catalog.sources[0].schemas[0].tables[index].primaryKey = PrimaryKey(columns: ["id"])
            catalog.sources[0].schemas[0].tables[index].foreignKeys = [
                ForeignKey(columns: ["prev_id"], referencedTable: previous, referencedColumns: ["id"]),
            ]
        }
        return catalog
    }

    static func id(_ name: String) -> TableID { TableID(source: "s", schema: "main", name: name) }

    @Test func depthTwoOfOrdersReachesTheReturnsOfItsLines() throws {
        let catalog = try Fixture.shop()
        let orders = TableID(source: "shop", schema: "main", name: "orders")
        let selection = diagram(catalog).selection(of: [orders], depth: 2, diagramPath: "shop/main/tables/orders.html")
        #expect(selection.reached.map(\.name) == ["orders", "customers", "order_lines", "returns"])
        #expect(selection.drawnTables == 4 && selection.note == nil)
        #expect(Snapshot.mismatch(selection.dot, named: "orders-depth-2.dot") == nil)
    }

    @Test func eachStepReachesOneTableFurtherEitherWay() {
        let erd = diagram(Self.chain(10))
        #expect(erd.reach(from: [Self.id("c5")], depth: 0).map(\.name) == ["c5"])
        #expect(erd.reach(from: [Self.id("c5")], depth: 1).map(\.name) == ["c5", "c4", "c6"])
        #expect(erd.reach(from: [Self.id("c5")], depth: 2).map(\.name) == ["c5", "c4", "c6", "c3", "c7"])
        #expect(erd.reach(from: [Self.id("c0"), Self.id("c9")], depth: 1).map(\.name) == ["c0", "c9", "c1", "c8"])
    }

    @Test func everyRelationshipAmongTheDrawnTablesIsDrawnFromColumnToColumn() {
        let selection = diagram(Self.chain(10)).selection(of: [Self.id("c5")], depth: 2, diagramPath: "s/main/tables/c5.html")
        // c3→c4→c5→c6→c7: four keys, not only those touching c5 as a neighbourhood draws them.
        let edges = selection.dot.components(separatedBy: "\n").filter { $0.contains(" -> ") }
        #expect(edges.count == 4)
        #expect(edges.allSatisfy { $0.contains(":c1:e -> ") && $0.hasSuffix(":c0:w;") })
        #expect(selection.edges == [.declared])
        // The chosen table shows every column; the others their keys only.
        #expect(selection.dot.contains(">note <font"))
        #expect(selection.dot.components(separatedBy: ">note <font").count - 1 == 1)
    }

    @Test func withoutColumnsTablesAreDrawnByNameAndEdgesRunBetweenThem() {
        let dot = diagram(Self.chain(10)).selection(of: [Self.id("c5")], depth: 2, columns: false, diagramPath: "s/main/tables/c5.html").dot
        #expect(!dot.contains("port=\"c") && !dot.contains("more column"))
        #expect(dot.components(separatedBy: "\n").filter { $0.contains(" -> ") }.sorted() == ["  t1 -> t3;", "  t2 -> t0;", "  t0 -> t1;", "  t4 -> t2;"].sorted())
    }

    @Test func aHugeSelectionDrawsTheNearestTablesAndSaysHowManyItLeftOut() {
        let selection = diagram(Self.chain(40)).selection(of: [Self.id("c20")], depth: 40, limit: 5, diagramPath: "d.svg")
        #expect(selection.reached.count == 40)
        #expect(selection.drawnTables == 5)
        #expect(selection.note == "The diagram shows 5 of the 40 tables within 40 steps: the chosen ones and those nearest to them.")
        #expect(selection.dot.contains("label=\"The diagram shows 5 of the 40 tables"))
        for name in ["c18", "c19", "c20", "c21", "c22"] { #expect(selection.dot.contains("<b>\(name)</b>")) }
        #expect(!selection.dot.contains("<b>c17</b>"))
    }

    @Test func moreChosenTablesThanTheLimitKeepsTheMostConnected() {
        var catalog = Self.chain(6)
        catalog.sources[0].schemas[0].tables += Fixture.catalog(tables: ["lone"]).sources[0].schemas[0].tables
        let all = catalog.allTables.map(\.id)
        let selection = diagram(catalog).selection(of: all, depth: 1, limit: 5, diagramPath: "d.svg")
        #expect(selection.drawnTables == 5)
        #expect(!selection.dot.contains("<b>lone</b>"))
    }

    @Test func linksResolveFromThePageOrAreLeftOut() {
        let erd = diagram(Self.chain(3))
        let linked = erd.selection(of: [Self.id("c1")], depth: 1, diagramPath: "s/main/tables/c1.html").dot
        #expect(linked.contains("URL=\"c0.html\"") && linked.contains("URL=\"c2.html\""))
        let exported = erd.withoutLinks.selection(of: [Self.id("c1")], depth: 1, diagramPath: "d.svg").dot
        #expect(!exported.contains("URL=") && !exported.contains("target="))
        #expect(exported.contains("<b>c0</b>") && exported.contains(" -> "))
    }

    @Test func namesAreEscapedAsInTheOtherDiagrams() {
        let catalog = Fixture.catalog(tables: ["<b>\"x\" & y</b>", "a\\Nb"], columns: ["<i>", "line\nbreak"])
        let dot = diagram(catalog).selection(of: catalog.allTables.map(\.id), depth: 1, diagramPath: "s/main/tables/x.html").dot
        #expect(dot.contains("&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;"))
        #expect(dot.contains("<b>a\\\\Nb</b>"))
        #expect(dot.contains("&lt;i&gt;") && dot.contains("line break"))
        #expect(!dot.contains("<b>\"x\""))
    }

    @Test func aKeyToATableOutsideTheCatalogIsDrawnButLeadsNowhere() {
        var catalog = Self.chain(2)
        let elsewhere = TableID(source: "s", schema: "other", name: "gone")
        catalog.sources[0].schemas[0].tables[0].foreignKeys = [ForeignKey(columns: ["prev_id"], referencedTable: elsewhere, referencedColumns: ["id"])]
        let selection = diagram(catalog).selection(of: [Self.id("c1")], depth: 3, diagramPath: "d.svg")
        #expect(selection.reached.map(\.name) == ["c1", "c0", "gone"])
        #expect(selection.dot.contains("gone <i>(not in this catalog)</i>"))
    }
}
