import Catalog
import Foundation

/// `relationships:` in site.yml, and per source: whether to look for undeclared relationships, how sure
/// a suggestion must be to be shown, and whether to check suggestions against the data.
public struct RelationshipSettings: Sendable, Equatable {
    public var infer: Bool
    /// Suggestions less sure than this are left out (0 to 1).
    public var minConfidence: Double
    /// Check each suggestion in the database: the share of a sample of the column's values found in the key.
    public var verifyWithData: Bool
    /// At most this many distinct values of each column are looked up in the key.
    public var sampleValues: Int

    public static let defaultMinConfidence = 0.6

    public init(infer: Bool = true, minConfidence: Double = RelationshipSettings.defaultMinConfidence,
                verifyWithData: Bool = true, sampleValues: Int = 1_000) {
        self.infer = infer
        self.minConfidence = min(1, max(0, minConfidence))
        self.verifyWithData = verifyWithData
        self.sampleValues = max(1, sampleValues)
    }
}

/// The relationships stage: after profiling, before describe, so that descriptions and diagrams see what it
/// finds. Declared foreign keys and relationships people wrote are facts and are never second-guessed; for
/// every other column that may hold a key, the naming conventions suggest at most one parent key, weighed
/// into a confidence with its reasons. Decisions people recorded win: an accepted suggestion is a fact, a
/// rejected one is never suggested again.
public struct RelationshipStage: Sendable {
    public struct Report: Sendable, Equatable, Codable {
        public var suggested = 0
        /// Suggestions found again for relationships people accepted.
        public var confirmed = 0
        /// Candidates left out: below `min_confidence`, rejected before, or refuted by the data.
        public var belowThreshold = 0
        public var rejected = 0
        public var refutedByData = 0

        public init() {}
    }

    /// Per source name; sources not listed use `defaults`.
    public var settings: [String: RelationshipSettings]
    public var defaults: RelationshipSettings

    public init(defaults: RelationshipSettings = RelationshipSettings(), settings: [String: RelationshipSettings] = [:]) {
        self.defaults = defaults
        self.settings = settings
    }

    public func settings(for source: String) -> RelationshipSettings {
        settings[source] ?? defaults
    }

    /// Every candidate of every source whose settings infer, best per column, before any threshold: what the
    /// data check looks at and what `scribe-build relationships` lists.
    public func candidates(in catalog: Catalog) -> [Relationship] {
        var taken: [TableID: Set<ExactName>] = [:]
        for table in catalog.allTables {
            for key in table.foreignKeys { taken[table.id, default: []].formUnion(key.columns.map(ExactName.init)) }
        }
        // A column whose relationship people wrote is decided, and the pair they rejected is never suggested
        // again. An accepted suggestion is looked for again, so that it shows what the names still say.
        var rejected = Set<Relationship.Pair>()
        for relationship in catalog.relationships {
            switch (relationship.origin, relationship.status) {
            case (_, .rejected): rejected.insert(relationship.pair)
            case (.inferred, _): continue
            default: taken[relationship.from.table, default: []].formUnion(relationship.from.columns.map(ExactName.init))
            }
        }
        var found: [Relationship] = []
        for source in catalog.sources where settings(for: source.name).infer {
            let index = KeyIndex(source.schemas.flatMap(\.tables))
            let inference = RelationshipInference(index)
            // Tables are independent of one another once the index is built.
            let perTable = (try? Parallel.map(count: index.facts.count, chunkSize: 32) { offset, _ -> [Relationship] in
                let fact = index.facts[offset]
                return inference.candidates(of: fact, skipping: taken[fact.table.id] ?? []).map { Self.relationship($0, in: fact.table) }
            }) ?? []
            found += perTable.joined().filter { !rejected.contains($0.pair) }
        }
        return found
    }

    /// The catalog with the suggestions that reach each source's `min_confidence` added, and the accepted
    /// relationships they confirm given their evidence. `checked` holds the data check's verdicts, when one ran.
    public func apply(to catalog: Catalog, candidates: [Relationship]) -> (catalog: Catalog, report: Report) {
        var catalog = catalog
        var report = Report()
        var decided: [Relationship.Pair: Int] = [:]
        var acceptedFrom = Set<Relationship.EndKey>()
        for (offset, relationship) in catalog.relationships.enumerated() where relationship.origin == .inferred {
            decided[relationship.pair] = offset
            if relationship.status == .accepted { acceptedFrom.insert(relationship.from.key) }
        }
        report.rejected = catalog.relationships.filter { $0.status == .rejected }.count
        for candidate in candidates {
            if let offset = decided[candidate.pair] {
                // Accepted before: a fact now, shown with what the inference still says about it.
                catalog.relationships[offset].confidence = candidate.confidence
                catalog.relationships[offset].evidence = candidate.evidence
                if catalog.relationships[offset].cardinality == nil { catalog.relationships[offset].cardinality = candidate.cardinality }
                report.confirmed += 1
                continue
            }
            // A column whose relationship people accepted is not offered a second one.
            if acceptedFrom.contains(candidate.from.key) { continue }
            if candidate.evidence.contains(where: { $0.hasPrefix(InclusionCheck.refutedPrefix) }) {
                report.refutedByData += 1
                continue
            }
            guard (candidate.confidence ?? 0) >= settings(for: candidate.from.table.source).minConfidence else {
                report.belowThreshold += 1
                continue
            }
            catalog.relationships.append(candidate)
            report.suggested += 1
        }
        return (catalog, report)
    }

    static func relationship(_ candidate: Candidate, in table: Table) -> Relationship {
        let unique = candidate.columns.count == 1 && KeyIndex.isUnique(candidate.columns[0], in: table)
        return Relationship(from: .init(table: candidate.child, columns: candidate.columns.map(\.name)),
                            to: .init(table: candidate.parent.table, columns: candidate.parent.columns.map(\.name)),
                            origin: .inferred, status: .suggested, confidence: Self.rounded(candidate.confidence),
                            evidence: candidate.evidence, cardinality: unique ? "one-to-one" : "many-to-one")
    }

    /// Two decimals: a confidence is a judgement, and more digits would change in every diff.
    static func rounded(_ value: Double) -> Double {
        (value * 100).rounded() / 100
    }
}
