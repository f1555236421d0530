import Catalog
import Context
import Describe
import Foundation
import Introspect
import Profile
import SiteGen

/// `scribe-build build`: configuration → introspection → rendering → an atomically replaced site.
public struct Build: Sendable {
    public struct Request: Sendable {
        public var configPath: String
        /// `--output`; overrides `paths.output`. Relative to the current directory.
        public var output: String?
        /// `--strict`: a finding (in a context file, or an include pattern matching no table) fails the build.
        public var strict: Bool
        /// `--refresh`: globs on schema.table (or source.schema.table) whose descriptions are asked for again.
        public var refresh: [String]
        /// `--reprofile`: read every table's data again, whatever the profile cache holds.
        public var reprofile: Bool

        public init(configPath: String = "site.yml", output: String? = nil, strict: Bool = false, refresh: [String] = [],
                    reprofile: Bool = false) {
            self.configPath = configPath
            self.output = output
            self.strict = strict
            self.refresh = refresh
            self.reprofile = reprofile
        }
    }

    public struct Report: Sendable {
        public var output: String
        public var tables = 0
        public var views = 0
        public var columns = 0
        public var pages = 0
        public var diagrams = 0
        public var files = 0
        public var warnings: [String] = []
        /// Problems in context files that did not stop the build.
        public var findings: [String] = []
        public var describe = DescribeStage.Report()
        /// Approved descriptions whose table or column changed since (`schema.table[.column]`).
        public var stale: [String] = []
        public var seconds = 0.0
    }

    public var log: Log
    public var environment: [String: String]
    public var graphviz: Graphviz

    public init(log: Log = .silent, environment: [String: String] = ProcessInfo.processInfo.environment,
                graphviz: Graphviz = .dot()) {
        self.log = log
        self.environment = environment
        self.graphviz = graphviz
    }

    public func run(_ request: Request) async throws(BuildError) -> Report {
        let started = Date()
        let config = try stage(.config, subject: nil) {
            try ConfigLoader(environment: environment).load(path: request.configPath)
        }
        let outputPath = request.output.map { ConfigLoader.resolve($0, against: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) }
            ?? config.output
        let output = SiteOutput(destination: URL(fileURLWithPath: outputPath))
        // Refuse a wrong output folder before spending time on the databases.
        try stage(.write, subject: outputPath) { try output.checkReplaceable() }
        let theme = try stage(.render, subject: "theme") { try Theme(folder: Self.themeFolder(config)) }

        var report = Report(output: outputPath)
        // Caches save work; one that cannot be written is a warning, and the build runs without it.
        let cacheProblem = Self.cacheProblem(config.cache)
        if let cacheProblem {
            log.warning("[config] \(cacheProblem)")
            report.warnings.append(cacheProblem)
        }
        // One build at a time per cache: answers, profiles and diagrams are shared between builds.
        let logger = log
        let cacheLock = try cacheProblem == nil ? stage(.write, subject: config.cache) {
            try FolderLock(URL(fileURLWithPath: config.cache)) { logger.info("[write] \($0)") }
        } : nil
        defer { withExtendedLifetime(cacheLock) {} }

        var catalog = try readCatalog(config, strict: request.strict, reprofile: request.reprofile, report: &report)
        let refresh = request.refresh
        (catalog, report.describe) = try await describe(catalog, config, reuse: { id in
            Self.matches(id, refresh) ? .refresh : .cached
        })
        (catalog, report.stale) = Staleness.mark(catalog)
        if !report.stale.isEmpty {
            let shown = report.stale.prefix(10).joined(separator: ", ") + (report.stale.count > 10 ? ", …" : "")
            log.warning("[describe] \(report.stale.count) approved description\(report.stale.count == 1 ? " is" : "s are") stale "
                + "(the table or column changed since it was approved): \(shown); review the text, then run scribe-build approve again")
        }
        if request.strict, !report.describe.pending.isEmpty {
            throw BuildError(stage: .describe, message: "\(report.describe.pending.count) table(s) still pending, "
                + "and --strict makes that an error; the site was not written")
        }

        let tables = catalog.allTables
        report.tables = tables.filter { !$0.kind.isView }.count
        report.views = tables.filter(\.kind.isView).count
        report.columns = tables.reduce(0) { $0 + $1.columns.count }

        let diagramCache = URL(fileURLWithPath: config.cache).appendingPathComponent("diagrams.pack")
        let cachedGraphviz = cacheProblem != nil ? graphviz : graphviz.cached(in: diagramCache, version: Graphviz.dotVersion()) { hits, misses in
            logger.debug("[render] diagrams: \(hits) unchanged (from the cache), \(misses) rendered by graphviz")
        }
        let generator = SiteGenerator(theme: theme, graphviz: cachedGraphviz)
        let summary = try stage(.render, subject: nil) {
            var summary = SiteGenerator.Summary()
            try output.replace(waiting: { logger.info("[write] \($0)") }) { folder in
                summary = try generator.generate(catalog, into: folder) { log.debug("[render] \($0)") }
            }
            return summary
        }
        report.pages = summary.pages
        report.diagrams = summary.diagrams
        report.files = summary.files
        report.seconds = Date().timeIntervalSince(started)
        log.info("[write] \(summary.pages) pages, \(summary.diagrams) diagrams, \(summary.files) files → \(outputPath) "
            + "in \(Self.format(report.seconds)) s")
        return report
    }

