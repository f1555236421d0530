import Catalog
import Foundation
import Testing
import TestSupport
@testable import SiteGen

/// Coverage counted on a catalog built by hand, and the page and catalog.json that show it.
@Suite("Coverage")
struct CoverageTests {
    /// Two sources; `sales` has a table of every kind of description, `ops` one pending table.
    static func catalog() -> Catalog {
        func column(_ name: String, _ position: Int, _ description: Description? = nil, pii: PIIFinding.Kind? = nil) -> Column {
            var column = Column(name: name, position: position, dataType: "TEXT", description: description)
            column.pii = pii.map { PIIFinding(kind: $0, confidence: 0.9, reasons: ["name"]) }
            return column
        }
        let orders = Table(id: TableID(source: "shop", schema: "sales", name: "orders"), kind: .table, columns: [
            column("id", 1, Description(text: "The order.", origin: .human)),
            column("email", 2, Description(text: "Where to write.", origin: .databaseComment), pii: .email),
            column("placed_at", 3, Description(text: "When it was placed.", origin: .template)),
            column("total", 4, Description(text: "What it cost.", origin: .model, status: .approved, inputsHash: "ab")),
            column("note", 5, Description(text: "Old text.", origin: .model, status: .approved, inputsHash: "cd", isStale: true)),
            column("empty", 6, Description(text: "", origin: .human)),
        ], description: Description(text: "One row per order.", origin: .human, status: .approved, inputsHash: "ef"))
        var view = Table(id: TableID(source: "shop", schema: "sales", name: "open_orders"), kind: .view,
                         columns: [column("id", 1, Description(text: "Generated.", origin: .model))],
                         description: Description(text: "Orders not shipped.", origin: .model))
        view.columns.append(column("customer", 2, pii: .personName))
        let people = Table(id: TableID(source: "shop", schema: "crm", name: "people"), kind: .table,
                           columns: [column("id", 1)], description: Description(text: "Changed.", origin: .human, status: .approved,
                                                                                inputsHash: "01", isStale: true))
        var jobs = Table(id: TableID(source: "ops", schema: "main", name: "jobs"), kind: .table,
                         columns: [column("id", 1), column("name", 2, Description(text: "The job.", origin: .human))])
        jobs.describePending = "the call budget (describe.max_calls) is used up"
        return Catalog(title: "Shop", sources: [
            Source(name: "shop", kind: .postgres, schemas: [Schema(name: "crm", tables: [people]),
                                                             Schema(name: "sales", tables: [view, orders])]),
            Source(name: "ops", kind: .sqlite, schemas: [Schema(name: "main", tables: [jobs])]),
        ])
    }

    @Test func countsEveryOriginApprovedStalePendingAndPersonalData() throws {
        let coverage = Coverage(Self.catalog())
        #expect(coverage.sources.map(\.name) == ["shop", "ops"])
        #expect(coverage.sources[0].schemas.map(\.name) == ["crm", "sales"])
        let sales = coverage.sources[0].schemas[1].figures
        var tables = Coverage.Tally()
        (tables.total, tables.described, tables.human, tables.model, tables.approved, tables.trusted) = (2, 2, 1, 1, 1, 1)
        #expect(sales.tables == tables)
        var columns = Coverage.Tally()
        (columns.total, columns.described) = (8, 6)  // "empty" has text "" and "customer" none: not described
        (columns.human, columns.databaseComment, columns.template, columns.model) = (1, 1, 1, 3)
        (columns.approved, columns.stale, columns.trusted) = (2, 1, 2)  // human id, approved total; the stale note is not
        #expect(sales.columns == columns)
        #expect(sales.piiColumns == 2)
        // ½ × 1/2 + ½ × 2/8
        #expect(sales.score == 0.375)

        let crm = coverage.sources[0].schemas[0].figures
        #expect(crm.tables.stale == 1 && crm.tables.approved == 1 && crm.tables.trusted == 0 && crm.score == 0)

        let ops = coverage.sources[1].figures
        #expect(ops.tables.pending == 1 && ops.tables.described == 0)
        #expect(ops.columns.pending == 1 && ops.columns.described == 1 && ops.columns.human == 1)
        #expect(ops.score == 0.25)  // ½ × 0/1 + ½ × 1/2

        #expect(coverage.sources[0].figures.tables.total == 3 && coverage.figures.tables.total == 4)
        #expect(coverage.figures.columns.total == 11 && coverage.figures.columns.trusted == 3 && coverage.figures.piiColumns == 2)
        #expect(coverage.figures.score == 0.5 * 1 / 4 + 0.5 * 3 / 11)
    }

