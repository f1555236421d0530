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
        #expect(edited.contains("""
                  store_id:
                    description: The store that took the order; empty for web orders, which ship from the warehouse.
                  ordered_at:
                    description: "When the orders row was ordered."
                    status: approved
              order_lines:
            """))
        // Only additions: every line of the original is still there, in order.
        let originalLines = original.components(separatedBy: "\n")
        #expect(edited.components(separatedBy: "\n").filter { originalLines.contains($0) } == originalLines)
    }

    @Test func aCSVRowGetsItsStatus() async throws {
        _ = try await Approve().run(configPath: config, patterns: ["main.stores.square_meters"], dryRun: false)
        #expect(try text("content/context/stores.csv").contains("stores,square_meters,Sales floor area in square meters; empty when not yet surveyed.,,,,approved\n"))
    }

    @Test func aDryRunWritesNothing() async throws {
        let before = TemporaryFolder.contents(of: folder.path("content"))
        let report = try await Approve().run(configPath: config, patterns: ["main.*"], dryRun: true)
        #expect(!report.edits.isEmpty)
        #expect(TemporaryFolder.contents(of: folder.path("content")) == before)
    }
}
