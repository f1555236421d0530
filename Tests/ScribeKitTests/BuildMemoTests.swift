import Foundation
import Testing
import TestSupport
@testable import ScribeKit

/// A build that reads exactly what the last one read (the databases' catalog, site.yml, context, dbt and theme files,
/// the program, the caches) skips every stage after introspection and leaves the site alone; anything else it reads
/// changing means a full build. One case at a time: each runs four builds, and a dozen at once starved the other
/// suites' builds of threads (a locked-table test that times its build went from 1 s to 88 s).
@Suite("Builds with nothing changed", .serialized)
struct BuildMemoTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        try ShopFixture.create(in: folder.url)
    }

    func write(_ name: String, _ text: String) throws {
        try FileManager.default.createDirectory(at: folder.path(name).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.path(name))
    }

    func build(refresh: [String] = []) async throws -> (report: Build.Report, lines: [String]) {
        let lines = Lines()
        let report = try await Build(log: .collecting(into: lines)).run(.init(configPath: folder.path("site.yml").path, refresh: refresh))
        return (report, lines.all)
    }

    static let skipped = "[build] nothing this build reads changed since the last one"
    static let everyStage: [BuildStage] = [.introspect, .context, .profile, .relationships, .describe, .render]

    /// What a file's identity and time say about whether it was written: a rewritten file gets a new inode.
    func stamps(of folder: URL) throws -> [String: [String]] {
        var stamps: [String: [String]] = [:]
        for path in TemporaryFolder.contents(of: folder).keys {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)
            stamps[path] = ["\(attributes[.systemFileNumber] ?? "")", "\(attributes[.modificationDate] ?? "")"]
        }
        return stamps
    }

    @Test func anUnchangedRebuildRunsOnlyIntrospectionAndTouchesNothing() async throws {
        let first = try await build()
        #expect(first.report.timings.map(\.stage) == Self.everyStage)
        let site = TemporaryFolder.contents(of: folder.path("_site"))
        let stamped = try stamps(of: folder.path("_site"))

        let second = try await build()
        #expect(second.report.timings.map(\.stage) == [.introspect])
        #expect(second.lines.contains { $0.hasPrefix(Self.skipped) })
        #expect(second.report.changes == .init())
        #expect(second.report.pages == first.report.pages && second.report.files == first.report.files)
        #expect(second.report.coverage == first.report.coverage)
        #expect(TemporaryFolder.contents(of: folder.path("_site")) == site)
        #expect(try stamps(of: folder.path("_site")) == stamped)
    }

    /// Each thing a build reads, changed after a build: the next one runs every stage, and its site is the one a
    /// clean build makes of the same files.
    @Test(arguments: [
        "a context file edited", "a context file added", "site.yml's title", "a table added to the database",
        "a table's row count by an order of magnitude", "a theme template", "a dbt file", "a cache removed",
        "an answer deep in the cache", "a page removed from the site", "a journal left by a killed build",
    ])
    func aChangeToAnythingABuildReadsMeansAFullBuild(change: String) async throws {
        try write("dbt/models/schema.yml", "version: 2\nmodels:\n  - name: customers\n    description: Everyone who bought.\n")
        try write("site.yml", "title: Shop\nsources:\n  - {name: shop, kind: sqlite, path: shop.sqlite}\ndbt: {files: [dbt/models/schema.yml]}\n")
        let theme = folder.path("themes/default")
        try FileManager.default.copyItem(at: Build.shippedTheme, to: theme)
        try write(".scribe/cache/descriptions/ab/answer.json", "{}")
        _ = try await build()
        #expect(try await build().report.timings.map(\.stage) == [.introspect], "nothing changed yet")

        switch change {
        case "a context file edited": try write("content/context/orders.yml", "tables:\n  orders:\n    description: Edited.\n")
        case "a context file added": try write("content/context/customers.yml", "tables:\n  customers:\n    description: People.\n")
        case "site.yml's title":
            try write("site.yml", "title: Shop two\nsources:\n  - {name: shop, kind: sqlite, path: shop.sqlite}\ndbt: {files: [dbt/models/schema.yml]}\n")
        case "a table added to the database":
            try SQLiteFixture.execute("CREATE TABLE refunds (id INTEGER PRIMARY KEY, order_id INTEGER)", in: folder.path("shop.sqlite"))
        case "a table's row count by an order of magnitude":
            try SQLiteFixture.execute("INSERT INTO orders (customer_id, placed_at) SELECT 1, '2024-02-01' FROM customers a, customers b, customers c, customers d, customers e",
                                      in: folder.path("shop.sqlite"))
        case "a theme template":
            let page = theme.appendingPathComponent("templates/table.mustache")
            try (String(contentsOf: page, encoding: .utf8) + "<!-- edited -->\n").write(to: page, atomically: true, encoding: .utf8)
        case "a dbt file": try write("dbt/models/schema.yml", "version: 2\nmodels:\n  - name: customers\n    description: Buyers.\n")
        case "an answer deep in the cache": try write(".scribe/cache/descriptions/ab/answer.json", "{\"text\": \"edited\"}")
        case "a cache removed": try FileManager.default.removeItem(at: folder.path(".scribe/cache/profiles.json"))
        case "a page removed from the site": try FileManager.default.removeItem(at: folder.path("_site/shop/main/tables/orders.html"))
        case "a journal left by a killed build": try write("._site.scribe-journal-1-abc", "staging nowhere\n")
        default: Issue.record("no such change: \(change)")
        }
        let rebuilt = try await build()
        #expect(rebuilt.report.timings.map(\.stage) == Self.everyStage)
        #expect(!rebuilt.lines.contains { $0.hasPrefix(Self.skipped) })
        _ = try await Build().run(.init(configPath: folder.path("site.yml").path, output: folder.path("clean").path))
        #expect(TemporaryFolder.contents(of: folder.path("_site")) == TemporaryFolder.contents(of: folder.path("clean")))
    }

    /// Findings in context files are the same findings while the files are the same: a skipped build reports them
    /// and prints them again, so a warning never goes quiet because nothing changed.
    @Test func findingsAreReportedAgainWhenTheStagesAreSkipped() async throws {
        try write("content/context/ghost.yml", "tables:\n  ghost:\n    description: A table nobody made.\n")
        let first = try await build()
        let second = try await build()
        #expect(second.report.timings.map(\.stage) == [.introspect])
        #expect(!first.report.findings.isEmpty)
        #expect(second.report.findings == first.report.findings)
        for finding in first.report.findings {
            #expect(second.lines.contains(finding.description))
        }
    }

    @Test func askingForDescriptionsAgainRunsEveryStage() async throws {
        _ = try await build()
        #expect(try await build(refresh: ["*"]).report.timings.map(\.stage) == Self.everyStage)
    }

    /// What is remembered is fingerprints and the report: no connection value (a PostgreSQL URL may hold a
    /// password) is in the file, nor in what makes its fingerprint.
    @Test func theMemoHoldsNoConnectionValue() async throws {
        try FileManager.default.moveItem(at: folder.path("shop.sqlite"), to: folder.path("hunter2-secret.sqlite"))
        try write("site.yml", "title: Shop\nsources:\n  - {name: shop, kind: sqlite, path: hunter2-secret.sqlite}\n")
        _ = try await build()
        let memo = try String(contentsOf: folder.path(".scribe/cache/build-memo.json"), encoding: .utf8)
        #expect(!memo.contains("hunter2"))
        // The same database under another name is the same input.
        try FileManager.default.moveItem(at: folder.path("hunter2-secret.sqlite"), to: folder.path("other.sqlite"))
        try write("site.yml", "title: Shop\nsources:\n  - {name: shop, kind: sqlite, path: other.sqlite}\n")
        #expect(try await build().report.timings.map(\.stage) == Self.everyStage, "site.yml's bytes changed")
        #expect(try await build().report.timings.map(\.stage) == [.introspect])
    }
}
