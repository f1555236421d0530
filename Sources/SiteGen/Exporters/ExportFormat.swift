import Catalog

/// What `scribe-build export --format` writes, outside any site.
public enum ExportFormat: String, Sendable, CaseIterable {
    case markdown, dbt, json, pdf

    /// Whether `--output` names a folder (Markdown files, dbt `sources.yml` files) rather than one file.
    public var writesFolder: Bool { self == .markdown || self == .dbt }
}

extension Exporters {
    /// The exporters `export --format` offers, outside any site, for the chosen tables. JSON is `catalog.json`,
    /// given a catalog holding only them (`Catalog.selecting`).
    public static func export(_ format: ExportFormat, selection: Set<TableID>) -> any Exporter {
        switch format {
        case .markdown: MarkdownExporter(selection: selection)
        case .dbt: DBTSourcesExporter(selection: selection)
        case .json: CatalogJSONExporter()
        // The document Chromium prints; `CatalogExport` turns it into the PDF.
        case .pdf: PrintDocumentExporter(selection: selection)
        }
    }
}

extension Catalog {
    /// The catalog with only the tables in `selection`: schemas and sources left empty are dropped, and
    /// relationships kept when either end is selected (as a selected table keeps its foreign keys).
    public func selecting(_ selection: Set<TableID>) -> Catalog {
        var copy = self
        copy.sources = sources.compactMap { source in
            var kept = source
            kept.schemas = source.schemas.compactMap { schema in
                var schema = schema
                schema.tables = schema.tables.filter { selection.contains($0.id) }
                return schema.tables.isEmpty ? nil : schema
            }
            return kept.schemas.isEmpty ? nil : kept
        }
        copy.relationships = relationships.filter { selection.contains($0.from.table) || selection.contains($0.to.table) }
        return copy
    }
}
