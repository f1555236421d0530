import Catalog

extension PageContext {
    /// The table page's "Data profile" section, or nil when the table was not profiled.
    func profileSection(_ table: Table, from path: String) -> ProfileSection? {
        guard let profile = table.profile else { return nil }
        let estimate = table.rowCount.map { Format.rows($0) }
        return ProfileSection(
            read: profile.isSampled
                ? "Sampled \(Format.count(profile.rowsRead)) of \(estimate ?? "?") rows"
                : "All \(Format.count(profile.rowsRead)) rows read",
            valuesRead: profile.valuesRead < profile.rowsRead ? "frequent values from \(Format.count(profile.valuesRead)) of them" : nil,
            incomplete: profile.incomplete,
            columns: table.columns.compactMap { column in
                column.profile.map { profileColumn(column, $0, of: table, valuesRead: profile.valuesRead) }
            }
        )
    }

    private func profileColumn(_ column: Column, _ stats: ColumnProfile, of table: Table, valuesRead: Int) -> ProfileSection.Column {
        let top = stats.topValues.first?.count ?? 0
        let base = max(1, valuesRead)
        // Frequent values worth a bar: the commonest holds at least 1% of the rows (not so for ids).
        let informative = Double(top) / Double(base) >= 0.01
        return ProfileSection.Column(
            name: column.name,
            href: "#" + (plan.columnAnchor(table.id, column.name) ?? ""),
            pii: column.pii.map(Self.pii),
            nulls: Format.percent(stats.nullFraction),
            distinct: (stats.distinctIsEstimate ? "≥ " : "") + Format.count(stats.distinct),
            range: Format.range(stats),
            top: (informative ? stats.topValues : []).map { value in
                ProfileSection.FrequentValue(
                    value: value.value,
                    share: Format.percent(Double(value.count) / Double(base)),
                    // Relative to the most frequent value, so the commonest fills the track.
                    width: top > 0 ? Int((Double(value.count) / Double(top) * 100).rounded()) : 0
                )
            },
            // Which policy applied: masked previews, or none at all (`pii.publish_samples: none`); or, without PII,
            // values kept back because the column is not categorical.
            masked: stats.isMasked ? (stats.topValues.isEmpty ? "not shown: personal data" : "masked: personal data")
                : stats.valuesWithheld ? "values not shown: shape only" : nil,
            shapes: stats.patterns.prefix(3).map { "\(Format.words($0.pattern)) \(Format.percent($0.share))" }
                .joined(separator: ", ")
        )
    }
}
