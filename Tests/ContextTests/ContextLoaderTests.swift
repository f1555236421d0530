import Catalog
import Foundation
import Testing
import TestSupport
@testable import Context

@Suite("Reading context files")
struct ContextLoaderTests {
    let loader = ContextLoader()

    func load(_ file: String) throws -> ContextSet {
        try loader.load(folder: Fixtures.url(file), displayRoot: Fixtures.url(""))
    }

    /// Each bad file and the exact message a user sees for it.
    static let badFiles: [(String, String)] = [
        ("syntax.yml", "syntax.yml:4:1: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 3)"),
        ("unknown-key.yml", "unknown-key.yml:3:5: unknown key `descripton` in `tables.orders`; did you mean `description`? allowed keys: "
            + "description, business_rules, data_sources, usage_notes, examples, glossary_terms, owner, tags, status, inputs_hash, hints, columns"),
        ("wrong-type.yml", "wrong-type.yml:3:21: `tables.orders.business_rules` should be a list, found a mapping"),
        ("bad-status.yml", "bad-status.yml:3:13: `tables.orders.status` should be `draft` or `approved`, found `done`"),
        ("bad-placeholder.yml", "bad-placeholder.yml:3:18: unknown placeholder `{referenced_tabel}` in `templates[0].description`; available: "
            + "{column}, {referenced_column}, {referenced_table}, {schema}, {source}, {subject}, {table}, {type}, {verb_phrase}"),
        ("relationship-count.yml", "relationship-count.yml:2:5: `relationships[0]` joins 2 column(s) to 1; `from` and `to` need the same number"),
        ("glossary-missing-definition.yml", "glossary-missing-definition.yml:2:5: `glossary[0]` is missing `definition`"),
        ("bad-regex.yml", "bad-regex.yml:2:13: `templates[0].column` should be a glob such as `*_id` or a valid regular expression "
            + "between slashes, found `/^(is|has_/`"),
        ("bad-cardinality.yml", "bad-cardinality.yml:2:63: unknown cardinality `lots` in `relationships[0].cardinality`; "
            + "allowed: one-to-one, one-to-many, many-to-one, many-to-many"),
        ("misspelt-cardinality.yml", "misspelt-cardinality.yml:4:18: unknown cardinality `many-to-on` in `relationships[0].cardinality`; "
            + "did you mean `many-to-one`? allowed: one-to-one, one-to-many, many-to-one, many-to-many"),
        ("relationship-status.yml", "relationship-status.yml:4:13: `relationships[0].status` should be `accepted` or `rejected`, found `suggested`"),
        ("misspelt-relationship-status.yml", "misspelt-relationship-status.yml:2:58: `relationships[0].status` should be `accepted` or "
            + "`rejected`, found `rejectd`; did you mean `rejected`?"),
        ("null-text.yml", "null-text.yml:3:12: `tables.orders.owner` should be text, found `~`"),
        ("unknown-header.csv", "unknown-header.csv:1:7: unknown column header `colum`; did you mean `column`? allowed headers: "
            + "table, column, description, business_rules, data_sources, usage_notes, examples, glossary_terms, owner, tags, status, inputs_hash, hints, pii"),
        ("unclosed-quote.csv", "unclosed-quote.csv:2:8: this quoted cell is never closed; add the closing \""),
        ("cell-count.csv", "cell-count.csv:2:1: this row has 3 cells but the header has 2; quote cells that contain commas"),
        ("csv-status.csv", "csv-status.csv:2:11: `status` should be `draft` or `approved`, found `finished`"),
    ]

    @Test(arguments: badFiles)
    func aBadFileStopsTheBuildWithItsPlace(file: String, message: String) throws {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(at: Fixtures.url("bad/\(file)"), to: folder.path(file))
        let error = #expect(throws: ConfigError.self) { try loader.load(folder: folder.url, displayRoot: folder.url) }
        #expect(error?.description == message)
    }

