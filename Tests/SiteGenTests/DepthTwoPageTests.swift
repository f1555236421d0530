import Catalog
import Foundation
import Testing
import TestSupport
@testable import SiteGen

@Suite("Table pages' depth-2 diagrams")
struct DepthTwoPageTests {
    /// A hub referenced by `spokes` tables, and a chain `a → b → c` on its own.
    static func catalog(spokes: Int) -> Catalog {
        var catalog = Fixture.catalog(tables: ["hub", "a", "b", "c"] + (1...spokes).map { "spoke\($0)" }, columns: ["id", "ref_id"])
        let tables = catalog.sources[0].schemas[0].tables
        func key(to index: Int) -> [ForeignKey] { [ForeignKey(columns: ["ref_id"], referencedTable: tables[index].id, referencedColumns: ["id"])] }
        catalog.sources[0].schemas[0].tables[1].foreignKeys = key(to: 2)
        catalog.sources[0].schemas[0].tables[2].foreignKeys = key(to: 3)
        for index in 4..<tables.count { catalog.sources[0].schemas[0].tables[index].foreignKeys = key(to: 0) }
        return catalog
    }

    static func offers(_ catalog: Catalog) throws -> [String: String] {
        let plan = SitePlan(catalog)
        let erd = ERDiagram(catalog: catalog, plan: plan, index: CatalogIndex(catalog))
        let depthTwo = try HTMLPagesExporter.depthTwo(of: catalog.allTables, erd: erd, plan: plan)
        var offers: [String: String] = [:]
        for table in catalog.allTables {
            if depthTwo.chosen.contains(table.id) {
                offers[table.name] = "drawn"
                continue
            }
            switch depthTwo.offer(table.id) {
            case .drawn?: offers[table.name] = "drawn"
            case .tooLarge(let tables)?: offers[table.name] = "too large: \(tables)"
            case .overBudget(let tables, _)?: offers[table.name] = "over budget: \(tables)"
            case nil: break
            }
        }
        return offers
    }

    @Test func depthTwoIsOfferedOnlyWhereItShowsMoreAndStaysSmall() throws {
        let offers = try Self.offers(Self.catalog(spokes: 3))
        // The hub's neighbours lead nowhere else, nor do b's; a and c see each other through b.
        #expect(offers == ["a": "drawn", "c": "drawn", "spoke1": "drawn", "spoke2": "drawn", "spoke3": "drawn"])
        let large = try Self.offers(Self.catalog(spokes: ERDiagram.pageDepthLimit + 5))
        #expect(large["spoke1"] == "too large: \(ERDiagram.pageDepthLimit + 6)")
        #expect(large["hub"] == nil && large["a"] == "drawn")
    }

    @Test func thePageShipsDepthTwoInATemplateOrNamesTheCommandThatExportsIt() throws {
        let folder = try TemporaryFolder()
        let files = try Fixture.site(Self.catalog(spokes: ERDiagram.pageDepthLimit + 5), in: folder)
        let a = String(decoding: try #require(files["s/main/tables/a.html"]), as: UTF8.self)
        #expect(a.contains("<figure class=\"erd\" id=\"table-diagram\" data-file=\"a\""))
        #expect(a.contains("<template class=\"erd-depth\" data-for=\"table-diagram\" data-depth=\"2\"><svg"))
        let spoke = String(decoding: try #require(files["s/main/tables/spoke1.html"]), as: UTF8.self)
        #expect(!spoke.contains("<template"))
        #expect(spoke.contains("Depth 2 reaches 66 tables, too many to draw here; export it with "
            + "<code>scribe-build erd &#39;main.spoke1&#39; --depth 2 --output &#39;spoke1-depth-2.svg&#39;</code>"))
        let hub = String(decoding: try #require(files["s/main/tables/hub.html"]), as: UTF8.self)
        #expect(!hub.contains("<template") && !hub.contains("Depth 2"))
        #expect(hub.contains("assets/diagram.js"))
    }

    @Test func aLargeCatalogDrawsDepthTwoForHalfItsTablesThoseWithTheFewestNeighbours() throws {
        let catalog = ERDiagramSelectionTests.chain(2_100)
        let plan = SitePlan(catalog)
        let erd = ERDiagram(catalog: catalog, plan: plan, index: CatalogIndex(catalog))
        let depthTwo = try HTMLPagesExporter.depthTwo(of: catalog.allTables, erd: erd, plan: plan)
        #expect(depthTwo.budget == 1_050 && depthTwo.chosen.count == 1_050)
        #expect(depthTwo.overBudget.count == 1_050 && depthTwo.tooLarge.isEmpty)
        // The chain's two ends have one neighbour each; then the first tables in catalog order.
        let chosen = Set(depthTwo.chosen.map(\.name))
        #expect(chosen.isSuperset(of: ["c0", "c1", "c2", "c1048", "c2099"]) && !chosen.contains("c1049") && !chosen.contains("c2000"))
        var page = TablePage.Diagram(svg: "<svg/>", legend: [], file: "c2000")
        page.offer(depthTwo.offer(ERDiagramSelectionTests.id("c2000")), of: ERDiagramSelectionTests.id("c2000"), namingSources: false)
        #expect(page.depthTwo == nil)
        #expect(page.depthTwoTooLarge == "Depth 2 (5 tables) is drawn into the pages of the 1,050 tables with the fewest neighbours "
            + "in a catalog this large; export it with")
        #expect(page.exportCommand == "scribe-build erd 'main.c2000' --depth 2 --output 'c2000-depth-2.svg'")
    }

    @Test func aNameWithAQuoteIsQuotedForTheShell() {
        #expect(TablePage.Diagram.shellQuoted("main.o'brien") == "'main.o'\\''brien'")
    }
}
