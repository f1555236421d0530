import Catalog
import ContentHash
import Foundation
import Testing
import TestSupport
@testable import SiteGen

/// catalog.json and the search files put together from the fragment pack must be byte for byte what encoding the
/// whole catalog writes, whatever the catalog, whatever was edited since the pack was written, and whatever state
/// the pack is in.
@Suite("Fragment pack")
struct FragmentPackTests {
    /// What one build writes from the pack at `file` (read afresh, as each build does), checked against the whole
    /// encodings; returns how many tables each part reused and encoded.
    @discardableResult
    static func build(_ catalog: Catalog, pack file: URL, columnsPerShard: Int, _ label: String)
        throws -> (catalog: (reused: Int, encoded: Int), search: (reused: Int, encoded: Int)) {
        let pack = FragmentPack(file: file)
        let input = ExportInput(catalog)
        let json = try CatalogDocument.json(catalog, fingerprints: input.fingerprints.tables, fragments: pack)
        #expect(json == (try Self.wholeCatalogJSON(catalog)), "\(label): catalog.json")
        let search = try SearchIndexFiles.whole(input, fragments: pack, columnsPerShard: columnsPerShard)
        try expectWhole(search, catalog, columnsPerShard: columnsPerShard, label)
        try pack.save()
        return (pack.counts(CatalogDocument.fragmentKind), pack.counts(SearchIndexFiles.fragmentKind))
    }

    /// catalog.json as the whole document encodes, in one piece.
    static func wholeCatalogJSON(_ catalog: Catalog) throws -> [UInt8] {
        Array(try CompactJSON.encode(CatalogDocument(catalog))) + [0x0A]
    }

    /// `search` is what `SearchIndex` and `SearchScript` write for the whole catalog.
    static func expectWhole(_ search: (json: Data, script: SearchScript), _ catalog: Catalog, columnsPerShard: Int, _ label: String) throws {
        let index = SearchIndex(catalog, plan: SitePlan(catalog))
        #expect(search.json == (try index.json()), "\(label): search.json")
        let whole = try SearchScript(index, columnsPerShard: columnsPerShard)
        #expect(search.script.core == whole.core, "\(label): search-index.js")
        #expect(search.script.shards.map(\.path) == whole.shards.map(\.path), "\(label): shard paths")
        #expect(search.script.shards.map(\.script) == whole.shards.map(\.script), "\(label): shards")
    }

