import Catalog
import Foundation

/// Markdown for a repository or wiki: `README.md` indexing sources, schemas and tables, and one file per table
/// (`<source>/<schema>/<table>.md`) with its columns, keys, relationships and a Mermaid diagram of it and its
/// neighbours, which GitHub draws. Every name and description is escaped, so any identifier reads as written.
public struct MarkdownExporter: Exporter {
    public let name = "markdown"
    public static let indexFile = "README.md"
    /// The tables to write; nil for all. Relationships to other tables are still listed, without a link.
    public var selection: Set<TableID>?

    public init(selection: Set<TableID>? = nil) {
        self.selection = selection
    }

    public func export(_ input: ExportInput, into folder: SiteFolder, progress: (String) -> Void) throws -> ExportSummary {
        let tables = input.catalog.allTables.filter { selection?.contains($0.id) ?? true }
        for table in tables {
            guard let path = Self.path(of: table.id, in: input.plan) else { continue }
            try folder.write(path, Data(page(table, input, from: path).utf8))
        }
        try folder.write(Self.indexFile, Data(index(tables, input).utf8))
        progress("wrote \(tables.count) Markdown table file\(tables.count == 1 ? "" : "s") and \(Self.indexFile)")
        return ExportSummary(pages: tables.count + 1)
    }

    /// `<source>/<schema>/<table>.md`, with the site's file-safe names.
    static func path(of id: TableID, in plan: SitePlan) -> String? {
        plan.tableFileName(id).map { plan.schemaFolder(source: id.source, schema: id.schema) + "/\($0).md" }
    }

    func exported(_ id: TableID) -> Bool { selection?.contains(id) ?? true }

    /// The index: each source, its schemas, and their tables with the first line of each description.
    func index(_ tables: [Table], _ input: ExportInput) -> String {
        var out = "# \(MarkdownText.inline(input.catalog.title))\n"
        for source in input.catalog.sources {
            let inSource = tables.filter { $0.id.source.isExactly(source.name) }
            guard !inSource.isEmpty else { continue }
            out += "\n## \(MarkdownText.inline(source.name))\n"
            for schema in source.schemas {
                let listed = inSource.filter { $0.id.schema.isExactly(schema.name) }
                guard !listed.isEmpty else { continue }
                out += "\n### \(MarkdownText.inline(schema.name))\n\n"
                for table in listed {
                    guard let path = Self.path(of: table.id, in: input.plan) else { continue }
                    let summary = table.description.map { " — " + MarkdownText.inline(Self.firstLine($0.text)) } ?? ""
                    out += "- " + MarkdownText.link(table.name, to: path) + (table.kind.isView ? " (view)" : "") + summary + "\n"
                }
            }
        }
        return out
    }

    func page(_ table: Table, _ input: ExportInput, from path: String) -> String {
        let id = table.id
        var out = "# \(MarkdownText.inline(table.name))\n\n"
        out += "`\(table.kind.rawValue)` in " + MarkdownText.inline("\(id.source).\(id.schema)") + " · "
            + MarkdownText.link("index", to: SitePlan.relative(Self.indexFile, from: path)) + "\n\n"
        if let description = table.description, !description.text.isEmpty {
            out += MarkdownText.paragraph(description.text) + "\n\n" + "*" + Self.provenance(description) + "*\n\n"
        }
        out += "## Columns\n\n| Column | Type | Null | Key | Description | Origin | Status |\n|---|---|---|---|---|---|---|\n"
        let foreign = Set(table.foreignKeys.flatMap(\.columns).map(ExactName.init))
        for column in table.columns {
            var keys: [String] = []
            if column.primaryKeyPosition != nil || table.primaryKey?.columns.contains(where: { $0.isExactly(column.name) }) == true { keys.append("PK") }
            if foreign.contains(ExactName(column.name)) { keys.append("FK") }
            let description = column.description
            out += "| " + [
                MarkdownText.inline(column.name), MarkdownText.inline(column.dataType), column.isNullable ? "yes" : "no",
                keys.joined(separator: ", "), MarkdownText.inline(description?.text ?? ""),
                description.map { Self.originText($0.origin) } ?? "", description.map(Self.statusText) ?? "",
            ].joined(separator: " | ") + " |\n"
        }
        out += "\n## Keys\n\n"
        if let key = table.primaryKey, !key.columns.isEmpty {
            out += "- Primary key: " + Self.columnList(key.columns) + "\n"
        } else {
            out += "- No primary key.\n"
        }
        for key in table.foreignKeys {
            out += "- Foreign key " + Self.columnList(key.columns) + " → " + reference(key.referencedTable, key.referencedColumns, input, from: path) + "\n"
        }
        let touching = Self.relationships(of: table, input.index)
        out += "\n## Relationships\n\n"
        if touching.isEmpty { out += "None known.\n" }
        for relationship in touching {
            var kind = relationship.origin.rawValue
            if relationship.origin == .inferred {
                kind += relationship.isSuggestion ? ", suggested" : ", accepted"
                if let confidence = relationship.confidence { kind += ", confidence \(Int((confidence * 100).rounded())) %" }
            }
            out += "- " + reference(relationship.from.table, relationship.from.columns, input, from: path) + " → "
                + reference(relationship.to.table, relationship.to.columns, input, from: path) + " (\(kind))"
                + (relationship.description.map { " — " + MarkdownText.inline($0) } ?? "") + "\n"
        }
        out += "\n## Diagram\n\n```mermaid\n" + Self.mermaid(table, relationships: touching, index: input.index) + "```\n"
        return out
    }

