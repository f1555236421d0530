import Catalog
import Foundation
import Testing
import TestSupport
@testable import Context

/// The approvals ledger: a file the tool owns, so every text must survive the trip through it exactly.
@Suite("Approvals ledger")
struct ApprovalLedgerTests {
    static func entry(_ table: String, _ column: String?, _ text: String, source: String = "shop") -> ApprovalLedger.Entry {
        .init(table: TableID(source: source, schema: "main", name: table), column: column, text: text,
              inputsHash: "0123456789abcdef", approvedBy: "Ada", approvedOn: "2026-12-01")
    }

    /// Compares what matters exactly: scalar by scalar, since Swift's `==` equates NFC and NFD.
    static func exact(_ entries: [ApprovalLedger.Entry]) -> [[[UInt32]]] {
        entries.map { entry in
            [entry.table.source, entry.table.schema, entry.table.name, entry.column ?? "\u{0}", entry.text,
             entry.inputsHash ?? "", entry.approvedBy ?? "", entry.approvedOn ?? ""].map { $0.unicodeScalars.map(\.value) }
        }
    }

    @Test func aLedgerReadsAsItIsWritten() throws {
        var ledger = ApprovalLedger()
        ledger.record(Self.entry("orders", "status", "Where the order is: `pending` → `paid`."))
        ledger.record(Self.entry("orders", nil, "One row per order."))
        ledger.record(Self.entry("customers", "email", "The customer's address"))
        #expect(ledger.rendered() == """
            # Approved descriptions, recorded by `scribe-build approve`. The tool rewrites this file whole, in a
            # fixed order, so review it in pull requests but change it with approve (delete an entry to withdraw
            # an approval). Text in the other context files always wins over what is recorded here.
            schema_scribe_approvals: "1"
            approvals:
              - source: shop
                schema: main
                table: customers
                column: email
                text: "The customer's address"
                inputs_hash: "0123456789abcdef"
                approved_by: "Ada"
                approved_on: "2026-12-01"
              - source: shop
                schema: main
                table: orders
                text: "One row per order."
                inputs_hash: "0123456789abcdef"
                approved_by: "Ada"
                approved_on: "2026-12-01"
              - source: shop
                schema: main
                table: orders
                column: status
                text: "Where the order is: `pending` → `paid`."
                inputs_hash: "0123456789abcdef"
                approved_by: "Ada"
                approved_on: "2026-12-01"

            """)
        let read = try ApprovalLedger.parse(ledger.rendered(), file: "_approvals.yml")
        #expect(Self.exact(read.entries) == Self.exact(ledger.entries))
        #expect(read.entries.compactMap { read.location(of: $0)?.description } == ["_approvals.yml:6:5", "_approvals.yml:14:5", "_approvals.yml:21:5"])
    }

    @Test func approvingAgainReplacesTheEntry() {
        var ledger = ApprovalLedger()
        ledger.record(Self.entry("orders", nil, "Old."))
        ledger.record(Self.entry("orders", nil, "New."))
        #expect(ledger.entries.map(\.text) == ["New."])
    }

    /// Property: any entities and texts, recorded in any order, render to one file that reads back exactly.
    @Test func anyTextSurvivesTheTripInAnyOrder() throws {
        var cases = 0
        for seed in SplitMix64.seeds(400) {
            var random = SplitMix64(seed: seed)
            var entries: [ApprovalLedger.Entry] = []
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                entries.append(.init(
                    table: TableID(source: random.text(maxLength: 6), schema: random.text(maxLength: 6), name: random.text()),
                    column: random.chance(0.6) ? random.text() : nil,
                    text: random.text(maxLength: 80), inputsHash: random.chance(0.9) ? "00ff00ff00ff00ff" : nil,
                    approvedBy: random.chance(0.5) ? random.text() : nil, approvedOn: random.chance(0.5) ? "2026-12-01" : nil))
            }
            let ledger = ApprovalLedger(entries: entries)
            let shuffled = ApprovalLedger(entries: entries.shuffled(using: &random))
            #expect(shuffled.rendered() == ledger.rendered(), "seed \(seed): the order of recording changed the file")
            let read = try ApprovalLedger.parse(ledger.rendered(), file: "_approvals.yml")
            #expect(Self.exact(read.entries) == Self.exact(ledger.entries), "seed \(seed): \(ledger.rendered())")
            cases += 1
        }
        #expect(cases >= 1)
    }

    @Test func aPersonsFileByThatNameIsNeverReplaced() throws {
        let folder = try TemporaryFolder()
        let mine = "tables:\n  orders:\n    description: Mine.\n"
        try Data(mine.utf8).write(to: folder.path(ApprovalLedger.fileName))
        let error = #expect(throws: ConfigError.self) {
            try ApprovalLedger(entries: [Self.entry("orders", nil, "Theirs.")]).write(folder: folder.url, displayRoot: folder.url)
        }
        #expect(error?.description == "_approvals.yml: this name is kept for the approvals ledger that `scribe-build approve` writes, "
            + "and this file is not one (it has no `schema_scribe_approvals` key); rename it so approve can never replace it")
        #expect(try String(contentsOf: folder.path(ApprovalLedger.fileName), encoding: .utf8) == mine)
    }

    @Test func aDuplicatedEntryIsAnErrorAtItsLine() {
        let text = ApprovalLedger(entries: [Self.entry("orders", nil, "One.")]).rendered()
        let doubled = text + text.components(separatedBy: "\n").drop { !$0.hasPrefix("  - ") }.joined(separator: "\n")
        let error = #expect(throws: ConfigError.self) { try ApprovalLedger.parse(doubled, file: "_approvals.yml") }
        #expect(error?.description == "_approvals.yml:13:5: main.orders is approved twice; keep one entry (this file is written by `scribe-build approve`)")
    }

    @Test func theLedgerIsNotReadAsAContextFile() throws {
        let folder = try TemporaryFolder()
        try ApprovalLedger(entries: [Self.entry("orders", nil, "One row per order.")]).write(folder: folder.url)
        let set = try ContextLoader().load(folder: folder.url)
        #expect(set.entries.isEmpty)
        #expect(set.approvals.entries.map(\.text) == ["One row per order."])
    }
}
