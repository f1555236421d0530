import Catalog
import Foundation
import Relationships

extension Build {
    /// The relationships stage: undeclared relationships suggested from names, types and keys (and checked
    /// against the data where that is allowed), added to the catalog for describe and render to show.
    func relationships(_ state: inout BuildState) throws(BuildError) {
        let started = Date()
        let stage = RelationshipStage(defaults: state.config.relationships, settings: state.config.sourceRelationships)
        let candidates = stage.candidates(in: state.catalog)
        let (catalog, report) = stage.apply(to: state.catalog, candidates: candidates)
        state.catalog = catalog
        state.report.relationships = report
        guard !candidates.isEmpty || report.confirmed > 0 else { return }
        log.info("[relationships] \(report.suggested) suggested, \(report.confirmed) accepted before and found again, "
            + "\(report.belowThreshold) below min_confidence, \(report.rejected) rejected before "
            + "(\(Self.format(Date().timeIntervalSince(started))) s)")
    }
}
