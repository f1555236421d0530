import Foundation

extension SchemaPage {
    /// Rows a page of a long list shows; the rest wait in `listJSON`, so the DOM stays small at thousands of tables.
    static let pageSize = 100

    /// A table's row in the list's JSON, with short keys because a schema may hold thousands.
    struct ListEntry: Codable, Sendable, Hashable {
        /// Name, link, kind's raw value and its label.
        var n: String
        var h: String?
        var k: String
        var kl: String
        /// Columns, rows (nil when unknown) and its label, references in and out.
        var c: Int
        var r: Int?
        var rl: String
        var f: Int
        /// The description's text; nil when missing, `w` then says whether it is pending.
        var d: String?
        var w: Bool?
        var s: Bool?
        /// PII columns and their label ("2 PII columns").
        var p: Int
        var pl: String?

        init(_ summary: TableSummary) {
            n = summary.name
            h = summary.href
            k = summary.figures.kind
            kl = summary.kind
            c = summary.figures.columns
            r = summary.figures.rows
            rl = summary.rows
            f = summary.figures.references
            d = summary.description.text
            w = summary.description.text == nil && summary.description.pending != nil ? true : nil
            s = summary.description.stale ? true : nil
            p = summary.figures.piiColumns
            pl = summary.pii
        }
    }

    /// The entries as JSON safe inside a `<script>` element.
    static func listJSON(_ tables: [TableSummary]) -> String {
        ScriptJSON.encode(tables.map(ListEntry.init))
    }
}
