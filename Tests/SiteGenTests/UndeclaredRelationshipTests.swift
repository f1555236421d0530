import Catalog
import Foundation
import Testing
import TestSupport
@testable import SiteGen

/// Relationships the database does not declare, wherever a declared foreign key shows: diagrams, table
/// pages, the search index. Suggestions are marked as such, accepted ones look documented, rejected ones never show.
@Suite("Suggested, accepted and rejected relationships in the site")
struct UndeclaredRelationshipTests {
    static func id(_ name: String) -> TableID { TableID(source: "s", schema: "main", name: name) }

    /// customers, orders and refunds, no declared key: orders.customer_id is suggested (0.82), refunds.order_id
    /// was suggested and accepted by ana, refunds.customer_id was rejected.
    static func catalog(evidence: [String] = ["`customer_id` is the table name `customers` and `id`", "both are INTEGER"]) -> Catalog {
        var catalog = Fixture.catalog(tables: ["customers", "orders", "refunds"], columns: ["id", "customer_id", "order_id"])
        catalog.relationships = [
            Relationship(from: .init(table: id("orders"), columns: ["customer_id"]), to: .init(table: id("customers"), columns: ["id"]),
                         origin: .inferred, status: .suggested, confidence: 0.82, evidence: evidence, cardinality: "many-to-one"),
            Relationship(from: .init(table: id("refunds"), columns: ["order_id"]), to: .init(table: id("orders"), columns: ["id"]),
                         origin: .inferred, status: .accepted, confidence: 0.9, evidence: ["`order_id` is named like the key"],
                         cardinality: "many-to-one", decidedBy: "ana"),
            Relationship(from: .init(table: id("refunds"), columns: ["customer_id"]), to: .init(table: id("customers"), columns: ["id"]),
                         origin: .inferred, status: .rejected, confidence: 0.82, evidence: ["rejected"]),
        ]
        return catalog
    }

    func diagram(_ catalog: Catalog) -> ERDiagram {
        ERDiagram(catalog: catalog, plan: SitePlan(catalog), index: CatalogIndex(catalog))
    }

    func page(_ name: String, in catalog: Catalog) throws -> TablePage {
        let pages = PageContext(catalog: catalog, plan: SitePlan(catalog), index: CatalogIndex(catalog))
        let table = try #require(catalog.table(Self.id(name)))
        return pages.table(table, diagram: (ERDiagram.Result(dot: "", neighbours: 0, drawnNeighbours: 0, edges: [.suggested]), "<svg></svg>"))
    }

    // MARK: Diagrams

    @Test func aSuggestionIsDashedInItsOwnColourAndLabelledWithItsConfidence() throws {
        let catalog = Self.catalog()
        let orders = try #require(catalog.table(Self.id("orders")))
        let result = diagram(catalog).neighbourhood(of: orders, diagramPath: "s/main/tables/orders.html")
        // customers (suggested) and refunds (accepted); the rejected pair is between the other two.
        #expect(result.neighbours == 2)
        #expect(result.dot.contains(##"  t0:c1:e -> t1:c0:w [style=dashed, color="#0d9488", "##
            + ##"tooltip="suggested relationship (confidence 0.82): `customer_id` is the table name `customers` and `id`", "##
            + ##"label="0.82", fontname="Helvetica", fontsize=8, fontcolor="#0f766e"];"##))
        #expect(result.dot.contains(##"<font color="#0f766e">FK? </font>customer_id"##))
        #expect(result.edges == [.suggested, .documented])
    }

    @Test func anAcceptedSuggestionIsDrawnLikeADocumentedRelationship() throws {
        let catalog = Self.catalog()
        let refunds = try #require(catalog.table(Self.id("refunds")))
        let dot = diagram(catalog).neighbourhood(of: refunds, diagramPath: "s/main/tables/refunds.html").dot
        #expect(dot.contains(##"  t0:c2:e -> t1:c0:w [style=dashed, color="#7c3aed", tooltip="inferred relationship, accepted by ana", "##
            + ##"label="many-to-one", fontname="Helvetica", fontsize=8, fontcolor="#7c3aed"];"##))
        #expect(!dot.contains("#0d9488"))
    }

