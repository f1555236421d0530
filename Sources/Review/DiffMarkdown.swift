import Foundation

/// A `CatalogDiff` as Markdown for a pull-request comment: the summary and what needs attention first, then
/// one collapsible section per schema, the whole kept under `limit` characters (GitHub refuses comments over
/// 65,536) with a note of what was cut.
///
/// Names and texts come from databases and people: names go in code spans fenced past any backtick they hold,
/// texts are quoted with `<` and `&` escaped, so nothing in them can open HTML or close a section.
public struct DiffMarkdown: Sendable {
    public static let defaultLimit = 65_000
    public var limit: Int

    public init(limit: Int = DiffMarkdown.defaultLimit) {
        self.limit = limit
    }

    public func render(_ diff: CatalogDiff, old: String, new: String) -> String {
        var out = Output(limit: limit - 400)   // room for the note on what was cut
        out.line("## Documentation changes")
        out.line("")
        out.line("Comparing \(Self.code(old)) → \(Self.code(new)).")
        out.line("")
        if diff.isEmpty {
            out.line("No change to tables, columns, descriptions, personal data or relationships.")
            return out.text
        }
        out.line("**" + Self.summary(diff) + "**")
        out.line("")
        for coverage in diff.coverage {
            out.line("- " + Self.coverageLine(coverage))
        }
        out.line("")
        let attention = Self.attention(diff)
        if !attention.isEmpty {
            out.line("### Needs attention")
            out.line("")
            for item in attention { out.item("- " + item) }
            out.line("")
        }
        if !diff.schemasAdded.isEmpty || !diff.schemasRemoved.isEmpty {
            out.line("### Schemas")
            out.line("")
            for name in diff.schemasAdded { out.item("- added " + Self.code(name)) }
            for name in diff.schemasRemoved { out.item("- removed " + Self.code(name)) }
            out.line("")
        }
        for schema in diff.schemas {
            section(schema, into: &out)
        }
        relationships(diff, into: &out)
        if out.omitted > 0 {
            out.line("")
            out.line("_\(out.omitted) more line\(out.omitted == 1 ? "" : "s") cut to fit a comment; "
                      + "`scribe-build diff --format json` lists every change._")
        }
        return out.text
    }

    // MARK: Parts

    static func summary(_ diff: CatalogDiff) -> String {
        func total(_ part: (CatalogDiff.SchemaChanges) -> Int) -> Int { diff.schemas.reduce(0) { $0 + part($1) } }
        var parts: [String] = []
        func add(_ count: Int, _ noun: String, _ verb: String) { if count > 0 { parts.append(counted(count, noun) + " " + verb) } }
        add(total { $0.tablesAdded.count }, "table", "added")
        add(total { $0.tablesRemoved.count }, "table", "removed")
        add(total { $0.columnsAdded.count }, "column", "added")
        add(total { $0.columnsRemoved.count }, "column", "removed")
        add(total { $0.columnsChanged.count }, "column", "changed")
        let descriptions = diff.schemas.flatMap(\.descriptions)
        if !descriptions.isEmpty {
            let byModel = descriptions.filter { $0.new?.origin == "model" }.count
            let approved = descriptions.filter { $0.change == .approved }.count
            var words = counted(descriptions.count, "description")
            let details = [byModel > 0 ? "\(byModel) by the model" : nil, approved > 0 ? "\(approved) approved" : nil].compactMap { $0 }
            if !details.isEmpty { words += " (" + details.joined(separator: ", ") + ")" }
            parts.append(words)
        }
        add(total { $0.personalData.count }, "personal-data finding", "changed")
        add(diff.relationshipsAdded.count, "relationship", "added")
        add(diff.relationshipsRemoved.count, "relationship", "removed")
        add(diff.relationshipsDecided.count, "relationship", "decided")
        return parts.isEmpty ? "Coverage moved" : parts.joined(separator: " · ")
    }

    static func coverageLine(_ change: CatalogDiff.CoverageChange) -> String {
        func score(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "–" }
        let scope = change.scope.isEmpty ? "Coverage" : "Coverage of \(code(change.scope))"
        return "\(scope): score \(score(change.oldScore)) → \(score(change.newScore)); "
            + "tables described \(change.oldDescribedTables)/\(change.oldTables) → \(change.newDescribedTables)/\(change.newTables); "
            + "columns described \(change.oldDescribedColumns)/\(change.oldColumns) → \(change.newDescribedColumns)/\(change.newColumns)"
    }

