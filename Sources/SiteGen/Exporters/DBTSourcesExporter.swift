import Catalog
import Context
import Foundation

/// dbt source definitions: one `<source>/sources.yml` per source (`version: 2`), each schema a dbt source with
/// its tables, columns, descriptions and data types, and the tests dbt has for declared keys: `unique` and
/// `not_null` on a single-column primary key, `relationships` on a single-column foreign key to an exported table.
///
/// A dbt source is one schema, so a source with one schema keeps its name and one with several names each
/// `<source>_<schema>`. Every string is written by `YAMLText.quoted`, so any identifier reads back as written, and
/// a name SQL must quote is marked (`quoting: identifier` on a table, `quote: true` on a column).
public struct DBTSourcesExporter: Exporter {
    public let name = "dbt"
    public static let fileName = "sources.yml"
    /// The tables to write; nil for all.
    public var selection: Set<TableID>?

    public init(selection: Set<TableID>? = nil) {
        self.selection = selection
    }

    public func export(_ input: ExportInput, into folder: SiteFolder, progress: (String) -> Void) throws -> ExportSummary {
        var files = 0
        for source in input.catalog.sources {
            guard let text = yaml(source, input) else { continue }
            let folderName = input.plan.schemaFolder(source: source.name, schema: source.schemas.first?.name ?? "")
                .split(separator: "/").first.map(String.init) ?? "source"
            try folder.write("\(folderName)/\(Self.fileName)", Data(text.utf8))
            files += 1
        }
        progress("wrote \(files) dbt \(Self.fileName) file\(files == 1 ? "" : "s")")
        return ExportSummary(files: files)
    }

    func exported(_ id: TableID) -> Bool { selection?.contains(id) ?? true }

    /// The dbt source name of a schema: the source's name alone when it has one schema.
    static func sourceName(_ source: Source, schema: String) -> String {
        source.schemas.count == 1 ? source.name : "\(source.name)_\(schema)"
    }

    /// The file for one source, or nil when none of its tables is exported.
    func yaml(_ source: Source, _ input: ExportInput) -> String? {
        let q = { (text: String) in YAMLText.quoted(text) }
        var out = "version: 2\n\nsources:\n"
        var any = false
        for schema in source.schemas {
            let tables = schema.tables.filter { exported($0.id) }
            guard !tables.isEmpty else { continue }
            any = true
            out += "  - name: \(q(Self.sourceName(source, schema: schema.name)))\n"
            out += "    schema: \(q(schema.name))\n"
            out += "    tables:\n"
            for table in tables {
                out += "      - name: \(q(table.name))\n"
                if Self.needsQuotes(table.name) { out += "        quoting:\n          identifier: true\n" }
                out += "        description: \(YAMLText.quoted(table.description?.text ?? "", always: true))\n"
                out += Self.provenance(table.description, indent: "        ")
                out += "        columns:\n"
                for column in table.columns {
                    out += "          - name: \(q(column.name))\n"
                    if Self.needsQuotes(column.name) { out += "            quote: true\n" }
                    out += "            description: \(YAMLText.quoted(column.description?.text ?? "", always: true))\n"
                    out += Self.provenance(column.description, indent: "            ")
                    // A view's computed column can have no declared type; dbt takes a missing one, not an empty one.
                    if !column.dataType.isEmpty { out += "            data_type: \(q(column.dataType))\n" }
                    let tests = tests(for: column, in: table, input)
                    if !tests.isEmpty {
                        out += "            data_tests:\n" + tests.map { "              - \($0)\n" }.joined()
                    }
                }
            }
        }
        return any ? out : nil
    }

    /// The dbt tests a declared key gives a column, as YAML list items.
    func tests(for column: Column, in table: Table, _ input: ExportInput) -> [String] {
        var tests: [String] = []
        if let key = table.primaryKey, key.columns.count == 1, key.columns[0].isExactly(column.name) {
            tests += ["unique", "not_null"]
        }
        for key in table.foreignKeys where key.columns.count == 1 && key.columns[0].isExactly(column.name) && exported(key.referencedTable) {
            guard let target = input.index.table(key.referencedTable),
                  let source = input.catalog.sources.first(where: { $0.name.isExactly(target.id.source) }) else { continue }
            let field = key.referencedColumns.first ?? target.primaryKey?.columns.first
            guard let field, key.referencedColumns.count <= 1 else { continue }
            let to = "source(\(Self.jinjaString(Self.sourceName(source, schema: target.id.schema))), \(Self.jinjaString(target.name)))"
            tests.append("relationships:\n                  to: \(YAMLText.quoted(to, always: true))\n                  field: \(YAMLText.quoted(field))")
        }
        return tests
    }

    /// Whether SQL must quote the name for the database to find it: anything but a lower-case identifier
    /// (PostgreSQL folds unquoted names to lower case), so the tests dbt runs name the right table and column.
    /// Text nobody wrote by hand (a template's, a comment's, the model's) says so in dbt's `meta`, so that reading the
    /// file back as context (`dbt: files:`) never turns an unreviewed draft into a person's words.
    static func provenance(_ description: Description?, indent: String) -> String {
        guard let description, !description.text.isEmpty, description.origin != .human else { return "" }
        return "\(indent)meta:\n\(indent)  schema_scribe_origin: \(YAMLText.quoted(description.origin.rawValue, always: true))\n"
            + "\(indent)  schema_scribe_status: \(YAMLText.quoted(description.status.rawValue, always: true))\n"
    }

    static func needsQuotes(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) || first == "_" else { return true }
        return !name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// A single-quoted Jinja string literal.
    static func jinjaString(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