    /// Every relationship shown that starts or ends at `table`: its foreign keys, those of others pointing at it,
    /// then the documented and inferred ones. Looked up in the index, so a page costs the same in a large catalog.
    static func relationships(of table: Table, _ index: CatalogIndex) -> [Relationship] {
        func declared(_ owner: TableID, _ key: ForeignKey) -> Relationship {
            let target = key.referencedColumns.isEmpty ? (index.table(key.referencedTable)?.primaryKey?.columns ?? []) : key.referencedColumns
            return Relationship(from: .init(table: owner, columns: key.columns), to: .init(table: key.referencedTable, columns: target),
                                origin: .declared)
        }
        let outgoing = table.foreignKeys.map { declared(table.id, $0) }
        let incoming = index.referencing(table.id).filter { $0.from != table.id }.map { declared($0.from, $0.key) }
        return outgoing + incoming + index.undeclaredRelationships(of: table.id)
    }

    /// `schema.table.column`, linked to that table's file when it is exported too.
    func reference(_ id: TableID, _ columns: [String], _ input: ExportInput, from path: String) -> String {
        let name = "\(id.schema).\(id.name)"
        let table = exported(id) ? Self.path(of: id, in: input.plan).map { MarkdownText.link(name, to: SitePlan.relative($0, from: path)) } : nil
        return (table ?? MarkdownText.inline(name)) + " " + Self.columnList(columns)
    }

    /// A Mermaid `erDiagram` of `table` with every column, and each neighbour with the columns that join it.
    /// Entities are named `t0`, `t1`… and labelled with their sanitised names, so no identifier can break the syntax.
    static func mermaid(_ table: Table, relationships: [Relationship], index: CatalogIndex) -> String {
        var order: [TableID] = [table.id]
        var joins: [TableID: [String]] = [:]
        for relationship in relationships {
            for end in [relationship.from, relationship.to] where end.table != table.id {
                if !order.contains(end.table) { order.append(end.table) }
                joins[end.table, default: []].append(contentsOf: end.columns)
            }
        }
        var out = "erDiagram\n"
        for (number, id) in order.enumerated() {
            let known = index.table(id)
            let columns: [(String, String)]
            if id == table.id {
                columns = table.columns.map { ($0.name, $0.dataType) }
            } else {
                var seen: Set<ExactName> = []
                columns = (joins[id] ?? []).filter { seen.insert(ExactName($0)).inserted }
                    .map { name in (name, known?.column(named: name)?.dataType ?? "unknown") }
            }
            let label = id.source == table.id.source ? "\(id.schema).\(id.name)" : id.description
            out += "    t\(number)[\"\(MermaidText.label(label))\"] {\n"
            for (name, type) in columns {
                out += "        \(MermaidText.word(type.isEmpty ? "unknown" : type, type: true)) \(MermaidText.word(name))\n"
            }
            out += "    }\n"
        }
        for relationship in relationships {
            guard let from = order.firstIndex(of: relationship.from.table), let to = order.firstIndex(of: relationship.to.table) else { continue }
            let line = relationship.isSuggestion ? "}o..||" : "}o--||"
            let label = relationship.from.columns.joined(separator: "+")
            out += "    t\(from) \(line) t\(to) : \"\(MermaidText.label(label))\"\n"
        }
        return out
    }

    static func columnList(_ columns: [String]) -> String {
        "(" + columns.map(MarkdownText.inline).joined(separator: ", ") + ")"
    }

    static func firstLine(_ text: String) -> String {
        String(text.split(whereSeparator: \.isNewline).first ?? "")
    }

    static func originText(_ origin: Description.Origin) -> String {
        switch origin {
        case .human: "human"
        case .databaseComment: "database comment"
        case .template: "template"
        case .model: "model"
        }
    }

    static func statusText(_ description: Description) -> String {
        description.isStale ? "stale" : description.status.rawValue
    }

    static func provenance(_ description: Description) -> String {
        "Description: \(originText(description.origin)), \(statusText(description))."
    }
}
