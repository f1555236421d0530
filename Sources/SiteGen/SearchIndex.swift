import Catalog
import Foundation

/// The prebuilt search index: one entry per table, view and column, with where it lives.
///
/// Written as `search.json` for tools; the page loads the same data in the compact, sharded form of `SearchScript`.
public struct SearchIndex: Sendable, Codable, Equatable {
    public static let formatVersion = 1
    /// Descriptions in the index are cut to this many characters; the page has the rest.
    static let descriptionLimit = 160

    public struct Entry: Sendable, Codable, Equatable {
        /// `table`, `view`, … or `column`.
        public var kind: String
        public var name: String
        /// Where it is: `source.schema` for a table, `source.schema.table` for a column.
        public var context: String
        /// Relative to the site root, with the column's anchor.
        public var path: String
        public var description: String
        /// The kind of personal data of a column, or the kinds in a table (comma-separated); absent when none.
        public var pii: String?
        /// For a table: the names of the tables it references and that reference it, declared or shown
        /// undeclared relationships alike (comma-separated, sorted), so a search for one finds the other; absent when none.
        public var related: String?
        /// For a table or a column: its schema's position in `schemas`, which the results page filters by; absent for a term.
        public var schema: Int?

        enum CodingKeys: String, CodingKey {
            case kind = "k", name = "n", context = "c", path = "p", description = "d", pii = "x", related = "r", schema = "s"
        }
    }

    public var version: Int
    /// Every schema as `source.schema`, in catalog order; entries refer to one by its position, since names
    /// may hold dots and a number is shorter than the name on each of 100,000 columns.
    public var schemas: [String]
    public var entries: [Entry]

    /// `index` is the catalog's, when the caller has it already.
    public init(_ catalog: Catalog, plan: SitePlan, index: CatalogIndex? = nil) {
        let index = index ?? CatalogIndex(catalog)
        version = Self.formatVersion
        let (schemaNumbers, schemas) = Self.schemaNumbers(catalog)
        self.schemas = schemas
        entries = Self.termEntries(catalog, plan)
        for table in catalog.allTables {
            guard let page = plan.tablePage(table.id) else { continue }
            let schema = schemaNumbers[SitePlan.SchemaKey(source: table.id.source, schema: table.id.schema)]
            entries += Self.entries(of: table, page: page, schema: schema, related: Self.related(table, index), plan: plan)
        }
    }

    /// Each schema's position in `schemas`, and `schemas` itself.
    static func schemaNumbers(_ catalog: Catalog) -> (numbers: [SitePlan.SchemaKey: Int], names: [String]) {
        var numbers: [SitePlan.SchemaKey: Int] = [:], names: [String] = []
        for source in catalog.sources {
            for schema in source.schemas {
                numbers[SitePlan.SchemaKey(source: source.name, schema: schema.name)] = names.count
                names.append("\(source.name).\(schema.name)")
            }
        }
        return (numbers, names)
    }

    /// A table's entry and its columns', from the table, where it and its columns live (`page`, `plan`), its schema's
    /// number and the tables it is related to (`related(_:_:)`): everything of the catalog an entry shows.
    static func entries(of table: Table, page: String, schema: Int?, related: String?, plan: SitePlan) -> [Entry] {
        let place = "\(table.id.source).\(table.id.schema)"
        let kinds = Set(table.columns.compactMap { $0.pii?.kind.rawValue }).sorted()
        var entries = [Entry(kind: table.kind.rawValue, name: table.name, context: place, path: page,
                             description: Self.short(table.description?.text), pii: kinds.isEmpty ? nil : kinds.joined(separator: ","),
                             related: related, schema: schema)]
        entries.reserveCapacity(1 + table.columns.count)
        for column in table.columns {
            entries.append(Entry(kind: "column", name: column.name, context: "\(place).\(table.name)",
                                 path: plan.columnLink(table.id, column.name) ?? page,
                                 description: Self.short(column.description?.text), pii: column.pii?.kind.rawValue, schema: schema))
        }
        return entries
    }

    /// The names of the tables `table` is related to in either direction, declared or not, itself left out
    /// (comma-separated, sorted), or nil when there are none.
    static func related(_ table: Table, _ index: CatalogIndex) -> String? {
        var ids = Set(table.foreignKeys.map(\.referencedTable))
        ids.formUnion(index.referencing(table.id).map(\.from))
        for relationship in index.undeclaredRelationships(of: table.id) {
            ids.formUnion([relationship.from.table, relationship.to.table])
        }
        ids.remove(table.id)
        let names = Set(ids.map { ExactName($0.name) }).sorted().map(\.text)
        return names.isEmpty ? nil : names.joined(separator: ",")
    }

    static func termEntries(_ catalog: Catalog, _ plan: SitePlan) -> [Entry] {
        catalog.glossary.compactMap { term in
            plan.termPage(term.term).map {
                Entry(kind: "term", name: term.term, context: term.synonyms.isEmpty ? "glossary" : "glossary · " + term.synonyms.joined(separator: ", "),
                      path: $0, description: short(term.definition))
            }
        }
    }

    private static func short(_ text: String?) -> String {
        guard let text else { return "" }
        return text.count > descriptionLimit ? String(text.prefix(descriptionLimit - 1)) + "…" : text
    }

    /// As `JSONEncoder` with sorted keys writes it, compact (`CompactJSON`).
    public func json() throws -> Data {
        try CompactJSON.encode(self)
    }
}
