import Catalog
import Foundation

/// What the introspect stage read: the sources' catalogs, the findings it made about them, and the site.yml
/// sources it read them for. A `Build.Session` keeps it so that a rebuild starts from the context stage.
struct Introspected: Sendable {
    var sourceConfigs: [SiteConfig.SourceConfig]
    var sources: [Source]
    var findings: [Finding]
    var warnings: [Finding]

    /// Whether this catalog still answers for `config`: site.yml's `sources` (paths, URLs, include and exclude
    /// patterns, timeouts) are what the introspect stage reads with, so any change there means reading again.
    func stillAnswers(for config: SiteConfig) -> Bool {
        sourceConfigs == config.sources
    }
}

extension Build {
    /// Runs the site pipeline on `state`; with `reusing` (when it still answers for the configuration) the
    /// introspect stage is skipped and its catalog, findings and warnings are put in place instead.
    func runSite(on state: inout BuildState, reusing introspected: inout Introspected?) async throws(BuildError) {
        let afterIntrospect = Pipeline.site.filter { $0.name != .introspect }
        if let kept = introspected, kept.stillAnswers(for: state.config) {
            state.catalog.sources = kept.sources
            state.report.findings += kept.findings
            state.report.warnings += kept.warnings
            log.info("[introspect] kept from the last build: \(kept.sources.count) source(s), no database read")
        } else {
            introspected = nil
            let (findings, warnings) = (state.report.findings.count, state.report.warnings.count)
            try await run(Pipeline.site.filter { $0.name == .introspect }, on: &state)
            introspected = Introspected(sourceConfigs: state.config.sources, sources: state.catalog.sources,
                                        findings: Array(state.report.findings[findings...]),
                                        warnings: Array(state.report.warnings[warnings...]))
        }
        try await runRemembering(afterIntrospect, on: &state)
    }
}

extension Build {
    /// Builds the same site again and again, reading the databases once: what `scribe-build serve` rebuilds with.
    ///
    /// The first `rebuild()` is a whole build. Later ones keep the catalog the introspect stage read and run the
    /// pipeline from the context stage on, so an edit to a context file, the theme or site.yml's other sections
    /// costs what those stages cost and no database is opened (profiles and relationship checks come from their
    /// caches, whose keys the unchanged structure still matches; without a writable cache folder the profile
    /// stage samples the data again, as every build then does). The databases are read again when site.yml's
    /// `sources` change, or when asked (`rebuild(reintrospect: true)`), since nothing here can see a schema
    /// change in the database itself.
    public actor Session {
        public let build: Build
        public let request: Request
        private var introspected: Introspected?
        private var watched: [URL]

        public init(build: Build, request: Request) {
            self.build = build
            self.request = request
            watched = Self.watchedFiles(request, build.environment) ?? [URL(fileURLWithPath: request.configPath)]
        }

        /// Builds the site; a failure leaves the site of the last successful build where it was.
        @discardableResult
        public func rebuild(reintrospect: Bool = false) async throws(BuildError) -> Report {
            if reintrospect { introspected = nil }
            var kept = introspected
            defer {
                introspected = kept
                watched = Self.watchedFiles(request, build.environment) ?? watched
            }
            return try await build.run(request, reusing: &kept)
        }

        /// Whether the next rebuild reads the databases (none read yet, or asked to read them again).
        public var willIntrospect: Bool { introspected == nil }

        /// What a rebuild reads besides the databases: site.yml, the context folder and the theme folder, as the
        /// configuration last read names them (site.yml alone until one could be read).
        public var watchedPaths: [URL] { watched }

        static func watchedFiles(_ request: Request, _ environment: [String: String]) -> [URL]? {
            guard let config = try? ConfigLoader(environment: environment).load(path: request.configPath) else { return nil }
            return [URL(fileURLWithPath: request.configPath), URL(fileURLWithPath: config.context), Build.themeFolder(config)]
                + config.dbtFiles.map { watchedPath(of: $0.pattern) }
        }

        /// What to watch for a `dbt.files` item: the file or project folder it names, or for a glob the folder
        /// before its first wildcard (a file added there may match).
        static func watchedPath(of pattern: String) -> URL {
            let fixed = pattern.split(separator: "/", omittingEmptySubsequences: false)
                .prefix { !$0.contains(where: { "*?[".contains($0) }) }
            return URL(fileURLWithPath: fixed.count == pattern.split(separator: "/", omittingEmptySubsequences: false).count
                       ? pattern : (fixed.isEmpty ? "/" : fixed.joined(separator: "/")))
        }
    }
}

extension Build.Session {
    /// The folder the site is written to: `--output` (relative to the current folder), else `paths.output`.
    public nonisolated func outputFolder() throws(BuildError) -> URL {
        if let output = request.output {
            return URL(fileURLWithPath: ConfigLoader.resolve(output, against: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
        }
        let config = try build.stage(.config, subject: nil) { try ConfigLoader(environment: build.environment).load(path: request.configPath) }
        return URL(fileURLWithPath: config.output)
    }
}
