import Catalog
import Foundation
import Testing
import TestSupport
@testable import Context

@Suite("Reading dbt property files as context")
struct DBTContextTests {
    /// The dbt fixtures (and an optional context file) merged into the shop catalog; findings as printed.
    func merge(_ files: [String], context yaml: String = "") throws -> (catalog: Catalog, findings: [String]) {
        let dbt = try ContextLoader().loadDBT(files: files.map { Fixtures.url("dbt/\($0)") }, displayRoot: Fixtures.url("dbt"))
        var set = try ContextLoader().parseYAML(yaml, file: "c.yml")
        set.dbt = dbt.entries
        let result = try ContextMerge(context: set, defaultTemplates: false).apply(to: Shop.catalog())
        return (result.catalog, (dbt.findings + result.findings).map(\.description))
    }

    func table(_ catalog: Catalog, _ name: String, source: String = "shop") -> Table? {
        catalog.table(TableID(source: source, schema: "main", name: name))
    }

    @Test func aSourceTableIsFoundByItsIdentifierAndItsTextIsHuman() throws {
        let (catalog, _) = try merge(["sources.yml"])
        let customers = table(catalog, "customers")
        #expect(customers?.description == Description(text: "People who have bought from us at least once.", origin: .human, status: .approved))
        #expect(customers?.context?.tags == ["core"])
        #expect(customers?.column(named: "email")?.description == Description(text: "Where receipts are sent.", origin: .human, status: .approved))
    }

    /// Reading an export back must not turn a draft into a person's words: unapproved machine text is left out,
    /// approved machine text and plain dbt text are read.
    @Test func draftTextSchemaScribeExportedIsNotReadBackAsHuman() throws {
        let (catalog, _) = try merge(["exported.yml"])
        let customers = table(catalog, "customers")
        // The exported template draft is not read: the table keeps what it had, its database comment.
        #expect(customers?.description?.origin == .databaseComment && customers?.description?.text != "One row per customer.")
        #expect(customers?.column(named: "email")?.description == Description(text: "Where receipts are sent.", origin: .human, status: .approved))
        #expect(customers?.column(named: "id")?.description?.text == "Customer number.")
    }

    @Test func aDocsBlockIsLeftOutWithAFindingAndAMissingColumnIsAFinding() throws {
        let (catalog, findings) = try merge(["sources.yml"])
        #expect(table(catalog, "customers")?.column(named: "created_at")?.description == nil)
        #expect(findings == [
            "sources.yml:19:26: `sources[0].tables[0].columns[1].description` is Jinja (such as `{{ doc('…') }}`); docs blocks are not read, "
                + "so this description is left out; write the text in the file or in a context file",
            "sources.yml:22:13: dbt source `shop.orders` column `stauts`: column `main.orders.stauts` does not exist; did you mean `status`?",
        ])
    }

    @Test func aModelMatchesTheOneTableOfItsNameAndAContextFileWins() throws {
        let (catalog, findings) = try merge(["models.yml"], context: """
            tables:
              customers:
                description: People who buy from us.
            """)
        #expect(table(catalog, "orders")?.description?.text == "One row per order placed in the shop.")
        #expect(table(catalog, "orders")?.column(named: "status")?.description?.origin == .human)
        #expect(table(catalog, "customers")?.description?.text == "People who buy from us.")
        #expect(table(catalog, "events")?.description == nil)
        #expect(findings == [
            "models.yml:12:5: dbt model `customers` is also described in c.yml:3:5, which wins; the dbt description is not used",
            "models.yml:14:5: dbt model `events` matches several tables (archive.main.events, shop.main.events); "
                + "describe it as a dbt source with its schema, or in a context file",
            "models.yml:16:5: dbt model `sessions` matches no table or view",
        ])
    }

    @Test func aSchemaInSeveralSourcesIsMatchedByTheDBTSourceName() throws {
        let (catalog, findings) = try merge(["ambiguous-schema.yml"])
        #expect(table(catalog, "events", source: "archive")?.description?.text == "Clicks kept for later.")
        #expect(table(catalog, "events")?.description == nil)
        #expect(findings == [
            "ambiguous-schema.yml:6:9: dbt source `raw.events`: schema `main` is in several sources (`shop`, `archive`); "
                + "name the dbt source like one of them to choose",
        ])
    }

    @Test func twoDBTFilesDescribingOneColumnDifferentlyAreAFindingAndTheFirstIsUsed() throws {
        let (catalog, findings) = try merge(["sources.yml", "second.yml"])
        #expect(table(catalog, "customers")?.column(named: "email")?.description?.text == "Where receipts are sent.")
        #expect(findings.filter { $0.hasPrefix("second.yml") } == [
            "second.yml:6:9: dbt model `customers` column `email` is already described at sources.yml:15:13, "
                + "which is used; describe each table and column in one dbt file",
        ])
    }

    @Test(arguments: [
        ("tables-not-a-list.yml", "tables-not-a-list.yml:6:7: `sources[0].tables` should be a list, found a mapping"),
        ("column-without-name.yml", "column-without-name.yml:5:9: `models[0].columns[0]` is missing `name`"),
    ])
    func malformedStructureIsALocatedError(file: String, message: String) throws {
        #expect(throws: ConfigError.self) { try merge([file]) }
        do {
            _ = try merge([file])
        } catch let error as ConfigError {
            #expect(error.description == message)
        }
    }

    @Test func aProjectFolderReadsItsModelsFiles() {
        let files = DBTReader.files(matching: Fixtures.url("dbt/project").path).map(\.lastPathComponent)
        #expect(files == ["src.yml"])
        let globbed = DBTReader.files(matching: Fixtures.url("dbt").path + "/**/*.yml").map(\.lastPathComponent)
        #expect(globbed.contains("src.yml") && globbed.contains("sources.yml") && globbed.contains("dbt_project.yml"))
    }
}
