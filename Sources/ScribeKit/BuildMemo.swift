import Catalog
import ContentHash
import Context
import Foundation
import SiteGen

/// What the last complete build read and what it reported, kept in the cache folder (`build-memo.json`) so that a
/// build which reads exactly the same things skips every stage after introspection: at 5,000 tables those stages
/// cost seconds and, with nothing changed, write nothing anyway.
///
/// A build's output is a function of what the introspect stage read, site.yml, the files people write (the context
/// folder with its ledgers, dbt files, the theme), the program and graphviz, and the caches it keeps (answers,
/// profiles, relationship checks, diagrams). The memo holds a fingerprint of the first group (`Inputs`), of the
/// caches as the build left them, and of the site's manifest as the build wrote it; a build finding all three the
/// same replays the report and leaves the site alone. Anything not equal, or unreadable, means a full build.
///
/// Only a build that finished cleanly is remembered: none with a describe answer pending or a warning after
/// introspection (a locked table, a cache it could not write), since a build of the same inputs would try again.
/// No secret is part of it: source connection values (a PostgreSQL URL may hold a password) are left out of the
/// fingerprint; what they lead to is in it, as the catalog the introspect stage read.
struct BuildMemo: Codable, Sendable {
    static let fileName = "build-memo.json"

    /// `Inputs.fingerprint`, in hex.
    var inputs: String
    /// The cache folder's files (names, sizes, times) as the build left them.
    var caches: String
    /// The site's marker as the build wrote it (`SiteOutput.wholeSiteFingerprint`).
    var site: String
    /// The report, with the findings and warnings of the stages after introspection in `laterFindings`.
    var report: Build.Report
    var laterFindings: [Finding]
    /// The warnings those stages printed (findings in context files, stale approvals), printed again on a replay.
    var warningLines: [String]

    static func file(_ config: SiteConfig) -> URL {
        URL(fileURLWithPath: config.cache).appendingPathComponent(fileName)
    }

    static func read(_ config: SiteConfig) -> BuildMemo? {
        guard let data = FileManager.default.contents(atPath: file(config).path) else { return nil }
        return try? JSONDecoder().decode(BuildMemo.self, from: data)
    }

    /// Writes the memo whole; a memo that cannot be written only costs the next build its shortcut.
    func write(_ config: SiteConfig) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        try? data.write(to: Self.file(config), options: .atomic)
    }

    static func remove(_ config: SiteConfig) {
        try? FileManager.default.removeItem(at: file(config))
    }

    /// The fingerprint of the cache folder's files (names, sizes, times), the memo aside: a `describe --hint` that
    /// changed an answer, or a cache someone deleted, means building again.
    static func caches(_ config: SiteConfig) -> Fingerprint {
        var hasher = FingerprintHasher()
        let folder = URL(fileURLWithPath: config.cache)
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        var files: [(String, Int, Double)] = []
        if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) {
            for case let url as URL in walker {
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true,
                      url.lastPathComponent != fileName else { continue }
                files.append((String(url.path.dropFirst(folder.path.count)), values.fileSize ?? -1,
                              values.contentModificationDate?.timeIntervalSince1970 ?? -1))
            }
        }
        for (path, size, time) in files.sorted(by: { $0.0 < $1.0 }) {
            hasher.combine(path)
            hasher.combine(size)
            hasher.combine(time)
        }
        return hasher.finalize()
    }
}

extension BuildMemo {
    /// Everything a build after introspection reads, except its caches, as one fingerprint.
    struct Inputs {
        var fingerprint: Fingerprint