    /// Ctrl-C or SIGTERM: a site being written stops and removes its staging folder (true), or there is
    /// nothing to clean up and the caller may exit at once (false).
    public static func interrupt() -> Bool { Interruption.request() }

    /// The introspect, context and profile stages: what every command that describes starts from, so `build`,
    /// `approve` and `describe` send the describer the same requests (and find the same cached answers).
    func readCatalog(_ config: SiteConfig, strict: Bool, reprofile: Bool = false, report: inout Report) throws(BuildError) -> Catalog {
        var catalog = Catalog(title: config.title)
        var unmatchedIncludes: [String] = []
        for source in config.sources {
            let introspectStarted = Date()
            let (introspection, unmatched) = try stage(.introspect, subject: source.name) { try Self.introspectNotingUnmatched(source) }
            for pattern in unmatched {
                let place = source.includeLocations[pattern] ?? Location(file: config.file)
                let finding = "\(place): include pattern `\(pattern)` of source `\(source.name)` matches no table; "
                    + "patterns are globs on schema.table"
                log.warning(finding)
                unmatchedIncludes.append(finding)
            }
            for query in introspection.queries {
                log.debug("[introspect] \(source.name): \(query.label): \(query.rows) rows in \(Self.format(query.seconds)) s")
            }
            for warning in introspection.warnings {
                log.warning("[introspect] \(source.name): \(warning)")
                report.warnings.append("\(source.name): \(warning)")
            }
            let tables = introspection.source.schemas.flatMap(\.tables)
            log.info("[introspect] \(source.name): \(tables.filter { !$0.kind.isView }.count) tables, "
                + "\(tables.filter(\.kind.isView).count) views in \(introspection.queries.count) queries "
                + "(\(Self.format(Date().timeIntervalSince(introspectStarted))) s)")
            catalog.sources.append(introspection.source)
        }
        // An empty site and exit 0 would pass for success.
        guard !catalog.allTables.isEmpty else {
            throw BuildError(stage: .introspect, message: "no tables or views to document: the sources are empty, "
                + "or their include and exclude patterns leave nothing; the site was not written")
        }
        report.findings += unmatchedIncludes
        if strict, !unmatchedIncludes.isEmpty {
            throw BuildError(stage: .introspect, message: "\(unmatchedIncludes.count) include pattern(s) match no table, "
                + "and --strict makes that an error; the site was not written")
        }

        let contextStarted = Date()
        let configFolder = URL(fileURLWithPath: config.file).standardizedFileURL.deletingLastPathComponent()
        let contextSet = try stage(.context, subject: nil) {
            try ContextLoader().load(folder: URL(fileURLWithPath: config.context), displayRoot: configFolder)
        }
        let merged = try stage(.context, subject: nil) {
            try ContextMerge(context: contextSet, defaultTemplates: config.defaultTemplates).apply(to: catalog)
        }
        report.findings += merged.findings.map(\.description)
        for finding in merged.findings { log.warning(finding.description) }
        if strict, !merged.findings.isEmpty {
            throw BuildError(stage: .context, message: "\(merged.findings.count) finding\(merged.findings.count == 1 ? "" : "s") "
                + "in the context files, and --strict makes them errors; the site was not written")
        }
        log.info("[context] \(contextSet.entries.count) entries, \(merged.catalog.relationships.count) documented relationships, "
            + "\(merged.catalog.glossary.count) glossary terms, \(contextSet.templates.count) templates "
            + "(\(Self.format(Date().timeIntervalSince(contextStarted))) s)")
        return try profile(merged.catalog, config, reprofile: reprofile, report: &report)
    }

