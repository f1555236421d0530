import Catalog
import ContentHash
import Foundation

/// Profiles kept between builds in one file (`<cache>/profiles.json`), so a rebuild reads no data of a
/// table whose structure and size have not changed. The key is a SHA-256 of the table's identity, columns
/// and types, its row count to an order of magnitude, and the sampling settings. Only masked results are
/// kept: the cache never holds a raw value of a PII column.
///
/// Nothing in the file is keyed by a name: JSON readers and writers merge object keys that differ only in
/// Unicode normalization (`é`, `e` + U+0301), which databases treat as two tables or columns. Entries are
/// keyed by their SHA-256, and columns are a list.
public struct ProfileCache: Sendable {
    /// What a table's profile stage produced, before context overrides.
    public struct Entry: Sendable, Codable, Equatable {
        public var key: String
        public var table: TableProfile
        /// One per column of the table, in its order (the key covers the columns, so they are the table's).
        public var columns: [ColumnEntry]
    }

    public struct ColumnEntry: Sendable, Codable, Equatable {
        public var name: String
        public var profile: ColumnProfile?
        /// A finding from names, types and values (not from context files, which are applied afresh).
        public var finding: PIIFinding?
    }

    public let file: URL
    private(set) var entries: [String: Entry] = [:]

    public init(file: URL) {
        self.file = file
        if let data = try? Data(contentsOf: file), let stored = Self.read(data) {
            entries = stored
        }
    }

    public static func key(for table: Table, settings: String) -> String {
        let columns = table.columns.map { "\($0.name)\u{0}\($0.dataType)" }.joined(separator: "\u{1}")
        let magnitude = table.rowCount?.orderOfMagnitude ?? -1
        return SHA256.hex("profile-2\n\(table.id)\n\(columns)\n\(magnitude)\n\(settings)")
    }

    /// Tables the file held when it was read.
    public var count: Int { entries.count }

    /// The entry made under `key` (`ProfileCache.key(for: table, …)`), if the file holds one.
    public func entry(key: String) -> Entry? {
        entries[key]
    }

    /// Writes the entries of this build's tables, and only those, replacing the file whole.
    public func store(_ fresh: [TableID: Entry]) throws {
        let data = try Self.encoded(Dictionary(fresh.values.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first }))
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file, options: .atomic)
    }
}
