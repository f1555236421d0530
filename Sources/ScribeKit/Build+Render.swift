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
        state.report.coverage = Coverage(state.catalog)
        let catalog = state.catalog
        let logger = log
        let fragments = site.fragments.map(FragmentPack.init(file:))
        let generator = SiteGenerator(theme: site.theme, graphviz: site.graphviz, fragments: fragments)
        let (summary, changes) = try stage(.render, subject: nil) {
            var summary = SiteGenerator.Summary()
            let changes = try site.output.replace(waiting: { logger.info("[write] \($0)") }) { folder in
                summary = try generator.generate(catalog, into: folder) { logger.debug("[render] \($0)") }
            }
            return (summary, changes)
        }
        if let fragments {
            // A pack that cannot be written costs the next build encoding again, nothing more.
            let started = Date()
            do {
                if try fragments.save() {
                    logger.debug("[render] fragments: \(fragments.file.lastPathComponent) written in "
                        + String(format: "%.2f", Date().timeIntervalSince(started)) + " s")
                }
            } catch {
                let message = "could not write \(fragments.file.path): \(FileProblem.describe(error)); "
                    + "the next build encodes the search index and catalog.json whole"
                logger.warning("[render] \(message)")
                state.report.warnings.append(Finding(stage: BuildStage.render.rawValue, message: message))
            }
        }
        state.report.changes = changes
        state.report.pages = summary.pages
        state.report.diagrams = summary.diagrams
        state.report.files = summary.files
    }
}

extension Build {
    /// The coverage figures of the whole catalog for the build's last line: "coverage: score 15% (…);
    /// tables and views 21 of 21 described (5 human, 16 model; 5 approved); columns …; 10 PII columns".
    /// Counts that are zero are left out; coverage.html has every figure per schema.
    static func summary(_ coverage: Coverage) -> String {
        let figures = coverage.figures
        func tally(_ label: String, _ tally: Coverage.Tally) -> String {
            let origins = [(tally.human, "human"), (tally.databaseComment, "database comment"), (tally.template, "template"),
                           (tally.model, "model")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
            let review = [(tally.approved, "approved"), (tally.stale, "stale"), (tally.pending, "pending")]
                .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
            let parts = [origins.joined(separator: ", "), review.joined(separator: ", ")].filter { !$0.isEmpty }
            return "\(label) \(tally.described) of \(tally.total) described" + (parts.isEmpty ? "" : " (\(parts.joined(separator: "; ")))")
        }
        // Worded as the page words it: a score short of 100% never reads "100%", one above 0% never "0%".
        let score = figures.score.map { $0 < 1 && $0 >= 0.995 ? ">99%" : $0 > 0 && $0 < 0.01 ? "<1%" : "\(Int(($0 * 100).rounded()))%" }
            ?? "none"
        return "coverage: score \(score) (½ trusted tables + ½ trusted columns; see coverage.html); "
            + tally("tables and views", figures.tables) + "; " + tally("columns", figures.columns)
            + "; \(figures.piiColumns) PII column\(figures.piiColumns == 1 ? "" : "s")"
    }
}
