import Catalog
import Foundation
import Testing
import TestSupport
@testable import SiteGen

/// The exporter seam: a site is the exporters it is given, each writing its own files from one shared plan.
@Suite("Exporters")
struct ExporterTests {
    /// An exporter from outside SiteGen's list: what a Markdown or dbt export will look like.
    struct TableList: Exporter {
        let name = "table-list"
        func export(_ input: ExportInput, into folder: SiteFolder, progress: (String) -> Void) throws -> ExportSummary {
            let lines = input.catalog.allTables.map { "\($0.id) → \(input.plan.tablePage($0.id) ?? "-")" }
            try folder.write("tables.txt", Data((lines.joined(separator: "\n") + "\n").utf8))
            return ExportSummary(files: 1)
        }
    }

    @Test func aSiteIsTheExportersItIsGiven() throws {
        let folder = try TemporaryFolder()
        let output = SiteOutput(destination: folder.path("site"))
        var summary = ExportSummary()
        try output.replace {
            summary = try SiteGenerator(exporters: [CatalogJSONExporter(), TableList()]).generate(Fixture.catalog(tables: ["a", "b"]), into: $0)
        }
        let files = TemporaryFolder.contents(of: folder.path("site"))
        #expect(Set(files.keys) == ["catalog.json", "tables.txt", SiteOutput.marker])
        #expect(files["tables.txt"] == Data("s.main.a → s/main/tables/a.html\ns.main.b → s/main/tables/b.html\n".utf8))
        #expect(summary == ExportSummary(files: 2))
    }

    @Test func theSiteIsPagesThenSearchIndexThenCatalogJSON() throws {
        let names = Exporters.site(theme: try Fixture.theme(), graphviz: Fixture.fakeGraphviz).map(\.name)
        #expect(names == ["html", "search-index", "catalog-json"])
    }
}
