import Catalog
import Testing
import TestSupport
@testable import SiteGen

@Suite("ER diagrams as DOT text")
struct ERDiagramTests {
    func diagram(_ catalog: Catalog) -> ERDiagram {
        ERDiagram(catalog: catalog, plan: SitePlan(catalog), index: CatalogIndex(catalog))
    }

    @Test func aTableWithItsNeighbours() throws {
        let catalog = try Fixture.shop()
        let orders = try #require(catalog.table(TableID(source: "shop", schema: "main", name: "orders")))
        let result = diagram(catalog).neighbourhood(of: orders, diagramPath: "shop/main/tables/orders.html")
        #expect(result.neighbours == 2)  // customers (referenced) and order_lines (referencing); the view is not related
        #expect(result.drawnNeighbours == result.neighbours)
        #expect(Snapshot.mismatch(result.dot, named: "orders.dot") == nil)
    }

    @Test func aSchemaOverview() throws {
        let catalog = try Fixture.shop()
        let dot = diagram(catalog).overview(of: catalog.sources[0].schemas[0], diagramPath: "shop/main/schema.svg").dot
        #expect(Snapshot.mismatch(dot, named: "shop-schema.dot") == nil)
    }

    @Test func namesAreEscapedAndNodesArePositional() {
        let catalog = Fixture.catalog(tables: ["<b>\"x\" & y</b>", "a\\b"], columns: ["<i>", "line\nbreak"])
        let erd = diagram(catalog)
        let dot = erd.overview(of: catalog.sources[0].schemas[0], diagramPath: "s/main/schema.svg").dot
        #expect(dot.contains("&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;"))
        #expect(!dot.contains("<b>\"x\""))
        #expect(dot.contains("tooltip=\"main.a\\\\\\\\b\""))  // four backslashes: graphviz reads a tooltip twice
        #expect(dot.contains("  t0 [") && dot.contains("  t1 ["))
    }

    @Test func backslashesInNamesAreEscapedSoGraphvizExpandsNoEscape() throws {
        let catalog = Fixture.catalog(tables: ["a\\Nb"], columns: ["c\\Gd", "e&#92;E"])
        let table = try #require(catalog.sources.first?.schemas.first?.tables.first)
        let dot = diagram(catalog).neighbourhood(of: table, diagramPath: "s/main/tables/x.html").dot
        #expect(dot.contains("<b>a\\\\Nb</b>"))
        #expect(dot.contains(">c\\\\Gd <font"))
        #expect(dot.contains(">e&amp;#92;E <font"))
        #expect(dot.contains("tooltip=\"main.a\\\\\\\\Nb\""))
    }

