import Catalog
import ContentHash
import Foundation
import Testing
import TestSupport
@testable import SiteGen

/// A site brought up to date file by file must be the site a clean build writes, byte for byte, whatever was edited:
/// each case builds a random catalog, then applies random edits one after another, and after each compares the
/// updated site with a clean build of the same catalog.
@Suite("Incremental builds")
struct IncrementalSiteTests {
    /// Stands in for graphviz with an SVG that changes whenever the DOT text does, so a diagram drawn from stale
    /// inputs shows as a differing page.
    static let graphviz = Graphviz { graphs in
        graphs.map { "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>\(Fingerprint.of($0))</title></svg>\n" }
    }

    @Test(arguments: SplitMix64.seeds(10))
    func anUpdatedSiteIsTheSiteACleanBuildWrites(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var catalog = RandomCatalog.make(&random)
        let folder = try TemporaryFolder()
        let output = SiteOutput(destination: folder.path("site"))
        let theme = try Fixture.theme()
        // The updated site is built as `build` builds it, with a fragment pack kept between builds (read afresh by
        // each); the clean builds have none, so they encode the search index and catalog.json whole.
        let cache = try TemporaryFolder()
        func update() throws -> SiteOutput.Changes {
            let fragments = FragmentPack(file: cache.path(FragmentPack.fileName))
            // Table pages a few at a time, where a clean build takes them all in one slice: graphviz laying out one
            // slice while the pages of the one before are written must make no difference either.
            var pages = HTMLPagesExporter(theme: theme, graphviz: Self.graphviz)
            pages.tablesPerSlice = 3
            let generator = SiteGenerator(exporters: [pages, SearchIndexExporter(fragments: fragments), CatalogJSONExporter(fragments: fragments)])
            let changes = try output.replace { _ = try generator.generate(catalog, into: $0) }
            try fragments.save()
            return changes
        }
        let generator = SiteGenerator(theme: theme, graphviz: Self.graphviz)
        let first = try update()
        #expect(first.whole, "seed \(seed): the first build writes the site whole")

        for step in 0..<8 {
            let edit = RandomCatalog.edit(&catalog, &random)
            let changes = try update()
            let clean = try TemporaryFolder()
            try SiteOutput(destination: clean.path("site")).replace { _ = try generator.generate(catalog, into: $0) }
            let updated = TemporaryFolder.contents(of: folder.path("site"))
            let expected = TemporaryFolder.contents(of: clean.path("site"))
            let differing = Set(updated.keys).union(expected.keys).filter { updated[$0] != expected[$0] }.sorted()
            #expect(differing.isEmpty, "seed \(seed), step \(step) (\(edit)): \(differing.prefix(5))")
            #expect(!changes.whole, "seed \(seed), step \(step): an update, not a whole site")
            #expect(changes.written < expected.count, "seed \(seed), step \(step) (\(edit)) rewrote every file")
        }
        // Nothing changed: nothing is rendered or written.
        let again = try update()
        #expect(again == SiteOutput.Changes(), "seed \(seed)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["site"], "seed \(seed): left something behind")
    }

    @Test func aRebuildWithNothingChangedRendersNothing() throws {
        let catalog = try Fixture.shop()
        let folder = try TemporaryFolder()
        let output = SiteOutput(destination: folder.path("site"))
        let theme = try Fixture.theme()
        try output.replace { _ = try SiteGenerator(theme: theme, graphviz: Fixture.fakeGraphviz).generate(catalog, into: $0) }
        let before = TemporaryFolder.contents(of: folder.path("site"))
        let drawn = DrawnCount()
        let counting = Graphviz { graphs in
            drawn.add(graphs.count)
            return try Fixture.fakeGraphviz.render(graphs)
        }
        let changes = try output.replace { _ = try SiteGenerator(theme: theme, graphviz: counting).generate(catalog, into: $0) }
        #expect(changes == SiteOutput.Changes())
        #expect(drawn.total == 0, "no diagram goes to graphviz")
        #expect(TemporaryFolder.contents(of: folder.path("site")) == before)
    }

