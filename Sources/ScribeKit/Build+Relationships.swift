import Catalog
import Foundation
import Relationships
import SiteGen

extension Build {
    /// The relationships stage: undeclared relationships suggested from names, types and keys, checked in the
    /// database where its data may be read, and added to the catalog for describe and render to show.
    func relationships(_ state: inout BuildState) throws(BuildError) {
        let started = Date()
        let config = state.config
        let stage = RelationshipStage(defaults: config.relationships, settings: config.sourceRelationships)
        var candidates = memoizedCandidates(stage, state: state)
        var checks = InclusionSummary()
        if config.profile.enabled, !candidates.isEmpty {
            checks = try checkInData(&candidates, using: stage, state: &state)
        }
        let (catalog, report) = stage.apply(to: state.catalog, candidates: candidates)
        state.catalog = catalog
        state.report.relationships = report
        guard !candidates.isEmpty || report.confirmed > 0 else { return }
        let data = checks.checked + checks.cached > 0
            ? "\(checks.checked + checks.cached) checked in the data (\(checks.cached) from the cache, \(report.refutedByData) refuted), " : ""
        log.info("[relationships] \(report.suggested) suggested, \(data)\(report.confirmed) accepted before and found again, "
            + "\(report.belowThreshold) below min_confidence, \(report.rejected) rejected before "
            + "(\(Self.format(Date().timeIntervalSince(started))) s)")
    }

    /// What inference finds in the catalog, or what it found last time from the same input (`CandidateMemo`).
    private func memoizedCandidates(_ stage: RelationshipStage, state: BuildState) -> [Relationship] {
        let input = RelationshipStage.inferenceInput(state.catalog)
        let memo = CandidateMemo(folder: URL(fileURLWithPath: state.config.cache))
        let fingerprint = stage.inferenceFingerprint(of: input, software: SiteFingerprints.software)
        if let remembered = memo.candidates(for: fingerprint) {
            log.debug("[relationships] \(remembered.count) candidates as the last build found them: nothing inference reads changed")
            return remembered
        }
        let candidates = stage.candidates(in: input)
        memo.store(candidates, for: fingerprint)
        return candidates
    }

    struct InclusionSummary {
        var checked = 0
        var cached = 0
    }

    /// Weighs each candidate of a source whose data may be read (`profile` on, `verify_with_data` on) by the
    /// share of its values the key holds: counted in the database, or kept from an earlier build.
    private func checkInData(_ candidates: inout [Relationship], using relationshipStage: RelationshipStage,
                             state: inout BuildState) throws(BuildError) -> InclusionSummary {
        let config = state.config
        let catalog = state.catalog
        let cache = InclusionCache(file: URL(fileURLWithPath: config.cache).appendingPathComponent("inclusion.json"))
        var summary = InclusionSummary()
        var fresh: [String: InclusionCount] = [:]
        for sourceConfig in config.sources where sourceConfig.profile {
            let settings = relationshipStage.settings(for: sourceConfig.name)
            guard settings.infer, settings.verifyWithData else { continue }
            // What could reach min_confidence once the data agrees; the rest is not worth a query.
            let wanted = candidates.indices.filter {
                candidates[$0].from.table.source.isExactly(sourceConfig.name) && (candidates[$0].confidence ?? 0) >= settings.minConfidence / 2
            }
            var unchecked: [Int] = []
            var keys: [Int: String] = [:]
            for index in wanted {
                let key = InclusionCache.key(for: candidates[index], in: catalog, sampleValues: settings.sampleValues)
                keys[index] = key
                if let count = cache.count(key: key) {
                    InclusionCheck.weigh(&candidates[index], by: count)
                    fresh[key] = count
                    summary.cached += 1
                } else {
                    unchecked.append(index)
                }
            }
            guard !unchecked.isEmpty else { continue }
            let plan = config.profile.sampling
            let checker = try stage(.relationships, subject: sourceConfig.name) { () throws -> InclusionChecker in
                InclusionChecker(driver: try sourceConfig.driver(), sampleValues: settings.sampleValues, workers: plan.workers,
                                 statementTimeoutMilliseconds: plan.statementTimeoutMilliseconds)
            }
            let progress = ProgressPrinter(log: log, label: "[relationships]")
            let progressStarted = Date()
            let show: @Sendable (Int, Int) -> Void = { done, total in
                progress.show(done: done, total: total, noun: "suggestions checked", started: progressStarted)
            }
            let toCheck = unchecked.map { candidates[$0] }
            let (counts, failures) = try stage(.relationships, subject: sourceConfig.name) {
                try checker.check(toCheck, in: catalog, progress: show)
            }
            progress.finish()
            for (offset, index) in unchecked.enumerated() {
                guard let count = counts[offset] else {
                    candidates[index].evidence.append("could not be checked in the data: \(failures[offset]?.published ?? "unknown reason")")
                    continue
                }
                InclusionCheck.weigh(&candidates[index], by: count)
                if let key = keys[index] { fresh[key] = count }
                summary.checked += 1
            }
        }
        // Rewritten only when something changed: with no new count, `fresh` is what the file held unless a
        // suggestion went away. A cache that cannot be written costs the checks next time, nothing more.
        if summary.checked > 0 || fresh.count != cache.entryCount { try? cache.store(fresh) }
        return summary
    }
}