    /// New or changed personal data first, then approved texts gone stale, then model text no one approved.
    static func attention(_ diff: CatalogDiff) -> [String] {
        var items: [String] = []
        for schema in diff.schemas {
            for finding in schema.personalData where finding.newKind != nil {
                let name = code("\(schema.source).\(schema.schema).\(finding.table).\(finding.column)")
                let how = finding.origin == "context" ? "declared in context" : "detected" + (finding.confidence.map { String(format: ", confidence %.2f", $0) } ?? "")
                let was = finding.oldKind.map { " (was \(words($0)))" } ?? ""
                items.append("Personal data: \(name) now holds **\(words(finding.newKind ?? ""))**\(was), \(how)")
            }
        }
        for schema in diff.schemas {
            for change in schema.descriptions where change.change == .stale {
                items.append("Stale: the approved description of \(code(entity(schema, change))) no longer matches what it describes")
            }
        }
        let unreviewed = diff.schemas.reduce(0) { total, schema in
            total + schema.descriptions.filter { $0.new?.origin == "model" && $0.new?.status == "draft" && $0.change != .removed }.count
        }
        if unreviewed > 0 {
            items.append("\(unreviewed) description\(unreviewed == 1 ? "" : "s") written by the model, not yet approved (`scribe-build approve`)")
        }
        return items
    }

    private func section(_ schema: CatalogDiff.SchemaChanges, into out: inout Output) {
        guard !out.isFull else {
            out.omit(schema.tablesAdded.count + schema.tablesRemoved.count + schema.columnsAdded.count + schema.columnsRemoved.count
                     + schema.columnsChanged.count + schema.descriptions.count + schema.personalData.count)
            return
        }
        var counts: [String] = []
        func add(_ n: Int, _ noun: String, _ verb: String = "") { if n > 0 { counts.append(Self.counted(n, noun) + verb) } }
        add(schema.tablesAdded.count, "table", " added")
        add(schema.tablesRemoved.count, "table", " removed")
        add(schema.columnsAdded.count + schema.columnsRemoved.count + schema.columnsChanged.count, "column change")
        add(schema.descriptions.count, "description")
        add(schema.personalData.count, "personal-data finding")
        out.line("<details><summary><b>\(Self.html("\(schema.source).\(schema.schema)"))</b>: \(counts.joined(separator: ", "))</summary>")
        out.line("")
        if !schema.tablesAdded.isEmpty || !schema.tablesRemoved.isEmpty {
            out.line("#### Tables")
            out.line("")
            for table in schema.tablesAdded { out.item("- added \(table.kind) \(Self.code(table.table)), \(table.columns) column\(table.columns == 1 ? "" : "s")") }
            for table in schema.tablesRemoved { out.item("- removed \(table.kind) \(Self.code(table.table))") }
            out.line("")
        }
        if !schema.columnsAdded.isEmpty || !schema.columnsRemoved.isEmpty || !schema.columnsChanged.isEmpty {
            out.line("#### Columns")
            out.line("")
            for column in schema.columnsAdded { out.item("- added \(Self.code(column.table + "." + column.column)), \(column.changes.joined(separator: "; "))") }
            for column in schema.columnsRemoved { out.item("- removed \(Self.code(column.table + "." + column.column))") }
            for column in schema.columnsChanged { out.item("- \(Self.code(column.table + "." + column.column)): \(column.changes.joined(separator: "; "))") }
            out.line("")
        }
        if !schema.descriptions.isEmpty {
            out.line("#### Descriptions")
            out.line("")
            for change in schema.descriptions {
                var lines = ["- \(Self.code(Self.entity(nil, change))): \(Self.changeWords(change))"]
                if let old = change.old, change.change == .changed || change.change == .removed {
                    lines.append("  - before: " + Self.quote(old.text))
                }
                if let new = change.new, change.change != .removed {
                    lines.append("  - " + (change.change == .changed ? "after: " : "") + Self.quote(new.text))
                }
                out.item(lines.joined(separator: "\n"))
            }
            out.line("")
        }
        if !schema.personalData.isEmpty {
            out.line("#### Personal data")
            out.line("")
            for finding in schema.personalData {
                let what = finding.newKind.map { "now " + Self.words($0) } ?? "no longer personal data"
                out.item("- \(Self.code(finding.table + "." + finding.column)): \(what)" + (finding.oldKind.map { " (was \(Self.words($0)))" } ?? ""))
            }
            out.line("")
        }
        out.line("</details>")
        out.line("")
    }