    @Test(arguments: SplitMix64.seeds(12))
    func partsPutTogetherAreTheWholeEncodingOverRandomEdits(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var catalog = random.chance(0.5) ? OddCatalog.make(&random) : RandomCatalog.make(&random)
        let folder = try TemporaryFolder()
        let file = folder.path("cache/\(FragmentPack.fileName)")
        let columnsPerShard = random.pick([1, 3, 7, 4_000])
        let first = try Self.build(catalog, pack: file, columnsPerShard: columnsPerShard, "seed \(seed), first build")
        #expect(first.catalog.reused == 0 && first.catalog.encoded == catalog.allTables.count, "seed \(seed)")
        #expect(first.search.reused == 0 && first.search.encoded == catalog.allTables.count, "seed \(seed)")
        for step in 0..<8 {
            let edit = random.chance(0.3) ? OddCatalog.edit(&catalog, &random) : RandomCatalog.edit(&catalog, &random)
            let label = "seed \(seed), step \(step) (\(edit))"
            let counts = try Self.build(catalog, pack: file, columnsPerShard: columnsPerShard, label)
            let tables = catalog.allTables.count
            // An added table may, rarely, take a name already there: two tables of one identity are encoded whole.
            guard Set(catalog.allTables.map(\.id)).count == tables else { continue }
            #expect(counts.catalog.reused + counts.catalog.encoded == tables, "\(label)")
            // Every edit changes at most one table's own JSON.
            #expect(counts.catalog.encoded <= 1, "\(label): \(counts.catalog.encoded) tables encoded")
            #expect(counts.search.reused + counts.search.encoded == tables, "\(label)")
            if tables > 8 { #expect(counts.search.reused > 0, "\(label): no part of the search index reused") }
        }
    }

    @Test func odderCatalogsAreTheWholeEncodingToo() throws {
        // No table at all; one table; a schema with none beside one with a view; names that differ only in normalization.
        let view = Table(id: TableID(source: "s", schema: "b", name: "v\u{2028}</script>"), kind: .view,
                         columns: [Column(name: "x#y", position: 1, dataType: "TEXT", description: Description(text: String(repeating: "é", count: 200), origin: .human))])
        let catalogs = [
            Catalog(title: "Empty"),
            Catalog(title: "No tables", sources: [Source(name: "s", kind: .sqlite, schemas: [Schema(name: "empty")])]),
            Fixture.catalog(tables: ["only"]),
            Catalog(title: "T \"q\"", sources: [Source(name: "s", kind: .sqlite, schemas: [
                Schema(name: "a"), Schema(name: "b", tables: [view]),
            ])]),
            Fixture.catalog(tables: ["caf\u{E9}", "cafe\u{301}", "Caf\u{E9}"], columns: ["na\u{EF}ve", "nai\u{308}ve", "id"]),
        ]
        for (number, catalog) in catalogs.enumerated() {
            let folder = try TemporaryFolder()
            let file = folder.path(FragmentPack.fileName)
            try Self.build(catalog, pack: file, columnsPerShard: 2, "catalog \(number), first build")
            let again = try Self.build(catalog, pack: file, columnsPerShard: 2, "catalog \(number), from the pack")
            #expect(again.catalog.encoded == 0 && again.search.encoded == 0, "catalog \(number)")
            // Without a pack, the search files are the whole encoding as well.
            try Self.expectWhole(SearchIndexFiles.whole(ExportInput(catalog), fragments: nil, columnsPerShard: 2), catalog,
                                 columnsPerShard: 2, "catalog \(number), no pack")
        }
    }

    @Test func aDamagedOrForeignPackOnlyCostsEncodingAgain() throws {
        var random = SplitMix64(seed: 42)
        let catalog = RandomCatalog.make(&random)
        let tables = catalog.allTables.count
        let folder = try TemporaryFolder()
        let file = folder.path(FragmentPack.fileName)
        try Self.build(catalog, pack: file, columnsPerShard: 5, "first build")
        let good = try Data(contentsOf: file)
        let text = String(decoding: good, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)

        func damaged(_ bytes: Data, _ label: String) throws -> (catalog: (reused: Int, encoded: Int), search: (reused: Int, encoded: Int)) {
            try bytes.write(to: file)
            return try Self.build(catalog, pack: file, columnsPerShard: 5, label)
        }
        // One byte changed in the middle of a part: that part is encoded again, the others reused.
        #expect(lines[1].hasPrefix(CatalogDocument.fragmentKind + " "), "catalog.json's parts come first, one line each")
        var flipped = good
        let inside = lines[0].utf8.count + 1 + lines[1].utf8.count + 1 + 5
        flipped[inside] = flipped[inside] == 0x41 ? 0x42 : 0x41
        let afterFlip = try damaged(flipped, "one byte changed")
        #expect(afterFlip.catalog.encoded + afterFlip.search.encoded >= 1)
        #expect(afterFlip.catalog.reused + afterFlip.search.reused >= 2 * tables - 2)
        // Cut short: what is before the cut is still used.
        let cut = try damaged(good.prefix(good.count * 2 / 3), "cut short")
        #expect(cut.catalog.encoded + cut.search.encoded >= 1)
        #expect(cut.catalog.encoded + cut.search.encoded < 2 * tables)
        // Another program's pack, an empty file, garbage: everything encoded again, nothing fails.
        for (bytes, label) in [(Data(text.replacingOccurrences(of: String(lines[0]), with: "Schema Scribe fragment pack 1 " + String(repeating: "0", count: 32)).utf8), "another program"),
                               (Data(), "empty"), (Data("not a pack\n\u{0}\u{1}".utf8), "garbage")] {
            let counts = try damaged(bytes, label)
            #expect(counts.catalog.reused == 0 && counts.search.reused == 0, "\(label)")
        }
        // A record filed under another part's key: its bytes are not taken for that part.
        try good.write(to: file)
        try Self.build(catalog, pack: file, columnsPerShard: 5, "rewritten")
        let headers = lines.indices.filter { lines[$0].hasPrefix(CatalogDocument.fragmentKind + " ") }
        #expect(headers.count >= 2)
        var swapped = lines
        let firstKey = lines[headers[0]].split(separator: " ")[1]
        let secondFields = lines[headers[1]].split(separator: " ")
        swapped[headers[1]] = [secondFields[0], firstKey, secondFields[2], secondFields[3]].joined(separator: " ")[...]
        let afterSwap = try damaged(Data(swapped.joined(separator: "\n").utf8), "a record under another key")
        #expect(afterSwap.catalog.encoded >= 1)
        // A pack that cannot be read (a folder in its place): encoded whole, and saving it fails without harm to the output.
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true)
        let pack = FragmentPack(file: file)
        let input = ExportInput(catalog)
        #expect(try CatalogDocument.json(catalog, fingerprints: input.fingerprints.tables, fragments: pack) == (try Self.wholeCatalogJSON(catalog)))
        #expect(throws: (any Error).self) { try pack.save() }
    }

