import Foundation
import Testing
import TestSupport
@testable import ScribeKit

/// End to end: a site.yml and a real SQLite file in a temporary folder, built as the CLI would.
@Suite("scribe-build build")
struct BuildTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        let sample = try String(contentsOf: Fixtures.repositoryRoot().appendingPathComponent("sample/warehouse.sql"), encoding: .utf8)
        try SQLiteFixture.create(sample, in: folder.url, name: "warehouse.sqlite")
        try write("site.yml", """
            title: Warehouse
            sources:
              - {name: warehouse, kind: sqlite, path: warehouse.sqlite}
            """)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.path(name))
    }

    func build(_ config: String = "site.yml", output: String? = nil) async throws(BuildError) -> Build.Report {
        try await Build().run(.init(configPath: folder.path(config).path, output: output))
    }

    var site: [String: Data] { TemporaryFolder.contents(of: folder.path("_site")) }

    /// The build is its declared stages, run in order; a command runs the prefix it needs.
    @Test func aBuildRunsItsStagesInOrder() async throws {
        #expect(try await build().timings.map(\.stage) == [.introspect, .context, .profile, .relationships, .describe, .render])
        let approve = try await Build().run(Pipeline.described, .init(configPath: folder.path("site.yml").path))
        #expect(approve.report.timings.map(\.stage) == [.introspect, .context, .profile, .relationships, .describe])
        #expect(approve.report.pages == 0 && approve.catalog.allTables.count == 21)
    }

    @Test func buildsTheSampleWarehouse() async throws {
        let report = try await build()
        #expect(report.output == folder.path("_site").path)
        #expect(report.tables == 17)
        #expect(report.views == 4)
        #expect(report.pages == 26)  // index, one schema, 21 tables and views, the personal-data and coverage reports, search results
        #expect(report.diagrams == 39)  // one per table and view, one for the schema, and 17 at depth 2 (where it shows more tables)
        let files = site
        #expect(report.files == files.count - 1, "every file counted once (the marker aside)")
        #expect(files["warehouse/main/tables/shipment_lines.html"] != nil)
        let page = String(decoding: try #require(files["warehouse/main/tables/shipment_lines.html"]), as: UTF8.self)
        let svg = try #require(page.range(of: "<svg").map { page[$0.lowerBound...] })
        #expect(svg.contains(">order_lines</text>") && svg.contains("xlink:href=\"order_lines.html\""))
        #expect(!page.contains("<?xml"))
    }

    /// The build's last line gives the coverage figures of coverage.html and catalog.json, zeros left out.
    @Test func theLastLineSaysHowMuchIsDescribed() async throws {
        let lines = Lines()
        let report = try await Build(log: .collecting(into: lines)).run(.init(configPath: folder.path("site.yml").path))
        let coverage = try #require(report.coverage)
        #expect(coverage.figures.tables.total == 21 && coverage.figures.columns.total == report.columns)
        let last = try #require(lines.all.last)
        #expect(last.hasSuffix("; coverage: score 0% (½ trusted tables + ½ trusted columns; see coverage.html); "
            + "tables and views 21 of 21 described (21 model); columns 118 of 118 described (52 template, 66 model); 10 PII columns"))
    }

    @Test func twoBuildsOfTheSameInputAreByteIdentical() async throws {
        _ = try await build()
        let first = site
        _ = try await build()
        #expect(site == first)
    }

    /// The search index and catalog.json of a rebuild are put together from the parts the cache folder kept of the
    /// tables that did not change; a damaged pack only costs encoding them again.
    @Test func aRebuildTakesUnchangedTablesFromTheFragmentPack() async throws {
        _ = try await build()
        let pack = folder.path(".scribe/cache/fragments.pack")
        #expect(FileManager.default.fileExists(atPath: pack.path))
        try FileManager.default.createDirectory(at: folder.path("content/context"), withIntermediateDirectories: true)
        try write("content/context/warehouse.yml", "tables:\n  shipment_lines:\n    description: Changed by hand.\n")
        let lines = Lines()
        _ = try await Build(log: .collecting(into: lines)).run(.init(configPath: folder.path("site.yml").path))
        #expect(lines.all.contains("[render] catalog-json: 20 tables from the fragment pack, 1 encoded"), "\(lines.all)")
        #expect(lines.all.contains("[render] search-index: 20 tables from the fragment pack, 1 encoded"), "\(lines.all)")
        let updated = site
        try Data("not a pack".utf8).write(to: pack)
        try FileManager.default.removeItem(at: folder.path("_site"))
        let again = Lines()
        _ = try await Build(log: .collecting(into: again)).run(.init(configPath: folder.path("site.yml").path))
        #expect(again.all.contains("[render] catalog-json: 0 tables from the fragment pack, 21 encoded"), "\(again.all)")
        #expect(site == updated)
    }

    @Test func outputFlagOverridesTheConfiguredFolder() async throws {
        let elsewhere = folder.path("public").path
        let report = try await build(output: elsewhere)
        #expect(report.output == elsewhere)
        #expect(FileManager.default.fileExists(atPath: folder.path("public/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: folder.path("_site").path))
    }

    // MARK: Bad input leaves the previous site untouched

    func expectFailureKeepsSite(_ message: String, config: String = "site.yml", sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let before = site
        let error = await #expect(throws: BuildError.self, sourceLocation: sourceLocation) { try await build(config) }
        #expect(error?.description == message, sourceLocation: sourceLocation)
        #expect(site == before, "the previous site changed", sourceLocation: sourceLocation)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains("scribe-") }
        #expect(leftovers == [], sourceLocation: sourceLocation)
    }

    @Test func aMissingDatabaseFile() async throws {
        _ = try await build()
        try write("missing.yml", "sources:\n  - {name: shop, kind: sqlite, path: gone.sqlite}\n")
        try await expectFailureKeepsSite("[introspect] shop: database file \(folder.path("gone.sqlite").path) does not exist; "
            + "check the source's `path` in site.yml", config: "missing.yml")
    }

    @Test func aFileThatIsNotSQLite() async throws {
        _ = try await build()
        try write("notes.txt", "hello\n")
        try write("notes.yml", "sources:\n  - {name: notes, kind: sqlite, path: notes.txt}\n")
        try await expectFailureKeepsSite("[introspect] notes: \(folder.path("notes.txt").path) is not a SQLite database "
            + "(the file exists but its header is not SQLite's)", config: "notes.yml")
    }

    @Test func aFolderAsTheDatabase() async throws {
        _ = try await build()
        try FileManager.default.createDirectory(at: folder.path("warehouse.d"), withIntermediateDirectories: true)
        try write("folder.yml", "sources:\n  - {name: warehouse, kind: sqlite, path: warehouse.d}\n")
        try await expectFailureKeepsSite("[introspect] warehouse: \(folder.path("warehouse.d").path) is a folder, not a SQLite database "
            + "file; set the source's `path` in site.yml to the database file", config: "folder.yml")
    }

    @Test func aYAMLSyntaxError() async throws {
        _ = try await build()
        try write("broken.yml", "sources:\n  - {name: shop, kind: sqlite, path: warehouse.sqlite\n")
        try await expectFailureKeepsSite("[config] \(folder.path("broken.yml").path):3:1: YAML syntax error: "
            + "did not find expected ',' or '}' (while parsing a flow mapping at line 2)", config: "broken.yml")
    }

    @Test func anUnknownKey() async throws {
        _ = try await build()
        try write("typo.yml", "titel: x\nsources:\n  - {name: shop, kind: sqlite, path: warehouse.sqlite}\n")
        try await expectFailureKeepsSite("[config] \(folder.path("typo.yml").path):1:1: unknown key `titel` in the top level; "
            + "did you mean `title`? allowed keys: title, sources, paths, default_templates, describe, profile, pii, relationships, check, dbt", config: "typo.yml")
    }

    @Test func anOutputFolderThatIsNotASite() async throws {
        try FileManager.default.createDirectory(at: folder.path("docs"), withIntermediateDirectories: true)
        try write("docs/handbook.md", "# ours\n")
        let error = await #expect(throws: BuildError.self) { try await build(output: folder.path("docs").path) }
        #expect(error?.description == "[write] \(folder.path("docs").path): output folder \(folder.path("docs").path) exists, "
            + "is not empty and was not written by Schema Scribe; choose another --output, or empty it yourself")
        #expect(try String(contentsOf: folder.path("docs/handbook.md"), encoding: .utf8) == "# ours\n")
    }

    @Test func anIncludePatternMatchingNothingIsAFindingAndStrictMakesItAnError() async throws {
        try write("typo.yml", """
            sources:
              - name: warehouse
                kind: sqlite
                path: warehouse.sqlite
                include: [main.customers, customers, "nowhere.*"]
                exclude: ["*.nothing"]
            """)
        let report = try await build("typo.yml")
        let file = folder.path("typo.yml").path
        #expect(report.findings.map(\.description) == [
            "\(file):5:31: include pattern `customers` of source `warehouse` matches no table; patterns are globs on schema.table",
            "\(file):5:42: include pattern `nowhere.*` of source `warehouse` matches no table; patterns are globs on schema.table",
        ])
        #expect(report.tables == 1)
        let error = await #expect(throws: BuildError.self) { try await Build().run(.init(configPath: file, strict: true)) }
        #expect(error?.description == "[introspect] 2 include pattern(s) match no table, and --strict makes that an error; "
            + "the site was not written")
    }

    @Test func aBuildWithNoTablesLeftIsAnError() async throws {
        _ = try await build()
        try write("none.yml", "sources:\n  - {name: warehouse, kind: sqlite, path: warehouse.sqlite, exclude: [\"main.*\"]}\n")
        try await expectFailureKeepsSite("[introspect] no tables or views to document: the sources are empty, "
            + "or their include and exclude patterns leave nothing; the site was not written", config: "none.yml")
    }

    @Test func aMissingTheme() async throws {
        try write("themed.yml", "sources:\n  - {name: shop, kind: sqlite, path: warehouse.sqlite}\npaths: {theme: nowhere}\n")
        let error = await #expect(throws: BuildError.self) { try await build("themed.yml") }
        #expect(error?.description == "[render] theme: theme folder \(folder.path("nowhere").path) does not exist; "
            + "set `paths.theme` in site.yml to a folder with templates/ and assets/")
    }
}

