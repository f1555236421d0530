import Mustache

/// The personal-data report: every column with a finding, with the kinds to filter by.
struct PIIReportPage: PageView {
    static let template = "pii"
    var frame: PageFrame
    var rows: [Row]
    /// "10 columns".
    var count: String
    /// "4 tables".
    var tableCount: String
    var kinds: [Kind]

    func child(named name: String) -> Any? {
        switch name {
        case "rows": rows
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
