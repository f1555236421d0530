import Catalog
import Foundation
import Testing
@testable import SiteGen

@Suite("The schema page's list of tables")
struct SchemaListTests {
    /// The figures the browser filters and sorts by come from the catalog: orders has one key out (customers) and is
    /// referenced by order lines; open_orders is a view without a row count.
    @Test func eachTableCarriesItsFigures() throws {
        let catalog = try Fixture.shop()
        let pages = PageContext(catalog: catalog, plan: SitePlan(catalog), index: CatalogIndex(catalog))
        let page = pages.schema(catalog.sources[0].schemas[0], of: catalog.sources[0], overview: nil)
        let figures = Dictionary(uniqueKeysWithValues: page.tables.map { ($0.name, $0.figures) })
        #expect(figures["orders"] == TableSummary.Figures(kind: "table", columns: 4, rows: 3, references: 2,
                                                            described: true, piiColumns: 0))
        #expect(figures["open_orders"] == TableSummary.Figures(kind: "view", columns: 3, rows: nil, references: 0,
                                                                 described: false, piiColumns: 0))
        #expect(page.kinds.map(\.value) == ["table", "view"])
        #expect(page.listNote == nil)
    }

    /// A name from the database cannot close the script element that carries the list, nor start markup in it.
    @Test func theListsDataIsSafeInsideAScriptElement() throws {
        var catalog = Fixture.catalog(tables: ["</script><img src=x onerror=alert(1)>&amp;"])
        catalog.sources[0].schemas[0].tables[0].columns[0].pii = PIIFinding(kind: .email, confidence: 0.9, reasons: ["name"])
        let pages = PageContext(catalog: catalog, plan: SitePlan(catalog), index: CatalogIndex(catalog))
        let page = pages.schema(catalog.sources[0].schemas[0], of: catalog.sources[0], overview: nil)
        #expect(!page.listJSON.contains("<") && !page.listJSON.contains(">") && !page.listJSON.contains("&"))
        let entries = try JSONDecoder().decode([SchemaPage.ListEntry].self, from: Data(page.listJSON.utf8))
        #expect(entries.map(\.n) == ["</script><img src=x onerror=alert(1)>&amp;"])
        #expect(entries[0].p == 1 && entries[0].pl == "1 PII column" && entries[0].d == nil)
    }

    /// The personal-data report links each table, not only its columns.
    @Test func theReportLinksTables() throws {
        var catalog = Fixture.catalog(tables: ["people"])
        catalog.sources[0].schemas[0].tables[0].columns[0].pii = PIIFinding(kind: .email, confidence: 0.9, reasons: ["name"])
        let pages = PageContext(catalog: catalog, plan: SitePlan(catalog), index: CatalogIndex(catalog))
        let row = try #require(pages.piiReport().rows.first)
        #expect(row.tableHref == "s/main/tables/people.html")
        #expect(row.href == "s/main/tables/people.html#c-id")
    }
}