@Suite("Context files in a build")
struct ContextBuildTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        try SQLiteFixture.create("CREATE TABLE orders (id INTEGER PRIMARY KEY, status TEXT);", in: folder.url, name: "shop.sqlite")
        try write("site.yml", "sources:\n  - {name: shop, kind: sqlite, path: shop.sqlite}\n")
        try FileManager.default.createDirectory(at: folder.path("content/context"), withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.path(name))
    }

    func build(strict: Bool = false) async throws(BuildError) -> Build.Report {
        try await Build().run(.init(configPath: folder.path("site.yml").path, strict: strict))
    }

    @Test func aDescriptionFromAContextFileReachesThePage() async throws {
        try write("content/context/orders.yml", "tables:\n  orders:\n    description: One row per **order**.\n")
        _ = try await build()
        let page = try String(contentsOf: folder.path("_site/shop/main/tables/orders.html"), encoding: .utf8)
        #expect(page.contains("<div class=\"desc\"><p>One row per <strong>order</strong>.</p>"))
    }

    @Test func findingsAreReportedAndStrictTurnsThemIntoErrors() async throws {
        try write("content/context/orders.yml", "tables:\n  orders:\n    columns:\n      stauts: {description: x}\n")
        let report = try await build()
        #expect(report.findings.map(\.description) == ["content/context/orders.yml:4:7: column `main.orders.stauts` does not exist; did you mean `status`?"])
        let before = TemporaryFolder.contents(of: folder.path("_site"))

        try write("content/context/orders.yml", "tables:\n  orders:\n    description: New text.\n    columns:\n      stauts: {description: y}\n")
        let error = await #expect(throws: BuildError.self) { try await build(strict: true) }
        #expect(error?.description == "[context] 1 finding in the context files, and --strict makes them errors; the site was not written")
        #expect(TemporaryFolder.contents(of: folder.path("_site")) == before, "a strict failure changed the site")
    }

    @Test func aBrokenContextFileStopsTheBuildAndKeepsTheSite() async throws {
        _ = try await build()
        let before = TemporaryFolder.contents(of: folder.path("_site"))
        try write("content/context/orders.yml", "tables:\n  orders:\n    owner: [a\n")
        let error = await #expect(throws: BuildError.self) { try await build() }
        #expect(error?.description == "[context] content/context/orders.yml:4:1: YAML syntax error: "
            + "did not find expected ',' or ']' (while parsing a flow sequence at line 3)")
        #expect(TemporaryFolder.contents(of: folder.path("_site")) == before)
    }
}
