import Catalog
import Describe
import Foundation
import SiteGen

/// What a build carries from stage to stage: the configuration it started from, the catalog each stage
/// enriches, and the report each adds to.
struct BuildState: Sendable {
    let config: SiteConfig
    let request: Build.Request
    var catalog: Catalog
    var report: Build.Report
    /// Which tables the describe stage asks again (`--refresh`), and which it asks at all (`describe PATTERN`).
    var reuse: @Sendable (TableID) -> DescribeStage.Reuse = { _ in .cached }
    var select: @Sendable (TableID) -> Bool = { _ in true }
    /// Where the render stage writes, and with what; nil for commands that stop before rendering.
    var site: SiteTarget?

    init(config: SiteConfig, request: Build.Request, output: String) {
        self.config = config
        self.request = request
        catalog = Catalog(title: config.title)
        report = Build.Report(output: output)
    }
}

/// The render stage's inputs, prepared before any database is read so that a wrong output folder or a
/// missing theme fails first.
struct SiteTarget: Sendable {
    var output: SiteOutput
    var theme: Theme
    var graphviz: Graphviz
    /// The pack of the search index's and catalog.json's encoded parts (`FragmentPack`), in the cache folder;
    /// nil when the cache folder cannot be written, and then both are encoded whole.
    var fragments: URL?
}

/// One named stage of the build: its name is stamped on what it throws and on its timing.
struct PipelineStage: Sendable {
    let name: BuildStage
    let run: @Sendable (Build, inout BuildState) async throws(BuildError) -> Void
}

/// The build as a declared list of stages. Commands run the prefix they need: `approve` reads what a build
/// would show (through describe), `describe --hint` the catalog its describer starts from.
enum Pipeline {
    /// Databases, what people wrote, the data's profile and the relationships found: what every command starts from.
    static let catalog: [PipelineStage] = [
        PipelineStage(name: .introspect) { build, state throws(BuildError) in try build.introspect(&state) },
        PipelineStage(name: .context) { build, state throws(BuildError) in try build.mergeContext(&state) },
        PipelineStage(name: .profile) { build, state throws(BuildError) in try build.profile(&state) },
        PipelineStage(name: .relationships) { build, state throws(BuildError) in try build.relationships(&state) },
    ]
    static let describeStage = PipelineStage(name: .describe) { build, state throws(BuildError) in try await build.describe(&state) }
    /// The catalog with every description a build shows, stale approvals marked.
    static let described = catalog + [describeStage]
    /// Everything: the site rendered and swapped into place.
    static let site = described + [
        PipelineStage(name: .render) { build, state throws(BuildError) in try build.render(&state) },
    ]
}

extension Build {
    /// Runs `stages` in order on `state`, timing each.
    func run(_ stages: [PipelineStage], on state: inout BuildState) async throws(BuildError) {
        for stage in stages {
            let started = Date()
            try await stage.run(self, &state)
            let seconds = Date().timeIntervalSince(started)
            state.report.timings.append(.init(stage: stage.name, seconds: seconds))
            log.debug("[pipeline] \(stage.name.rawValue): \(Self.format(seconds)) s\(PeakMemory.note)")
        }
    }

    /// The configuration stage, and then `stages` on a fresh state: what `approve`, `describe` and tests read.
    /// `adjusting` changes the configuration for this run only, as a command's flags do (`--min-confidence`).
    func run(_ stages: [PipelineStage], _ request: Request,
             adjusting: (inout SiteConfig) -> Void = { _ in }) async throws(BuildError) -> BuildState {
        var config = try stage(.config, subject: nil) { try ConfigLoader(environment: environment).load(path: request.configPath) }
        adjusting(&config)
        var state = BuildState(config: config, request: request, output: config.output)
        try await run(stages, on: &state)
        return state
    }
}
