@testable import Catalog
import Foundation
import Testing
import TestSupport
@testable import SiteGen

@Suite("The generated site")
struct SiteGeneratorTests {
    @Test func pagesMatchTheirSnapshots() throws {
        let folder = try TemporaryFolder()
        let files = try Fixture.site(try Fixture.shop(), in: folder)
        for (path, snapshot) in [
            ("index.html", "index.html"),
            ("shop/main/index.html", "schema.html"),
            ("shop/main/tables/orders.html", "orders.html"),
            ("shop/main/tables/open_orders.html", "open_orders.html"),
            ("search.json", "search.json"),
        ] {
            let text = String(decoding: try #require(files[path], "no \(path)"), as: UTF8.self)
            #expect(Snapshot.mismatch(text, named: snapshot) == nil)
        }
    }

    @Test func writesEveryPartOfTheSite() throws {
        let folder = try TemporaryFolder()
        let files = try Fixture.site(try Fixture.shop(), in: folder)
        let paths = Set(files.keys)
        for expected in ["index.html", "search.json", "search-index.js", "search/columns-0.js", "catalog.json", "assets/style.css", "assets/search.js", "search.html",
                         "shop/main/index.html", "shop/main/schema.svg", ".schema-scribe-site"] {
            #expect(paths.contains(expected), "missing \(expected)")
        }
        #expect(paths.filter { $0.hasPrefix("shop/main/tables/") }.count == 7)
        // Each table's diagram is drawn into its page; only the schema overview is a file.
        #expect(paths.filter { $0.hasSuffix(".svg") } == ["shop/main/schema.svg"])
        let orders = String(decoding: try #require(files["shop/main/tables/orders.html"]), as: UTF8.self)
        #expect(orders.contains("<figure class=\"erd\" id=\"table-diagram\" data-file=\"orders\" aria-label=\"Diagram of orders and related tables\"><svg "))
        // A neighbourhood this simple is laid out without graphviz: its boxes are there, not the stand-in's comment.
        #expect(orders.contains("<g id=\"node1\" class=\"node\">\n<title>t0</title>") && !orders.contains("bytes of DOT --></svg></figure>"))
    }

    @Test func everyInternalLinkResolves() throws {
        let folder = try TemporaryFolder()
        let files = try Fixture.site(try Fixture.shop(), in: folder)
        #expect(brokenLinks(in: files) == [])
    }

    @Test func foreignKeysLinkBothWays() throws {
        let folder = try TemporaryFolder()
        let files = try Fixture.site(try Fixture.shop(), in: folder)
        let returns = String(decoding: try #require(files["shop/main/tables/returns.html"]), as: UTF8.self)
        let lines = String(decoding: try #require(files["shop/main/tables/order_lines.html"]), as: UTF8.self)
        #expect(returns.contains(#"<a href="order_lines.html">order_lines</a>"#))
        #expect(returns.contains(#"<a href="order_lines.html#c-line_no"><code>line_no</code></a>"#))
        #expect(lines.contains(#"<a href="returns.html">returns</a>"#))
    }

    @Test func aLongSchemaIsSummarisedOnTheFrontPage() throws {
        let catalog = Fixture.catalog(tables: (1...(PageContext.indexTableLimit + 1)).map { "t\($0)" })
        let files = try Fixture.site(catalog, in: try TemporaryFolder())
        let index = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        #expect(index.contains("Listed on <a href=\"s/main/index.html\">the schema's page</a>"))
        #expect(!index.contains("t1.html"))
        let schema = String(decoding: try #require(files["s/main/index.html"]), as: UTF8.self)
        // The first page of the list is rendered; every table is in the list's data for the browser to page.
        #expect(schema.components(separatedBy: "<tr><td><a href=").count - 1 == SchemaPage.pageSize)
        #expect(schema.contains(#""h":"tables/t201.html","k":"table","kl":"table","n":"t201""#))
        #expect(schema.contains("Showing 1–100 of 201"))
    }

    /// A partition that is itself partitioned has no row count or size of its own; its row must not show the
    /// table's (Mustache looks a key missing from a row up in the enclosing page).
    @Test func aPartitionWithoutCountsShowsNoneRatherThanItsTables() throws {
        var catalog = Fixture.catalog(tables: ["events"])
        catalog.sources[0].schemas[0].tables[0].rowCount = RowCount(value: 5_000, isExact: true)
        catalog.sources[0].schemas[0].tables[0].bytes = 2_048
        catalog.sources[0].schemas[0].tables[0].partitionKey = "RANGE (id)"
        catalog.sources[0].schemas[0].tables[0].partitions = [
            Partition(name: "events_2024", bound: "FOR VALUES FROM (1) TO (100)"),
            Partition(name: "events_2024_01", bound: "FOR VALUES FROM (1) TO (10)", parent: "events_2024",
                      rowCount: RowCount(value: 12, isExact: false), bytes: 8_192),
        ]
        let files = try Fixture.site(catalog, in: try TemporaryFolder())
        let page = String(decoding: try #require(files["s/main/tables/events.html"]), as: UTF8.self)
        #expect(page.contains("<tr><td><code>events_2024</code></td><td><code>FOR VALUES FROM (1) TO (100)</code></td><td class=\"num\"></td><td class=\"num\"></td></tr>"))
        #expect(page.contains("<td class=\"num\">~12</td><td class=\"num\">8 kB</td>"))
        #expect(page.contains("5,000 rows · 2 kB on disk"))
    }

    @Test func twoBuildsOfTheSameCatalogAreByteIdentical() throws {
        let catalog = try Fixture.shop()
        let first = try Fixture.site(catalog, in: try TemporaryFolder())
        let second = try Fixture.site(catalog, in: try TemporaryFolder())
        #expect(first == second)
    }

    @Test func catalogJSONHasAVersionAndTheWholeCatalog() throws {
        let folder = try TemporaryFolder()
        let catalog = try Fixture.shop()
        let files = try Fixture.site(catalog, in: folder)
        let data = try #require(files["catalog.json"])
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["version"] as? Int == Catalog.formatVersion)
        // Since version 2, `relationships` lists every relationship, declared foreign keys first.
        var decoded = try JSONDecoder().decode(Catalog.self, from: data)
        #expect(decoded.relationships == catalog.everyRelationship)
        decoded.relationships = catalog.relationships
        #expect(decoded == catalog)
    }

    @Test func theSearchIndexHasEveryTableViewAndColumn() throws {
        let catalog = try Fixture.shop()
        let index = SearchIndex(catalog, plan: SitePlan(catalog))
        let tables = catalog.allTables
        #expect(index.entries.count == tables.count + tables.reduce(0) { $0 + $1.columns.count })
        let status = try #require(index.entries.first { $0.name == "status" && $0.context == "shop.main.orders" })
        #expect(status.path == "shop/main/tables/orders.html#c-status")
        #expect(status.description == "Where the order is: new, paid or done.")
    }

    /// The results page filters by schema through a number, since a schema's or source's name may hold a dot.
    @Test func searchEntriesNameTheirSchemaByPosition() throws {
        var catalog = Fixture.catalog(tables: ["a"])
        catalog.sources.append(Source(name: "x.y", kind: .sqlite, schemas: [
            Schema(name: "one", tables: []),
            Schema(name: "z.w", tables: [Table(id: TableID(source: "x.y", schema: "z.w", name: "b"), kind: .view,
                                              columns: [Column(name: "c", position: 1, dataType: "TEXT")])]),
        ]))
        catalog.glossary = [GlossaryTerm(term: "Thing", definition: "A thing.")]
        let index = SearchIndex(catalog, plan: SitePlan(catalog))
        #expect(index.schemas == ["s.main", "x.y.one", "x.y.z.w"])
        #expect(index.entries.map { "\($0.kind) \($0.name) \($0.schema.map(String.init) ?? "-")" }
            == ["term Thing -", "table a 0", "column id 0", "view b 2", "column c 2"])
        let json = String(decoding: try index.json(), as: UTF8.self)
        #expect(json.contains(#""schemas":["s.main","x.y.one","x.y.z.w"]"#))
        #expect(json.contains(#"{"c":"glossary","d":"A thing.","k":"term","n":"Thing","p":"glossary/thing.html"}"#))
    }

    @Test func theSearchPageIsAFrameForTheScript() throws {
        let files = try Fixture.site(try Fixture.shop(), in: try TemporaryFolder())
        let page = String(decoding: try #require(files["search.html"]), as: UTF8.self)
        for part in [#"<title>Search · "#, #"<script defer src="assets/search.js" data-index="search-index.js" data-root="">"#,
                     #"<form class="search-form" action="search.html" method="get" role="search">"#,
                     #"<select id="search-kind""#, #"<select id="search-schema""#, #"<ol id="search-list""#] {
            #expect(page.contains(part), "search.html lacks \(part)")
        }
    }
}

/// `é` (U+00E9) and `e` + U+0301 are two names to a database, though `String` takes them for one.
@Suite("Names differing only in Unicode normalization")
struct UnicodeNormalizationSiteTests {
    static let composed = "\u{E9}", decomposed = "e\u{301}"

    /// Tables `é` and `e` + U+0301, each with columns of both spellings and one of its own, and `orders`, whose
    /// foreign key references the decomposed table's decomposed column.
    func catalog() -> Catalog {
        var catalog = Fixture.catalog(tables: [Self.composed, Self.decomposed, "orders"], columns: [Self.composed, Self.decomposed])
        let tables = catalog.sources[0].schemas[0].tables
        catalog.sources[0].schemas[0].tables[0].columns.append(Column(name: "nfc_only", position: 3, dataType: "TEXT"))
        catalog.sources[0].schemas[0].tables[1].columns.append(Column(name: "nfd_only", position: 3, dataType: "TEXT"))
        catalog.sources[0].schemas[0].tables[2].foreignKeys = [
            ForeignKey(columns: [Self.composed], referencedTable: tables[1].id, referencedColumns: [Self.decomposed]),
        ]
        return catalog
    }

    func text(_ files: [String: Data], _ path: String) throws -> String {
        String(decoding: try #require(files[path], "no \(path)"), as: UTF8.self)
    }

    /// Byte for byte: `String.contains` would find either spelling for the other.
    func has(_ text: String, _ part: String) -> Bool {
        Data(text.utf8).range(of: Data(part.utf8)) != nil
    }

    @Test func eachTableHasItsOwnPageListingItsOwnColumnsWithDistinctAnchors() throws {
        let files = try Fixture.site(catalog(), in: try TemporaryFolder())
        let composedPage = "s/main/tables/e-\(FileName.shortHash(Self.composed)).html"
        let decomposedPage = "s/main/tables/e-\(FileName.shortHash(Self.decomposed)).html"
        #expect(files.keys.filter { $0.hasPrefix("s/main/tables/") }.count == 3)
        let first = try text(files, composedPage), second = try text(files, decomposedPage)
        #expect(has(first, "nfc_only") && !has(first, "nfd_only"))
        #expect(has(second, "nfd_only") && !has(second, "nfc_only"))
        for page in [first, second] {
            #expect(has(page, "id=\"c-e-\(FileName.shortHash(Self.composed))\""))
            #expect(has(page, "id=\"c-e-\(FileName.shortHash(Self.decomposed))\""))
        }
        #expect(brokenLinks(in: files) == [])
    }

    @Test func aForeignKeyLinksThePageAndColumnItReferences() throws {
        let files = try Fixture.site(catalog(), in: try TemporaryFolder())
        let orders = try text(files, "s/main/tables/orders.html")
        let target = "e-\(FileName.shortHash(Self.decomposed)).html"
        #expect(has(orders, "href=\"\(target)#c-e-\(FileName.shortHash(Self.decomposed))\""))
        #expect(!has(orders, "e-\(FileName.shortHash(Self.composed)).html"))
        // And back: only the referenced table lists `orders` as referencing it.
        #expect(has(try text(files, "s/main/tables/\(target)"), "href=\"orders.html\""))
        #expect(!has(try text(files, "s/main/tables/e-\(FileName.shortHash(Self.composed)).html"), "href=\"orders.html\""))
    }

    @Test func theSearchIndexAndCatalogJSONHaveBothTablesAndEveryColumn() throws {
        let catalog = catalog()
        let index = SearchIndex(catalog, plan: SitePlan(catalog))
        let tablePaths = index.entries.filter { $0.kind == "table" }.map(\.path)
        #expect(Set(tablePaths).count == 3)
        let columnPaths = index.entries.filter { $0.kind == "column" }.map(\.path)
        #expect(columnPaths.count == 8 && Set(columnPaths).count == 8)

        let files = try Fixture.site(catalog, in: try TemporaryFolder())
        let decoded = try JSONDecoder().decode(Catalog.self, from: try #require(files["catalog.json"]))
        #expect(decoded.allTables.map(\.id) == catalog.allTables.map(\.id))
        #expect(decoded.allTables.map { $0.columns.map(\.name.unicodeScalars.count) } == [[1, 2, 8], [1, 2, 8], [1, 2]])
    }

    @Test func eachTablesDiagramDrawsItsOwnColumns() throws {
        let catalog = catalog()
        let erd = ERDiagram(catalog: catalog, plan: SitePlan(catalog), index: CatalogIndex(catalog))
        let tables = catalog.allTables
        let dot = erd.neighbourhood(of: tables[2], diagramPath: "s/main/tables/orders.html").dot
        // The referenced table is drawn once, linked to its own page, with the referenced column's port.
        #expect(has(dot, "URL=\"e-\(FileName.shortHash(Self.decomposed)).html\""))
        #expect(!has(dot, "e-\(FileName.shortHash(Self.composed)).html"))
        #expect(dot.contains("t0:c0:e -> t1:c1:w;"))
    }
}

@Suite("Hostile names in the site")
struct HostileSiteTests {
    static let names = FileNameTests.hostile.filter { !$0.isEmpty }

    func hostileCatalog() -> Catalog {
        var catalog = Fixture.catalog(tables: Self.names, columns: ["id", "<img src=x onerror=alert(1)>", "a\"b"])
        let target = TableID(source: "s", schema: "main", name: "../../x")
        for index in catalog.sources[0].schemas[0].tables.indices {
            catalog.sources[0].schemas[0].tables[index].foreignKeys = [
                ForeignKey(columns: ["a\"b"], referencedTable: target, referencedColumns: ["id"]),
            ]
            catalog.sources[0].schemas[0].tables[index].description =
                Description(text: "<script>alert(1)</script> & </td><script>alert(2)</script>", origin: .human)
        }
        catalog.title = "<svg onload=alert(1)>"
        return catalog
    }

    @Test func markupFromTheDatabaseIsEscapedEverywhere() throws {
        let folder = try TemporaryFolder()
        let files = try Fixture.site(hostileCatalog(), in: folder)
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for raw in ["<script>alert", "<img src=x", "<svg onload", "</td><script>"] {
                #expect(!html.contains(raw), "\(path) contains raw \(raw)")
            }
        }
        let page = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;/td&gt;"))
    }

    @Test func everyPageIsInsideTheSiteAndEveryLinkResolves() throws {
        let folder = try TemporaryFolder()
        let files = try Fixture.site(hostileCatalog(), in: folder)
        #expect(files.keys.filter { $0.hasPrefix("s/main/tables/") }.count == Self.names.count)
        #expect(brokenLinks(in: files) == [])
        // Nothing was written beside the site folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["site"])
    }

    @Test func everyNameIsShownAsText() throws {
        let folder = try TemporaryFolder()
        let files = try Fixture.site(hostileCatalog(), in: folder)
        let index = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        for name in Self.names {
            let escaped = name.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
                .replacingOccurrences(of: "'", with: "&#39;")
            #expect(index.contains(">\(escaped)</a>"), "index does not list \(name.debugDescription)")
        }
    }

    @Test func staleApprovedTextAndPendingDescriptionsAreMarked() throws {
        var catalog = Fixture.catalog(tables: ["orders", "refunds"], columns: ["id", "amount"])
        catalog.sources[0].schemas[0].tables[0].description = Description(text: "One row per order.", origin: .human,
                                                                          status: .approved, inputsHash: "0123456789abcdef", isStale: true)
        catalog.sources[0].schemas[0].tables[1].describePending = "the call budget (describe.max_calls) is used up"
        let folder = try TemporaryFolder()
        let files = try Fixture.site(catalog, in: folder)
        let orders = String(decoding: try #require(files["s/main/tables/orders.html"]), as: UTF8.self)
        #expect(orders.contains(#"<span class="origin" title="where this description came from">human · approved</span> <span class="badge stale""#))
        let refunds = String(decoding: try #require(files["s/main/tables/refunds.html"]), as: UTF8.self)
        #expect(refunds.contains(#"<p class="desc missing pending" title="the call budget (describe.max_calls) is used up">Description pending"#))
        // Each column of the pending table says so too, and the schema's list.
        #expect(refunds.components(separatedBy: "Description pending").count == 4)
        #expect(String(decoding: try #require(files["s/main/index.html"]), as: UTF8.self).contains("Description pending."))
        let json = String(decoding: try #require(files["catalog.json"]), as: UTF8.self)
        #expect(json.contains(#""stale":true"#) && json.contains(#""describePending":"the call budget"#))
    }
}
