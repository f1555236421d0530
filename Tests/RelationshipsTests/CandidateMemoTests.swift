import Catalog
import ContentHash
import Foundation
import Testing
import TestSupport
@testable import Relationships

/// A rebuild after a context file changed reuses the last build's candidates: inference reads the catalog's
/// structure, never what people or describers write, and the memo is keyed by exactly what inference reads.
@Suite("Relationship candidates remembered between builds")
struct CandidateMemoTests {
    static let software = Fingerprint.of("this build of Schema Scribe")

    /// Every fixture's tables and columns with descriptions, context and PII findings written on them.
    static func written(_ catalog: Catalog, _ text: String) -> Catalog {
        var catalog = catalog
        catalog.updateTables { table in
            table.description = Description(text: "\(text) \(table.name).", origin: .human, status: .approved)
            table.context = EntityContext(businessRules: ["customer_id is the customer"], owner: "sales", tags: [text], hints: "orders")
            table.describePending = text
            for index in table.columns.indices {
                table.columns[index].description = Description(text: "\(text): references customers.id", origin: .model)
                table.columns[index].context = EntityContext(glossaryTerms: ["Customer"], pii: "none")
                table.columns[index].pii = PIIFinding(kind: .email, confidence: 0.9, reasons: [text])
            }
        }
        catalog.title = text
        catalog.glossary = [GlossaryTerm(term: text, definition: "the \(text) of orders")]
        return catalog
    }

    @Test(arguments: try SchemaFixture.all().map(\.name))
    func inferenceFindsTheSameWhateverIsWrittenAboutTheTables(fixture name: String) throws {
        let fixture = try #require(try SchemaFixture.all().first { $0.name == name })
        let stage = RelationshipStage()
        let plain = stage.candidates(in: fixture.catalog)
        let annotated = Self.written(fixture.catalog, "Written")
        #expect(stage.candidates(in: annotated) == plain)
        #expect(stage.candidates(in: RelationshipStage.inferenceInput(annotated)) == plain)
    }

    @Test func theFingerprintIgnoresWrittenTextAndFollowsStructure() throws {
        let fixture = try SchemaFixture(file: SchemaFixture.folder.appendingPathComponent("snake_case.schema"))
        let stage = RelationshipStage()
        func fingerprint(_ catalog: Catalog, stage: RelationshipStage = RelationshipStage(), software: Fingerprint = Self.software) -> Fingerprint {
            stage.inferenceFingerprint(of: RelationshipStage.inferenceInput(catalog), software: software)
        }
        let base = fingerprint(fixture.catalog)
        #expect(fingerprint(Self.written(fixture.catalog, "First")) == base)
        #expect(fingerprint(Self.written(fixture.catalog, "Second")) == base)
        // Nor do the sizes a live database changes with every write.
        var grown = fixture.catalog
        grown.updateTables { $0.rowCount = RowCount(value: 12_345, isExact: false); $0.bytes = 1 << 20 }
        #expect(fingerprint(grown) == base)
        #expect(RelationshipStage().candidates(in: grown) == stage.candidates(in: fixture.catalog))

        var changes: [String: Catalog] = [:]
        func changed(_ label: String, _ change: (inout Table) -> Void) {
            var catalog = fixture.catalog
            var done = false
            catalog.updateTables { table in
                guard !done, !table.columns.isEmpty else { return }
                change(&table)
                done = true
            }
            changes[label] = catalog
        }
        changed("a column renamed") { $0.columns[0].name += "_x" }
        changed("a type changed") { $0.columns[0].dataType = $0.columns[0].dataType == "text" ? "integer" : "text" }
        changed("a primary key dropped") { $0.primaryKey = nil }
        changed("a profile") { $0.columns[0].profile = ColumnProfile(nullFraction: 0.5, distinct: 3) }
        var added = fixture.catalog
        added.sources[0].schemas[0].tables.append(try SchemaFixture.table("invoices(id serial pk, order_id integer)"))
        changes["a table added"] = added
        var decided = fixture.catalog
        let first = try #require(stage.candidates(in: fixture.catalog).first)
        var rejected = first
        rejected.status = .rejected
        decided.relationships.append(rejected)
        changes["a suggestion rejected"] = decided
        for (label, catalog) in changes {
            #expect(fingerprint(catalog) != base, "\(label) must mean inferring again")
        }
        #expect(fingerprint(fixture.catalog, stage: RelationshipStage(defaults: RelationshipSettings(infer: false))) != base)
        #expect(fingerprint(fixture.catalog, software: Fingerprint.of("another build")) != base)
    }

    @Test func theMemoGivesBackOnlyWhatItKeptForThatInput() throws {
        let folder = try TemporaryFolder()
        let fixture = try SchemaFixture(file: SchemaFixture.folder.appendingPathComponent("snake_case.schema"))
        let candidates = RelationshipStage().candidates(in: fixture.catalog)
        #expect(!candidates.isEmpty)
        let input = Fingerprint.of("input")
        #expect(CandidateMemo(folder: folder.url).candidates(for: input) == nil)
        CandidateMemo(folder: folder.url).store(candidates, for: input)
        #expect(CandidateMemo(folder: folder.url).candidates(for: input) == candidates)
        #expect(CandidateMemo(folder: folder.url).candidates(for: Fingerprint.of("another input")) == nil)
        // A damaged file is no memo: inference runs again.
        let file = folder.path(CandidateMemo.fileName)
        let bytes = try Data(contentsOf: file)
        try bytes.prefix(bytes.count / 2).write(to: file)
        #expect(CandidateMemo(folder: folder.url).candidates(for: input) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == [CandidateMemo.fileName])
    }
}
