import Catalog

/// What one dbt `schema.yml`/`sources.yml` says about a table or a column, before it is matched to the catalog.
///
/// A source table names its schema; a model names only itself, and is matched to the one table or view of
/// that name in any schema.
public struct DBTEntry: Sendable {
    public enum Owner: Sendable, Equatable {
        /// `sources: - name: …, schema: …`: the dbt source's name and its schema (the name when not given).
        case source(name: String, schema: String)
        case model
    }

    public var owner: Owner
    /// The real table name: a source table's `identifier` when given, else its `name`; a model's `name`.
    public var table: String
    public var column: String?
    public var description: String?
    public var tags: [String]
    public var location: Location

    /// How a message names it: `source shop_raw.orders` or `model orders`, with the column.
    var label: String {
        let base: String
        switch owner {
        case .source(let name, _): base = "dbt source `\(name).\(table)`"
        case .model: base = "dbt model `\(table)`"
        }
        return column.map { "\(base) column `\($0)`" } ?? base
    }
}
