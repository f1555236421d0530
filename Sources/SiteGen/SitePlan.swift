import Catalog

/// Where every part of the catalog lives in the site: folders, page files, diagram files, anchors.
///
/// All paths are relative to the site root and use `/`. The plan is computed once from the whole
/// catalog, so every page links to every other through the same names.
public struct SitePlan: Sendable {
    /// A schema by the exact spelling of its names, like `TableID`.
    public struct SchemaKey: Hashable, Sendable {
        public var source: String
        public var schema: String

        public static func == (lhs: SchemaKey, rhs: SchemaKey) -> Bool {
            lhs.source.isExactly(rhs.source) && lhs.schema.isExactly(rhs.schema)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(ExactName(source))
            hasher.combine(ExactName(schema))
        }
    }

    // Keyed by exact spelling throughout: names that differ only in Unicode normalization get files of their own.
    private var sourceFolders: [ExactName: String] = [:]
    private var schemaFolders: [SchemaKey: String] = [:]
    private var tableFiles: [TableID: String] = [:]
    private var columnAnchors: [TableID: [ExactName: String]] = [:]
    private var termFiles: [ExactName: String] = [:]

    public init(_ catalog: Catalog) {
        // "assets" is the theme's folder at the root, "search" holds the search index's shards.
        sourceFolders = FileName.unique(for: catalog.sources.map(\.name), extraReserved: [Self.assetsFolder, "glossary", Self.searchFolder])
        termFiles = FileName.unique(for: catalog.glossary.map(\.term), extraReserved: ["index"])
        for source in catalog.sources {
            let schemaParts = FileName.unique(for: source.schemas.map(\.name))
            for schema in source.schemas {
                let key = SchemaKey(source: source.name, schema: schema.name)
                schemaFolders[key] = "\(sourceFolders[source.name] ?? "source")/\(schemaParts[schema.name] ?? "schema")"
                let tableParts = FileName.unique(for: schema.tables.map(\.name))
                for table in schema.tables {
                    tableFiles[table.id] = tableParts[table.name]
                    let anchors = FileName.unique(for: table.columns.map(\.name))
                    columnAnchors[table.id] = anchors.mapValues { "c-\($0)" }
                }
            }
        }
    }

    public static let indexPage = "index.html"
    public static let searchJSON = "search.json"
    /// The core of the search index as the page loads it (`SearchScript`); its shards are in `searchFolder`.
    public static let searchScript = "search-index.js"
    public static let searchFolder = "search"
    public static let catalogJSON = "catalog.json"
    public static let assetsFolder = "assets"

    public static let glossaryIndex = "glossary/index.html"
    /// The personal-data report: every column found to hold PII, with why.
    public static let piiPage = "pii.html"
    /// The coverage report: how much of each schema is described, by whom, and how far it can be trusted.
    public static let coveragePage = "coverage.html"
    /// Every result of a search (`search.html?q=…`), filtered by kind and schema in the page.
    public static let searchPage = "search.html"

    public func termPage(_ term: String) -> String? {
        termFiles[term].map { "glossary/\($0).html" }
    }

    /// The `id` of a source's section on the front page.
    public func sourceAnchor(_ source: String) -> String {
        "source-" + (sourceFolders[source] ?? "source")
    }

    public func schemaFolder(source: String, schema: String) -> String {
        schemaFolders[SchemaKey(source: source, schema: schema)] ?? "unknown"
    }

    public func schemaPage(source: String, schema: String) -> String {
        schemaFolder(source: source, schema: schema) + "/index.html"
    }

    public func schemaDiagram(source: String, schema: String) -> String {
        schemaFolder(source: source, schema: schema) + "/schema.svg"
    }

    /// The page of one of a schema's subject areas; `slug` is the area's (`SubjectArea.slug`), unique in its schema.
    public func areaPage(source: String, schema: String, slug: String) -> String {
        schemaFolder(source: source, schema: schema) + "/areas/\(slug).html"
    }

    /// The area's diagram as a file of its own, beside its page.
    public func areaDiagram(source: String, schema: String, slug: String) -> String {
        schemaFolder(source: source, schema: schema) + "/areas/\(slug).svg"
    }

    /// The page of a table, or nil for a table outside the catalog (a foreign key to a missing table).
    public func tablePage(_ id: TableID) -> String? {
        tableFiles[id].map { schemaFolder(source: id.source, schema: id.schema) + "/tables/\($0).html" }
    }

    /// The file-safe name of a table in its schema's folder, without extension; unique in that schema.
    public func tableFileName(_ id: TableID) -> String? {
        tableFiles[id]
    }

    /// The `id` of a column's row on its table page.
    public func columnAnchor(_ id: TableID, _ column: String) -> String? {
        columnAnchors[id]?[column]
    }

    /// The anchors of all a table's columns, by exact name: one lookup of the table for many columns.
    func columnAnchors(of id: TableID) -> [ExactName: String]? {
        columnAnchors[id]
    }

    /// A link to a column: its table's page and the column's anchor.
    public func columnLink(_ id: TableID, _ column: String) -> String? {
        guard let page = tablePage(id) else { return nil }
        return columnAnchor(id, column).map { "\(page)#\($0)" } ?? page
    }

    /// `../` repeated once per folder of `path`, to reach the site root from that page.
    public static func rootPrefix(of path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    /// `target` as seen from a file at `from`; both relative to the site root.
    public static func relative(_ target: String, from: String) -> String {
        let fromParts = from.split(separator: "/").dropLast()
        let targetParts = target.split(separator: "/", omittingEmptySubsequences: false)
        var common = 0
        while common < fromParts.count, common < targetParts.count - 1,
              fromParts[fromParts.startIndex + common] == targetParts[common] { common += 1 }
        let ups = Array(repeating: "..", count: fromParts.count - common)
        return (ups + targetParts[common...].map(String.init)).joined(separator: "/")
    }
}
