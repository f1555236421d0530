import Foundation
import Testing
import TestSupport
@testable import ScribeKit

/// `Build.Session`, what `serve` rebuilds with: the databases are read once, and each rebuild runs the
/// pipeline from the context stage on.
@Suite("Build.Session")
struct BuildSessionTests {
    let folder: TemporaryFolder
    let session: Build.Session

    init() throws {
        folder = try TemporaryFolder()
        try ShopFixture.create(in: folder.url)
        session = Build.Session(build: Build(), request: .init(configPath: folder.path("site.yml").path))
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.path(name))
    }

    func describeOrders(_ text: String) throws {
        try write("content/context/orders.yml", "tables:\n  orders:\n    description: \(text)\n")
    }

    var ordersPage: String {
        get throws { try String(contentsOf: folder.path("_site/shop/main/tables/orders.html"), encoding: .utf8) }
    }

    @Test func theFirstRebuildReadsTheDatabaseAndLaterOnesStartFromTheContextStage() async throws {
        #expect(await session.willIntrospect)
        #expect(try await session.rebuild().timings.map(\.stage) == [.introspect, .context, .profile, .relationships, .describe, .render])
        #expect(await !session.willIntrospect)
        try describeOrders("Edited, so that the stages have something to do.")
        #expect(try await session.rebuild().timings.map(\.stage) == [.context, .profile, .relationships, .describe, .render])
        // With nothing edited since, there is nothing to do (`BuildMemo`).
        #expect(try await session.rebuild().timings.map(\.stage) == [])
    }

    /// The proof that no database is read: the file is gone, and the rebuild still shows the new text.
    @Test func aRebuildOpensNoDatabase() async throws {
        try await session.rebuild()
        try FileManager.default.removeItem(at: folder.path("shop.sqlite"))
        try describeOrders("Every order a customer placed, edited.")
        let report = try await session.rebuild()
        #expect(report.tables == 2)
        #expect(try ordersPage.contains("Every order a customer placed, edited."))
    }

    @Test func aRebuildEqualsAColdBuildOfTheSameFiles() async throws {
        try await session.rebuild()
        try describeOrders("Edited once.")
        try await session.rebuild()
        let rebuilt = TemporaryFolder.contents(of: folder.path("_site"))
        _ = try await Build().run(.init(configPath: folder.path("site.yml").path, output: folder.path("cold").path))
        #expect(TemporaryFolder.contents(of: folder.path("cold")) == rebuilt)
    }

    @Test func changedSourcesInSiteYmlAreReadAgain() async throws {
        try await session.rebuild()
        try write("site.yml", "title: Shop\nsources:\n  - {name: shop, kind: sqlite, path: shop.sqlite, include: ['main.orders']}\n")
        let report = try await session.rebuild()
        #expect(report.timings.first?.stage == .introspect)
        #expect(report.tables == 1)
        // Only `sources` decides: a new title is the context stage's business.
        try write("site.yml", "title: Orders only\nsources:\n  - {name: shop, kind: sqlite, path: shop.sqlite, include: ['main.orders']}\n")
        #expect(try await session.rebuild().timings.first?.stage == .context)
        #expect(try ordersPage.contains("Orders only"))
    }

    @Test func askingToReintrospectReadsTheDatabaseAgain() async throws {
        try await session.rebuild()
        try SQLiteFixture.execute("CREATE TABLE refunds (id INTEGER PRIMARY KEY, order_id INTEGER);", in: folder.path("shop.sqlite"))
        #expect(try await session.rebuild().tables == 2, "the kept catalog cannot know of a new table")
        let report = try await session.rebuild(reintrospect: true)
        #expect(report.timings.first?.stage == .introspect && report.tables == 3)
    }

    /// A broken context file fails the rebuild and leaves the site as it was; fixing it needs no database.
    @Test func aFailedRebuildKeepsTheSiteAndTheCatalog() async throws {
        try await session.rebuild()
        let before = TemporaryFolder.contents(of: folder.path("_site"))
        try write("content/context/orders.yml", "tables:\n  orders:\n    descripton: typo\n")
        await #expect(throws: BuildError.self) { try await session.rebuild() }
        #expect(TemporaryFolder.contents(of: folder.path("_site")) == before)
        try FileManager.default.removeItem(at: folder.path("shop.sqlite"))
        try describeOrders("Fixed.")
        #expect(try await session.rebuild().timings.first?.stage == .context)
        #expect(try ordersPage.contains("Fixed."))
    }

    @Test func itWatchesSiteYmlTheContextFolderAndTheTheme() async throws {
        try await session.rebuild()
        let watched = await session.watchedPaths.map(\.standardizedFileURL.path)
        #expect(watched == [folder.path("site.yml").path, folder.path("content/context").path, Build.shippedTheme.path])
    }

    /// dbt property files are context too: the files `dbt.files` names, the project folder, or where a glob starts.
    @Test func itWatchesTheDBTFilesSiteYmlNames() async throws {
        try FileManager.default.createDirectory(at: folder.path("dbt/models"), withIntermediateDirectories: true)
        try write("dbt/models/schema.yml", "version: 2\nmodels:\n  - name: orders\n    description: From dbt.\n")
        try write("site.yml", "title: Shop\nsources:\n  - {name: shop, kind: sqlite, path: shop.sqlite}\n"
            + "dbt: {files: [dbt/models/schema.yml, 'elsewhere/**/*.yml', dbt]}\n")
        try FileManager.default.createDirectory(at: folder.path("elsewhere"), withIntermediateDirectories: true)
        try write("elsewhere/a.yml", "version: 2\n")
        try await session.rebuild()
        let watched = await session.watchedPaths.map(\.standardizedFileURL.path)
        #expect(Array(watched.dropFirst(3)) == [folder.path("dbt/models/schema.yml").path, folder.path("elsewhere").path, folder.path("dbt").path])
    }
}
