import Catalog
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport
@testable import SiteGen

@Suite("Neighbourhood diagrams laid out without graphviz")
struct NeighbourhoodLayoutTests {
    static func id(_ name: String) -> TableID { TableID(source: "s", schema: "main", name: name) }

    /// A focus table with `left` tables referencing it (some by a suggested or accepted relationship instead of a
    /// declared key, some twice) and `right` tables it references, named from every script and syntax a database
    /// allows, with columns of random types (SQLite views have none).
    static func neighbourhood(seed: UInt64, latinOnly: Bool = false) -> (catalog: Catalog, focus: Table) {
        var random = SplitMix64(seed: seed)
        let latin = ["orders", "Straße", "naïve_ünïcode", "Ελληνικά", "заказы", "a<b>&\"c'", "x",
                     String(repeating: "very_long_name_", count: 5), "CamelCaseTable", "w_m_W_M"]
        let other = ["客户表", "注文", "테이블", "😀_emoji", "mixed_中文_name"]
        func name(_ index: Int) -> String {
            let base = random.chance(0.3) && !latinOnly ? random.text(maxLength: 20, allowNewlines: false)
                : random.pick(latinOnly ? latin : latin + other)
            return "\(base)_\(index)"
        }
        let types = ["integer", "text", "numeric(12, 2)", "", "timestamp with time zone", "character varying(255)"]
        func attributes() -> [String] { (0..<Int.random(in: 0...6, using: &random)).map { _ in random.pick(types) } }
        let focusName = name(0)
        let (left, right) = (Int.random(in: 0...7, using: &random), Int.random(in: 0...5, using: &random))
        var tables: [Table] = []
        var relationships: [Relationship] = []
        var focusColumns = [Column(name: "id", position: 1, dataType: "integer")]
        var focusKeys: [ForeignKey] = []
        for index in 0..<right {
            let target = name(100 + index)
            tables.append(Table(id: id(target), kind: random.chance(0.2) ? .view : .table,
                                columns: [Column(name: "id", position: 1, dataType: "integer")]
                                    + attributes().enumerated().map { Column(name: "a\($0)", position: $0 + 2, dataType: $1) },
                                primaryKey: PrimaryKey(columns: ["id"])))
            let column = "ref_\(index)_\(name(200 + index))"
            focusColumns.append(Column(name: column, position: focusColumns.count + 1, dataType: "integer"))
            focusKeys.append(ForeignKey(columns: [column], referencedTable: id(target), referencedColumns: ["id"]))
        }
        for type in attributes() {
            focusColumns.append(Column(name: "attribute_\(focusColumns.count)", position: focusColumns.count + 1, dataType: type))
        }
        for index in 0..<left {
            let source = name(300 + index)
            let twice = random.chance(0.2)
            var columns = [Column(name: "id", position: 1, dataType: "integer"), Column(name: "focus_id", position: 2, dataType: "integer")]
            if twice { columns.append(Column(name: "other_focus_id", position: 3, dataType: "integer")) }
            columns += attributes().enumerated().map { Column(name: "b\($0)", position: columns.count + $0 + 1, dataType: $1) }
            var table = Table(id: id(source), kind: .table, columns: columns, primaryKey: PrimaryKey(columns: ["id"]))
            let keyColumns = twice ? ["focus_id", "other_focus_id"] : ["focus_id"]
            if random.chance(0.3) {
                for column in keyColumns {
                    let suggested = random.chance(0.5)
                    relationships.append(Relationship(
                        from: .init(table: id(source), columns: [column]), to: .init(table: id(focusName), columns: ["id"]),
                        origin: .inferred, status: suggested ? .suggested : .accepted, confidence: 0.5 + Double(index) / 20,
                        evidence: ["`\(column)` <is> & \"named\" like the key"], cardinality: "many-to-one", decidedBy: suggested ? nil : "ana"))
                }
            } else {
                table.foreignKeys = keyColumns.map { ForeignKey(columns: [$0], referencedTable: id(focusName), referencedColumns: ["id"]) }
            }
            tables.append(table)
        }
        let focus = Table(id: id(focusName), kind: .table, columns: focusColumns, primaryKey: PrimaryKey(columns: ["id"]),
                          foreignKeys: focusKeys)
        var catalog = Catalog(title: "T", sources: [Source(name: "s", kind: .sqlite, schemas: [Schema(name: "main", tables: [focus] + tables)])])
        catalog.relationships = relationships
        return (catalog, focus)
    }

