import Foundation
import Testing
import TestSupport
@testable import Context
@testable import ScribeKit

/// `scribe-build approve` on the sample warehouse and a copy of its context folder.
@Suite("scribe-build approve")
struct ApproveTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        let root = Fixtures.repositoryRoot()
        try SQLiteFixture.create(String(contentsOf: root.appendingPathComponent("sample/warehouse.sql"), encoding: .utf8),
                                 in: folder.url, name: "warehouse.sqlite")
        try FileManager.default.copyItem(at: root.appendingPathComponent("content"), to: folder.path("content"))
        try Data("sources:\n  - {name: warehouse, kind: sqlite, path: warehouse.sqlite}\n".utf8).write(to: folder.path("site.yml"))
    }

    var config: String { folder.path("site.yml").path }
    static let ledger = "content/context/_approvals.yml"

    func text(_ path: String) throws -> String {
        try String(contentsOf: folder.path(path), encoding: .utf8)
    }

    func approve(_ patterns: String..., dryRun: Bool = false) async throws -> Approve.Report {
        try await Approve(approver: "Ada Lovelace", today: "2026-12-01").run(configPath: config, patterns: patterns, dryRun: dryRun)
    }

    func build() async throws -> Build.Report {
        try await Build().run(.init(configPath: config, strict: true))
    }

    /// Every file below content/ but the ledger, byte for byte.
    func peoplesFiles() -> [String: Data] {
        TemporaryFolder.contents(of: folder.path("content")).filter { $0.key != "context/_approvals.yml" }
    }

    @Test func approvalsGoToTheLedgerAndNoFileAPersonWroteChanges() async throws {
        let before = try await build()
        let site = TemporaryFolder.contents(of: folder.path("_site"))
        let files = peoplesFiles()
        let report = try await approve("main.orders.*", "main.stores.*")
        #expect(report.ledger == Self.ledger)
        #expect(report.changes.contains(#"main.orders.ordered_at: "When the orders row was ordered." approved"#))
        #expect(report.changes.contains(#"main.stores.square_meters: "Sales floor area in square meters; empty when not yet surve…" approved"#))
        #expect(peoplesFiles() == files)

        let after = try await build()
        #expect(after.findings.isEmpty && before.findings.isEmpty)
        // The same texts; only their status changed, and with it the approved counts of the coverage report (and the
        // manifest, which records what each file was made from).
        let changed = TemporaryFolder.contents(of: folder.path("_site")).filter { site[$0.key] != $0.value }.keys.sorted()
        #expect(changed == [".schema-scribe-site", "catalog.json", "coverage.html", "warehouse/main/tables/orders.html",
                            "warehouse/main/tables/stores.html"])
        let orders = try text("_site/warehouse/main/tables/orders.html")
        #expect(!orders.contains("· draft") && !orders.contains(">template</span>"))
        // Approving again finds nothing left to do, and writes nothing.
        let ledger = try text(Self.ledger)
        #expect(try await approve("main.orders.*", "main.stores.*").changes.isEmpty)
        #expect(try text(Self.ledger) == ledger)
    }

    /// The README's workflow on a database nobody documented yet: init, build, approve, build.
    @Test func initBuildApproveBuild() async throws {
        try FileManager.default.removeItem(at: folder.path("content"))
        try FileManager.default.removeItem(at: folder.path("site.yml"))
        _ = try Init().run(configPath: config, database: .sqlite(path: "warehouse.sqlite"), sourceName: "main")
        let files = peoplesFiles()
        _ = try await build()
        let report = try await approve("main.orders", "main.orders.*")
        #expect(report.changes.count == 1 + 8)
        #expect(peoplesFiles() == files)
        let rebuilt = try await build()
        #expect(rebuilt.findings.isEmpty)
        let orders = try text("_site/main/main/tables/orders.html")
        #expect(orders.components(separatedBy: ">human · approved</span>").count - 1 == 1 + 8)
    }

    @Test func theLedgerSaysWhatWasApprovedByWhomAndWhen() async throws {
        _ = try await approve("main.orders.ordered_at")
        let ledger = try text(Self.ledger).replacingOccurrences(of: "inputs_hash: [0-9a-f\"]{16,18}", with: "inputs_hash: <hash>",
                                                                 options: .regularExpression)
        #expect(ledger.hasSuffix("""
            approvals:
              - source: warehouse
                schema: main
                table: orders
                column: ordered_at
                text: "When the orders row was ordered."
                inputs_hash: <hash>
                approved_by: "Ada Lovelace"
                approved_on: "2026-12-01"

            """))
    }

    @Test func aHumanDraftIsApprovedWithoutTouchingItsFile() async throws {
        // square_meters is `draft` in stores.csv.
        let before = try await build()
        #expect(try text("_site/warehouse/main/tables/stores.html").contains("human · draft"))
        let csv = try text("content/context/stores.csv")
        _ = try await approve("main.stores.square_meters")
        #expect(try text("content/context/stores.csv") == csv)
        _ = try await build()
        #expect(!(try text("_site/warehouse/main/tables/stores.html").contains("human · draft")))
        #expect(before.findings.isEmpty)
    }

    @Test func textAPersonChangesAfterApprovalWinsOverTheLedger() async throws {
        _ = try await approve("main.orders.ordered_at")
        let path = folder.path("content/context/sales/orders.yml")
        let edited = try text("content/context/sales/orders.yml").replacingOccurrences(of: "      store_id:\n", with: """
                  ordered_at:
                    description: The moment the till or the web shop accepted the order, in UTC.
                    status: draft
                  store_id:

            """)
        try Data(edited.utf8).write(to: path)
        _ = try await build()
        let orders = try text("_site/warehouse/main/tables/orders.html")
        #expect(orders.contains("The moment the till or the web shop accepted the order, in UTC."))
        #expect(!orders.contains("When the orders row was ordered."))
        #expect(orders.contains("human · draft"))
    }

    @Test func aDryRunWritesNothing() async throws {
        let before = TemporaryFolder.contents(of: folder.path("content"))
        let report = try await approve("main.*", dryRun: true)
        #expect(!report.changes.isEmpty)
        #expect(TemporaryFolder.contents(of: folder.path("content")) == before)
    }

    @Test func anApprovalOfSomethingThatIsGoneIsAFinding() async throws {
        _ = try await approve("main.employees.store_id")
        try SQLiteFixture.execute("ALTER TABLE employees DROP COLUMN store_id", in: folder.path("warehouse.sqlite"))
        let report = try await Build().run(.init(configPath: config))
        #expect(report.findings.map(\.description) == ["content/context/_approvals.yml:6:5: `main.employees.store_id` is approved here but the column no longer exists; delete its entry"])
    }

    @Test func approvedTextIsStaleOnceItsTableChangesUntilApprovedAgain() async throws {
        _ = try await build()
        _ = try await approve("main.employees", "main.employees.store_id")
        #expect(try await build().stale.isEmpty)

        // The table gains a column: its own description may be out of date; its columns' are not.
        try SQLiteFixture.execute("ALTER TABLE employees ADD COLUMN left_on DATE", in: folder.path("warehouse.sqlite"))
        let changed = try await build()
        #expect(changed.stale == ["main.employees"])
        let catalog = try text("_site/catalog.json")
        #expect(catalog.components(separatedBy: #""stale":true"#).count == 2)
        #expect(try text("_site/warehouse/main/tables/employees.html").contains(#"<span class="badge stale""#))

        let again = try await approve("main.employees", "main.employees.store_id")
        #expect(again.skipped == ["main.employees.store_id: already approved"])
        #expect(again.changes.count == 1 && again.changes[0].hasPrefix("main.employees: "))
        #expect(try await build().stale.isEmpty)
    }
}
