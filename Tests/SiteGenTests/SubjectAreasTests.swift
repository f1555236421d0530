import Catalog
import Testing
@testable import SiteGen

@Suite("Subject areas of a schema")
struct SubjectAreasTests {
    func id(_ name: String) -> TableID { TableID(source: "s", schema: "main", name: name) }

    /// Every table in exactly one area, none larger than the limit and the room hubs and merges may add.
    func expectPartition(_ areas: [SubjectArea], of tables: [TableID], sourceLocation: SourceLocation = #_sourceLocation) {
        let placed = areas.flatMap(\.tables)
        #expect(placed.count == tables.count, sourceLocation: sourceLocation)
        #expect(Set(placed) == Set(tables), sourceLocation: sourceLocation)
        for area in areas {
            #expect(area.tables.count <= SubjectAreas.limit + SubjectAreas.limit / 4, "\(area.name) holds \(area.tables.count)", sourceLocation: sourceLocation)
            #expect(Set(area.leading) == Set(area.tables), sourceLocation: sourceLocation)
        }
        #expect(Set(areas.map { ExactName($0.name) }).count == areas.count, sourceLocation: sourceLocation)
        #expect(Set(areas.map(\.slug)).count == areas.count, sourceLocation: sourceLocation)
        for area in areas {
            #expect(area.slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" },
                    "slug \(area.slug)", sourceLocation: sourceLocation)
        }
    }

    /// A deterministic pseudo-random sequence, so a test's graph is the same on every run.
    struct Sequence {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test func eachComponentIsAnAreaNamedByItsMostConnectedTable() {
        var tables: [TableID] = [], links: [(TableID, TableID)] = []
        for (hub, spokes) in [("orders", 14), ("employees", 12), ("products", 10)] {
            tables.append(id(hub))
            for spoke in 0..<spokes {
                tables.append(id("\(hub)_part\(spoke)"))
                links.append((id("\(hub)_part\(spoke)"), id(hub)))
            }
        }
        let areas = SubjectAreas.partition(tables, links: links)
        expectPartition(areas, of: tables)
        #expect(areas.map(\.name) == ["orders", "employees", "products"])
        #expect(areas[0].tables.count == 15 && areas[0].tables.allSatisfy { $0.name.hasPrefix("orders") })
        #expect(areas[0].leading.first?.name == "orders")
    }

    @Test func smallComponentsArePackedWholeIntoFewAreas() {
        // 30 pairs of a table and its lookup: 60 tables in two areas, never a pair split.
        let tables = (0..<30).flatMap { [id("item\($0)"), id("item\($0)_kind")] }
        let links = (0..<30).map { (id("item\($0)"), id("item\($0)_kind")) }
        let areas = SubjectAreas.partition(tables, links: links)
        expectPartition(areas, of: tables)
        #expect(areas.count == 2)
        var area: [TableID: String] = [:]
        for a in areas { for table in a.tables { area[table] = a.name } }
        for (a, b) in links { #expect(area[a] == area[b]) }
    }

    @Test func aGiantComponentIsSplitIntoConnectedRegions() {
        // 600 tables, each referencing one or two earlier ones at random: one component, names sharing nothing useful.
        var random = Sequence(state: 7)
        let tables = (0..<600).map { id("t\($0)") }
        var links: [(TableID, TableID)] = []
        for index in 1..<tables.count {
            for _ in 0..<(1 + random.next(2)) { links.append((tables[index], tables[random.next(index)])) }
        }
        let areas = SubjectAreas.partition(tables, links: links)
        expectPartition(areas, of: tables)
        #expect(areas.count >= 600 / (SubjectAreas.limit + SubjectAreas.limit / 4))
        #expect(areas.count <= 600 / 10, "\(areas.count) areas: regions should be near the limit, not fragments")
        // Regions are neighbourhoods: most relationships stay inside an area, far more than a slice of names would keep.
        var area: [TableID: Int] = [:]
        for (offset, a) in areas.enumerated() { for table in a.tables { area[table] = offset } }
        let inside = links.filter { area[$0.0] == area[$0.1] }.count
        #expect(inside * 3 >= links.count, "\(inside) of \(links.count) relationships inside an area")
    }

    @Test func aHubDimensionDoesNotSwallowTheStar() {
        // A date dimension every fact references; each fact has two dimensions of its own.
        var tables = [id("dim_date")]
        var links: [(TableID, TableID)] = []
        for fact in 0..<120 {
            let names = ["fact_\(fact)", "dim_\(fact)_a", "dim_\(fact)_b"].map(id)
            tables += names
            links += [(names[0], id("dim_date")), (names[0], names[1]), (names[0], names[2])]
        }
        let areas = SubjectAreas.partition(tables, links: links)
        expectPartition(areas, of: tables)
        let shared = areas.first { $0.name == "Shared tables" }
        #expect(shared?.tables == [id("dim_date")])
        // Each fact sits with its own dimensions.
        var area: [TableID: String] = [:]
        for a in areas { for table in a.tables { area[table] = a.name } }
        for fact in 0..<120 {
            #expect(area[id("fact_\(fact)")] == area[id("dim_\(fact)_a")] && area[id("fact_\(fact)")] == area[id("dim_\(fact)_b")])
        }
    }

    @Test func tablesWithoutRelationshipsAreGroupedByLeadingWord() {
        let names = ["sales_order", "sales_invoice", "sales_return", "sales_quote", "hr_person", "hr_salary", "hr_leave",
                     "audit_log", "settings", "tmp"]
        // A few such tables are one area; grouping begins when they do not fit in one.
        #expect(SubjectAreas.partition(names.map(id), links: []).map(\.name) == ["Other tables"])
        let tables = (names + Self.filler).map(id)
        let areas = SubjectAreas.partition(tables, links: [])
        expectPartition(areas, of: tables)
        #expect(areas.map(\.name) == ["log", "ops", "sales", "Other tables", "hr"])
        #expect(areas.first { $0.name == "Other tables" }?.tables.map(\.name) == ["audit_log", "settings", "tmp"])
    }

    /// Unrelated tables enough that they do not fit in one area: 25 `log_…` and 20 `ops…` (camel case).
    static let filler = (0..<25).map { "log_\($0)" } + (0..<20).map { "opsJob\($0)" }

    @Test func manyUnrelatedTablesWithoutNameGroupsAreCutIntoRangesOfNames() {
        let tables = (0..<100).map { id(String(format: "t%04d", $0)) }
        let areas = SubjectAreas.partition(tables, links: [])
        expectPartition(areas, of: tables)
        #expect(areas.map(\.name) == ["t0000 – t0033", "t0034 – t0067", "t0068 – t0099"])
    }

    @Test func namesInAnyStyleAndScriptGroup() {
        let names = ["salesOrder", "SalesInvoice", "salesReturn", "zählerStand", "zähler_typ", "ZählerOrt",
                     "顧客_住所", "顧客_注文", "顧客_請求", "customerorders", "customeraddresses", "../etc/passwd"]
        let tables = (names + Self.filler).map(id)
        let areas = SubjectAreas.partition(tables, links: [])
        expectPartition(areas, of: tables)
        #expect(Set(areas.map(\.name)) == ["sales", "zähler", "顧客", "Other tables", "log", "ops"])
        #expect(areas.first { $0.name == "Other tables" }?.tables.map(\.name) == ["../etc/passwd", "customeraddresses", "customerorders"])
    }

    @Test func aLargeComponentWithPrefixedSubjectsSplitsByPrefix() {
        // Three prefixed subjects of 30 tables, each a chain, with one relationship between neighbouring subjects.
        var tables: [TableID] = [], links: [(TableID, TableID)] = []
        for prefix in ["sales", "stock", "staff"] {
            for index in 0..<30 {
                tables.append(id("\(prefix)_t\(index)"))
                if index > 0 { links.append((id("\(prefix)_t\(index)"), id("\(prefix)_t\(index - 1)"))) }
            }
        }
        links += [(id("stock_t0"), id("sales_t5")), (id("staff_t0"), id("stock_t5"))]
        let areas = SubjectAreas.partition(tables, links: links)
        expectPartition(areas, of: tables)
        #expect(Set(areas.map(\.name)) == ["sales", "stock", "staff"])
    }

    @Test func theSameSchemaGivesTheSameAreasWhateverTheOrder() {
        var random = Sequence(state: 42)
        let tables = (0..<300).map { id(["crm", "erp", "web"][$0 % 3] + "_\($0)") } + (0..<30).map { id("lone\($0)") }
        var links: [(TableID, TableID)] = []
        for index in 1..<300 { links.append((tables[index], tables[random.next(index)])) }
        let areas = SubjectAreas.partition(tables, links: links)
        expectPartition(areas, of: tables)
        for seed in 1...3 {
            var shuffle = Sequence(state: UInt64(seed))
            var shuffledTables = tables, shuffledLinks = links.map { shuffle.next(2) == 0 ? $0 : ($0.1, $0.0) }
            for index in shuffledTables.indices.reversed() { shuffledTables.swapAt(index, shuffle.next(index + 1)) }
            for index in shuffledLinks.indices.reversed() { shuffledLinks.swapAt(index, shuffle.next(index + 1)) }
            #expect(SubjectAreas.partition(shuffledTables, links: shuffledLinks) == areas)
        }
    }

    @Test func namesThatDifferOnlyInNormalizationAreTwoTables() {
        let tables = [id("caf\u{E9}_a"), id("cafe\u{301}_a"), id("caf\u{E9}_b"), id("caf\u{E9}_c")]
        let areas = SubjectAreas.partition(tables, links: [(tables[0], tables[1])])
        expectPartition(areas, of: tables)
    }
}