    static func result(_ catalog: Catalog, _ focus: Table) -> ERDiagram.Result {
        ERDiagram(catalog: catalog, plan: SitePlan(catalog), index: CatalogIndex(catalog))
            .neighbourhood(of: focus, diagramPath: "s/main/tables/focus.html")
    }

    @Test func everyTextFitsItsBoxNoBoxesOverlapAndEveryEdgeRunsLeftToRight() throws {
        for seed in SplitMix64.seeds(200) {
            let (catalog, focus) = Self.neighbourhood(seed: seed)
            let graph = try #require(Self.result(catalog, focus).graph, "seed \(seed)")
            let placed = try #require(NeighbourhoodLayout.layout(graph), "seed \(seed): a simple neighbourhood went to graphviz")
            #expect(placed.boxes.count == graph.nodes.count)
            for box in placed.boxes {
                for row in box.node.rows {
                    let text = row.spans.reduce(0) { $0 + DiagramFont.width($1.text, size: 10, bold: $1.bold) }
                    #expect(text + 2 * NeighbourhoodLayout.textInset <= box.width, "seed \(seed): \(row.spans.map(\.text)) spills out")
                }
                #expect(box.x >= NeighbourhoodLayout.padding - 1e-9 && box.y >= NeighbourhoodLayout.padding - 1e-9)
                #expect(box.x + box.width <= placed.width - NeighbourhoodLayout.padding + 1e-9)
                #expect(box.y + box.height <= placed.height - NeighbourhoodLayout.padding + 1e-9)
            }
            for (a, first) in placed.boxes.enumerated() {
                for second in placed.boxes[(a + 1)...] {
                    let apartSideways = first.x + first.width <= second.x || second.x + second.width <= first.x
                    let apartVertically = first.y + first.height + NeighbourhoodLayout.boxGap <= second.y + 1e-6
                        || second.y + second.height + NeighbourhoodLayout.boxGap <= first.y + 1e-6
                    #expect(apartSideways || apartVertically, "seed \(seed): \(first.node.name) and \(second.node.name) overlap")
                }
            }
            let focusBox = placed.boxes[0]
            for edge in graph.edges {
                let from = try #require(placed.index[edge.from]), to = try #require(placed.index[edge.to])
                #expect(placed.boxes[from].x + placed.boxes[from].width < placed.boxes[to].x, "seed \(seed): an edge runs backwards")
                #expect(from == 0 || to == 0)
            }
            // Tables that reference the focus stand left of it, tables it references right of it.
            for key in focus.foreignKeys {
                let box = try #require(placed.boxes.first { $0.node.tooltip == "main." + key.referencedTable.name })
                #expect(box.x > focusBox.x + focusBox.width)
            }
        }
    }

    @Test func theSVGIsWellFormedAndNamesNodesAndEdgesAsGraphvizDoes() throws {
        for seed in SplitMix64.seeds(60) {
            let (catalog, focus) = Self.neighbourhood(seed: seed)
            let graph = try #require(Self.result(catalog, focus).graph)
            let svg = try #require(NeighbourhoodLayout.svg(graph))
            // Well-formed XML, whatever the names hold.
            let parser = XMLParser(data: Data(svg.utf8))
            #expect(parser.parse(), "seed \(seed): \(parser.parserError.map(String.init(describing:)) ?? "")")
            #expect(Self.titles(of: "node", in: svg) == graph.nodes.map(\.name), "seed \(seed)")
            // graphviz names an edge by its ends and compass points only: `t1:e->t0:w`.
            #expect(Self.titles(of: "edge", in: svg) == graph.edges.map { "\($0.from):e->\($0.to):w" }, "seed \(seed)")
            // Every name is shown as it is (escaped in the markup, not changed), unless XML cannot hold a character of it.
            let texts = Set(Self.matches(#"<text[^>]*>([^<]*)</text>"#, in: svg).map(Self.unescaped))
            for node in graph.nodes {
                for span in node.rows.flatMap(\.spans)
                where !span.text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0.value >= 0xFFFE && $0.value <= 0xFFFF })
                    // (A combining mark joins the character before it, `>` or `;`, which the pattern cannot split.)
                    && !span.text.unicodeScalars.contains(where: { $0.properties.generalCategory == .nonspacingMark }) {
                    #expect(texts.contains(span.text), "seed \(seed): \(span.text) not shown")
                }
            }
            #expect(svg.hasPrefix("<svg width=\"") && svg.contains("viewBox=\"0.00 0.00 "))
        }
    }