        init(config: SiteConfig, request: Build.Request, catalog: Catalog, graphvizVersion: String, theme: URL) {
            var hasher = FingerprintHasher()
            hasher.combine("build-memo-1")
            hasher.combine(SiteFingerprints.software)
            hasher.combine(graphvizVersion)
            hasher.combine(request.strict)
            var withoutConnections = config
            for index in withoutConnections.sources.indices { withoutConnections.sources[index].values = [:] }
            hasher.combine(ReflectedFingerprint.of(withoutConnections))
            Self.combine(catalog, into: &hasher)
            var files = [URL(fileURLWithPath: config.file)]
            files += Self.files(under: URL(fileURLWithPath: config.context))
            files += Self.files(under: theme)
            for item in config.dbtFiles { files += DBTReader.files(matching: item.pattern) }
            for file in files {
                hasher.combine(file.path)
                if let data = FileManager.default.contents(atPath: file.path) {
                    hasher.combine(data.count)
                    data.withUnsafeBytes { hasher.combine(bytes: $0.bindMemory(to: UInt8.self)) }
                } else {
                    hasher.combine(-1)
                }
            }
            fingerprint = hasher.finalize()
        }

        /// The catalog as introspected, a table at a time on every core, each field by field (`FingerprintValue`).
        private static func combine(_ catalog: Catalog, into hasher: inout FingerprintHasher) {
            hasher.combine(catalog.title)
            for source in catalog.sources {
                hasher.combine(source.name)
                hasher.combine(source.kind.rawValue)
                for schema in source.schemas {
                    hasher.combine(schema.name)
                    let tables = (try? Parallel.map(count: schema.tables.count, chunkSize: 64) { index, _ in
                        schema.tables[index].fingerprint
                    }) ?? []
                    hasher.combine(tables.count)
                    for table in tables { hasher.combine(table) }
                }
            }
        }

        /// Every file below `folder`, hidden ones aside, in a fixed order.
        private static func files(under folder: URL) -> [URL] {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
            var found: [URL] = []
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                found.append(url)
            }
            return found.sorted { $0.path < $1.path }
        }
    }
}

extension Build {
    /// Runs the stages after introspection, or skips them when nothing they read changed since the last build
    /// (`BuildMemo`), replaying its report; a build that finished cleanly is remembered for the next.
    func runRemembering(_ stages: [PipelineStage], on state: inout BuildState) async throws(BuildError) {
        guard let site = state.site else { return try await run(stages, on: &state) }
        let config = state.config
        let inputs = BuildMemo.Inputs(config: config, request: state.request, catalog: state.catalog,
                                      graphvizVersion: site.graphviz.version, theme: Self.themeFolder(config)).fingerprint
        let replayable = state.request.refresh.isEmpty && !state.request.reprofile
        if replayable, let memo = BuildMemo.read(config), memo.inputs == inputs.description,
           memo.caches == BuildMemo.caches(config).description,
           memo.site == site.output.wholeSiteFingerprint()?.description {
            let (findings, warnings) = (state.report.findings, state.report.warnings)
            let timings = state.report.timings
            state.report = memo.report
            state.report.findings = findings + memo.laterFindings
            state.report.warnings = warnings
            state.report.timings = timings
            state.report.changes = SiteOutput.Changes()
            for line in memo.warningLines { log.warning(line) }
            log.info("[build] nothing this build reads changed since the last one (site.yml, the catalog, context and theme "
                + "files, caches): the site is as it was; context, profile, relationships, describe and render skipped")
            return
        }
        BuildMemo.remove(config)
        let (findings, warnings) = (state.report.findings.count, state.report.warnings.count)
        let printed = WarningLines()
        var recording = self
        let log = self.log
        recording.log.warning = { line in
            printed.append(line)
            log.warning(line)
        }
        try await recording.run(stages, on: &state)
        guard state.report.warnings.count == warnings, state.report.describe.pending.isEmpty,
              let written = site.output.wholeSiteFingerprint()
        else { return }
        BuildMemo(inputs: inputs.description, caches: BuildMemo.caches(config).description, site: written.description,
                  report: state.report, laterFindings: Array(state.report.findings[findings...]),
                  warningLines: printed.lines).write(config)
    }
}

/// The warnings a build printed, collected from the threads its stages run on.
private final class WarningLines: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []
    func append(_ line: String) { lock.withLock { collected.append(line) } }
    var lines: [String] { lock.withLock { collected } }
}
