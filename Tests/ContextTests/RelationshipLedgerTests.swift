import Catalog
import Foundation
import Testing
import TestSupport
@testable import Context

/// The relationships ledger: a file the tool owns, so every identifier must survive the trip through it
/// exactly, and whatever a reviewer's editor does to its layout it must read the same.
@Suite("Relationships ledger")
struct RelationshipLedgerTests {
    static func end(_ table: String, _ columns: String..., source: String = "shop") -> Relationship.End {
        .init(table: TableID(source: source, schema: "main", name: table), columns: columns)
    }

    static let ordersToCustomers = RelationshipLedger.Entry(
        from: end("orders", "customer_id"), to: end("customers", "id"), decision: .accepted, confidence: 0.9,
        decidedBy: "Ada", decidedOn: "2026-12-01")

    /// Compares what matters exactly: scalar by scalar, since Swift's `==` equates NFC and NFD.
    static func exact(_ entries: [RelationshipLedger.Entry]) -> [[[UInt32]]] {
        entries.map { entry in
            let ends = [entry.from, entry.to].flatMap { [$0.table.source, $0.table.schema, $0.table.name] + $0.columns + ["\u{0}"] }
            let rest = [entry.decision.rawValue, entry.confidence.map { String(format: "%.2f", $0) } ?? "\u{0}",
                        entry.decidedBy ?? "\u{0}", entry.decidedOn ?? "\u{0}"]
            return (ends + rest).map { $0.unicodeScalars.map(\.value) }
        }
    }

