
/// The personal-data report: every column with a finding, with the kinds to filter by.
///
/// The HTML holds the first `pageSize` rows; every row is in `rowsJSON`, which browse.js filters and pages,
/// so the report stays a small page at tens of thousands of findings.
struct PIIReportPage: PageView {
    static let template = "pii"
    static let pageSize = 100
    var frame: PageFrame
    /// Every row; the page prints the first `pageSize`.
    var rows: [Row]
    /// "10 columns".
    var count: String
    /// "4 tables".
    var tableCount: String
    var kinds: [Kind]

    func child(named name: String) -> Any? {
        switch name {
        case "rows": Array(rows.prefix(Self.pageSize))
        case "rowsJSON": ScriptJSON.encode(rows.map(Row.Entry.init))
        case "pageSize": Self.pageSize
        case "more": rows.count > Self.pageSize ? Format.counted(rows.count - Self.pageSize, "more column") : ""
        case "count": count
        case "tableCount": tableCount
        case "kinds": kinds
        default: frame.child(named: name)
        }
    }
}

extension PIIReportPage {
    /// A column with a finding: the badge's values and where the column is.
    struct Row: MustacheParent {
        var finding: PIIBadge
        /// The kind's raw value, which the filter matches.
        var kindValue: String
        /// `schema.table`.
        var table: String
        /// The table's page, relative to the report.
        var tableHref: String?
        var column: String
        var href: String
        var masked: Bool

        /// The row in the page's JSON, with short keys because a report may hold tens of thousands.
        struct Entry: Encodable {
            var t: String, th: String?, c: String, h: String, k: String, kl: String, f: String, w: String

            init(_ row: Row) {
                (t, th, c, h, k) = (row.table, row.tableHref, row.column, row.href, row.kindValue)
                (kl, f, w) = (row.finding.kind, row.finding.confidence, row.finding.reasons)
            }
        }

        func child(named name: String) -> Any? {
            switch name {
            case "kindValue": kindValue
            case "table": table
            case "tableHref": tableHref.orBlank
            case "column": column
            case "href": href
            case "masked": masked
            default: finding.child(named: name)
            }
        }
    }

    /// An entry of the kind filter.
    struct Kind: MustacheParent {
        var value: String
        var label: String

        func child(named name: String) -> Any? {
            switch name {
            case "value": value
            case "label": label
            default: nil
            }
        }
    }
}
