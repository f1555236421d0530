import Catalog
import ContentHash
import Foundation

/// Profiles kept between builds in one file (`<cache>/profiles.json`), so a rebuild reads no data of a
/// table whose structure and size have not changed. The key is a SHA-256 of the table's columns and
/// types, its row count to an order of magnitude, and the sampling settings. Only masked results are
/// kept: the cache never holds a raw value of a PII column.
public struct ProfileCache: Sendable {
    /// What a table's profile stage produced, before context overrides.
    public struct Entry: Sendable, Codable, Equatable {
        public var key: String
        public var table: TableProfile
        public var columns: [String: ColumnProfile]
        /// Findings from names, types and values (not from context files, which are applied afresh).
        public var findings: [String: PIIFinding]
    }

    public let file: URL
    private(set) var entries: [String: Entry] = [:]

    public init(file: URL) {
        self.file = file
        if let data = try? Data(contentsOf: file), let stored = try? JSONDecoder().decode([String: Entry].self, from: data) {
            entries = stored
        }
    }

    public static func key(for table: Table, settings: String) -> String {
        let columns = table.columns.map { "\($0.name)\u{0}\($0.dataType)" }.joined(separator: "\u{1}")
        let magnitude = table.rowCount?.orderOfMagnitude ?? -1
        return SHA256.hex("profile-1\n\(table.id)\n\(columns)\n\(magnitude)\n\(settings)")
    }

    /// Tables the file held when it was read.
    public var count: Int { entries.count }

    public func entry(for table: Table, key: String) -> Entry? {
        entries[table.id.description].flatMap { $0.key == key ? $0 : nil }
    }

    /// Writes the entries of this build's tables, and only those, replacing the file whole.
    public func store(_ fresh: [TableID: Entry]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(Dictionary(uniqueKeysWithValues: fresh.map { ($0.key.description, $0.value) }))
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file, options: .atomic)
    }
}
