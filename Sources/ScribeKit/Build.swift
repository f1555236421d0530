import Catalog
import Context
import Describe
import Foundation
import Introspect
import Profile
import Relationships
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

    public struct Report: Sendable, Codable {
        public var output: String
        public var tables = 0
        public var views = 0
        public var columns = 0
        public var pages = 0
        public var diagrams = 0
        public var files = 0
        /// What the build changed in the output folder: every file when it wrote the site whole, else only the files
        /// whose inputs changed, and those removed.
        public var changes = SiteOutput.Changes()
        /// What the stages noticed and went on: locked tables, unreadable caches, views that no longer compile.
        public var warnings: [Finding] = []
        /// Problems in the files people write (context files, include patterns in site.yml); errors under `--strict`.
        public var findings: [Finding] = []
        public var describe = DescribeStage.Report()
        public var relationships = RelationshipStage.Report()
        /// Approved descriptions whose table or column changed since (`schema.table[.column]`).
        public var stale: [String] = []
        /// How much of the catalog the site describes, as coverage.html and catalog.json give it; set by render.
        public var coverage: Coverage?
        /// How long each stage took, in the order they ran.
        public var timings: [StageTiming] = []
        public var seconds = 0.0
    }

    public struct StageTiming: Sendable, Equatable, Codable {
        public var stage: BuildStage
        public var seconds: Double
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
        var introspected: Introspected?
        return try await run(request, reusing: &introspected)
    }

    /// The whole build; with `introspected`, the sources an earlier build read stand in for the introspect stage
    /// (a `Build.Session`'s rebuild), so that only the stages from context on run. What the introspect stage
    /// reads is put in `introspected` as soon as it is read, so a later stage's failure does not lose it.
    func run(_ request: Request, reusing introspected: inout Introspected?) async throws(BuildError) -> Report {
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

        var state = BuildState(config: config, request: request, output: outputPath)
        // Caches save work; one that cannot be written is a warning, and the build runs without it.
        let cacheProblem = Self.cacheProblem(config.cache)
        if let cacheProblem {
            log.warning("[config] \(cacheProblem)")
            state.report.warnings.append(Finding(stage: BuildStage.config.rawValue, message: cacheProblem))
        }
        // One build at a time per cache: answers, profiles and diagrams are shared between builds.
        let logger = log
        let cacheLock = try cacheProblem == nil ? stage(.write, subject: config.cache) {
            try FolderLock(URL(fileURLWithPath: config.cache)) { logger.info("[write] \($0)") }
        } : nil
        defer { withExtendedLifetime(cacheLock) {} }

        let diagramCache = URL(fileURLWithPath: config.cache).appendingPathComponent("diagrams.pack")
        let version = Graphviz.dotVersion()
        var renderer = cacheProblem != nil ? graphviz : graphviz.cached(in: diagramCache, version: version) { hits, misses in
            logger.debug("[render] diagrams: \(hits) unchanged (from the cache), \(misses) rendered by graphviz")
        }
        renderer.version = version
        let fragments = cacheProblem != nil ? nil : URL(fileURLWithPath: config.cache).appendingPathComponent(FragmentPack.fileName)
        state.site = SiteTarget(output: output, theme: theme, graphviz: renderer, fragments: fragments)
        let refresh = request.refresh
        state.reuse = { id in Self.matches(id, refresh) ? .refresh : .cached }
        try await runSite(on: &state, reusing: &introspected)

        state.report.seconds = Date().timeIntervalSince(started)
        let changes = state.report.changes
        let changed = changes.whole ? "written whole" : changes.written + changes.removed == 0 ? "nothing changed"
            : "\(changes.written) written" + (changes.removed > 0 ? ", \(changes.removed) removed" : "")
        log.info("[write] \(state.report.pages) pages, \(state.report.diagrams) diagrams, \(state.report.files) files → \(outputPath) "
            + "(\(changed)) in \(Self.format(state.report.seconds)) s" + (state.report.coverage.map { "; " + Self.summary($0) } ?? ""))
        return state.report
    }

    /// Ctrl-C or SIGTERM: a site being written stops and removes its staging folder (true), or there is
    /// nothing to clean up and the caller may exit at once (false).
    public static func interrupt() -> Bool { Interruption.request() }

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
