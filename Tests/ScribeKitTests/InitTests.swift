import Foundation
import Testing
import TestSupport
@testable import ScribeKit

@Suite("scribe-build init")
struct InitTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        let hostile = Fixtures.repositoryRoot().appendingPathComponent("Tests/IntrospectTests/Fixtures/hostile.sql")
        try SQLiteFixture.create(String(contentsOf: hostile, encoding: .utf8), in: folder.url, name: "db.sqlite")
    }

    var config: String { folder.path("site.yml").path }

    @Test func scaffoldsAConfigAndOneContextFilePerTableThatReadBackExactly() async throws {
        let report = try Init().run(configPath: config, database: .sqlite(path: "db.sqlite"))
        #expect(report.written.first == config)
        #expect(report.written.count == 1 + 14)  // site.yml, 13 tables and 1 view
        #expect(report.written.dropFirst().allSatisfy { $0.hasPrefix("content/context/main/main/") && $0.hasSuffix(".yml") })
        // Every name, however hostile, is written so that it reads back as the same table and column.
        let build = try await Build().run(.init(configPath: config, strict: true))
        #expect(build.findings.isEmpty)
    }

    /// Property: whatever characters the names hold (controls, DEL, C1, NEL, U+2028/9, U+FFFE, a BOM, quotes,
    /// YAML syntax), the files `init` writes read back as exactly those tables and columns.
    @Test func initWritesFilesTheBuildReadsWhateverTheNames() async throws {
        var tables = 0
        for seed in SplitMix64.seeds(40) {
            var random = SplitMix64(seed: seed)
            let folder = try TemporaryFolder()
            func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            var sql = ""
            var names: Set<[UInt32]> = []
            for _ in 0..<3 {
                let table = random.text(maxLength: 10)
                // SQLite compares names ignoring ASCII case; keep the generated ones apart.
                guard names.insert(Array(table.lowercased().unicodeScalars.map(\.value))).inserted else { continue }
                var columns: [String] = []
                var seen: Set<[UInt32]> = []
                for _ in 0..<4 {
                    let column = random.text(maxLength: 10)
                    if seen.insert(Array(column.lowercased().unicodeScalars.map(\.value))).inserted { columns.append(quoted(column) + " TEXT") }
                }
                sql += "CREATE TABLE \(quoted(table)) (\(columns.joined(separator: ", ")));\n"
                tables += 1
            }
            try SQLiteFixture.create(sql, in: folder.url, name: "db.sqlite")
            let config = folder.path("site.yml").path
            _ = try Init().run(configPath: config, database: .sqlite(path: "db.sqlite"))
            // Give every entry a description, so that each name has to resolve to its table and column.
            for (path, data) in TemporaryFolder.contents(of: folder.path("content")) {
                let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "description: \"\"", with: "description: Known.")
                try Data(text.utf8).write(to: folder.path("content/\(path)"))
            }
            let state = try await Build(environment: [:]).run(Pipeline.catalog, .init(configPath: config, strict: true))
            let catalog = state.catalog
            #expect(state.report.findings.isEmpty, "seed \(seed): \(state.report.findings)")
            let described = catalog.allTables.flatMap { [$0.description] + $0.columns.map(\.description) }
            #expect(described.allSatisfy { $0?.text == "Known." }, "seed \(seed): \(sql)")
        }
        #expect(tables > 100)
    }

    @Test func neverOverwritesAFile() async throws {
        _ = try Init().run(configPath: config, database: .sqlite(path: "db.sqlite"))
        let files = TemporaryFolder.contents(of: folder.url)
        let someTable = try #require(files.keys.first { $0.hasPrefix("content/context/") })
        try Data("tables:\n  index:\n    description: Mine.\n".utf8).write(to: folder.path(someTable))
        let again = try Init().run(configPath: config, database: nil)
        #expect(again.written.isEmpty)
        #expect(again.kept.count == 15)
        #expect(try String(contentsOf: folder.path(someTable), encoding: .utf8) == "tables:\n  index:\n    description: Mine.\n")
    }

    @Test func withoutAConfigItAsksWhichDatabase() {
        let error = #expect(throws: BuildError.self) { try Init().run(configPath: config, database: nil) }
        #expect(error?.description == "[config] \(config) does not exist; say which database to document: "
            + "--sqlite PATH, or --postgres-env VARIABLE (the variable holding its connection URL)")
    }

    @Test func aPostgresConfigReadsItsURLFromTheEnvironment() async throws {
        let text = Init.siteYML(.postgres(urlVariable: "WAREHOUSE_URL"), sourceName: "warehouse")
        let parsed = try ConfigLoader(environment: ["WAREHOUSE_URL": "postgresql://u@h/db"])
            .parse(text, file: "site.yml", folder: folder.url)
        #expect(parsed.sources.map { $0.values["url"] } == ["postgresql://u@h/db"])
        #expect(parsed.sources.map(\.name) == ["warehouse"])
    }
}
