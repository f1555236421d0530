import Foundation
import Testing
import TestSupport
@testable import ScribeKit

/// End to end: SQLite compares names byte for byte, so tables `é` (U+00E9) and `e` + U+0301 are two tables,
/// though Swift's `String` takes the two spellings for one. Neither may lose its page, columns or links.
@Suite("A build with names differing only in Unicode normalization")
struct UnicodeNamesBuildTests {
    static let composed = "\u{E9}", decomposed = "e\u{301}"
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        let (c, d) = (Self.composed, Self.decomposed)
        try SQLiteFixture.create("""
            CREATE TABLE "\(c)" (id INTEGER PRIMARY KEY, "\(c)" TEXT, "\(d)" TEXT, nfc_only TEXT);
            CREATE TABLE "\(d)" (id INTEGER PRIMARY KEY, nfd_only TEXT);
            CREATE TABLE orders (id INTEGER PRIMARY KEY, ref INTEGER REFERENCES "\(d)"(id));
            INSERT INTO "\(c)" VALUES (1, 'a', 'x', 'p'), (2, 'b', 'x', 'q'), (3, 'c', 'x', 'r');
            INSERT INTO "\(d)" VALUES (1, 'only');
            """, in: folder.url, name: "db.sqlite")
        try Data("title: T\nsources:\n  - {name: db, kind: sqlite, path: db.sqlite}\n".utf8).write(to: folder.path("site.yml"))
        try FileManager.default.createDirectory(at: folder.path("content/context"), withIntermediateDirectories: true)
        try Data("tables:\n  \(d):\n    description: The decomposed one.\n".utf8).write(to: folder.path("content/context/d.yml"))
    }

    func build() async throws -> (Build.Report, [String: Data]) {
        let report = try await Build().run(.init(configPath: folder.path("site.yml").path))
        return (report, TemporaryFolder.contents(of: folder.path("_site")))
    }

    /// Byte for byte: `String.contains` would find either spelling for the other.
    func has(_ data: Data?, _ part: String) -> Bool {
        data?.range(of: Data(part.utf8)) != nil
    }

    /// The one table page that contains `marker`.
    func page(_ files: [String: Data], containing marker: String) throws -> String {
        let pages = files.filter { $0.key.hasPrefix("db/main/tables/") && has($0.value, marker) }.map(\.key)
        #expect(pages.count == 1, "pages with \(marker): \(pages)")
        return try #require(pages.first)
    }

    @Test func eachTableKeepsItsPageColumnsAnchorsLinksAndSearchEntries() async throws {
        let (report, files) = try await build()
        #expect(report.tables == 3)
        #expect(report.findings.map(\.description) == [])
        #expect(files.keys.filter { $0.hasPrefix("db/main/tables/") }.count == 3)
        let composedPage = try page(files, containing: "nfc_only")
        let decomposedPage = try page(files, containing: "nfd_only")
        #expect(composedPage != decomposedPage)

        // The composed table lists both of its columns, each with an anchor of its own.
        let html = String(decoding: try #require(files[composedPage]), as: UTF8.self)
        let anchors = html.components(separatedBy: "<tr id=\"c-").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(anchors.count == 4 && Set(anchors).count == 4)
        #expect(has(files[composedPage], "<code>\(Self.composed)</code>") && has(files[composedPage], "<code>\(Self.decomposed)</code>"))

        // The context file's description lands on the table it names, only there.
        #expect(has(files[decomposedPage], "The decomposed one.") && !has(files[composedPage], "The decomposed one."))

        // The foreign key, its diagram and the way back point at the decomposed table's page.
        let target = (decomposedPage as NSString).lastPathComponent
        let orders = files["db/main/tables/orders.html"]
        #expect(has(orders, "href=\"\(target)\"") && has(orders, "xlink:href=\"\(target)\""))
        #expect(!has(orders, (composedPage as NSString).lastPathComponent))
        #expect(has(files[decomposedPage], "href=\"orders.html\"") && !has(files[composedPage], "href=\"orders.html\""))

        // Both tables in the search index, each entry pointing at its own page.
        let search = try #require(files["search.json"])
        for (name, page) in [(Self.composed, composedPage), (Self.decomposed, decomposedPage)] {
            #expect(has(search, "\"n\":\"\(name)\",\"p\":\"\(page)\""), "no search entry for \(name.unicodeScalars.map(\.value))")
        }
        #expect(has(search, "\"n\":\"\(Self.decomposed)\",\"p\":\"\(composedPage)#c-"))
    }

    @Test func aRebuildFromTheCachesIsByteIdentical() async throws {
        let (_, first) = try await build()
        let (_, second) = try await build()
        #expect(first == second)
        // Each column's own profile, from the data and then from the cache: three distinct values, and one.
        let page = String(decoding: try #require(first[try page(first, containing: "nfc_only")]), as: UTF8.self)
        #expect(page.contains("All 3 rows read"))
    }
}
