import Catalog
import Context
import Foundation

extension Build {
    /// The context stage: what people wrote (context files and the tool's ledgers) merged into the catalog;
    /// entries naming nothing are findings, errors under `--strict`.
    func mergeContext(_ state: inout BuildState) throws(BuildError) {
        let config = state.config
        let contextStarted = Date()
        let configFolder = URL(fileURLWithPath: config.file).standardizedFileURL.deletingLastPathComponent()
        let contextSet = try stage(.context, subject: nil) {
            try ContextLoader().load(folder: URL(fileURLWithPath: config.context), displayRoot: configFolder)
        }
        let merged = try stage(.context, subject: nil) {
            try ContextMerge(context: contextSet, defaultTemplates: config.defaultTemplates).apply(to: state.catalog)
        }
        state.report.findings += merged.findings
        for finding in merged.findings { log.warning(finding.description) }
        if state.request.strict, !merged.findings.isEmpty {
            throw BuildError(stage: .context, message: "\(merged.findings.count) finding\(merged.findings.count == 1 ? "" : "s") "
                + "in the context files, and --strict makes them errors; the site was not written")
        }
        let documented = merged.catalog.relationships.filter { $0.origin == .documented }.count
        let decided = merged.catalog.relationships.count - documented
        log.info("[context] \(contextSet.entries.count) entries, \(documented) documented relationships, "
            + (decided > 0 ? "\(decided) decided suggestions, " : "")
            + "\(merged.catalog.glossary.count) glossary terms, \(contextSet.templates.count) templates "
            + "(\(Self.format(Date().timeIntervalSince(contextStarted))) s)")
        state.catalog = merged.catalog
    }
}
