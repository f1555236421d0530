import Foundation
import Testing
import TestSupport
@testable import ScribeKit

@Suite("scribe-build init")
struct ScaffoldTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        let hostile = Fixtures.repositoryRoot().appendingPathComponent("Tests/IntrospectTests/Fixtures/hostile.sql")
        try SQLiteFixture.create(String(contentsOf: hostile, encoding: .utf8), in: folder.url, name: "db.sqlite")
    }

    var config: String { folder.path("site.yml").path }

    @Test func scaffoldsAConfigAndOneContextFilePerTableThatReadBackExactly() async throws {
        let report = try Scaffold().run(configPath: config, database: .sqlite(path: "db.sqlite"))
        #expect(report.written.first == config)
        #expect(report.written.count == 1 + 14)  // site.yml, 13 tables and 1 view
        #expect(report.written.dropFirst().allSatisfy { $0.hasPrefix("content/context/main/main/") && $0.hasSuffix(".yml") })
        // Every name, however hostile, is written so that it reads back as the same table and column.
        let build = try await Build().run(.init(configPath: config, strict: true))
        #expect(build.findings.isEmpty)
    }

    @Test func neverOverwritesAFile() async throws {
        _ = try Scaffold().run(configPath: config, database: .sqlite(path: "db.sqlite"))
        let files = TemporaryFolder.contents(of: folder.url)
        let someTable = try #require(files.keys.first { $0.hasPrefix("content/context/") })
        try Data("tables:\n  index:\n    description: Mine.\n".utf8).write(to: folder.path(someTable))
        let again = try Scaffold().run(configPath: config, database: nil)
        #expect(again.written.isEmpty)
        #expect(again.kept.count == 15)
        #expect(try String(contentsOf: folder.path(someTable), encoding: .utf8) == "tables:\n  index:\n    description: Mine.\n")
    }

    @Test func withoutAConfigItAsksWhichDatabase() {
        let error = #expect(throws: BuildError.self) { try Scaffold().run(configPath: config, database: nil) }
        #expect(error?.description == "[config] \(config) does not exist; say which database to document: "
            + "--sqlite PATH, or --postgres-env VARIABLE (the variable holding its connection URL)")
    }

    @Test func aPostgresConfigReadsItsURLFromTheEnvironment() async throws {
        let text = Scaffold.siteYML(.postgres(urlVariable: "WAREHOUSE_URL"), sourceName: "warehouse")
        let parsed = try ConfigLoader(environment: ["WAREHOUSE_URL": "postgresql://u@h/db"])
            .parse(text, file: "site.yml", folder: folder.url)
        #expect(parsed.sources.map(\.url) == ["postgresql://u@h/db"])
        #expect(parsed.sources.map(\.name) == ["warehouse"])
    }
}
