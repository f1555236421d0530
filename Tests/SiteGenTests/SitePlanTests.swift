@testable import Catalog
import Testing
@testable import SiteGen

@Suite("Where pages live and how they link")
struct SitePlanTests {
    @Test func layoutOfASchema() {
        let catalog = Fixture.catalog(tables: ["orders", "a/b"])
        let plan = SitePlan(catalog)
        let orders = TableID(source: "s", schema: "main", name: "orders")
        #expect(plan.schemaPage(source: "s", schema: "main") == "s/main/index.html")
        #expect(plan.tablePage(orders) == "s/main/tables/orders.html")
        #expect(plan.columnLink(orders, "id") == "s/main/tables/orders.html#c-id")
        #expect(plan.tablePage(TableID(source: "s", schema: "main", name: "missing")) == nil)
    }

    @Test func tablesAndColumnsDifferingOnlyInUnicodeNormalizationGetPagesAndAnchorsOfTheirOwn() {
        let composed = "\u{E9}", decomposed = "e\u{301}"
        let catalog = Fixture.catalog(tables: [composed, decomposed], columns: [composed, decomposed])
        let plan = SitePlan(catalog)
        let first = TableID(source: "s", schema: "main", name: composed)
        let second = TableID(source: "s", schema: "main", name: decomposed)
        #expect(plan.tablePage(first) == "s/main/tables/e-\(FileName.shortHash(composed)).html")
        #expect(plan.tablePage(second) == "s/main/tables/e-\(FileName.shortHash(decomposed)).html")
        #expect(plan.columnAnchor(first, composed) == "c-e-\(FileName.shortHash(composed))")
        #expect(plan.columnAnchor(first, decomposed) == "c-e-\(FileName.shortHash(decomposed))")
    }

    @Test func aSourceNamedLikeTheAssetsFolderMovesAside() {
        let catalog = Catalog(title: "T", sources: [Source(name: "assets", kind: .sqlite, schemas: [Schema(name: "main")])])
        #expect(SitePlan(catalog).schemaPage(source: "assets", schema: "main").hasPrefix("assets-"))
    }

    @Test func relativeLinks() {
        #expect(SitePlan.relative("s/main/tables/a.html", from: "s/main/tables/b.html") == "a.html")
        #expect(SitePlan.relative("s/main/index.html", from: "s/main/tables/b.html") == "../index.html")
        #expect(SitePlan.relative("index.html", from: "s/main/tables/b.html") == "../../../index.html")
        #expect(SitePlan.relative("s/main/tables/a.html", from: "s/main/diagrams/a.svg") == "../tables/a.html")
        #expect(SitePlan.relative("t/other/tables/a.html", from: "s/main/tables/b.html") == "../../../t/other/tables/a.html")
        #expect(SitePlan.rootPrefix(of: "s/main/tables/b.html") == "../../../")
        #expect(SitePlan.rootPrefix(of: "index.html") == "")
    }
}
