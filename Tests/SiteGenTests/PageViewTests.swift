import Catalog
import Foundation
import Testing
@testable import SiteGen

@Suite("Page view models")
struct PageViewTests {
    /// Every stored field of every view model answers its key, nil ones with `Blank`: a key a row does not
    /// answer is looked up in the enclosing rows and the page, and can print their value of the same name.
    @Test func everyFieldOfEveryViewModelAnswersItsKey() throws {
        let catalog = try Self.catalog()
        let pages = PageContext(catalog: catalog, plan: SitePlan(catalog), index: CatalogIndex(catalog))
        let (source, schema) = (catalog.sources[0], catalog.sources[0].schemas[0])
        var views: [any PageView] = [
            pages.indexPage(), pages.schema(schema, of: source, overview: nil), pages.glossaryIndex(), pages.piiReport(), pages.coverage(),
            pages.searchPage(),
        ]
        let diagram = (ERDiagram.Result(dot: "", neighbours: 3, drawnNeighbours: 1, edges: [.declared, .suggested]), "<svg></svg>")
        views += catalog.allTables.map { pages.table($0, diagram: diagram) }
        let hubs = ReferencedByTests.catalog()
        let hubPages = PageContext(catalog: hubs, plan: SitePlan(hubs), index: CatalogIndex(hubs))
        views += hubs.allTables.filter { $0.name == "hub" }.map { hubPages.table($0, diagram: nil) }
        let large = Fixture.catalog(tables: (0..<50).map { "t\($0)" })
        let (largeSource, largeSchema) = (large.sources[0], large.sources[0].schemas[0])
        let largePages = PageContext(catalog: large, plan: SitePlan(large), index: CatalogIndex(large))
        let areas = ERDiagram(catalog: large, plan: SitePlan(large), index: CatalogIndex(large)).areaGraph(of: largeSchema)
        views.append(largePages.schema(largeSchema, of: largeSource, overview: nil, svg: "<svg></svg>", areas: areas))
        views.append(largePages.area(0, of: areas, in: largeSchema, of: largeSource, overview: nil, svg: "<svg></svg>"))
        views += catalog.glossary.map { pages.glossaryTerm($0, usage: [GlossaryUsage.Use(table: schema.tables[0].id, column: "id")]) }

        var walk = ViewModelWalk()
        for view in views { walk.visit(view) }
        #expect(walk.unanswered == [])
        let expected = [
            "PageFrame", "Link", "NamedLink", "DescriptionView", "ContextView", "PIIBadge", "TableSummary",
            "IndexPage", "IndexPage.Source", "IndexPage.Schema", "SchemaPage", "GlossaryPage", "GlossaryPage.Term", "TermPage",
            "PIIReportPage", "PIIReportPage.Row", "PIIReportPage.Kind", "ProfileSection", "ProfileSection.Column",
            "ProfileSection.FrequentValue", "TablePage", "TablePage.Column", "TablePage.PrimaryKey", "TablePage.ForeignKey",
            "TablePage.Reference", "TablePage.ReferenceGroup", "TablePage.Relationship", "TablePage.Read", "TablePage.Index", "TablePage.IndexPart",
            "TablePage.Constraint", "TablePage.Partition", "TablePage.Diagram", "TablePage.Suggestion", "TablePage.ColumnReference",
            "DiagramLegend", "AreaPage", "AreaSummary", "CoveragePage", "CoveragePage.Row", "CoveragePage.Tally", "SearchPage",
        ]
        #expect(Set(expected.map { "SiteGen." + $0 }).subtracting(walk.types) == [], "the catalog below reaches every view model")
    }

    /// The shop, with what it lacks for the walk to reach every view model: profiles, personal data, context,
    /// partitions, a constraint, what a view reads, a documented relationship, a suggested one and a glossary term.
    static func catalog() throws -> Catalog {
        var catalog = try Fixture.shop()
        var table = catalog.sources[0].schemas[0].tables[0]
        let other = catalog.sources[0].schemas[0].tables[1].id
        table.profile = TableProfile(rowsRead: 10, isSampled: true, valuesRead: 5, incomplete: "timed out")
        table.columns[0].profile = ColumnProfile(distinct: 10, topValues: [.init(value: "a", count: 3)])
        table.columns[0].pii = PIIFinding(kind: .email, confidence: 0.9, reasons: ["name"])
        table.columns[0].context = EntityContext(businessRules: ["Never negative."], glossaryTerms: ["Order"], owner: "sales")
        table.partitions = [Partition(name: "p1", bound: "DEFAULT")]
        table.constraints = [Constraint(name: "positive", kind: .check, columns: [], definition: "CHECK (id > 0)")]
        catalog.sources[0].schemas[0].tables[0] = table
        if let view = catalog.sources[0].schemas[0].tables.firstIndex(where: \.kind.isView) {
            catalog.sources[0].schemas[0].tables[view].reads = [ViewDependency(table: table.id, columns: ["id"])]
        }
        catalog.relationships = [
            .documented(from: table.id, fromColumns: ["id"], to: other, toColumns: ["id"]),
            Relationship(from: .init(table: other, columns: ["id"]), to: .init(table: table.id, columns: ["id"]), origin: .inferred,
                         status: .suggested, confidence: 0.7, evidence: ["named alike"]),
        ]
        catalog.glossary = [GlossaryTerm(term: "Order", definition: "A purchase.", tables: [table.id])]
        return catalog
    }
}

/// Walks view models by reflection, noting each stored field whose key its model does not answer.
private struct ViewModelWalk {
    /// Fields whose keys their model answers through the field's own model (`default: frame.child(named:)`).
    static let delegated: Set<String> = ["frame", "finding", "table"]
    /// Fields named apart from their key, because the key is a Swift keyword.
    static let keys = ["defaultValue": "default"]

    var unanswered: [String] = []
    var types: Set<String> = []

    mutating func visit(_ value: Any) {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional || mirror.displayStyle == .collection {
            for child in mirror.children { visit(child.value) }
            return
        }
        guard let model = value as? MustacheParent else { return }
        let name = String(reflecting: type(of: value))
        types.insert(name)
        for child in mirror.children {
            guard let label = child.label else { continue }
            if !Self.delegated.contains(label), model.child(named: Self.keys[label] ?? label) == nil {
                unanswered.append("\(name).\(label)")
            }
            visit(child.value)
        }
    }
}