    @Test func aLargeSchemaOverviewDrawsTheMostConnectedTables() throws {
        // 200 isolated tables, then a chain of 10 tables each referencing the one before.
        var catalog = Fixture.catalog(tables: (0..<200).map { "lone\($0)" } + (0..<10).map { "chain\($0)" }, columns: ["id", "prev_id"])
        for index in 201..<210 {
            let previous = catalog.sources[0].schemas[0].tables[index - 1].id
            catalog.sources[0].schemas[0].tables[index].foreignKeys = [
                ForeignKey(columns: ["prev_id"], referencedTable: previous, referencedColumns: ["id"]),
            ]
        }
        let overview = diagram(catalog).overview(of: catalog.sources[0].schemas[0], diagramPath: "s/main/schema.svg")
        #expect(overview.tables == 210)
        #expect(overview.drawnTables == ERDiagram.overviewTableLimit)
        for index in 0..<10 { #expect(overview.dot.contains("<b>chain\(index)</b>")) }
        #expect(overview.dot.components(separatedBy: " -> ").count - 1 == 9)
    }

    @Test func aHubTableDrawsItsMostConnectedNeighboursAndGroupsTheRest() throws {
        // 60 spokes reference the hub; the hub references one table of another schema; spoke1 is referenced by two others.
        var catalog = Fixture.catalog(tables: ["hub"] + (1...(ERDiagram.neighbourLimit + 20)).map { "spoke\($0)" }, columns: ["id", "hub_id"])
        let hub = TableID(source: "s", schema: "main", name: "hub")
        let spoke1 = TableID(source: "s", schema: "main", name: "spoke1")
        for index in 1..<catalog.sources[0].schemas[0].tables.count {
            catalog.sources[0].schemas[0].tables[index].foreignKeys = [
                ForeignKey(columns: ["hub_id"], referencedTable: hub, referencedColumns: ["id"]),
            ]
        }
        catalog.sources[0].schemas[0].tables[5].foreignKeys.append(ForeignKey(columns: ["id"], referencedTable: spoke1, referencedColumns: ["id"]))
        catalog.sources[0].schemas[0].tables[6].foreignKeys.append(ForeignKey(columns: ["id"], referencedTable: spoke1, referencedColumns: ["id"]))
        let dates = (0..<30).map { Table(id: TableID(source: "s", schema: "dim", name: "date\($0)"), kind: .table, columns: [Column(name: "id", position: 1, dataType: "INTEGER")]) }
        catalog.sources[0].schemas.append(Schema(name: "dim", tables: dates))
        catalog.sources[0].schemas[0].tables[0].foreignKeys = dates.map { ForeignKey(columns: ["hub_id"], referencedTable: $0.id, referencedColumns: ["id"]) }
        let table = try #require(catalog.table(hub))
        let result = diagram(catalog).neighbourhood(of: table, diagramPath: "s/main/tables/hub.html")
        #expect(result.neighbours == 30 + ERDiagram.neighbourLimit + 20)
        #expect(result.drawnNeighbours == ERDiagram.hubNeighboursShown)
        #expect(result.dot.contains("<b>spoke1</b>"), "the most connected neighbour is drawn")
        // Drawn: spoke1 (three relationships), spoke5 and spoke6 (two), then the first nine found, the hub's dates.
        #expect(result.grouped == ["references 21 tables in dim", "referenced by 57 tables in main"])
        #expect(result.dot.contains("URL=\"#referenced-by\"") && result.dot.contains("URL=\"#foreign-keys\""))
        #expect(result.dot.contains("  g0 -> t0 [penwidth=2];") || result.dot.contains("  t0 -> g0 [penwidth=2];"))
        #expect(!result.dot.contains("<b>spoke60</b>"))
        // The twelve drawn neighbours are pushed into columns of four rather than stacked in one.
        #expect(ERDiagram.columnsOfNeighbours((1...12).map { "t\($0)" }) == (1...8).map { "  t\($0) -> t\($0 + 4) [style=invis, weight=4];" })
        #expect(ERDiagram.columnsOfNeighbours(["t1", "t2", "t3"]).isEmpty)
        #expect(result.dot.contains("[style=invis, weight=4];"))
    }

    /// Three prefixed subjects of 30 tables, each a chain, with relationships between neighbouring subjects.
    static func subjects() -> Catalog {
        let names = ["sales", "stock", "staff"].flatMap { prefix in (0..<30).map { "\(prefix)_t\($0)" } }
        var catalog = Fixture.catalog(tables: names, columns: ["id", "prev_id", "other_id"])
        func id(_ name: String) -> TableID { TableID(source: "s", schema: "main", name: name) }
        for (offset, name) in names.enumerated() where !name.hasSuffix("_t0") {
            catalog.sources[0].schemas[0].tables[offset].foreignKeys = [
                ForeignKey(columns: ["prev_id"], referencedTable: id(names[offset - 1]), referencedColumns: ["id"]),
            ]
        }
        catalog.sources[0].schemas[0].tables[30].foreignKeys = [ForeignKey(columns: ["other_id"], referencedTable: id("sales_t5"), referencedColumns: ["id"])]
        catalog.sources[0].schemas[0].tables[60].foreignKeys = [ForeignKey(columns: ["other_id"], referencedTable: id("stock_t5"), referencedColumns: ["id"])]
        catalog.relationships = [.documented(from: id("staff_t3"), fromColumns: ["other_id"], to: id("sales_t9"), toColumns: ["id"])]
        return catalog
    }

    @Test func aLargeSchemaIsAMapOfItsAreasWithTheRelationshipsBetweenThemCounted() throws {
        let catalog = Self.subjects()
        let erd = diagram(catalog)
        let graph = erd.areaGraph(of: catalog.sources[0].schemas[0])
        #expect(graph.areas.map(\.name) == ["sales", "staff", "stock"])
        let map = erd.areaMap(graph, source: "s", schema: "main", diagramPath: "s/main/schema.svg")
        #expect(map.areas == 3 && map.links == 3 && map.drawnLinks == 3)
        #expect(map.dot.contains("URL=\"areas/sales.html\""))
        #expect(map.dot.contains("tooltip=\"1 relationship between sales and staff\""))
        #expect(Snapshot.mismatch(map.dot, named: "area-map.dot") == nil)
    }

    @Test func anAreaDrawsItsTablesAndEndsOtherRelationshipsAtTheOtherAreas() throws {
        let catalog = Self.subjects()
        let erd = diagram(catalog)
        let graph = erd.areaGraph(of: catalog.sources[0].schemas[0])
        let stock = try #require(graph.areas.firstIndex { $0.name == "stock" })
        let area = erd.area(stock, of: graph, source: "s", schema: "main", diagramPath: "s/main/areas/stock.svg")
        #expect(area.tables == 30 && area.areas == 2)
        #expect(area.dot.components(separatedBy: "<b>stock_t").count - 1 == 30)
        #expect(area.dot.contains("URL=\"sales.html\"") && area.dot.contains("URL=\"staff.html\""))
        #expect(area.dot.contains("URL=\"../tables/stock_t0.html\""))
        // stock_t0 references sales_t5; stock_t5 is referenced by staff_t0.
        #expect(area.dot.contains("  t0:title -> x\(graph.areas.firstIndex { $0.name == "sales" } ?? -1) [dir=none, style=dotted"))
    }

    @Test func anAreaMapEscapesNames() {
        var catalog = Fixture.catalog(tables: (0..<45).map { "<i>\"t\($0)\" & \\N" })
        catalog.title = "T"
        let erd = diagram(catalog)
        let graph = erd.areaGraph(of: catalog.sources[0].schemas[0])
        let dot = erd.areaMap(graph, source: "s", schema: "main", diagramPath: "s/main/schema.svg").dot
        #expect(dot.contains("&lt;i&gt;&quot;t0&quot; &amp; \\\\N"))
        #expect(!dot.contains("<i>\"t"))
    }

    @Test func aMapOfManyAreasIsLaidOutByForceNotInRanks() {
        // 35 chains of 12 tables: 35 areas, more than a ranked layout keeps readable.
        let names = (0..<35).flatMap { chain in (0..<12).map { "c\(chain)_\($0)" } }
        var catalog = Fixture.catalog(tables: names, columns: ["id", "prev_id"])
        for (offset, name) in names.enumerated() where !name.hasSuffix("_0") {
            catalog.sources[0].schemas[0].tables[offset].foreignKeys = [
                ForeignKey(columns: ["prev_id"], referencedTable: catalog.sources[0].schemas[0].tables[offset - 1].id, referencedColumns: ["id"]),
            ]
        }
        let erd = diagram(catalog)
        let graph = erd.areaGraph(of: catalog.sources[0].schemas[0])
        #expect(graph.areas.count == 35)
        let map = erd.areaMap(graph, source: "s", schema: "main", diagramPath: "s/main/schema.svg")
        #expect(map.dot.contains("layout=neato") && !map.dot.contains("rankdir"))
        #expect(map.links == 0 && map.drawnLinks == 0)
    }
}