    @Test func oneTablesNewDescriptionRewritesItsPageItsSchemaAndTheIndexPartsThatHoldIt() throws {
        var catalog = try Fixture.shop()
        let folder = try TemporaryFolder()
        let output = SiteOutput(destination: folder.path("site"))
        let generator = try SiteGenerator(theme: Fixture.theme(), graphviz: Fixture.fakeGraphviz)
        try output.replace { _ = try generator.generate(catalog, into: $0) }
        let before = TemporaryFolder.contents(of: folder.path("site"))
        let target = try #require(catalog.allTables.first { !$0.foreignKeys.isEmpty })
        catalog.updateTables { table in
            if table.id == target.id { table.description = Description(text: "Rewritten by hand.", origin: .human) }
        }
        let changes = try output.replace { _ = try generator.generate(catalog, into: $0) }
        let after = TemporaryFolder.contents(of: folder.path("site"))
        let changed = Set(after.keys.filter { before[$0] != after[$0] })
        let plan = SitePlan(catalog)
        let page = try #require(plan.tablePage(target.id))
        #expect(changed.contains(page))
        #expect(changed.contains(plan.schemaPage(source: target.id.source, schema: target.id.schema)))
        #expect(changed.isSuperset(of: [SitePlan.searchScript, SitePlan.searchJSON, SitePlan.catalogJSON]))
        // Other tables' pages show no text of this table's description.
        let otherTables = changed.filter { $0.contains("/tables/") && $0 != page }
        #expect(otherTables.isEmpty, "\(otherTables)")
        #expect(changes.written == changed.count - 1, "the marker is written besides the files that changed")
    }

    @Test func aKilledUpdateIsFinishedByTheNextBuild() throws {
        let folder = try TemporaryFolder()
        let output = SiteOutput(destination: folder.path("site"))
        try output.replace { site in
            try site.write("index.html", Data("first".utf8))
            try site.write("gone.html", Data("old".utf8))
        }
        // Killed after its journal was written and the first rename done: index.html is new, the marker is not.
        let staging = folder.path(".site.scribe-staging-4242-feedbeef")
        try FileManager.default.createDirectory(at: staging.appendingPathComponent("tables"), withIntermediateDirectories: true)
        try Data("new page".utf8).write(to: staging.appendingPathComponent("tables/new.html"))
        var manifest = SiteManifest()
        manifest.files["index.html"] = .init(fingerprint: .of("second"), group: nil)
        manifest.files["tables/new.html"] = .init(fingerprint: .of("new page"), group: nil)
        try Data(manifest.text.utf8).write(to: staging.appendingPathComponent(SiteOutput.marker))
        try Data("second".utf8).write(to: folder.path("site/index.html"))
        let journal = SiteOutput.Journal(staging: staging.lastPathComponent, removed: ["gone.html"],
                                         written: ["index.html", "tables/new.html", SiteOutput.marker])
        try Data(journal.text.utf8).write(to: folder.path(".site.scribe-journal-4242-feedbeef"))

        output.recoverAbandonedBuilds()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["site"])
        let files = TemporaryFolder.contents(of: folder.path("site"))
        #expect(Set(files.keys) == ["index.html", "tables/new.html", SiteOutput.marker])
        #expect(files["index.html"] == Data("second".utf8) && files["tables/new.html"] == Data("new page".utf8))
        #expect(SiteOutput.sitePaths(in: folder.path("site")) == ["index.html", "tables/new.html"])
    }

    @Test func aJournalCutShortChangesNothing() throws {
        let folder = try TemporaryFolder()
        let output = SiteOutput(destination: folder.path("site"))
        try output.replace { try $0.write("index.html", Data("first".utf8)) }
        let before = TemporaryFolder.contents(of: folder.path("site"))
        let staging = folder.path(".site.scribe-staging-4243-feedbeef")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("second".utf8).write(to: staging.appendingPathComponent("index.html"))
        try Data("staging \(staging.lastPathComponent)\nwrite index.html\n".utf8).write(to: folder.path(".site.scribe-journal-4243-feedbeef"))

        output.recoverAbandonedBuilds()
        #expect(TemporaryFolder.contents(of: folder.path("site")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["site"])
    }

    @Test func anUpdateLeavesSomeoneElsesFilesAndFoldersAlone() throws {
        let folder = try TemporaryFolder()
        let output = SiteOutput(destination: folder.path("site"))
        try output.replace { site in
            try site.write("index.html", Data("first".utf8))
            try site.write("old/page.html", Data("old".utf8))
        }
        try Data("docs.example.com\n".utf8).write(to: folder.path("site/CNAME"))
        try Data("mine".utf8).write(to: folder.path("site/old/notes.txt"))
        try output.replace { try $0.write("index.html", Data("second".utf8)) }
        let files = TemporaryFolder.contents(of: folder.path("site"))
        #expect(Set(files.keys) == ["index.html", "CNAME", "old/notes.txt", SiteOutput.marker])
    }
}

