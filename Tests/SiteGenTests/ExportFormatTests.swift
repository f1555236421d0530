import Catalog
import Foundation
import Testing
import TestSupport
@testable import SiteGen

/// `export --format markdown|dbt`: the files written for the shop fixture, and names that would break the syntax.
@Suite("Export formats")
struct ExportFormatTests {
    /// The shop fixture with a documented and a suggested relationship, and descriptions of every origin.
    static func shop() throws -> Catalog {
        var catalog = try Fixture.shop()
        let orders = TableID(source: "shop", schema: "main", name: "orders")
        let returns = TableID(source: "shop", schema: "main", name: "returns")
        let ledger = TableID(source: "shop", schema: "main", name: "ledger")
        catalog.relationships = [
            .documented(from: returns, fromColumns: ["order_id"], to: orders, toColumns: ["id"], description: "A return undoes an order."),
            Relationship(from: .init(table: ledger, columns: ["order_ref"]), to: .init(table: orders, columns: ["id"]), origin: .inferred,
                         status: .suggested, confidence: 0.8),
        ]
        catalog.updateTables { table in
            guard table.id == orders else { return }
            for index in table.columns.indices {
                switch index {
                case 0: table.columns[index].description = Description(text: "The order's number.", origin: .databaseComment)
                case 1: table.columns[index].description = Description(text: "Who ordered | and when.", origin: .model, status: .approved, isStale: true)
                case 2: table.columns[index].description = Description(text: "Filled in from a template.", origin: .template)
                default: break
                }
            }
        }
        return catalog
    }