    @Test func boxesAreTheSizeGraphvizMakesThemAndStandOnTheSameSides() throws {
        for seed in SplitMix64.seeds(16) {
            let (catalog, focus) = Self.neighbourhood(seed: seed, latinOnly: true)
            let result = Self.result(catalog, focus)
            let placed = try #require(result.graph.flatMap(NeighbourhoodLayout.layout))
            let dotSVG = try #require(try Graphviz.dot().render([result.dot]).first)
            let dotBoxes = Self.outerBoxes(dotSVG)
            let dotFocus = try #require(dotBoxes["t0"])
            for box in placed.boxes {
                let drawn = try #require(dotBoxes[box.node.name], "seed \(seed)")
                #expect(abs(drawn.height - box.height) < 0.01, "seed \(seed): \(box.node.name)")
                // Never narrower than graphviz's box; wider by the kerning pango applies and a point to spare.
                #expect(box.width >= drawn.width - 0.5 && box.width <= drawn.width * 1.04 + 4,
                        "seed \(seed): \(box.node.name) \(box.width) against \(drawn.width)")
                if box.node.name != "t0" {
                    #expect((drawn.x < dotFocus.x) == (box.x < placed.boxes[0].x), "seed \(seed): \(box.node.name) on the other side")
                }
            }
        }
    }

    @Test func whatIsNotSimpleGoesToGraphviz() throws {
        // A self-reference.
        var catalog = Fixture.catalog(tables: ["employees"], columns: ["id", "manager_id"])
        catalog.sources[0].schemas[0].tables[0].foreignKeys = [ForeignKey(columns: ["manager_id"], referencedTable: Self.id("employees"), referencedColumns: ["id"])]
        #expect(Self.result(catalog, catalog.allTables[0]).graph.flatMap(NeighbourhoodLayout.svg) == nil)
        // A neighbour joined both ways.
        catalog = Fixture.catalog(tables: ["a", "b"], columns: ["id", "other_id"])
        catalog.sources[0].schemas[0].tables[0].foreignKeys = [ForeignKey(columns: ["other_id"], referencedTable: Self.id("b"), referencedColumns: ["id"])]
        catalog.sources[0].schemas[0].tables[1].foreignKeys = [ForeignKey(columns: ["other_id"], referencedTable: Self.id("a"), referencedColumns: ["id"])]
        #expect(Self.result(catalog, catalog.allTables[0]).graph.flatMap(NeighbourhoodLayout.svg) == nil)
        // A table the catalog does not have.
        catalog = Fixture.catalog(tables: ["a"], columns: ["id", "gone_id"])
        catalog.sources[0].schemas[0].tables[0].foreignKeys = [ForeignKey(columns: ["gone_id"], referencedTable: Self.id("gone"), referencedColumns: ["id"])]
        #expect(Self.result(catalog, catalog.allTables[0]).graph.flatMap(NeighbourhoodLayout.svg) == nil)
        // Two tables joined to the focus table and to each other (depth 2).
        catalog = Fixture.catalog(tables: ["focus", "a", "b"], columns: ["id", "focus_id", "a_id"])
        catalog.sources[0].schemas[0].tables[1].foreignKeys = [ForeignKey(columns: ["focus_id"], referencedTable: Self.id("focus"), referencedColumns: ["id"])]
        catalog.sources[0].schemas[0].tables[2].foreignKeys = [
            ForeignKey(columns: ["focus_id"], referencedTable: Self.id("focus"), referencedColumns: ["id"]),
            ForeignKey(columns: ["a_id"], referencedTable: Self.id("a"), referencedColumns: ["id"]),
        ]
        #expect(Self.depthTwo(catalog, "focus").graph.flatMap(NeighbourhoodLayout.svg) == nil)
        // A declared key and a suggested relationship between the same two tables: drawn box to box, the two edges
        // would lie one on the other.
        catalog = Fixture.catalog(tables: ["focus", "a"], columns: ["id", "focus_id", "other_focus_id"])
        catalog.sources[0].schemas[0].tables[1].foreignKeys = [ForeignKey(columns: ["focus_id"], referencedTable: Self.id("focus"), referencedColumns: ["id"])]
        catalog.relationships = [Relationship(from: .init(table: Self.id("a"), columns: ["other_focus_id"]), to: .init(table: Self.id("focus"), columns: ["id"]),
                                              origin: .inferred, status: .suggested, confidence: 0.7, evidence: ["named like the key"])]
        #expect(Self.depthTwo(catalog, "focus").graph.flatMap(NeighbourhoodLayout.svg) == nil)
        // Two tables two steps away joined to each other.
        catalog = Fixture.catalog(tables: ["focus", "a", "b", "c"], columns: ["id", "focus_id", "a_id", "b_id"])
        catalog.sources[0].schemas[0].tables[1].foreignKeys = [ForeignKey(columns: ["focus_id"], referencedTable: Self.id("focus"), referencedColumns: ["id"])]
        catalog.sources[0].schemas[0].tables[2].foreignKeys = [ForeignKey(columns: ["a_id"], referencedTable: Self.id("a"), referencedColumns: ["id"])]
        catalog.sources[0].schemas[0].tables[3].foreignKeys = [
            ForeignKey(columns: ["a_id"], referencedTable: Self.id("a"), referencedColumns: ["id"]),
            ForeignKey(columns: ["b_id"], referencedTable: Self.id("b"), referencedColumns: ["id"]),
        ]
        #expect(Self.depthTwo(catalog, "focus").graph.flatMap(NeighbourhoodLayout.svg) == nil)
        // A table alone is drawn as its box.
        catalog = Fixture.catalog(tables: ["alone"], columns: ["id"])
        let svg = try #require(Self.result(catalog, catalog.allTables[0]).graph.flatMap(NeighbourhoodLayout.svg))
        #expect(svg.components(separatedBy: "class=\"node\"").count == 2 && !svg.contains("class=\"edge\""))
    }

    @Test func aKeyToAColumnNotDrawnJoinsTheBoxesAsGraphvizDoes() throws {
        var catalog = Fixture.catalog(tables: ["a", "b"], columns: ["id", "b_code"])
        catalog.sources[0].schemas[0].tables[0].foreignKeys = [ForeignKey(columns: ["b_code"], referencedTable: Self.id("b"), referencedColumns: ["missing"])]
        let graph = try #require(Self.result(catalog, catalog.allTables[0]).graph)
        let placed = try #require(NeighbourhoodLayout.layout(graph))
        #expect(placed.boxes[0].x + placed.boxes[0].width < placed.boxes[1].x)
        let svg = try #require(NeighbourhoodLayout.svg(graph))
        #expect(Self.titles(of: "edge", in: svg) == ["t0->t1"])
    }

    static func depthTwo(_ catalog: Catalog, _ focus: String) -> ERDiagram.Selection {
        ERDiagram(catalog: catalog, plan: SitePlan(catalog), index: CatalogIndex(catalog))
            .selection(of: [id(focus)], depth: 2, limit: ERDiagram.pageDepthLimit, columns: false, diagramPath: "s/main/tables/x.html")
    }

    /// b → a → focus → c → d, and e → c: two steps out on either side, and e beside the focus table, since its edge
    /// points back towards it.
    @Test func aDepthTwoDiagramRanksTablesTwoStepsAwayBeyondTheirNeighbours() throws {
        var catalog = Fixture.catalog(tables: ["focus", "a", "b", "c", "d", "e"], columns: ["id", "ref_id"])
        func key(_ table: Int, to target: String) {
            catalog.sources[0].schemas[0].tables[table].foreignKeys = [ForeignKey(columns: ["ref_id"], referencedTable: Self.id(target), referencedColumns: ["id"])]
        }
        key(1, to: "focus"); key(2, to: "a"); key(0, to: "c"); key(3, to: "d"); key(5, to: "c")
        let placed = try #require(Self.depthTwo(catalog, "focus").graph.flatMap(NeighbourhoodLayout.layout))
        func box(_ name: String) throws -> NeighbourhoodLayout.Box { try #require(placed.boxes.first { $0.node.tooltip == "main." + name }) }
        let (focus, a, b, c, d, e) = (try box("focus"), try box("a"), try box("b"), try box("c"), try box("d"), try box("e"))
        #expect(b.x + b.width < a.x && a.x + a.width < focus.x && focus.x + focus.width < c.x && c.x + c.width < d.x)
        // Same rank as the focus table: the same column, above or below it.
        #expect(e.x < focus.x + focus.width && focus.x < e.x + e.width)
        #expect(abs(e.y - focus.y) >= NeighbourhoodLayout.rowHeight + NeighbourhoodLayout.boxGap - 1e-9)
    }

    /// Random schemas where each table references up to two others, at depth 2: whatever is laid out here has boxes
    /// apart, every edge one rank to the right, and room for every name.
    @Test func depthTwoDiagramsKeepBoxesApartAndEveryEdgeOneRankToTheRight() throws {
        var simple = 0
        let seeds = SplitMix64.seeds(120)
        for seed in seeds {
            var random = SplitMix64(seed: seed)
            let count = Int.random(in: 4...40, using: &random)
            let names = ["orders", "Straße", "客户", "x", "a<b>", "customer_shipping_address_history", "very_long_name_of_a_reporting_table"]
            var catalog = Fixture.catalog(tables: (0..<count).map { "t\($0)_" + random.pick(names) },
                                          columns: ["id", "first_id", "second_id"])
            let tables = catalog.sources[0].schemas[0].tables.map(\.name)
            for index in 1..<count {
                var keys: [ForeignKey] = []
                for column in ["first_id", "second_id"] where random.chance(0.6) {
                    keys.append(ForeignKey(columns: [column], referencedTable: Self.id(tables[Int.random(in: 0..<index, using: &random)]), referencedColumns: ["id"]))
                }
                catalog.sources[0].schemas[0].tables[index].foreignKeys = keys
            }
            let focus = tables[Int.random(in: 0..<count, using: &random)]
            guard let graph = Self.depthTwo(catalog, focus).graph, let placed = NeighbourhoodLayout.layout(graph),
                  let svg = NeighbourhoodLayout.svg(graph) else { continue }
            simple += 1
            #expect(XMLParser(data: Data(svg.utf8)).parse(), "seed \(seed)")
            // No edge passes through a box: not along its level pieces, not across the curve between ranks.
            for edge in graph.edges {
                let route = try #require(NeighbourhoodLayout.route(edge, in: placed))
                var points: [(x: Double, y: Double)] = []
                for step in 0...20 {
                    let t = Double(step) / 20
                    points.append((route.start.x + (route.leave.x - route.start.x) * t, route.start.y))
                    points.append((route.enter.x + (route.end.x - route.enter.x) * t, route.end.y))
                    let bend = (route.enter.x - route.leave.x) / 2
                    let (a, b, c, d) = (route.leave, (x: route.leave.x + bend, y: route.leave.y), (x: route.enter.x - bend, y: route.enter.y), route.enter)
                    let u = 1 - t
                    points.append((u * u * u * a.x + 3 * u * u * t * b.x + 3 * u * t * t * c.x + t * t * t * d.x,
                                   u * u * u * a.y + 3 * u * u * t * b.y + 3 * u * t * t * c.y + t * t * t * d.y))
                }
                for box in placed.boxes {
                    let inside = points.contains { $0.x > box.x + 0.5 && $0.x < box.x + box.width - 0.5 && $0.y > box.y + 0.5 && $0.y < box.y + box.height - 0.5 }
                    #expect(!inside, "seed \(seed): \(edge.from)->\(edge.to) passes through \(box.node.name)")
                }
            }
            // Ranks are the columns of boxes, left to right: boxes of one rank overlap sideways, of two ranks never.
            var columns: [(start: Double, end: Double)] = []
            for box in placed.boxes.sorted(by: { $0.x < $1.x }) {
                if let last = columns.last, box.x <= last.end { columns[columns.count - 1].end = max(last.end, box.x + box.width) }
                else { columns.append((box.x, box.x + box.width)) }
            }
            func column(_ name: String) -> Int? {
                placed.index[name].flatMap { offset in columns.firstIndex { $0.start <= placed.boxes[offset].x && placed.boxes[offset].x <= $0.end } }
            }
            for edge in graph.edges {
                let (tail, head) = (try #require(placed.index[edge.from]), try #require(placed.index[edge.to]))
                #expect(placed.boxes[tail].x + placed.boxes[tail].width < placed.boxes[head].x, "seed \(seed): an edge runs backwards")
                #expect(column(edge.to) == column(edge.from).map { $0 + 1 }, "seed \(seed): an edge skips a rank")
            }
            for (offset, first) in placed.boxes.enumerated() {
                #expect(first.width >= DiagramFont.width(first.node.rows[0].spans[0].text, size: 10, bold: true) + 2 * NeighbourhoodLayout.textInset)
                for second in placed.boxes[(offset + 1)...] {
                    let apartSideways = first.x + first.width <= second.x || second.x + second.width <= first.x
                    let apartVertically = first.y + first.height + NeighbourhoodLayout.boxGap <= second.y + 1e-6
                        || second.y + second.height + NeighbourhoodLayout.boxGap <= first.y + 1e-6
                    #expect(apartSideways || apartVertically, "seed \(seed): \(first.node.name) and \(second.node.name) overlap")
                }
            }
        }
        // Not a property of nothing: most of these small schemas are simple enough.
        #expect(simple >= seeds.count / 4, "only \(simple) of \(seeds.count) laid out")
    }

    @Test func boxesStandAsNearTheirRowsAsTheGapBetweenThemAllows() {
        // Apart already: each where it wants to be.
        #expect(NeighbourhoodLayout.spaced([0, 100], heights: [50, 50], gap: 10) == [0, 100])
        // Three that want the same place share it: the middle one on it, the others a box and a gap either side.
        #expect(NeighbourhoodLayout.spaced([0, 0, 0], heights: [10, 10, 10], gap: 5) == [-15, 0, 15])
        // Pushed down by the one above, then pooled with it.
        #expect(NeighbourhoodLayout.spaced([0, 20, 200], heights: [40, 10, 10], gap: 10) == [-15, 35, 200])
    }

    @Test func textIsMeasuredInDejaVuSans() {
        // Advances of DejaVu Sans 2.37 at 10 points, from the font's own tables.
        #expect(abs(DiagramFont.width("id ", size: 10) - 12.30) < 0.01)
        // Bold `ledger_999` is 62.11 points as drawn, 63 as pango hints it for graphviz: the larger.
        #expect(DiagramFont.width("ledger_999", size: 10, bold: true) == 63)
        // Outside the tables: a full em for CJK, a generous 0.7 em for the rest, nothing for combining marks.
        #expect(DiagramFont.width("客户", size: 10) == 20)
        #expect(DiagramFont.width("e\u{301}", size: 10) == DiagramFont.width("e", size: 10))
        #expect(DiagramFont.width("\u{10A0}", size: 10) > 6)
        // Emoji, drawn from a colour font wider than an em.
        #expect(DiagramFont.width("🚀", size: 10) >= 12.5 && DiagramFont.width("😀", size: 10) >= 12.5)
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// The `<title>` of each `g.node` or `g.edge` group, as a browser reads it.
    static func titles(of kind: String, in svg: String) -> [String] {
        matches(#"<g id="\#(kind)\d+" class="\#(kind)">\n<title>([^<]*)</title>"#, in: svg).map(unescaped)
    }

    static func unescaped(_ text: String) -> String {
        var out = text
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#45;", "-"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        return out
    }

    /// Each node's outer box in graphviz's SVG: the first polygon of its group.
    static func outerBoxes(_ svg: String) -> [String: (x: Double, width: Double, height: Double)] {
        var boxes: [String: (x: Double, width: Double, height: Double)] = [:]
        let pattern = try! NSRegularExpression(pattern: #"<title>(t\d+)</title>\s*(?:<g id="a_node\d+"><a[^>]*>\s*)?<polygon[^>]*points="([^"]*)""#)
        for match in pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)) {
            guard let name = Range(match.range(at: 1), in: svg), let points = Range(match.range(at: 2), in: svg) else { continue }
            let pairs = svg[points].split(separator: " ").map { $0.split(separator: ",").compactMap { Double($0) } }
            let xs = pairs.map { $0[0] }, ys = pairs.map { $0[1] }
            boxes[String(svg[name])] = (xs.min()!, xs.max()! - xs.min()!, ys.max()! - ys.min()!)
        }
        return boxes
    }
}

