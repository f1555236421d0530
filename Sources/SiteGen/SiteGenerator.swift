import Catalog
import Foundation

/// Turns a catalog into the files of a static site by running its exporters (`Exporters.site`: pages and
/// diagrams, the search index, catalog.json) against one shared plan of where everything lives.
///
/// Output is deterministic: the same catalog and theme give byte-identical files.
public struct SiteGenerator: Sendable {
    public typealias Summary = ExportSummary

    public var exporters: [any Exporter]

    public init(exporters: [any Exporter]) {
        self.exporters = exporters
    }

    /// The whole site with `theme`'s pages; with `fragments`, the search index and catalog.json are put together
    /// from the parts it kept of tables that did not change (the caller saves it after the build).
    public init(theme: Theme, graphviz: Graphviz = .dot(), fragments: FragmentPack? = nil) {
        self.init(exporters: Exporters.site(theme: theme, graphviz: graphviz, fragments: fragments))
    }

    /// `progress` hears what each exporter did and how long it took.
    ///
    /// The first exporter (the pages, which wait on graphviz) runs on this thread while the others run one after
    /// another on a second: they write different files of the same folder (`SiteFolder` takes a lock), so the
    /// site is the same whatever the timing, and the search index and catalog.json cost nearly nothing more.
    public func generate(_ catalog: Catalog, into folder: SiteFolder,
                         progress: (String) -> Void = { _ in }) throws -> Summary {
        let input = ExportInput(catalog)
        func run(_ exporter: any Exporter, progress: (String) -> Void) throws -> Summary {
            let started = Date()
            let summary = try exporter.export(input, into: folder, progress: progress)
            progress("\(exporter.name): done in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
            return summary
        }
        guard let first = exporters.first else { return Summary() }
        let others = Array(exporters.dropFirst())
        // The other thread's progress lines wait in `heard`, and are passed on from this thread at the end.
        let heard = ProgressLines()
        let second = ExporterThread { try others.reduce(Summary()) { try $0 + run($1) { heard.add($0) } } }
        let firstResult = Result { try run(first, progress: progress) }
        let secondResult = second.wait()
        heard.flush(progress)
        return try firstResult.get() + secondResult.get()
    }
}

/// Progress lines from several threads, passed on in the order they came.
private final class ProgressLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.withLock { lines.append(line) } }
    func flush(_ progress: (String) -> Void) {
        for line in lock.withLock({ lines }) { progress(line) }
    }
}

/// Work on a thread of its own, waited for: exporters block (files, graphviz), so not the cooperative pool.
private final class ExporterThread: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<ExportSummary, Error> = .success(ExportSummary())

    init(_ work: @escaping () throws -> ExportSummary) {
        let box = UncheckedWork(work)
        let thread = Thread { [self] in
            result = Result { try box.work() }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    func wait() -> Result<ExportSummary, Error> {
        done.wait()
        return result
    }
}

private struct UncheckedWork: @unchecked Sendable {
    let work: () throws -> ExportSummary
    init(_ work: @escaping () throws -> ExportSummary) { self.work = work }
}
