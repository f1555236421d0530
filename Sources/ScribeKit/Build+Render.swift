import Catalog
import Foundation
import SiteGen

extension Build {
    /// The render stage: the site's exporters write into a staging folder, swapped into place when complete.
    func render(_ state: inout BuildState) throws(BuildError) {
        guard let site = state.site else { return }
        let tables = state.catalog.allTables
        state.report.tables = tables.filter { !$0.kind.isView }.count
        state.report.views = tables.filter(\.kind.isView).count
        state.report.columns = tables.reduce(0) { $0 + $1.columns.count }
        let catalog = state.catalog
        let logger = log
        let generator = SiteGenerator(theme: site.theme, graphviz: site.graphviz)
        let summary = try stage(.render, subject: nil) {
            var summary = SiteGenerator.Summary()
            try site.output.replace(waiting: { logger.info("[write] \($0)") }) { folder in
                summary = try generator.generate(catalog, into: folder) { logger.debug("[render] \($0)") }
            }
            return summary
        }
        state.report.pages = summary.pages
        state.report.diagrams = summary.diagrams
        state.report.files = summary.files
    }
}
