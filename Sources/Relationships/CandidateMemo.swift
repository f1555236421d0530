import Catalog
import ContentHash
import Foundation

/// The last build's relationship candidates (`<cache>/relationship-candidates.json`) and the fingerprint of what
/// they were found from. Inference reads names, types, keys, indexes, sizes and profiles, never what people or a
/// describer write about a table, so after a context file changed a rebuild finds the same candidates without
/// weighing every column of every table again (three quarters of a second at 5,000 tables).
///
/// Correct by construction rather than by a list of fields: `RelationshipStage.inferenceInput` strips the written
/// text from the catalog, inference runs on that copy, and the memo is keyed by that copy's every field.
public struct CandidateMemo: Sendable {
    public static let fileName = "relationship-candidates.json"

    public let file: URL
    /// What the file held: the fingerprint of an inference input and what inference found in it.
    private let stored: Stored?

    struct Stored: Codable {
        var input: String
        var candidates: [Relationship]
    }

    public init(folder: URL) {
        file = folder.appendingPathComponent(Self.fileName)
        stored = (try? Data(contentsOf: file)).flatMap { try? JSONDecoder().decode(Stored.self, from: $0) }
    }

    /// The candidates found last time from an input with this fingerprint, if that is what the file holds.
    public func candidates(for input: Fingerprint) -> [Relationship]? {
        stored?.input == input.description ? stored?.candidates : nil
    }

    /// Replaces the file whole (atomically). A memo that cannot be written costs an inference next time, nothing more.
    public func store(_ candidates: [Relationship], for input: Fingerprint) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(Stored(input: input.description, candidates: candidates)) else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: file, options: .atomic)
    }
}

extension RelationshipStage {
    /// The catalog as inference sees it: without descriptions, context, PII findings or notes of pending
    /// answers, which people and describers write, nor row counts and sizes, which change with the data; inference
    /// reads none of them. `candidates(in:)` of this copy is
    /// what `CandidateMemo` keeps, keyed by `inferenceFingerprint(of:software:)`.
    public static func inferenceInput(_ catalog: Catalog) -> Catalog {
        var input = catalog.updatingTablesInParallel { table in
            table.description = nil
            table.context = nil
            table.describePending = nil
            // Sizes change with every write to a live database, and inference weighs keys, not sizes.
            table.rowCount = nil
            table.bytes = nil
            for index in table.columns.indices {
                table.columns[index].description = nil
                table.columns[index].context = nil
                table.columns[index].pii = nil
            }
        }
        input.title = ""
        input.glossary = []
        return input
    }

    /// Everything `candidates(in:)` reads of `input` (an `inferenceInput`): each source's name, whether it is
    /// inferred, its tables field by field, and the relationships people wrote or decided; and `software`, the
    /// program that infers, since another version may infer otherwise.
    public func inferenceFingerprint(of input: Catalog, software: Fingerprint) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.combine("relationship-candidates-1")
        hasher.combine(software)
        for source in input.sources {
            hasher.combine(source.name)
            hasher.combine(settings(for: source.name).infer)
            let tables = source.schemas.flatMap(\.tables)
            hasher.combine(tables.count)
            let each = (try? Parallel.map(count: tables.count, chunkSize: 32) { index, _ in
                tables[index].fingerprint
            }) ?? []
            for fingerprint in each { hasher.combine(fingerprint) }
        }
        FingerprintEncoder.combine(input.relationships, into: &hasher)
        return hasher.finalize()
    }
}
