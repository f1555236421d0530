import Foundation
import Testing
import TestSupport
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

    func text(_ path: String) throws -> String {
        try String(contentsOf: folder.path(path), encoding: .utf8)
    }

    func build() async throws -> Build.Report {
        try await Build().run(.init(configPath: config, strict: true))
    }

    /// Fingerprints depend on the entity; the tests only care that one is there.
    static func hashesHidden(_ text: String) -> String {
        text.replacingOccurrences(of: "(inputs_hash: |,)[0-9a-f]{16}(\\n|,|$)", with: "$1<hash>$2", options: .regularExpression)
    }

    @Test func approvedDescriptionsBecomeHumanTextAndARebuildChangesNothingElse() async throws {
        let before = try await build()
        let site = TemporaryFolder.contents(of: folder.path("_site"))
        let report = try await Approve().run(configPath: config, patterns: ["main.orders.*", "main.stores.*"], dryRun: false)
        #expect(report.edits.map(\.display) == ["content/context/sales/orders.yml", "content/context/stores.csv",
                                                "content/context/warehouse/main/stores.yml"])
        let after = try await build()
        #expect(after.findings.isEmpty && before.findings.isEmpty)
        // The same texts; only where they come from changed.
        let changed = TemporaryFolder.contents(of: folder.path("_site")).filter { site[$0.key] != $0.value }.keys.sorted()
        #expect(changed == ["catalog.json", "warehouse/main/tables/orders.html", "warehouse/main/tables/stores.html"])
        // Approving again finds nothing left to do.
        let again = try await Approve().run(configPath: config, patterns: ["main.orders.*", "main.stores.*"], dryRun: false)
        #expect(again.edits.isEmpty)
    }

    @Test func theRestOfEachFileIsLeftAsItWas() async throws {
        let original = try text("content/context/sales/orders.yml")
        let report = try await Approve().run(configPath: config, patterns: ["main.orders.channel", "main.orders.ordered_at"], dryRun: false)
        // `channel` is human text already, approved unless a file says `status: draft`.
        #expect(report.skipped == ["main.orders.channel: already approved"])
        let edited = try text("content/context/sales/orders.yml")
        #expect(Self.hashesHidden(edited).contains("""
                  store_id:
                    description: The store that took the order; empty for web orders, which ship from the warehouse.
                  ordered_at:
                    description: "When the orders row was ordered."
                    status: approved
                    inputs_hash: <hash>
              order_lines:
            """))
        // Only additions: every line of the original is still there, in order.
        let originalLines = original.components(separatedBy: "\n")
        #expect(edited.components(separatedBy: "\n").filter { originalLines.contains($0) } == originalLines)
    }

    @Test func aCSVRowGetsItsStatus() async throws {
        _ = try await Approve().run(configPath: config, patterns: ["main.stores.square_meters"], dryRun: false)
        #expect(try Self.hashesHidden(text("content/context/stores.csv"))
            .contains("stores,square_meters,Sales floor area in square meters; empty when not yet surveyed.,,,,approved,<hash>\n"))
    }

    @Test func aDryRunWritesNothing() async throws {
        let before = TemporaryFolder.contents(of: folder.path("content"))
        let report = try await Approve().run(configPath: config, patterns: ["main.*"], dryRun: true)
        #expect(!report.edits.isEmpty)
        #expect(TemporaryFolder.contents(of: folder.path("content")) == before)
    }

    @Test func approvedTextIsStaleOnceItsTableChangesUntilApprovedAgain() async throws {
        _ = try await build()
        _ = try await Approve().run(configPath: config, patterns: ["main.employees", "main.employees.store_id"], dryRun: false)
        #expect(try await build().stale.isEmpty)

        // The table gains a column: its own description may be out of date; its columns' are not.
        try SQLiteFixture.execute("ALTER TABLE employees ADD COLUMN left_on DATE", in: folder.path("warehouse.sqlite"))
        let changed = try await build()
        #expect(changed.stale == ["main.employees"])
        let catalog = try text("_site/catalog.json")
        #expect(catalog.components(separatedBy: #""stale" : true"#).count == 2)
        #expect(try text("_site/warehouse/main/tables/employees.html").contains(#"<span class="badge stale""#))

        let again = try await Approve().run(configPath: config, patterns: ["main.employees", "main.employees.store_id"], dryRun: false)
        #expect(again.skipped == ["main.employees.store_id: already approved"])
        #expect(again.edits.flatMap(\.changes) == ["main.employees: status → approved"])
        #expect(try await build().stale.isEmpty)
    }
}
