import Catalog

/// A group of a schema's tables small enough to draw and read together, found by `SubjectAreas`.
public struct SubjectArea: Sendable, Hashable {
    /// What the area is called: its most connected table, the leading word its tables share, a range of names,
    /// "Shared tables" or "Other tables". Unique within the schema.
    public var name: String
    /// A file-name part for the area's page, unique within the schema (`FileName`).
    public var slug: String
    /// The area's tables, in name order.
    public var tables: [TableID]
    /// The same tables, most connected first (ties in name order): the ones to name when the area is summarised.
    public var leading: [TableID]
}