    @Test func thePackIsWrittenOnlyWhenItsContentChangesAndKeepsTheOtherExportersParts() throws {
        let catalog = try Fixture.shop()
        let folder = try TemporaryFolder()
        let file = folder.path(FragmentPack.fileName)
        try Self.build(catalog, pack: file, columnsPerShard: 4, "first")
        let written = try Data(contentsOf: file)
        // Everything reused: nothing to write.
        let pack = FragmentPack(file: file)
        let input = ExportInput(catalog)
        _ = try SearchIndexFiles.whole(input, fragments: pack)
        _ = try CatalogDocument.json(catalog, fingerprints: input.fingerprints.tables, fragments: pack)
        #expect(try pack.save() == false)
        // Only catalog.json made again, for a changed table: the search index's parts stay in the pack.
        let changed = catalog.updatingTables { if $0.id == catalog.allTables[0].id { $0.description = Description(text: "New.", origin: .human) } }
        let onlyCatalog = FragmentPack(file: file)
        let changedInput = ExportInput(changed)
        _ = try CatalogDocument.json(changed, fingerprints: changedInput.fingerprints.tables, fragments: onlyCatalog)
        #expect(onlyCatalog.counts(CatalogDocument.fragmentKind).encoded == 1)
        #expect(try onlyCatalog.save())
        #expect(try Data(contentsOf: file) != written)
        let next = try Self.build(catalog, pack: file, columnsPerShard: 4, "the search index from the kept parts")
        #expect(next.search.encoded == 0 && next.search.reused == catalog.allTables.count)
        #expect(next.catalog.encoded == 1, "the table changed back is encoded again")
        // No temporary file left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == [FragmentPack.fileName])
    }

    @Test func partsAreWrittenAsTheyAreMadeAndABuildThatDoesNotSaveLeavesNothing() throws {
        let catalog = try Fixture.shop()
        let folder = try TemporaryFolder()
        let file = folder.path(FragmentPack.fileName)
        do {
            let pack = FragmentPack(file: file)
            let input = ExportInput(catalog)
            _ = try CatalogDocument.json(catalog, fingerprints: input.fingerprints.tables, fragments: pack)
            let beside = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
            #expect(beside.count == 1 && beside[0].hasPrefix(".\(FragmentPack.fileName).adding-"), "\(beside)")
            let size = try FileManager.default.attributesOfItem(atPath: folder.path(beside[0]).path)[.size] as? Int ?? 0
            let parts = try catalog.allTables.map { try CompactJSON.bytes($0, capacity: 1 << 10).count }.reduce(0, +)
            #expect(size > parts, "every table's part is on disk, not in memory")
        }
        // The pack went away unsaved (a failed or interrupted build): nothing of it is left.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == [])
    }

    @Test func aSiteBuiltWithThePackIsTheSiteBuiltWithout() throws {
        var random = SplitMix64(seed: 7)
        let catalog = OddCatalog.make(&random)
        let cache = try TemporaryFolder()
        let pack = cache.path(FragmentPack.fileName)
        let theme = try Fixture.theme()
        for round in 0..<2 {
            let folder = try TemporaryFolder()
            let fragments = FragmentPack(file: pack)
            try SiteOutput(destination: folder.path("site")).replace {
                _ = try SiteGenerator(theme: theme, graphviz: Fixture.fakeGraphviz, fragments: fragments).generate(catalog, into: $0)
            }
            try fragments.save()
            let without = try TemporaryFolder()
            let expected = try Fixture.site(catalog, in: without)
            let files = TemporaryFolder.contents(of: folder.path("site"))
            for path in [SitePlan.catalogJSON, SitePlan.searchJSON, SitePlan.searchScript] {
                #expect(files[path] == expected[path], "round \(round): \(path)")
            }
            #expect(files.filter { $0.key.hasPrefix(SitePlan.searchFolder + "/") } == expected.filter { $0.key.hasPrefix(SitePlan.searchFolder + "/") })
        }
    }
}

