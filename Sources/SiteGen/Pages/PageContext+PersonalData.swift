import Catalog

extension PageContext {
    /// The personal-data report: every column with a finding, grouped by table, with the kinds to filter by.
    func piiReport() -> PIIReportPage {
        let path = SitePlan.piiPage
        var kinds: Set<String> = []
        var rows: [PIIReportPage.Row] = []
        var tables: Set<TableID> = []
        for table in catalog.allTables {
            for column in table.columns {
                guard let finding = column.pii else { continue }
                kinds.insert(finding.kind.rawValue)
                tables.insert(table.id)
                rows.append(PIIReportPage.Row(
                    finding: Self.pii(finding),
                    kindValue: finding.kind.rawValue,
                    table: "\(table.id.schema).\(table.name)",
                    tableHref: plan.tablePage(table.id).map { SitePlan.relative($0, from: path) },
                    column: column.name,
                    href: plan.columnLink(table.id, column.name).map { SitePlan.relative($0, from: path) } ?? "",
                    masked: column.profile?.isMasked ?? false
                ))
            }
        }
        return PIIReportPage(
            frame: frame(path: path, title: "Personal data", crumbs: [(catalog.title, SitePlan.indexPage), ("Personal data", nil)]),
            rows: rows,
            count: Format.counted(rows.count, "column"),
            tableCount: Format.counted(tables.count, "table"),
            kinds: kinds.sorted().map { PIIReportPage.Kind(value: $0, label: Format.words($0)) }
        )
    }
}