    /// The describe stage: the configured describer fills what nobody described, from the cache when it can.
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

    /// Why the cache folder cannot be written, in words, or nil when it can (it is created if missing).
    static func cacheProblem(_ path: String) -> String? {
        var isFolder: ObjCBool = false
        let reason: String
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if !isFolder.boolValue {
                reason = "it is a file, not a folder"
            } else if access(path, W_OK) != 0 {
                reason = "you may not write to it (permission denied)"
            } else {
                return nil
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                return nil
            } catch {
                reason = "it cannot be created (\(FileProblem.describe(error)))"
            }
        }
        return "could not use the cache folder \(path): \(reason); set `paths.cache` in site.yml to a folder you can write "
            + "(until then every build renders diagrams, profiles tables and asks for descriptions again)"
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

    /// Runs one stage, converting whatever it throws into a `BuildError` that names the stage.
    func stage<T>(_ stage: BuildStage, subject: String?, _ work: () throws -> T) throws(BuildError) -> T {
        do {
            return try work()
        } catch let error as BuildError {
            throw error
        } catch let error as ConfigError {
            throw BuildError(stage: stage, message: error.description)
        } catch let error as NSError where error.domain == NSCocoaErrorDomain || error.domain == NSPOSIXErrorDomain {
            // Foundation's own text is a domain and a number on Linux; say what happened instead.
            throw BuildError(stage: stage, subject: subject, message: FileProblem.describe(error))
        } catch let error as CustomStringConvertible {
            throw BuildError(stage: stage, subject: subject, message: error.description)
        } catch {
            throw BuildError(stage: stage, subject: subject, message: error.localizedDescription)
        }
    }

    /// `paths.theme`, else `themes/default` beside site.yml, else the theme shipped with Schema Scribe.
    static func themeFolder(_ config: SiteConfig) -> URL {
        if let theme = config.theme { return URL(fileURLWithPath: theme) }
        let beside = URL(fileURLWithPath: config.file).standardizedFileURL.deletingLastPathComponent()
            .appendingPathComponent("themes/default")
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return shippedTheme
    }

    /// The default theme shipped with Schema Scribe: installed beside the executable
    /// (`PREFIX/share/schema-scribe/themes/default` for `PREFIX/bin/scribe-build`, or `themes/default` next to
    /// it), else the source tree this binary was built from, for `swift run` and the tests.
    public static var shippedTheme: URL {
        let manager = FileManager.default
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let folder = executable.deletingLastPathComponent()
            for candidate in [folder.deletingLastPathComponent().appendingPathComponent("share/schema-scribe/themes/default"),
                              folder.appendingPathComponent("themes/default")]
            where manager.fileExists(atPath: candidate.appendingPathComponent("templates").path) {
                return candidate
            }
        }
        return sourceTheme
    }

    /// The theme in the source checkout, found from this file's path at build time.
    static let sourceTheme = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes/default")

    static func format(_ seconds: Double) -> String {
        String(format: "%.2f", seconds)
    }
}
