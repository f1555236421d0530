import Catalog
import Foundation

/// One output, written into a folder through `SiteFolder`: the site's HTML pages, search index and catalog.json
/// (`Exporters.site`), and what `export --format` writes (`Exporters.export`: Markdown, dbt `sources.yml`, JSON).
/// Each is one type in this folder; the site generator runs the ones it is given, in order, against one shared plan.
public protocol Exporter: Sendable {
    /// How configuration and `export --format` name it: `html`, `search-index`, `catalog-json`.
    var name: String { get }
    func export(_ input: ExportInput, into folder: SiteFolder, progress: (String) -> Void) throws -> ExportSummary
}

/// What every exporter reads: the catalog, and where each part of it lives in the site.
public struct ExportInput: Sendable {
    public let catalog: Catalog
    public let plan: SitePlan
    let index: CatalogIndex
    private let fingerprintCache = FingerprintCache()

    public init(_ catalog: Catalog) {
        self.catalog = catalog
        plan = SitePlan(catalog)
        index = CatalogIndex(catalog)
    }

    /// What each part of the catalog is made of, computed once for every exporter that asks.
    var fingerprints: SiteFingerprints {
        fingerprintCache.get { SiteFingerprints(self) }
    }
}

/// The `SiteFingerprints` of one catalog, shared by the exporters of one site.
private final class FingerprintCache: @unchecked Sendable {
    private let lock = NSLock()
    private var computed: SiteFingerprints?

    func get(_ compute: () -> SiteFingerprints) -> SiteFingerprints {
        lock.withLock {
            if let computed { return computed }
            let made = compute()
            computed = made
            return made
        }
    }
}

/// What an exporter wrote.
public struct ExportSummary: Sendable, Equatable {
    public var pages = 0
    public var diagrams = 0
    public var files = 0

    public init(pages: Int = 0, diagrams: Int = 0, files: Int = 0) {
        self.pages = pages
        self.diagrams = diagrams
        self.files = files
    }

    static func + (a: ExportSummary, b: ExportSummary) -> ExportSummary {
        ExportSummary(pages: a.pages + b.pages, diagrams: a.diagrams + b.diagrams, files: a.files + b.files)
    }
}

/// The exporters there are, in the order a site is written.
public enum Exporters {
    /// The static site: its pages and diagrams (with the theme's assets), the search index it loads, and
    /// catalog.json beside them.
    /// `fragments` keeps the encoded parts of the search index and catalog.json between builds (`FragmentPack`).
    public static func site(theme: Theme, graphviz: Graphviz, fragments: FragmentPack? = nil) -> [any Exporter] {
        [HTMLPagesExporter(theme: theme, graphviz: graphviz), SearchIndexExporter(fragments: fragments),
         CatalogJSONExporter(fragments: fragments)]
    }
}
