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
        var contextSet = try stage(.context, subject: nil) {
            try ContextLoader().load(folder: URL(fileURLWithPath: config.context), displayRoot: configFolder)
        }
        let dbt = try stage(.context, subject: nil) { () throws(ConfigError) -> DBTReader.Result in
            var files: [URL] = []
            for item in config.dbtFiles {
                let found = DBTReader.files(matching: item.pattern)
                guard !found.isEmpty else {
                    throw ConfigError(file: item.location.file, line: item.location.line, column: item.location.column,
                                      message: "`dbt.files` names `\(ContextLoader.display(URL(fileURLWithPath: item.pattern), relativeTo: configFolder))`, "
                                        + "which matches no file; give a dbt property file, a glob or a dbt project folder (with models/)")
                }
                files += found.filter { file in !files.contains(file) }
            }
            return try ContextLoader().loadDBT(files: files, displayRoot: configFolder)
        }
        contextSet.dbt = dbt.entries
        let merged = try stage(.context, subject: nil) {
            try ContextMerge(context: contextSet, defaultTemplates: config.defaultTemplates).apply(to: state.catalog)
        }
        let findings = dbt.findings + merged.findings
        state.report.findings += findings
        for finding in findings { log.warning(finding.description) }
        if state.request.strict, !findings.isEmpty {
            throw BuildError(stage: .context, message: "\(findings.count) finding\(findings.count == 1 ? "" : "s") "
                + "in the context files, and --strict makes them errors; the site was not written")
        }
        let documented = merged.catalog.relationships.filter { $0.origin == .documented }.count
        let decided = merged.catalog.relationships.count - documented
        log.info("[context] \(contextSet.entries.count) entries, "
            + (contextSet.dbt.isEmpty ? "" : "\(contextSet.dbt.count) dbt entries, ")
            + "\(documented) documented relationships, "
            + (decided > 0 ? "\(decided) decided suggestions, " : "")
            + "\(merged.catalog.glossary.count) glossary terms, \(contextSet.templates.count) templates "
            + "(\(Self.format(Date().timeIntervalSince(contextStarted))) s)")
        state.catalog = merged.catalog
    }
}