    @Test func nothingToCountHasNoScoreAndATableWithoutColumnsIsScoredOnTables() {
        #expect(Coverage(Catalog(title: "Empty")).figures.score == nil)
        let bare = Table(id: TableID(source: "s", schema: "main", name: "t"), kind: .table,
                         description: Description(text: "Kept.", origin: .human))
        let catalog = Catalog(title: "T", sources: [Source(name: "s", kind: .sqlite, schemas: [Schema(name: "main", tables: [bare])])])
        #expect(Coverage(catalog).figures.score == 1)
    }

    @Test func thePageHasARowPerSchemaATotalPerSourceAndEveryFigureLinksWhatIsBehindIt() throws {
        let files = try Fixture.site(Self.catalog(), in: try TemporaryFolder())
        let page = String(decoding: try #require(files["coverage.html"]), as: UTF8.self)
        #expect(Snapshot.mismatch(page, named: "coverage.html") == nil)
        #expect(brokenLinks(in: files) == [])
        #expect(page.contains(#"<strong id="coverage-score">26%</strong>"#))
        #expect(page.contains(#"<a href="shop/sales/index.html">shop · sales</a>"#))
        #expect(page.contains(#"<a href="index.html#source-shop">shop · all schemas</a>"#))
        #expect(!page.contains("ops · all schemas"), "a source of one schema has no total of its own")
        #expect(page.contains(#"<a href="index.html">All sources</a>"#))
        #expect(page.contains(#"<td class="num"><a href="pii.html">2</a></td>"#))
        #expect(page.contains(#"<td class="num">0</td>"#), "no PII, nothing to open")
        #expect(page.contains(Coverage.Figures.scoreFormula))
        // Every page links the report, next to the personal-data report.
        let index = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        #expect(index.contains(#"<a class="nav" href="pii.html">Personal data</a>"# + "\n  " + #"<a class="nav" href="coverage.html">Coverage</a>"#))
        #expect(index.contains(#"<section class="source" id="source-shop">"#))
    }

    @Test func namesAreEscapedOnThePage() throws {
        var catalog = Fixture.catalog(tables: ["t"])
        catalog.sources[0].name = "<script>alert(1)</script>"
        catalog.sources[0].schemas[0].name = "a&b\"c"
        let files = try Fixture.site(catalog, in: try TemporaryFolder())
        let page = String(decoding: try #require(files["coverage.html"]), as: UTF8.self)
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; · a&amp;b&quot;c"))
    }

    @Test func catalogJSONCarriesTheSameFigures() throws {
        let catalog = Self.catalog()
        let files = try Fixture.site(catalog, in: try TemporaryFolder())
        let data = try #require(files["catalog.json"])
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let coverage = try #require(object["coverage"] as? [String: Any])
        let figures = try #require(coverage["figures"] as? [String: Any])
        #expect(figures["score"] as? Double == 0.261)  // 0.2613…, written to three decimals
        #expect(figures["piiColumns"] as? Int == 2)
        let sources = try #require(coverage["sources"] as? [[String: Any]])
        let schemas = try #require(sources[0]["schemas"] as? [[String: Any]])
        let sales = schemas[1]
        #expect(sales["name"] as? String == "sales")
        let salesFigures = try #require(sales["figures"] as? [String: Any])
        let tables = try #require(salesFigures["tables"] as? [String: Int])
        #expect(tables == ["total": 2, "described": 2, "human": 1, "databaseComment": 0, "template": 0, "model": 1,
                           "approved": 1, "stale": 0, "pending": 0, "trusted": 1])
        let decoded = try JSONDecoder().decode(Coverage.self, from: JSONSerialization.data(withJSONObject: coverage))
        #expect(decoded == Coverage(catalog))
    }
}