    static func write(_ exporter: any Exporter, _ catalog: Catalog) throws -> [String: String] {
        let folder = try TemporaryFolder()
        try SiteOutput(destination: folder.path("out")).replace { _ = try exporter.export(ExportInput(catalog), into: $0, progress: { _ in }) }
        return TemporaryFolder.contents(of: folder.path("out")).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func markdownOfATableMatchesItsSnapshot() throws {
        let catalog = try Self.shop()
        let files = try Self.write(MarkdownExporter(), catalog)
        #expect(Set(files.keys).isSuperset(of: ["README.md", "shop/main/orders.md", "shop/main/returns.md"]))
        if let problem = Snapshot.mismatch(files["shop/main/orders.md"] ?? "", named: "export-orders.md") { Issue.record(Comment(rawValue: problem)) }
        if let problem = Snapshot.mismatch(files["README.md"] ?? "", named: "export-README.md") { Issue.record(Comment(rawValue: problem)) }
    }

    @Test func dbtSourcesMatchTheirSnapshot() throws {
        let files = try Self.write(DBTSourcesExporter(), try Self.shop())
        #expect(files.keys.filter { $0 != SiteOutput.marker } == ["shop/sources.yml"])
        if let problem = Snapshot.mismatch(files["shop/sources.yml"] ?? "", named: "export-sources.yml") { Issue.record(Comment(rawValue: problem)) }
    }

    @Test func onlyTheSelectionIsWrittenAndLinksGoOnlyToWrittenFiles() throws {
        let orders = TableID(source: "shop", schema: "main", name: "orders")
        let files = try Self.write(MarkdownExporter(selection: [orders]), try Self.shop())
        #expect(Set(files.keys) == ["README.md", "shop/main/orders.md", SiteOutput.marker])
        let page = files["shop/main/orders.md"] ?? ""
        #expect(page.contains("main.returns (order\\_id) → [main.orders](orders.md) (id) (documented) — A return undoes an order."))
        #expect(page.contains("(inferred, suggested, confidence 80 %)"))
        let dbt = try Self.write(DBTSourcesExporter(selection: [orders]), try Self.shop())["shop/sources.yml"] ?? ""
        #expect(!dbt.contains("relationships:"), "a relationships test to a source not exported would fail dbt parse")
    }

    /// A table and column whose names hold every character Markdown, GFM tables and Mermaid give a meaning to.
    static let hostile = "a|b`c\n<script>*_[x](y)# \"q\" {z}; %% 1. -"

    static func hostileCatalog() -> Catalog {
        let id = TableID(source: "s", schema: "main", name: hostile)
        let other = TableID(source: "s", schema: "main", name: "other")
        let table = Table(id: id, kind: .table, columns: [
            Column(name: hostile, position: 1, dataType: "numeric(10,2)|x", isNullable: false, primaryKeyPosition: 1,
                   description: Description(text: "- 1. | `<b>` \\| \r\nsecond line", origin: .human)),
            Column(name: "other_id", position: 2, dataType: "INTEGER"),
        ], primaryKey: PrimaryKey(columns: [hostile]),
           foreignKeys: [ForeignKey(columns: ["other_id"], referencedTable: other, referencedColumns: ["id"])],
           description: Description(text: "    # not a heading\n> nor a quote", origin: .human))
        let target = Table(id: other, kind: .table, columns: [Column(name: "id", position: 1, dataType: "INTEGER", primaryKeyPosition: 1)],
                           primaryKey: PrimaryKey(columns: ["id"]))
        return Catalog(title: "T", sources: [Source(name: "s", kind: .sqlite, schemas: [Schema(name: "main", tables: [table, target])])])
    }

    @Test func hostileNamesStayInTheirCellAndCannotBreakTheMermaidDiagram() throws {
        let catalog = Self.hostileCatalog()
        let files = try Self.write(MarkdownExporter(), catalog)
        let page = try #require(files.first { $0.key.hasSuffix(".md") && $0.key != "README.md" && !$0.key.hasSuffix("other.md") }?.value)
        // Each table row has exactly eight unescaped pipes: seven cells.
        let rows = page.components(separatedBy: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Column") }
        #expect(rows.count == 2)
        for row in rows { #expect(Self.unescapedPipes(row) == 8, "\(row)") }
        #expect(!page.contains("<script>") && !page.contains("<b>"))
        #expect(page.contains("\\`\\<b\\>\\`"))
        #expect(page.contains("\\# not a heading<br>\\> nor a quote"))
        let diagram = try #require(page.components(separatedBy: "```mermaid\n").last?.components(separatedBy: "```").first)
        for line in diagram.split(separator: "\n").dropFirst() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-(). \"[]{}|o:")
            #expect(trimmed.unicodeScalars.allSatisfy(allowed.contains), "\(trimmed)")
            // Quotes only around a whole label.
            #expect(trimmed.filter { $0 == "\"" }.count % 2 == 0)
        }
        #expect(diagram.contains("t0[\"main.a_b_c__script____x__y__ _q_ _z__ __ 1. -\"] {"))
        #expect(diagram.contains("numeric(10_2)_x a_b_c__script____x__y____q___z______1__-\n"))
    }

    @Test func hostileNamesInDBTAreQuotedYAMLAndJinja() throws {
        let dbt = try Self.write(DBTSourcesExporter(), Self.hostileCatalog())["s/sources.yml"] ?? ""
        #expect(dbt.contains("      - name: \"a|b`c\\n<script>*_[x](y)# \\\"q\\\" {z}; %% 1. -\"\n"))
        #expect(dbt.contains("to: \"source('s', 'other')\""))
        #expect(DBTSourcesExporter.jinjaString("it's \\ here") == "'it\\'s \\\\ here'")
    }

    @Test func aSourceOfSeveralSchemasGivesADBTSourcePerSchemaNamedAfterBoth() throws {
        let customers = TableID(source: "erp", schema: "crm", name: "customers")
        let orders = TableID(source: "erp", schema: "sales", name: "orders")
        let catalog = Catalog(title: "T", sources: [Source(name: "erp", kind: .sqlite, schemas: [
            Schema(name: "crm", tables: [Table(id: customers, kind: .table, columns: [Column(name: "id", position: 1, dataType: "INTEGER")],
                                              primaryKey: PrimaryKey(columns: ["id"]))]),
            Schema(name: "sales", tables: [Table(id: orders, kind: .table, columns: [
                Column(name: "id", position: 1, dataType: "INTEGER"), Column(name: "customer_id", position: 2, dataType: "INTEGER"),
            ], primaryKey: PrimaryKey(columns: ["id", "customer_id"]),
               foreignKeys: [ForeignKey(columns: ["customer_id"], referencedTable: customers, referencedColumns: [])])]),
        ])])
        let dbt = try Self.write(DBTSourcesExporter(), catalog)["erp/sources.yml"] ?? ""
        #expect(dbt.contains("  - name: erp_crm\n    schema: crm\n"))
        #expect(dbt.contains("  - name: erp_sales\n    schema: sales\n"))
        // The key names no column, so it references the primary key; a two-column key has no unique test.
        #expect(dbt.contains("to: \"source('erp_crm', 'customers')\"\n                  field: id\n"))
        #expect(dbt.components(separatedBy: "- unique").count == 2)
        let json = catalog.selecting([orders])
        #expect(json.allTables.map(\.id) == [orders] && json.sources.first?.schemas.map(\.name) == ["sales"])
    }

    static func unescapedPipes(_ line: String) -> Int {
        var count = 0, escaped = false
        for character in line {
            if character == "|" && !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count
    }
}
