
/// The coverage report: one row per schema (and a total per source and for the site when there are several),
/// with the quality score and the counts of tables and columns by where their descriptions came from.
struct CoveragePage: PageView {
    static let template = "coverage"
    var frame: PageFrame
    /// The site's score, "42%"; "none" when there is nothing to score.
    var score: String
    /// `Coverage.Figures.scoreFormula`.
    var formula: String
    /// "12 of 30 tables and views and 150 of 400 columns described".
    var summary: String
    var rows: [Row]

    func child(named name: String) -> Any? {
        switch name {
        case "score": score
        case "formula": formula
        case "summary": summary
        case "rows": rows
        default: frame.child(named: name)
        }
    }
}

extension CoveragePage {
    /// A schema, a source's schemas together, or every source: each figure links to the page behind it.
    struct Row: MustacheParent {
        /// "warehouse · main", "warehouse · all schemas", "All sources".
        var name: Link
        /// `schema`, `source` or `site`, for the stylesheet.
        var level: String
        var score: Link
        var tables: Tally
        var columns: Tally
        /// Linked to the personal-data report when there are any.
        var pii: Link

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "level": level
            case "score": score
            case "tables": tables
            case "columns": columns
            case "pii": pii
            default: nil
            }
        }
    }

    /// The counts of one kind of entity in a row, each a worded figure and its link.
    struct Tally: MustacheParent {
        var total: Link
        var described: Link
        /// "40%" of `total` described.
        var share: Link
        var human: Link
        var databaseComment: Link
        var template: Link
        var model: Link
        var approved: Link
        var stale: Link
        var pending: Link

        func child(named key: String) -> Any? {
            switch key {
            case "total": total
            case "described": described
            case "share": share
            case "human": human
            case "databaseComment": databaseComment
            case "template": template
            case "model": model
            case "approved": approved
            case "stale": stale
            case "pending": pending
            default: nil
            }
        }
    }
}
