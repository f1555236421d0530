import Catalog
import Context
import Describe
import Foundation

extension Build {
    /// The describe stage: what nobody described is described (from the cache when the inputs are unchanged),
    /// then approved text whose entity changed since is marked stale.
    func describe(_ state: inout BuildState) async throws(BuildError) {
        (state.catalog, state.report.describe) = try await describe(state.catalog, state.config, reuse: state.reuse, select: state.select)
        (state.catalog, state.report.stale) = Staleness.mark(state.catalog)
        if !state.report.stale.isEmpty {
            let shown = state.report.stale.prefix(10).joined(separator: ", ") + (state.report.stale.count > 10 ? ", …" : "")
            log.warning("[describe] \(state.report.stale.count) approved description\(state.report.stale.count == 1 ? " is" : "s are") stale "
                + "(the table or column changed since it was approved): \(shown); review the text, then run scribe-build approve again")
        }
        if state.request.strict, !state.report.describe.pending.isEmpty {
            throw BuildError(stage: .describe, message: "\(state.report.describe.pending.count) table(s) still pending, "
                + "and --strict makes that an error; the site was not written")
        }
    }

    /// The configured describer over `catalog`: it fills what nobody described, from the cache when it can.
    func describe(_ catalog: Catalog, _ config: SiteConfig,
                  reuse: @escaping @Sendable (TableID) -> DescribeStage.Reuse = { _ in .cached },
                  select: @escaping @Sendable (TableID) -> Bool = { _ in true }) async throws(BuildError) -> (Catalog, DescribeStage.Report) {
        let settings = config.describe
        let describer = try stage(.describe, subject: nil) { try Self.describer(settings, file: config.file, environment: environment) }
        let cache = Self.answerCache(config)
        let progress = ProgressPrinter(log: log, label: "[describe]")
        let describeStage = DescribeStage(
            describer: describer, cache: cache,
            settings: settings.stage,
            reuse: reuse, select: select,
            progress: { progress.show($0) })
        let started = Date()
        let described: Catalog, report: DescribeStage.Report
        do {
            (described, report) = try await describeStage.run(catalog)
        } catch {
            progress.finish()
            log.warning("[describe] \(describer.redact(error.description))")
            throw BuildError(stage: .describe, message: Self.refusalMessage(error, settings))
        }
        progress.finish()
        for pending in report.pending { log.warning("[describe] pending: \(describer.redact(pending))") }
        log.info("[describe] \(report.tables) table\(report.tables == 1 ? "" : "s") to describe with \(describer.provider): "
            + "\(report.fromCache) from the cache, \(report.described - report.fromCache) described in \(report.calls) call\(report.calls == 1 ? "" : "s")"
            + (report.retries > 0 ? " (\(report.retries) retried)" : "") + ", \(report.pending.count) pending "
            + "(\(Self.format(Date().timeIntervalSince(started))) s)")
        return (described, report)
    }

    /// What to do when the model server refused the key; the server's own words stay in the log.
    static func refusalMessage(_ error: DescribeError, _ settings: SiteConfig.DescribeSettings) -> String {
        let check = settings.apiKeyVariable.map { variable in
            "check the key in \(variable) (describe.api_key_env in site.yml); it may be wrong, expired, "
                + "or not allowed to use model \(settings.model ?? "")"
        } ?? "no key was sent; set describe.api_key_env in site.yml to the environment variable holding the key"
        return "\(error.summary): \(check). No more requests were sent, and the site was not written; "
            + "answers already received are kept in the cache."
    }

    static func answerCache(_ config: SiteConfig) -> AnswerCache {
        AnswerCache(folder: URL(fileURLWithPath: config.cache).appendingPathComponent("descriptions"))
    }

    /// Whether a glob on `schema.table` or `source.schema.table` names the table.
    static func matches(_ id: TableID, _ patterns: [String]) -> Bool {
        patterns.contains { TableFilter.matches("\(id.schema).\(id.name)", $0) || TableFilter.matches("\(id)", $0) }
    }

    static func describer(_ settings: SiteConfig.DescribeSettings, file: String, environment: [String: String]) throws(ConfigError) -> Describer {
        var key: String?
        if let variable = settings.apiKeyVariable {
            guard let value = environment[variable], !value.isEmpty else {
                throw ConfigError(file: file, message: "describe.api_key_env names \(variable), which is not set; "
                    + "export it, or use provider: offline")
            }
            key = value
        }
        let model = settings.model ?? ""
        switch settings.provider {
        case .offline:
            return .offline
        case .openai:
            return .openAI(baseURL: URL(string: settings.baseURL ?? "https://api.openai.com/v1") ?? URL(fileURLWithPath: "/"),
                           model: model, apiKey: key, timeout: settings.timeoutSeconds)
        case .anthropic:
            return .anthropic(baseURL: URL(string: settings.baseURL ?? "https://api.anthropic.com/v1") ?? URL(fileURLWithPath: "/"),
                              model: model, apiKey: key, timeout: settings.timeoutSeconds)
        }
    }
}
