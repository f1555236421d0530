import Catalog
import ContentHash
import Foundation

/// Approved text that may be out of date: the entity changed since someone approved its description.
///
/// `scribe-build approve` records a fingerprint of what the describer would be told about the entity —
/// its structure, keys, references and context, never any description — as `inputs_hash`. A build
/// compares it with the entity as it is now and marks the description stale when they differ.
public enum Staleness {
    /// The fingerprints of one table: its own and one per column, by exact column name.
    public struct Fingerprints: Sendable, Equatable {
        public var table: String
        public var columns: [ExactName: String]
    }

    public static func fingerprints(of table: Table, in builder: RequestBuilder) -> Fingerprints {
        var inputs = builder.request(for: table)
        // Only what the entity is, not what anyone says it means.
        inputs.describeTable = false
        inputs.tableDescription = nil
        inputs.neighbours = []
        inputs.previous = nil
        for index in inputs.columns.indices {
            inputs.columns[index].describe = false
            inputs.columns[index].description = nil
            // What the data looks like moves with every load; the entity is its structure and context.
            inputs.columns[index].personalData = nil
            inputs.columns[index].shape = nil
            inputs.columns[index].values = nil
            // A suggestion's confidence moves with its evidence; that it is suggested is what the entity is.
            inputs.columns[index].referenceConfidence = nil
        }
        inputs.probablyReferences = inputs.probablyReferences?.map { TableRequest.Suggested(table: $0.table) }
        inputs.probablyReferencedBy = inputs.probablyReferencedBy?.map { TableRequest.Suggested(table: $0.table) }
        var columns: [ExactName: String] = [:]
        for column in inputs.columns {
            columns[ExactName(column.name)] = hash(["column", table.id.description, inputs.kind, encode(column)])
        }
        return Fingerprints(table: hash(["table", encode(inputs)]), columns: columns)
    }

    /// The catalog with every approved description whose fingerprint no longer matches marked stale, and
    /// the entities marked (`schema.table` or `schema.table.column`).
    public static func mark(_ catalog: Catalog) -> (Catalog, stale: [String]) {
        let builder = RequestBuilder(catalog)
        var catalog = catalog
        var stale: [String] = []
        catalog.updateTables { table in
            let recorded = table.description?.inputsHash != nil || table.columns.contains { $0.description?.inputsHash != nil }
            guard recorded else { return }
            let now = fingerprints(of: table, in: builder)
            let label = "\(table.id.schema).\(table.id.name)"
            if let hash = table.description?.inputsHash, hash != now.table {
                table.description?.isStale = true
                stale.append(label)
            }
            for index in table.columns.indices {
                guard let hash = table.columns[index].description?.inputsHash,
                      hash != now.columns[table.columns[index].name] else { continue }
                table.columns[index].description?.isStale = true
                stale.append("\(label).\(table.columns[index].name)")
            }
        }
        return (catalog, stale)
    }

    private static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Sixteen hex digits: plenty to notice a change, short enough to sit in a context file.
    private static func hash(_ parts: [String]) -> String {
        String(SHA256.hex(parts.joined(separator: "\n")).prefix(16))
    }
}
