import Catalog
import Foundation
import Testing
@testable import SiteGen

/// The page's search index holds exactly what `search.json` holds, in less: every entry can be rebuilt from
/// the core and its description shards, the way search.js rebuilds the rows it shows.
@Suite struct SearchScriptTests {
    /// The JSON a part pushes onto `window.scribeSearch`.
    static func part(_ script: Data) throws -> [String: Any] {
        var text = String(decoding: script, as: UTF8.self)
        let prefix = "(window.scribeSearch = window.scribeSearch || []).push(", suffix = ");\n"
        #expect(text.hasPrefix(prefix) && text.hasSuffix(suffix))
        text = String(text.dropFirst(prefix.count).dropLast(suffix.count))
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Every entry of the index, rebuilt from the parts as search.js does.
    static func rebuilt(_ script: SearchScript) throws -> [SearchIndex.Entry] {
        let core = try part(script.core)
        let schemas = try #require(core["schemas"] as? [String])
        let terms = try #require(core["terms"] as? [[String]])
        let tables = try #require(core["tables"] as? [[Any]])
        let names = try #require(core["names"] as? [[String]])
        let columns = try #require(core["columns"] as? [Int])
        let anchors = Dictionary(uniqueKeysWithValues: try #require(core["anchors"] as? [[Any]]).map { ($0[0] as! Int, $0[1] as! String) })
        let pii = Dictionary(uniqueKeysWithValues: try #require(core["pii"] as? [[Any]]).map { ($0[0] as! Int, $0[1] as! String) })
        var descriptions: [String] = []
        for (offset, shard) in script.shards.enumerated() {
            let body = try part(shard.script)
            #expect(body["from"] as? Int == descriptions.count)
            #expect(shard.path == "search/columns-\(offset).js")
            descriptions += try #require(body["descriptions"] as? [String])
        }
        #expect(descriptions.count == columns.count)

        var entries = terms.map { SearchIndex.Entry(kind: "term", name: $0[0], context: $0[1], path: $0[2], description: $0[3]) }
        var column = 0
        for table in tables {
            let schema = table[2] as? Int, path = table[3] as! String, name = table[1] as! String
            let place = schema.map { schemas[$0] } ?? ""
            let text = { (value: Any) -> String? in (value as? String).flatMap { $0.isEmpty ? nil : $0 } }
            entries.append(SearchIndex.Entry(kind: table[0] as! String, name: name, context: place, path: path,
                                             description: table[4] as! String, pii: text(table[5]), related: text(table[6]), schema: schema))
            for _ in 0..<(table[7] as! Int) {
                let columnName = names[columns[column]]
                let anchor = anchors[column] ?? columnName[1]
                entries.append(SearchIndex.Entry(kind: "column", name: columnName[0], context: place + "." + name,
                                                 path: anchor.isEmpty ? path : path + "#" + anchor,
                                                 description: descriptions[column], pii: pii[column], schema: schema))
                column += 1
            }
        }
        return entries
    }

    @Test func theCoreAndShardsHoldEveryEntryOfTheIndex() throws {
        let catalog = try Fixture.shop()
        let index = SearchIndex(catalog, plan: SitePlan(catalog))
        let script = try SearchScript(index, columnsPerShard: 3)
        #expect(script.shards.count == (index.entries.filter { $0.kind == "column" }.count + 2) / 3)
        #expect(try Self.rebuilt(script) == index.entries)
    }

    /// A name is stored once however many tables use it; a column whose anchor is not its name's usual one
    /// (two names that make the same file-safe word) is listed as an exception and still links right.
    @Test func repeatedNamesAreStoredOnceAndUnusualAnchorsKept() throws {
        var catalog = Fixture.catalog(tables: ["a", "b", "c"], columns: ["id", "Total Amount", "total_amount"])
        catalog.glossary = [GlossaryTerm(term: "Thing", definition: "A thing.")]
        let index = SearchIndex(catalog, plan: SitePlan(catalog))
        let script = try SearchScript(index)
        let core = try Self.part(script.core)
        #expect((core["names"] as? [[String]])?.map(\.[0]) == ["id", "Total Amount", "total_amount"])
        #expect(try Self.rebuilt(script) == index.entries)
    }

    @Test func noNameCanCloseTheScriptElement() throws {
        var tricky = Fixture.catalog(tables: ["</script><b>", "line\u{2028}separator", "quote\"back\\slash\u{1}"])
        tricky.title = "x"
        let index = SearchIndex(tricky, plan: SitePlan(tricky))
        let script = try SearchScript(index)
        let text = String(decoding: script.core, as: UTF8.self)
        #expect(!text.contains("<") && !text.contains("\u{2028}"))
        #expect(text.contains(#""\u003c/script\u003e\u003cb\u003e""#))
        #expect(try Self.rebuilt(script) == index.entries)
    }

    /// The parts are byte for byte what JSONSerialization with sorted keys wrote, made safe as `ScriptJSON.safe`
    /// makes JSON safe: the writer that replaced it changed no file.
    @Test func thePartsAreWhatJSONSerializationWrote() throws {
        var catalog = Fixture.catalog(tables: ["</script>", "line\u{2028}separator", "quote\"back\\slash\u{1}", "a/b"],
                                      columns: ["id", "Total Amount", "total_amount", "é & <x>"])
        catalog.glossary = [GlossaryTerm(term: "Thing", definition: "A <thing>.", synonyms: ["stuff"])]
        let index = SearchIndex(catalog, plan: SitePlan(catalog))
        let script = try SearchScript(index, columnsPerShard: 5)
        #expect(String(decoding: script.core, as: UTF8.self) == Self.serialized(try Self.part(script.core)))
        #expect(script.shards.count == 4)
        for shard in script.shards {
            #expect(String(decoding: shard.script, as: UTF8.self) == Self.serialized(try Self.part(shard.script)))
        }
    }

    static func serialized(_ part: [String: Any]) -> String {
        let json = (try? JSONSerialization.data(withJSONObject: part, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return "(window.scribeSearch = window.scribeSearch || []).push(" + ScriptJSON.safe(String(decoding: json, as: UTF8.self)) + ");\n"
    }

    @Test func aSourceCalledSearchDoesNotShareTheShardsFolder() throws {
        var catalog = Fixture.catalog(tables: ["a"])
        catalog.sources[0].name = "search"
        let plan = SitePlan(catalog)
        let page = try #require(plan.tablePage(catalog.allTables[0].id))
        #expect(!page.hasPrefix(SitePlan.searchFolder + "/"))
    }
}
