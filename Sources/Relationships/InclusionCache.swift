import Catalog
import ContentHash
import Foundation

/// Inclusion counts kept between builds (`<cache>/inclusion.json`), like profiles: a rebuild checks again
/// only a suggestion whose tables changed in structure or size. Keys are SHA-256s of both tables' identity,
/// columns and types, their row counts to an order of magnitude, the joined columns and the sample size;
/// the file holds counts only, never a value.
public struct InclusionCache: Sendable {
    public let file: URL
    private(set) var entries: [String: InclusionCount] = [:]

    public init(file: URL) {
        self.file = file
        if let data = try? Data(contentsOf: file), let stored = try? JSONDecoder().decode([String: InclusionCount].self, from: data) {
            entries = stored
        }
    }

    public static func key(for relationship: Relationship, in catalog: Catalog, sampleValues: Int) -> String {
        func table(_ id: TableID) -> String {
            guard let table = catalog.table(id) else { return "\(id)" }
            let columns = table.columns.map { "\($0.name)\u{0}\($0.dataType)" }.joined(separator: "\u{1}")
            return "\(id)\n\(columns)\n\(table.rowCount?.orderOfMagnitude ?? -1)"
        }
        return SHA256.hex("inclusion-1\n\(table(relationship.from.table))\n\(relationship.from.columns.joined(separator: "\u{1}"))\n"
            + "\(table(relationship.to.table))\n\(relationship.to.columns.joined(separator: "\u{1}"))\n\(sampleValues)")
    }

    public func count(key: String) -> InclusionCount? { entries[key] }

    /// How many counts the file held when it was read.
    public var entryCount: Int { entries.count }

    /// Replaces the file whole with this build's counts, and only those.
    public func store(_ fresh: [String: InclusionCount]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoder.encode(fresh).write(to: file, options: .atomic)
    }
}
