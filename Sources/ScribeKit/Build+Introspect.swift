import Catalog
import Context
import Foundation
import Introspect

extension Build {
    /// The introspect stage: every source read by its driver, filtered by its patterns; an include pattern that
    /// matches nothing is a finding, and a catalog left empty an error.
    func introspect(_ state: inout BuildState) throws(BuildError) {
        let config = state.config
        var unmatchedIncludes: [Finding] = []
        for source in config.sources {
            let introspectStarted = Date()
            let (introspection, unmatched) = try stage(.introspect, subject: source.name) { try Self.introspectNotingUnmatched(source) }
            for pattern in unmatched {
                let place = source.includeLocations[pattern] ?? Location(file: config.file)
                let finding = Finding(stage: BuildStage.introspect.rawValue, location: place, message: "include pattern `\(pattern)` "
                    + "of source `\(source.name)` matches no table; patterns are globs on schema.table")
                log.warning(finding.description)
                unmatchedIncludes.append(finding)
            }
            for query in introspection.queries {
                log.debug("[introspect] \(source.name): \(query.label): \(query.rows) rows in \(Self.format(query.seconds)) s")
            }
            for warning in introspection.warnings {
                log.warning("[introspect] \(source.name): \(warning)")
                state.report.warnings.append(Finding(stage: BuildStage.introspect.rawValue, subject: source.name, message: warning))
            }
            let tables = introspection.source.schemas.flatMap(\.tables)
            log.info("[introspect] \(source.name): \(tables.filter { !$0.kind.isView }.count) tables, "
                + "\(tables.filter(\.kind.isView).count) views in \(introspection.queries.count) queries "
                + "(\(Self.format(Date().timeIntervalSince(introspectStarted))) s)")
            state.catalog.sources.append(introspection.source)
        }
        // An empty site and exit 0 would pass for success.
        guard !state.catalog.allTables.isEmpty else {
            throw BuildError(stage: .introspect, message: "no tables or views to document: the sources are empty, "
                + "or their include and exclude patterns leave nothing; the site was not written")
        }
        state.report.findings += unmatchedIncludes
        if state.request.strict, !unmatchedIncludes.isEmpty {
            throw BuildError(stage: .introspect, message: "\(unmatchedIncludes.count) include pattern(s) match no table, "
                + "and --strict makes that an error; the site was not written")
        }
    }

    /// Reads one configured source with its driver, keeping only the tables its patterns include.
    static func introspect(_ source: SiteConfig.SourceConfig, countRows: Bool = true) throws(IntrospectError) -> Introspection {
        try introspectNotingUnmatched(source, countRows: countRows).introspection
    }

    /// `introspect`, and the `include` patterns that matched none of the tables read.
    static func introspectNotingUnmatched(_ source: SiteConfig.SourceConfig,
                                          countRows: Bool = true) throws(IntrospectError) -> (introspection: Introspection, unmatched: [String]) {
        var introspection = try source.driver().introspect(countRows: countRows)
        let unmatched = introspection.source.includesMatchingNothing(source.filter)
        introspection.source = introspection.source.filtered(by: source.filter)
        return (introspection, unmatched)
    }
}
