import Foundation
import Testing
import TestSupport
@testable import ScribeKit

/// The profile stage inside a build: cached between builds, read again when a table changes or when asked.
@Suite("Profiles in a build")
struct ProfileBuildTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        try SQLiteFixture.create(String(contentsOf: Fixtures.repositoryRoot().appendingPathComponent("sample/warehouse.sql"), encoding: .utf8),
                                 in: folder.url, name: "warehouse.sqlite")
        try Data("sources:\n  - {name: warehouse, kind: sqlite, path: warehouse.sqlite}\n".utf8).write(to: folder.path("site.yml"))
    }

    /// The build's `[profile]` line. Each build writes a site of its own: a build of a site whose inputs did not
    /// change skips its stages (`BuildMemo`), and these tests are about what the profile stage does when it runs.
    func build(reprofile: Bool = false, output: String = "_site") async throws -> String {
        let lines = Lines()
        _ = try await Build(log: .collecting(into: lines))
            .run(.init(configPath: folder.path("site.yml").path, output: folder.path(output).path, reprofile: reprofile))
        return try #require(lines.all.last { $0.hasPrefix("[profile]") })
    }

    @Test func aRebuildReadsNoDataOfUnchangedTables() async throws {
        #expect(try await build().hasPrefix("[profile] 17 tables profiled (0 sampled), 0 unchanged (from the cache), 10 columns with personal data"))
        let catalog = try String(contentsOf: folder.path("_site/catalog.json"), encoding: .utf8)
        #expect(try await build(output: "again").hasPrefix("[profile] 0 tables profiled (0 sampled), 17 unchanged (from the cache), 10 columns with personal data"))
        // The same site from the cache as from the data.
        #expect(try String(contentsOf: folder.path("again/catalog.json"), encoding: .utf8) == catalog)

        try SQLiteFixture.execute("ALTER TABLE stores ADD COLUMN phone TEXT", in: folder.path("warehouse.sqlite"))
        #expect(try await build().hasPrefix("[profile] 1 tables profiled (0 sampled), 16 unchanged (from the cache), 11 columns"))
        #expect(try await build(reprofile: true).hasPrefix("[profile] 17 tables profiled"))
    }

    /// A cache that cannot be written costs work next time, never the build (the diagram cache used to fail the
    /// render with a raw Cocoa error), and the warning says where and what to do.
    @Test func anUnwritableCacheIsAWarning() async throws {
        try Data("not a folder\n".utf8).write(to: folder.path("cache-file"))
        try Data("sources:\n  - {name: warehouse, kind: sqlite, path: warehouse.sqlite}\npaths: {cache: cache-file}\n".utf8)
            .write(to: folder.path("site.yml"))
        let lines = Lines()
        let report = try await Build(log: .collecting(into: lines)).run(.init(configPath: folder.path("site.yml").path))
        let cache = folder.path("cache-file").path
        #expect(report.warnings.map(\.description) == ["could not use the cache folder \(cache): it is a file, not a folder; set `paths.cache` in site.yml "
            + "to a folder you can write (until then every build renders diagrams, profiles tables and asks for descriptions again)"])
        #expect(lines.all.contains("[config] " + report.warnings[0].description))
    }

    @Test func profilingCanBeTurnedOff() async throws {
        try Data("sources:\n  - {name: warehouse, kind: sqlite, path: warehouse.sqlite, profile: false}\n".utf8).write(to: folder.path("site.yml"))
        #expect(try await build().hasPrefix("[profile] 0 tables profiled (0 sampled), 0 unchanged (from the cache), "))
        #expect(try !String(contentsOf: folder.path("_site/warehouse/main/tables/orders.html"), encoding: .utf8).contains("Data profile"))
    }
}