    @Test func csvCellsMayHoldCommasQuotesAndLineBreaks() throws {
        let set = try load("csv")
        #expect(set.entries.count == 3)
        let orders = set.entries[0]
        #expect(orders.table == "orders" && orders.column == nil)
        #expect(orders.description == "One row per order, placed anywhere.")
        #expect(orders.context.businessRules == ["Rule one", "Rule two, with a comma"])
        #expect(orders.context.tags == ["core", "sales"])
        #expect(orders.location.description == "csv/edge-cases.csv:2:1")
        #expect(set.entries[1].description == "The \"state\" of the order")
        #expect(set.entries[2].description == "Line one\nline two")
        #expect(set.entries[2].location.line == 7)  // the first row's cells hold two line breaks
    }

    /// A folder is a folder whatever its name: what it holds is read, the folder itself is not a file.
    @Test func aFolderNamedLikeAContextFileIsReadAsAFolder() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.path("d.yml"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.path("x.csv"), withIntermediateDirectories: true)
        try Data("tables:\n  main.orders:\n    description: Every order\n".utf8).write(to: folder.path("d.yml/orders.yml"))
        let set = try loader.load(folder: folder.url, displayRoot: folder.url)
        #expect(set.entries.map(\.table) == ["main.orders"])
    }

    /// Reading a named pipe would wait for a writer forever; a dangling link has nothing to read.
    @Test(.timeLimit(.minutes(1)))
    func somethingThatIsNotARegularFileIsNamed() throws {
        let folder = try TemporaryFolder()
        #expect(mkfifo(folder.path("pipe.yml").path, 0o600) == 0)
        var error = #expect(throws: ConfigError.self) { try loader.load(folder: folder.url, displayRoot: folder.url) }
        #expect(error?.description == "pipe.yml: not a regular file but a named pipe; remove it, or rename it so that it does not end in .yml, .yaml or .csv")

        try FileManager.default.removeItem(at: folder.path("pipe.yml"))
        try FileManager.default.createSymbolicLink(atPath: folder.path("gone.csv").path, withDestinationPath: "moved/gone.csv")
        error = #expect(throws: ConfigError.self) { try loader.load(folder: folder.url, displayRoot: folder.url) }
        #expect(error?.description == "gone.csv: a symbolic link to moved/gone.csv, which does not exist; restore it or remove the link")
    }

    @Test func aMissingFolderIsAnEmptyContext() throws {
        let set = try loader.load(folder: URL(fileURLWithPath: "/nonexistent/context"))
        #expect(set.entries.isEmpty && set.glossary.isEmpty)
    }

    @Test func aNullColumnValueIsNothingWrittenLikeAnEmptyOne() throws {
        let set = try loader.parseYAML("tables:\n  orders:\n    columns:\n      status: ~\n      channel: null\n      notes: \"\"\n", file: "x.yml")
        #expect(set.entries.map(\.column) == [nil, "status", "channel", "notes"])
        #expect(set.entries.map(\.description) == [nil, nil, nil, ""])
    }

    @Test func aBareTextIsAColumnsDescription() throws {
        let set = try loader.parseYAML("tables:\n  orders:\n    columns:\n      status: Where the order is\n", file: "x.yml")
        #expect(set.entries.map(\.column) == [nil, "status"])
        #expect(set.entries[1].description == "Where the order is")
    }
}

@Suite("Context files: characters YAML refuses")
struct ContextLoaderCharacterTests {
    @Test func aControlCharacterIsAnErrorAtItsPosition() {
        let error = #expect(throws: ConfigError.self) {
            try ContextLoader().parseYAML("tables:\n  orders:\n    description: bell \u{7}here\n", file: "orders.yml")
        }
        #expect(error?.description == "orders.yml:3:23: YAML syntax error: control characters are not allowed (U+0007); "
            + "write it as an escape in a double-quoted string (\\u…)")
    }
}