    @Test func aLedgerReadsAsItIsWritten() throws {
        var ledger = RelationshipLedger()
        ledger.record(Self.ordersToCustomers)
        ledger.record(.init(from: Self.end("order_lines", "order_id", "product_id"), to: Self.end("stock", "order_id", "product_id"),
                            decision: .rejected))
        #expect(ledger.rendered() == """
            # Decisions about suggested relationships, recorded by `scribe-build relationships accept` and `reject`.
            # The tool rewrites this file whole, in a fixed order, so review it in pull requests but change it with
            # those commands (delete an entry to withdraw a decision). A relationship written in the other context
            # files always wins over what is recorded here; `confidence` is the stage's when it was decided.
            schema_scribe_relationships: "1"
            relationships:
              - from:
                  source: shop
                  schema: main
                  table: order_lines
                  columns: [order_id, product_id]
                to:
                  source: shop
                  schema: main
                  table: stock
                  columns: [order_id, product_id]
                status: rejected
              - from:
                  source: shop
                  schema: main
                  table: orders
                  columns: [customer_id]
                to:
                  source: shop
                  schema: main
                  table: customers
                  columns: [id]
                status: accepted
                confidence: "0.90"
                decided_by: "Ada"
                decided_on: "2026-12-01"

            """)
        let read = try RelationshipLedger.parse(ledger.rendered(), file: "_relationships.yml")
        #expect(Self.exact(read.entries) == Self.exact(ledger.entries))
        #expect(read.entries.compactMap { read.location(of: $0)?.description } == ["_relationships.yml:7:5", "_relationships.yml:18:5"])
        #expect(RelationshipLedger().rendered().hasSuffix("schema_scribe_relationships: \"1\"\nrelationships: []\n"))
    }

    @Test func decidingAgainReplacesTheDecisionForThatPair() {
        var ledger = RelationshipLedger(entries: [Self.ordersToCustomers])
        var rejected = Self.ordersToCustomers
        rejected.decision = .rejected
        ledger.record(rejected)
        #expect(ledger.entries.map(\.decision) == [.rejected])
        // Names are compared exactly: `café` in NFC and in NFD are two columns, so two pairs.
        ledger.record(.init(from: Self.end("orders", "caf\u{E9}"), to: Self.end("cafes", "id"), decision: .accepted))
        ledger.record(.init(from: Self.end("orders", "cafe\u{301}"), to: Self.end("cafes", "id"), decision: .rejected))
        #expect(ledger.entries.count == 3)
    }

    /// Property: any identifiers, decided in any order, render to one file that reads back exactly.
    @Test func anyIdentifierSurvivesTheTripInAnyOrder() throws {
        var cases = 0
        for seed in SplitMix64.seeds(400) {
            var random = SplitMix64(seed: seed)
            let entries = Self.randomEntries(&random)
            let ledger = RelationshipLedger(entries: entries)
            let shuffled = RelationshipLedger(entries: entries.shuffled(using: &random))
            #expect(shuffled.rendered() == ledger.rendered(), "seed \(seed): the order of deciding changed the file")
            let read = try RelationshipLedger.parse(ledger.rendered(), file: "_relationships.yml")
            #expect(Self.exact(read.entries) == Self.exact(ledger.entries), "seed \(seed): \(ledger.rendered())")
            cases += 1
        }
        #expect(cases >= 1)
    }

    /// Property: the same decisions in any layout a reviewer's editor may leave (indents, flow or block
    /// style, keys in any order, comments, quoting styles, CRLF) read as the same ledger, and writing that
    /// ledger gives back the tool's own layout.
    @Test func anyLayoutOfTheSameDecisionsReadsTheSame() throws {
        var cases = 0
        for seed in SplitMix64.seeds(300) {
            var random = SplitMix64(seed: seed)
            let ledger = RelationshipLedger(entries: Self.randomEntries(&random))
            let text = LedgerLayout.text(ledger.entries, &random)
            let read = try RelationshipLedger.parse(text, file: "_relationships.yml")
            #expect(Self.exact(read.entries) == Self.exact(ledger.entries), "seed \(seed):\n\(text)")
            #expect(read.rendered() == ledger.rendered(), "seed \(seed)")
            cases += 1
        }
        #expect(cases >= 1)
    }

    static func randomEntries(_ random: inout SplitMix64) -> [RelationshipLedger.Entry] {
        (0..<Int.random(in: 1...5, using: &random)).map { _ in
            let width = random.chance(0.8) ? 1 : Int.random(in: 2...3, using: &random)
            func end() -> Relationship.End {
                .init(table: TableID(source: random.text(maxLength: 6), schema: random.text(maxLength: 6), name: random.text()),
                      columns: (0..<width).map { _ in random.text() })
            }
            return .init(from: end(), to: end(), decision: random.pick(RelationshipDecision.allCases),
                         confidence: random.chance(0.8) ? Double(Int.random(in: 0...100, using: &random)) / 100 : nil,
                         decidedBy: random.chance(0.6) ? random.text(maxLength: 20) : nil,
                         decidedOn: random.chance(0.6) ? "2026-12-01" : nil)
        }
    }

    @Test func aPersonsFileByThatNameIsNeverReplacedNorReadAsTheLedger() throws {
        let folder = try TemporaryFolder()
        let mine = "relationships:\n  - {from: orders.customer_id, to: customers.id}\n"
        try Data(mine.utf8).write(to: folder.path(RelationshipLedger.fileName))
        let message = "_relationships.yml: this name is kept for the relationships ledger that `scribe-build relationships accept|reject` "
            + "writes, and this file is not one (it has no `schema_scribe_relationships` key); rename it so relationships "
            + "accept|reject can never replace it"
        let written = #expect(throws: ConfigError.self) {
            try RelationshipLedger(entries: [Self.ordersToCustomers]).write(folder: folder.url, displayRoot: folder.url)
        }
        #expect(written?.description == message)
        #expect(try String(contentsOf: folder.path(RelationshipLedger.fileName), encoding: .utf8) == mine)
        let loaded = #expect(throws: ConfigError.self) { try ContextLoader().load(folder: folder.url, displayRoot: folder.url) }
        #expect(loaded?.description == message)
    }

    /// Each damaged ledger (one line of a good one changed) and the exact message a user sees for it.
    static let damaged: [(String, String, String)] = [
        ("    decided_on: \"2026-12-01\"", "    decided_om: \"2026-12-01\"",
         "_relationships.yml:20:5: unknown key `decided_om` in `relationships[0]`; did you mean `decided_on`? "
            + "allowed keys: from, to, status, confidence, decided_by, decided_on"),
        ("    status: accepted", "    status: suggested",
         "_relationships.yml:17:13: `relationships[0].status` should be `accepted` or `rejected`, found `suggested`"),
        ("    status: accepted", "    status: acepted",
         "_relationships.yml:17:13: `relationships[0].status` should be `accepted` or `rejected`, found `acepted`; did you mean `accepted`?"),
        ("    status: accepted\n", "",
         "_relationships.yml:7:5: `relationships[0]` is missing `status`"),
        ("    confidence: \"0.90\"", "    confidence: high",
         "_relationships.yml:18:17: `relationships[0].confidence` should be a number from 0 to 1, found `high`"),
        ("    confidence: \"0.90\"", "    confidence: 1.5",
         "_relationships.yml:18:17: `relationships[0].confidence` should be a number from 0 to 1, found `1.5`"),
        ("      columns: [customer_id]", "      colums: [customer_id]",
         "_relationships.yml:11:7: unknown key `colums` in `relationships[0].from`; did you mean `columns`? "
            + "allowed keys: source, schema, table, columns"),
        ("      columns: [id]\n", "",
         "_relationships.yml:13:7: `relationships[0].to` is missing `columns`"),
        ("      columns: [id]", "      columns: []",
         "_relationships.yml:16:16: `relationships[0].to.columns` should name at least one column"),
        ("      columns: [id]", "      columns: [id, code]",
         "_relationships.yml:7:5: `relationships[0]` joins 1 column(s) to 2; `from` and `to` need the same number"),
        ("schema_scribe_relationships: \"1\"", "schema_scribe_relationships: \"2\"",
         "_relationships.yml:5:30: this relationships ledger has format 2; this scribe-build reads format 1"),
        ("schema_scribe_relationships: \"1\"\n", "",
         "_relationships.yml: this name is kept for the relationships ledger that `scribe-build relationships accept|reject` "
            + "writes, and this file is not one (it has no `schema_scribe_relationships` key); rename it so relationships "
            + "accept|reject can never replace it"),
        ("    decided_on: \"2026-12-01\"", "    decided_on: \"2026-12-01\"\n  - {from: {source: shop, schema: main, table: orders, "
            + "columns: customer_id}, to: {source: shop, schema: main, table: customers, columns: [id]}, status: rejected}",
         "_relationships.yml:21:5: main.orders.customer_id → main.customers.id is decided twice; keep one entry "
            + "(this file is written by `scribe-build relationships accept|reject`)"),
    ]

    @Test(arguments: damaged)
    func aDamagedLedgerStopsTheBuildWithItsPlace(line: String, replacement: String, message: String) throws {
        let good = RelationshipLedger(entries: [Self.ordersToCustomers]).rendered()
        #expect(good.contains(line))
        let text = good.replacingOccurrences(of: line, with: replacement)
        let error = #expect(throws: ConfigError.self) { try RelationshipLedger.parse(text, file: "_relationships.yml") }
        #expect(error?.description == message)
    }

    @Test func theLedgerIsNotReadAsAContextFile() throws {
        let folder = try TemporaryFolder()
        try RelationshipLedger(entries: [Self.ordersToCustomers]).write(folder: folder.url)
        try Data("tables:\n  orders:\n    description: One row per order.\n".utf8).write(to: folder.path("orders.yml"))
        let set = try ContextLoader().load(folder: folder.url)
        #expect(set.entries.map(\.table) == ["orders"] && set.relationships.isEmpty)
        #expect(Self.exact(set.relationshipDecisions.entries) == Self.exact([Self.ordersToCustomers]))
    }
}

/// The ledger's decisions in the layouts an editor or a reviewer may leave behind.
enum LedgerLayout {
    static func text(_ entries: [RelationshipLedger.Entry], _ random: inout SplitMix64) -> String {
        let unit = random.pick(["  ", "    "])
        // `relationships:` followed by items at its own indentation is YAML too.
        let items = random.pick(["", unit])
        let body = items + "  "
        var lines: [String] = []
        if random.chance(0.5) { lines.append("# reviewed in PR #12: looks right") }
        let marker = random.pick(["schema_scribe_relationships: \"1\"", "schema_scribe_relationships: '1'", "\"schema_scribe_relationships\": \"1\""])
        let markerFirst = random.chance(0.7)
        if markerFirst { lines.append(marker) }
        lines.append("relationships:" + comment(&random))
        for entry in entries {
            var fields: [[String]] = [
                end("from", entry.from, unit, &random),
                end("to", entry.to, unit, &random),
                ["status: " + random.pick([entry.decision.rawValue, "'\(entry.decision.rawValue)'", "\"\(entry.decision.rawValue)\""]) + comment(&random)],
            ]
            if let confidence = entry.confidence {
                fields.append(["confidence: " + random.pick([String(confidence), String(format: "%.2f", confidence), "\"\(String(format: "%.2f", confidence))\""])])
            }
            if let by = entry.decidedBy { fields.append(["decided_by: " + YAMLText.quoted(by, always: random.chance(0.5))]) }
            if let on = entry.decidedOn { fields.append(["decided_on: " + random.pick([on, "\"\(on)\"", "'\(on)'"])]) }
            fields.shuffle(using: &random)
            var block = fields.flatMap { $0 }.enumerated().map { $0.offset == 0 ? $0.element : body + $0.element }
            block[0] = items + "- " + block[0]
            if random.chance(0.3) { lines.append(body + "# a decision") }
            lines += block
        }
        if !markerFirst { lines.append(marker) }
        let ending = random.chance(0.3) ? "\r\n" : "\n"
        return lines.joined(separator: ending) + ending
    }

    /// `key:` and one end, as a block mapping or a flow mapping, its keys in any order, its columns a flow
    /// list, a block list or (for one column) a bare value; indented from the entry's own keys.
    static func end(_ key: String, _ end: Relationship.End, _ unit: String, _ random: inout SplitMix64) -> [String] {
        func name(_ text: String) -> String { YAMLText.quoted(text, always: random.chance(0.5)) }
        let flowColumns = "[" + end.columns.map(name).joined(separator: ", ") + "]"
        let inner = unit
        if random.chance(0.3) {
            var parts = ["source: " + name(end.table.source), "schema: " + name(end.table.schema), "table: " + name(end.table.name),
                         "columns: " + flowColumns]
            parts.shuffle(using: &random)
            return ["\(key): {" + parts.joined(separator: ", ") + "}"]
        }
        var parts: [[String]] = [["source: " + name(end.table.source)], ["schema: " + name(end.table.schema)],
                                 ["table: " + name(end.table.name) + comment(&random)]]
        switch Int.random(in: 0..<3, using: &random) {
        case 0: parts.append(["columns: " + flowColumns])
        case 1 where end.columns.count == 1: parts.append(["columns: " + name(end.columns[0])])
        default: parts.append(["columns:"] + end.columns.map { unit + "- " + name($0) })
        }
        parts.shuffle(using: &random)
        return ["\(key):"] + parts.flatMap { $0 }.map { inner + $0 }
    }

    static func comment(_ random: inout SplitMix64) -> String {
        random.chance(0.2) ? "   # note: checked against the data" : ""
    }
}
