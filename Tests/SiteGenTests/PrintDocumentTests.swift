import Catalog
import Foundation
import Testing
import TestSupport
@testable import SiteGen

/// `export --format pdf` prints this document: everything from the database is text in it, never markup.
@Suite struct PrintDocumentTests {
    @Test func hostileNamesAndDescriptionsAreTextAndEachTableGetsItsDiagram() throws {
        let hostile = "<img src=x onerror=alert(1)>&amp;"
        var catalog = Fixture.catalog(tables: [hostile, "plain"], columns: ["id", "<b>col</b>"])
        catalog.sources[0].schemas[0].tables[0].description = Description(text: "<script>alert(1)</script>\nsecond line", origin: .model)
        let ids = Set(catalog.allTables.map(\.id))
        let folder = try TemporaryFolder()
        let exporter = PrintDocumentExporter(selection: ids, graphviz: Fixture.fakeGraphviz)
        let summary = try exporter.export(ExportInput(catalog), into: SiteFolder(root: folder.path("out")), progress: { _ in })
        #expect(summary.diagrams == 2)
        let html = try String(contentsOf: folder.path("out").appendingPathComponent(PrintDocumentExporter.fileName), encoding: .utf8)
        #expect(!html.contains("<img") && !html.contains("<script") && !html.contains("<b>col"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;&amp;amp;"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;<br>second line <span class=\"origin\">model, draft</span>"))
        #expect(html.components(separatedBy: "<section id=").count == 3)
        #expect(html.components(separatedBy: "bytes of DOT").count == 3, "one diagram per table")
        #expect(!html.contains("<link") && !html.contains("url(") && !html.contains("<script"), "nothing to fetch")
    }
}
