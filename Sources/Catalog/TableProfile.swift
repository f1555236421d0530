/// What a table's data looked like when it was profiled: how much was read, and whether that was all of it.
public struct TableProfile: Sendable, Hashable, Codable {
    /// Rows the profile was computed from.
    public var rowsRead: Int
    /// Whether those rows are a sample rather than the whole table.
    public var isSampled: Bool
    /// Rows whose values were looked at (top values, shapes, PII): at most `profile.sample_rows`.
    public var valuesRead: Int
    /// Why the profile is missing parts (a statement timeout, a query the database refused), if it is.
    public var incomplete: String?

    public init(rowsRead: Int, isSampled: Bool, valuesRead: Int, incomplete: String? = nil) {
        self.rowsRead = rowsRead
        self.isSampled = isSampled
        self.valuesRead = valuesRead
        self.incomplete = incomplete
    }
}