/// Counts the diagrams sent to graphviz, from the threads that render.
private final class DrawnCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add(_ n: Int) { lock.withLock { count += n } }
    var total: Int { lock.withLock { count } }
}

/// Random catalogs with the parts pages are made from, and random edits of them.
enum RandomCatalog {
    static func make(_ random: inout SplitMix64) -> Catalog {
        var sources: [Source] = []
        for s in 0..<Int.random(in: 1...2, using: &random) {
            var schemas: [Schema] = []
            for c in 0..<Int.random(in: 1...2, using: &random) {
                // Now and then a schema large enough for a map of subject areas.
                let count = random.chance(0.25) ? 44 : Int.random(in: 2...9, using: &random)
                let tables = (0..<count).map { table(TableID(source: "src\(s)", schema: "sch\(c)", name: "t\($0)_\(word(&random))"), &random) }
                schemas.append(Schema(name: "sch\(c)", tables: tables))
            }
            sources.append(Source(name: "src\(s)", kind: .sqlite, schemas: schemas))
        }
        var catalog = Catalog(title: "Random \(word(&random))", sources: sources)
        let ids = catalog.allTables.map(\.id)
        // Foreign keys, mostly within a schema; a hub now and then.
        catalog.updateTables { table in
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                let target = random.pick(ids)
                table.foreignKeys.append(ForeignKey(columns: ["id"], referencedTable: target, referencedColumns: ["id"]))
            }
        }
        for _ in 0..<Int.random(in: 0...4, using: &random) { addRelationship(&catalog, &random) }
        if random.chance(0.6) {
            catalog.glossary = [GlossaryTerm(term: "Order", definition: "A **purchase**.", synonyms: ["purchase"], tables: [random.pick(ids)])]
        }
        return catalog
    }

    static func word(_ random: inout SplitMix64) -> String {
        random.pick(["order", "customer", "line", "store", "stock", "payment", "calendar", "day", "film", "actor"])
    }

    static func table(_ id: TableID, _ random: inout SplitMix64) -> Table {
        var columns = [Column(name: "id", position: 1, dataType: "INTEGER", isNullable: false, primaryKeyPosition: 1)]
        for position in 2...Int.random(in: 2...6, using: &random) {
            var column = Column(name: "\(word(&random))_\(position)", position: position, dataType: random.pick(["TEXT", "INTEGER", "REAL"]))
            if random.chance(0.3) { column.description = Description(text: "The \(word(&random)) an order is for.", origin: .human) }
            if random.chance(0.1) { column.pii = PIIFinding(kind: .email, confidence: 0.9, reasons: ["name"]) }
            columns.append(column)
        }
        return Table(id: id, kind: random.chance(0.1) ? .view : .table, columns: columns, primaryKey: PrimaryKey(columns: ["id"]),
                     rowCount: RowCount(value: Int.random(in: 0...100_000, using: &random), isExact: true),
                     description: random.chance(0.5) ? Description(text: "One row per \(word(&random)), see the order.", origin: .model) : nil)
    }

    static func addRelationship(_ catalog: inout Catalog, _ random: inout SplitMix64) {
        let tables = catalog.allTables
        let from = random.pick(tables)
        let to = random.pick(tables)
        catalog.relationships.append(Relationship(
            from: .init(table: from.id, columns: [random.pick(from.columns).name]), to: .init(table: to.id, columns: ["id"]),
            origin: random.chance(0.5) ? .documented : .inferred, status: random.chance(0.5) ? .accepted : .suggested,
            confidence: 0.8, evidence: ["names match"], cardinality: "many-to-one"))
    }

    /// Changes `catalog` one way at random; returns what it did, for the failure message.
    static func edit(_ catalog: inout Catalog, _ random: inout SplitMix64) -> String {
        let tables = catalog.allTables
        let target = random.pick(tables).id
        func change(_ body: (inout Table) -> Void) { catalog.updateTables { if $0.id == target { body(&$0) } } }
        switch Int.random(in: 0..<12, using: &random) {
        case 0:
            change { $0.description = Description(text: "Edited: one row per \(word(&random)).", origin: .human) }
            return "table description of \(target.name)"
        case 1:
            change { table in table.columns[table.columns.count - 1].description = Description(text: "Edited \(word(&random)).", origin: .human) }
            return "column description in \(target.name)"
        case 2:
            change { table in table.columns.append(Column(name: "added_\(word(&random))", position: table.columns.count + 1, dataType: "TEXT")) }
            return "column added to \(target.name)"
        case 3:
            guard tables.count > 2 else { return "nothing" }
            for s in catalog.sources.indices {
                for c in catalog.sources[s].schemas.indices { catalog.sources[s].schemas[c].tables.removeAll { $0.id == target } }
            }
            return "table \(target.name) removed"
        case 4:
            let name = "new_\(word(&random))_\(Int.random(in: 0...999, using: &random))"
            let id = TableID(source: target.source, schema: target.schema, name: name)
            for s in catalog.sources.indices where catalog.sources[s].name == target.source {
                for c in catalog.sources[s].schemas.indices where catalog.sources[s].schemas[c].name == target.schema {
                    catalog.sources[s].schemas[c].tables.append(table(id, &random))
                    catalog.sources[s].schemas[c].tables.sort { $0.name < $1.name }
                }
            }
            return "table \(name) added"
        case 5:
            let other = random.pick(tables).id
            change { $0.foreignKeys.append(ForeignKey(columns: ["id"], referencedTable: other, referencedColumns: ["id"])) }
            return "foreign key \(target.name) → \(other.name)"
        case 6:
            addRelationship(&catalog, &random)
            return "relationship added"
        case 7:
            change { table in table.columns[table.columns.count - 1].name += "_renamed" }
            return "column renamed in \(target.name)"
        case 8:
            catalog.glossary = random.chance(0.5) ? [] : [GlossaryTerm(term: "Stock", definition: "What a store holds.", synonyms: ["inventory"])]
            return "glossary changed"
        case 9:
            catalog.title = "Retitled \(word(&random))"
            return "title changed"
        case 10:
            change { table in
                let last = table.columns.count - 1
                table.columns[last].pii = table.columns[last].pii == nil ? PIIFinding(kind: .phone, confidence: 0.7, reasons: ["values"]) : nil
            }
            return "personal data toggled in \(target.name)"
        default:
            change { $0.rowCount = RowCount(value: Int.random(in: 0...9_999_999, using: &random), isExact: false) }
            return "row count of \(target.name)"
        }
    }
}
