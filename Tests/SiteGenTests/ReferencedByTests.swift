import Catalog
import Foundation
import Testing
@testable import SiteGen

@Suite("Referenced by")
struct ReferencedByTests {
    /// A hub referenced by 50 tables in 3 schemas, one of them twice, folds them by schema and counts tables;
    /// a table referenced by 5 keeps the plain list.
    @Test func aHubTableGroupsItsReferencesBySchema() throws {
        let catalog = Self.catalog()
        let pages = PageContext(catalog: catalog, plan: SitePlan(catalog), index: CatalogIndex(catalog))
        let theme = try Fixture.theme()
        let hub = try #require(catalog.allTables.first { $0.name == "hub" })
        let page = pages.table(hub, diagram: nil)
        #expect(page.referencedBy.isEmpty)
        #expect(page.referenceGroups.map(\.summary) == ["a<b&c — 5 tables", "ops — 15 tables", "sales — 30 tables"])
        #expect(page.referenceGroups.map(\.references.count) == [5, 15, 31])

        let html = try theme.render(page)
        #expect(html.contains("<details class=\"reference-group\"><summary>a&lt;b&amp;c — 5 tables</summary>"))
        #expect(html.contains("<summary>sales — 30 tables</summary>"))
        #expect(!html.contains("a<b&c"))
        #expect(html.components(separatedBy: "<details class=\"reference-group\">").count == 4)

        let small = try #require(catalog.allTables.first { $0.name == "small" })
        let smallPage = pages.table(small, diagram: nil)
        #expect(smallPage.referenceGroups.isEmpty)
        #expect(smallPage.referencedBy.count == 5)
        let smallHTML = try theme.render(smallPage)
        #expect(smallHTML.contains("<h2>Referenced by</h2>\n<ul class=\"keys\">\n<li>"))
        #expect(!smallHTML.contains("reference-group"))
    }

    /// `main` holds the hub and a small table; `sales` (30 tables, the first referencing the hub twice), `ops` (15)
    /// and `a<b&c` (5) reference the hub, and five tables of `main` reference the small one.
    static func catalog() -> Catalog {
        func id(_ schema: String, _ name: String) -> TableID { TableID(source: "s", schema: schema, name: name) }
        func table(_ schema: String, _ name: String, referencing targets: [TableID] = []) -> Table {
            let columns = ["id"] + targets.indices.map { "ref_\($0)" }
            return Table(id: id(schema, name), kind: .table,
                         columns: columns.enumerated().map { Column(name: $1, position: $0 + 1, dataType: "INTEGER") },
                         primaryKey: PrimaryKey(columns: ["id"]),
                         foreignKeys: targets.enumerated().map { ForeignKey(columns: ["ref_\($0)"], referencedTable: $1, referencedColumns: ["id"]) })
        }
        let hub = id("main", "hub"), small = id("main", "small")
        let main = [table("main", "hub"), table("main", "small")] + (1...5).map { table("main", "m\($0)", referencing: [small]) }
        let sales = (1...30).map { table("sales", "order\($0)", referencing: $0 == 1 ? [hub, hub] : [hub]) }
        let ops = (1...15).map { table("ops", "job\($0)", referencing: [hub]) }
        let odd = (1...5).map { table("a<b&c", "t\($0)", referencing: [hub]) }
        let schemas = [Schema(name: "main", tables: main), Schema(name: "sales", tables: sales), Schema(name: "ops", tables: ops),
                       Schema(name: "a<b&c", tables: odd)]
        return Catalog(title: "T", sources: [Source(name: "s", kind: .sqlite, schemas: schemas)])
    }
}