    @Test func aRejectedSuggestionAppearsNowhere() throws {
        let catalog = Self.catalog()
        let refunds = try #require(catalog.table(Self.id("refunds")))
        let result = diagram(catalog).neighbourhood(of: refunds, diagramPath: "s/main/tables/refunds.html")
        #expect(result.neighbours == 1, "orders only: customers is related by the rejected suggestion alone")
        #expect(!result.dot.contains("rejected") && !result.dot.contains("<b>customers</b>"))
        let overview = diagram(catalog).overview(of: catalog.sources[0].schemas[0], diagramPath: "s/main/schema.svg").dot
        #expect(overview.components(separatedBy: " -> ").count - 1 == 2)

        let page = try page("refunds", in: catalog)
        #expect(page.suggested.isEmpty)
        #expect(page.columns[1].references.isEmpty, "customer_id references nothing once its suggestion is rejected")
        let search = SearchIndex(catalog, plan: SitePlan(catalog))
        #expect(search.entries.first { $0.kind == "table" && $0.name == "refunds" }?.related == "orders")
    }

    @Test func theSchemaOverviewDrawsSuggestionsWithPortsAndCountsThemAsConnections() throws {
        let catalog = Self.catalog()
        let overview = diagram(catalog).overview(of: catalog.sources[0].schemas[0], diagramPath: "s/main/schema.svg")
        #expect(overview.dot.contains(##"  t1:c1:e -> t0:c0:w [style=dashed, color="#0d9488""##))
        #expect(overview.dot.contains(##"  t2:c2:e -> t1:c0:w [style=dashed, color="#7c3aed""##))
        #expect(overview.edges == [.suggested, .documented])

        // 200 tables without a declared key, ten of them a chain of suggestions: the chain is drawn, not islands.
        var large = Fixture.catalog(tables: (0..<200).map { "lone\($0)" } + (0..<10).map { "chain\($0)" }, columns: ["id", "prev_id"])
        large.relationships = (1..<10).map { index in
            Relationship(from: .init(table: Self.id("chain\(index)"), columns: ["prev_id"]), to: .init(table: Self.id("chain\(index - 1)"), columns: ["id"]),
                         origin: .inferred, status: .suggested, confidence: 0.7)
        }
        let drawn = diagram(large).overview(of: large.sources[0].schemas[0], diagramPath: "s/main/schema.svg")
        #expect(drawn.drawnTables == ERDiagram.overviewTableLimit)
        for index in 0..<10 { #expect(drawn.dot.contains("<b>chain\(index)</b>")) }
        #expect(drawn.dot.components(separatedBy: " -> ").count - 1 == 9)
    }

    @Test func evidenceIsEscapedForTheTooltip() throws {
        let catalog = Self.catalog(evidence: ["a \"quoted\" \\N & <b>name</b>\nnext line"])
        let orders = try #require(catalog.table(Self.id("orders")))
        let dot = diagram(catalog).neighbourhood(of: orders, diagramPath: "s/main/tables/orders.html").dot
        #expect(dot.contains(#"tooltip="suggested relationship (confidence 0.82): a \"quoted\" \\\\N &amp; <b>name</b> next line""#))
    }

    @Test func aDiagramOfDeclaredKeysOnlyHasNoLegend() {
        #expect(DiagramLegend.of([]).isEmpty)
        #expect(DiagramLegend.of([.declared]).isEmpty)
        #expect(DiagramLegend.of([.suggested, .declared]).map(\.style) == ["declared", "suggested"])
        #expect(DiagramLegend.of([.documented]).map(\.text) == ["violet dashed: documented in a context file, or suggested and accepted"])
    }

    // MARK: Table pages

    @Test func theReferencingTableSaysWhatItProbablyReferences() throws {
        let page = try page("orders", in: Self.catalog())
        #expect(page.suggested.count == 1)
        let suggestion = try #require(page.suggested.first)
        #expect(suggestion.isReferencing)
        #expect(suggestion.columns.map(\.name) == ["customer_id"])
        #expect(suggestion.other.label == "customers" && suggestion.other.href == "customers.html")
        #expect(suggestion.otherColumns.map(\.href) == ["customers.html#c-id"])
        #expect(suggestion.confidence == "0.82")
        #expect(suggestion.evidenceHTML == ["<code>customer_id</code> is the table name <code>customers</code> and <code>id</code>", "both are INTEGER"])
        #expect(suggestion.cardinality == "many-to-one")
        let reference = try #require(page.columns[1].references.first)
        #expect(reference.marker == "FK?" && reference.style == "suggested")
        #expect(reference.target.label == "customers.id" && reference.target.href == "customers.html#c-id")
        // The accepted relationship from refunds is listed with the documented ones.
        #expect(page.documented.map(\.from.label) == ["refunds"])
        #expect(page.documented.first?.note == "inferred, accepted by ana")
    }

    @Test func theReferencedTableSaysWhatProbablyReferencesIt() throws {
        let page = try page("customers", in: Self.catalog())
        let suggestion = try #require(page.suggested.first)
        #expect(page.suggested.count == 1)
        #expect(!suggestion.isReferencing)
        #expect(suggestion.columns.map(\.name) == ["id"])
        #expect(suggestion.other.label == "orders")
        #expect(suggestion.otherColumns.map(\.name) == ["customer_id"])
        #expect(suggestion.cardinality == "one-to-many", "read from the referenced end")
        #expect(page.documented.isEmpty)
    }

    @Test func anAcceptedSuggestionReadsLikeADocumentedRelationship() throws {
        let page = try page("refunds", in: Self.catalog())
        let relationship = try #require(page.documented.first)
        #expect(relationship.to.label == "orders" && relationship.toColumns.map(\.name) == ["id"])
        #expect(relationship.note == "inferred, accepted by ana")
        #expect(relationship.cardinality == "many-to-one")
        let reference = try #require(page.columns[2].references.first)
        #expect(reference.marker == "FK" && reference.style == "documented")
        #expect(reference.title == "inferred relationship, accepted by ana")
    }

    @Test func aDeclaredKeyWinsOnAColumnThatAlsoHasASuggestion() throws {
        var catalog = Self.catalog()
        catalog.sources[0].schemas[0].tables[1].foreignKeys = [
            ForeignKey(columns: ["customer_id"], referencedTable: Self.id("customers"), referencedColumns: ["id"]),
        ]
        let page = try page("orders", in: catalog)
        #expect(page.columns[1].references.map(\.marker) == ["FK"])
        #expect(page.columns[1].references.first?.style == nil)
    }

    @Test func theTablePageShowsSuggestionsEscapedWithTheirEvidenceAndALegend() throws {
        let catalog = Self.catalog(evidence: ["<script>alert(1)</script> & more", "`<b>` joins `a`b`"])
        let files = try Fixture.site(catalog, in: try TemporaryFolder())
        let orders = String(decoding: try #require(files["s/main/tables/orders.html"]), as: UTF8.self)
        #expect(orders.contains(#"<section id="suggested-relationships">"#))
        #expect(orders.contains(##"<a href="orders.html#c-customer_id"><code>customer_id</code></a> probably references "##
            + ##"<a href="customers.html">customers</a>.<a href="customers.html#c-id"><code>id</code></a> <span class="muted">(confidence 0.82)</span>"##))
        #expect(orders.contains("<li>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</li>"))
        // Names in backticks are set as code, escaped; an odd backtick stays a character.
        #expect(orders.contains("<li><code>&lt;b&gt;</code> joins <code>a</code>b`</li>"))
        #expect(!orders.contains("<script>alert"))
        #expect(orders.contains(#"<span class="key fk suggested" title="suggested relationship (confidence 0.82): &lt;script&gt;"#))
        #expect(orders.contains("inferred, accepted by ana"))
        #expect(orders.contains(#"<p class="legend">"#) && orders.contains("teal dashed, with its confidence"))
        let customers = String(decoding: try #require(files["s/main/tables/customers.html"]), as: UTF8.self)
        #expect(customers.contains("</a> is probably referenced by <a href=\"orders.html\">orders</a>."))
        let schema = String(decoding: try #require(files["s/main/index.html"]), as: UTF8.self)
        #expect(schema.contains(#"<span class="edge suggested"></span>"#) && schema.contains(#"<span class="edge documented"></span>"#))
        #expect(brokenLinks(in: files) == [])
    }

    // MARK: Search

    @Test func aTableIsFoundThroughItsRelatedTablesDeclaredOrNot() throws {
        var catalog = Self.catalog()
        catalog.sources[0].schemas[0].tables[1].foreignKeys = [
            ForeignKey(columns: ["order_id"], referencedTable: Self.id("orders"), referencedColumns: ["id"]),
        ]
        let entries = SearchIndex(catalog, plan: SitePlan(catalog)).entries.filter { $0.kind == "table" }
        let related = Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0.related) })
        #expect(related["orders"] == "customers,refunds", "its own declared key to itself is left out")
        #expect(related["customers"] == "orders")
        #expect(related["refunds"] == "orders")
        #expect(SearchIndex(Fixture.catalog(tables: ["alone"]), plan: SitePlan(Fixture.catalog(tables: ["alone"])))
            .entries.allSatisfy { $0.related == nil })
    }
}