    private func relationships(_ diff: CatalogDiff, into out: inout Output) {
        let total = diff.relationshipsAdded.count + diff.relationshipsRemoved.count + diff.relationshipsDecided.count
        guard total > 0 else { return }
        guard !out.isFull else { out.omit(total); return }
        out.line("<details><summary><b>Relationships</b>: \(Self.counted(total, "change"))</summary>")
        out.line("")
        func line(_ verb: String, _ change: CatalogDiff.RelationshipChange) -> String {
            var words = "- \(verb) \(Self.code(change.from)) → \(Self.code(change.to)), \(change.origin)"
            if change.origin == "inferred" {
                words += " (\(change.oldStatus.map { "\($0) → " } ?? "")\(change.status)"
                    + (change.confidence.map { String(format: ", confidence %.2f", $0) } ?? "") + ")"
            } else if let old = change.oldStatus {
                words += " (\(old) → \(change.status))"
            }
            return words
        }
        for change in diff.relationshipsAdded { out.item(line("added", change)) }
        for change in diff.relationshipsRemoved { out.item(line("removed", change)) }
        for change in diff.relationshipsDecided { out.item(line("decided", change)) }
        out.line("")
        out.line("</details>")
    }

    // MARK: Words and escaping

    static func changeWords(_ change: CatalogDiff.DescriptionChange) -> String {
        let who = (change.new ?? change.old).map { origin($0.origin) + ", " + $0.status } ?? ""
        switch change.change {
        case .added: return "new (\(who))"
        case .changed: return "changed (\(change.old.map { origin($0.origin) } ?? "") → \(who))"
        case .removed: return "removed (was \(who))"
        case .approved: return "approved (\(change.new.map { origin($0.origin) } ?? ""))"
        case .unapproved: return "no longer approved (\(who))"
        case .stale: return "approved, now stale"
        }
    }

    static func origin(_ raw: String) -> String {
        switch raw {
        case "database_comment": "database comment"
        default: raw
        }
    }

    static func entity(_ schema: CatalogDiff.SchemaChanges?, _ change: CatalogDiff.DescriptionChange) -> String {
        let prefix = schema.map { "\($0.source).\($0.schema)." } ?? ""
        return prefix + change.table + (change.column.map { "." + $0 } ?? "")
    }

    static func words(_ raw: String) -> String { raw.replacingOccurrences(of: "_", with: " ") }

    /// "1 table", "3 tables".
    static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    /// A code span that holds `text` whatever backticks it contains; line breaks become spaces.
    static func code(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        var longest = 0, run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") || flat.hasPrefix(" ") ? " " : ""
        return fence + pad + flat + pad + fence
    }

    /// A description as one line of quoted text: Markdown and HTML characters escaped, long texts shortened.
    static func quote(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let short = flat.count > 600 ? String(flat.prefix(599)) + "…" : flat
        var out = ""
        for character in short {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "#", "|", "~": out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return "“" + out + "”"
    }

    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\n", with: " ")
    }

    /// Lines under a budget: structure lines always fit (they are short and keep the HTML balanced); items stop
    /// when the budget is spent, and are counted.
    struct Output {
        let limit: Int
        private(set) var text = ""
        private(set) var omitted = 0

        init(limit: Int) { self.limit = limit }

        mutating func line(_ line: String) { text += line + "\n" }

        /// Once an item did not fit, whole sections are only counted.
        var isFull: Bool { omitted > 0 }

        mutating func omit(_ count: Int) { omitted += count }

        mutating func item(_ item: String) {
            guard omitted == 0, text.utf8.count + item.utf8.count + 1 <= limit else {
                omitted += item.split(separator: "\n").count
                return
            }
            text += item + "\n"
        }
    }
}