/// Random catalogs whose names and texts are anything identifiers hold in the wild (`SplitMix64.text`), with empty
/// schemas, lone tables and views, and edits that rename and redescribe with such text.
enum OddCatalog {
    static func make(_ random: inout SplitMix64) -> Catalog {
        var sources: [Source] = []
        for s in 0..<Int.random(in: 1...2, using: &random) {
            let sourceName = "s\(s)" + (random.chance(0.5) ? random.text(maxLength: 4) : "")
            var schemas: [Schema] = []
            var schemaNames: Set<ExactName> = []
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let schemaName = random.text(maxLength: 6)
                guard schemaNames.insert(ExactName(schemaName)).inserted else { continue }
                let count = random.pick([0, 1, 1, 3, 12])
                var names: Set<ExactName> = []
                var tables: [Table] = []
                for _ in 0..<count {
                    let name = random.text(maxLength: 10)
                    guard names.insert(ExactName(name)).inserted else { continue }
                    tables.append(table(TableID(source: sourceName, schema: schemaName, name: name), &random))
                }
                schemas.append(Schema(name: schemaName, tables: tables.sorted { $0.name.exactlyPrecedes($1.name) }))
            }
            sources.append(Source(name: sourceName, kind: random.pick([.sqlite, .postgres]), schemas: schemas))
        }
        var catalog = Catalog(title: random.text(maxLength: 20), sources: sources)
        if catalog.allTables.isEmpty {
            catalog.sources[0].schemas.append(Schema(name: "lone", tables: [table(TableID(source: catalog.sources[0].name, schema: "lone", name: "only"), &random)]))
        }
        let ids = catalog.allTables.map(\.id)
        catalog.updateTables { table in
            if random.chance(0.4) {
                table.foreignKeys.append(ForeignKey(columns: [table.columns[0].name], referencedTable: random.pick(ids), referencedColumns: ["id"]))
            }
        }
        for _ in 0..<Int.random(in: 0...2, using: &random) { RandomCatalog.addRelationship(&catalog, &random) }
        if random.chance(0.5) {
            catalog.glossary = [GlossaryTerm(term: random.text(maxLength: 8), definition: random.text(maxLength: 200), synonyms: [random.text(maxLength: 5)])]
        }
        return catalog
    }

    static func table(_ id: TableID, _ random: inout SplitMix64) -> Table {
        var columns: [Column] = []
        var names: Set<ExactName> = []
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            let name = random.chance(0.3) ? random.pick(["id", "name", "e\u{301}t\u{E9}", "x#y"]) : random.text(maxLength: 8)
            guard names.insert(ExactName(name)).inserted else { continue }
            var column = Column(name: name, position: columns.count + 1, dataType: random.pick(["TEXT", "INTEGER"]))
            if random.chance(0.5) { column.description = Description(text: random.text(maxLength: 220), origin: .human) }
            if random.chance(0.2) { column.pii = PIIFinding(kind: random.pick([.email, .phone, .personName]), confidence: 0.8, reasons: [random.text()]) }
            columns.append(column)
        }
        return Table(id: id, kind: random.chance(0.2) ? .view : .table, columns: columns,
                     description: random.chance(0.5) ? Description(text: random.text(maxLength: 200), origin: .model) : nil)
    }

    /// Changes one table's description or a column's name or description to odd text.
    static func edit(_ catalog: inout Catalog, _ random: inout SplitMix64) -> String {
        let target = random.pick(catalog.allTables).id
        let text = random.text(maxLength: 180)
        switch Int.random(in: 0..<3, using: &random) {
        case 0:
            catalog.updateTables { if $0.id == target { $0.description = Description(text: text, origin: .human) } }
            return "odd table description of \(target.name.debugDescription)"
        case 1:
            catalog.updateTables { if $0.id == target { $0.columns[0].description = Description(text: text, origin: .human) } }
            return "odd column description in \(target.name.debugDescription)"
        default:
            catalog.updateTables { table in
                if table.id == target, !table.columns.contains(where: { $0.name.isExactly(text) }) { table.columns[0].name = text }
            }
            return "odd column name in \(target.name.debugDescription)"
        }
    }
}
