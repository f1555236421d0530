import Catalog

extension PageContext {
    /// The coverage report: a row per schema, a total per source of several schemas, one for several sources.
    func coverage() -> CoveragePage {
        let path = SitePlan.coveragePage
        let coverage = Coverage(catalog)
        func from(_ target: String) -> String { SitePlan.relative(target, from: path) }
        var rows: [CoveragePage.Row] = []
        for source in coverage.sources {
            for schema in source.schemas {
                rows.append(row("\(source.name) · \(schema.name)", level: "schema", schema.figures,
                                href: from(plan.schemaPage(source: source.name, schema: schema.name))))
            }
            if source.schemas.count > 1 {
                rows.append(row("\(source.name) · all schemas", level: "source", source.figures,
                                href: from(SitePlan.indexPage) + "#" + plan.sourceAnchor(source.name)))
            }
        }
        if coverage.sources.count > 1 {
            rows.append(row("All sources", level: "site", coverage.figures, href: from(SitePlan.indexPage)))
        }
        let figures = coverage.figures
        return CoveragePage(
            frame: frame(path: path, title: "Coverage", crumbs: [(catalog.title, SitePlan.indexPage), ("Coverage", nil)]),
            score: figures.score.map(Format.share) ?? "none",
            formula: Coverage.Figures.scoreFormula,
            summary: "\(Format.count(figures.tables.described)) of \(Format.tablesAndViews(figures.tables.total)) and "
                + "\(Format.count(figures.columns.described)) of \(Format.counted(figures.columns.total, "column")) described",
            rows: rows
        )
    }
}

private extension PageContext {
    func row(_ name: String, level: String, _ figures: Coverage.Figures, href: String) -> CoveragePage.Row {
        CoveragePage.Row(
            name: Link(label: name, href: href),
            level: level,
            score: Link(label: figures.score.map(Format.share) ?? "–", href: href),
            tables: tally(figures.tables, href: href),
            columns: tally(figures.columns, href: href),
            // The report lists every column with personal data; there is none to see behind a zero.
            pii: Link(label: Format.count(figures.piiColumns),
                      href: figures.piiColumns > 0 ? SitePlan.relative(SitePlan.piiPage, from: SitePlan.coveragePage) : nil)
        )
    }

    func tally(_ tally: Coverage.Tally, href: String) -> CoveragePage.Tally {
        func figure(_ value: Int) -> Link { Link(label: Format.count(value), href: href) }
        return CoveragePage.Tally(
            total: figure(tally.total),
            described: figure(tally.described),
            share: Link(label: tally.total == 0 ? "–" : Format.share(Double(tally.described) / Double(tally.total)), href: href),
            human: figure(tally.human),
            databaseComment: figure(tally.databaseComment),
            template: figure(tally.template),
            model: figure(tally.model),
            approved: figure(tally.approved),
            stale: figure(tally.stale),
            pending: figure(tally.pending)
        )
    }
}
