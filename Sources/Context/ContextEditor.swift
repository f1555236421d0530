import Catalog
import Foundation
import Yams

/// Writes approvals into the context files people keep in git, leaving everything else in each file
/// as it was: YAML is edited as text at the positions the parser reports, one change at a time.
public struct ContextEditor: Sendable {
    /// "This description of this table (or column) is approved", with the text to keep.
    public struct Approval: Sendable, Hashable {
        public var table: TableID
        public var column: String?
        public var text: String
        /// Whether the text already comes from a context file, so only its status changes.
        public var isHuman: Bool
        /// The entity's fingerprint now, recorded as `inputs_hash` so a later change marks the text stale.
        public var inputsHash: String?

        public init(table: TableID, column: String?, text: String, isHuman: Bool, inputsHash: String? = nil) {
            self.table = table
            self.column = column
            self.text = text
            self.isHuman = isHuman
            self.inputsHash = inputsHash
        }

        var label: String { "\(table.schema).\(table.name)" + (column.map { ".\($0)" } ?? "") }
    }

    /// The new content of one file, and what changed in it.
    public struct FileEdit: Sendable {
        public var path: URL
        public var display: String
        public var isNew: Bool
        public var text: String
        public var changes: [String]
    }

    let folder: URL
    let displayRoot: URL
    let catalog: Catalog
    let context: ContextSet
    /// Where a table with no entry yet gets one, relative to the context folder: the file `init` writes.
    let newFile: @Sendable (TableID) -> String

    public init(folder: URL, displayRoot: URL, catalog: Catalog, context: ContextSet,
                newFile: @escaping @Sendable (TableID) -> String) {
        self.folder = folder
        self.displayRoot = displayRoot
        self.catalog = catalog
        self.context = context
        self.newFile = newFile
    }

    public func plan(_ approvals: [Approval]) throws(ConfigError) -> [FileEdit] {
        let resolver = TableResolver(catalog)
        var texts: [String: (url: URL, text: String, isNew: Bool, changes: [String])] = [:]
        func load(_ display: String, _ url: URL) throws(ConfigError) -> String {
            if let open = texts[display] { return open.text }
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw ConfigError(file: display, message: "could not be read")
            }
            return text
        }

        // Resolved once: an approval of `main.*` may touch every table and column.
        var entriesByTable: [TableID: [ContextSet.Entry]] = [:]
        for entry in context.entries {
            if case .found(let id) = resolver.resolve(entry.table) { entriesByTable[id, default: []].append(entry) }
        }
        for approval in approvals {
            // Where does this table already have an entry? Prefer the one for this very column.
            let entries = entriesByTable[approval.table] ?? []
            let exact = entries.first { $0.column == approval.column }
            let anchor = exact ?? entries.first { $0.location.file.lowercased().hasSuffix(".yml") || $0.location.file.lowercased().hasSuffix(".yaml") }
            let change = approval.isHuman ? "\(approval.label): status → approved"
                : "\(approval.label): description \"\(Self.short(approval.text))\" written and approved"

            if let anchor, anchor.location.file.lowercased().hasSuffix(".csv") {
                let url = displayRoot.appendingPathComponent(anchor.location.file)
                let text = try load(anchor.location.file, url)
                let edited = try CSVEdit.approve(text, file: anchor.location.file, line: anchor.location.line ?? 0,
                                                 text: approval.isHuman ? nil : approval.text, inputsHash: approval.inputsHash)
                var entry = texts[anchor.location.file] ?? (url, text, false, [])
                entry.text = edited
                entry.changes.append(change)
                texts[anchor.location.file] = entry
                continue
            }
            let display: String
            let url: URL
            var isNew = false
            if let anchor {
                display = anchor.location.file
                url = displayRoot.appendingPathComponent(display)
            } else {
                url = folder.appendingPathComponent(newFile(approval.table))
                display = Self.relative(url, to: displayRoot)
                isNew = texts[display] == nil && !FileManager.default.fileExists(atPath: url.path)
            }
            var text = isNew ? "" : try load(display, url)
            let key = anchor?.table ?? "\(approval.table.schema).\(approval.table.name)"
            text = try YAMLEdit.approve(text, file: display, tableKey: key, resolves: { written in
                if case .found(let id) = resolver.resolve(written) { return id == approval.table }
                return false
            }, column: approval.column, description: approval.isHuman ? nil : approval.text, inputsHash: approval.inputsHash)
            var entry = texts[display] ?? (url, text, isNew, [])
            entry.text = text
            entry.changes.append(change)
            texts[display] = entry
        }
        return texts.keys.sorted().compactMap { display in
            texts[display].map { FileEdit(path: $0.url, display: display, isNew: $0.isNew, text: $0.text, changes: $0.changes) }
        }
    }

    /// `url`'s path below `folder`, for messages and reports; the whole path when it is elsewhere.
    package static func relative(_ url: URL, to folder: URL) -> String {
        let base = folder.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    static func short(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " ")
        return line.count > 60 ? String(line.prefix(59)) + "…" : line
    }
}

/// Text edits on one YAML context file.
enum YAMLEdit {
    static func approve(_ text: String, file: String, tableKey: String, resolves: (String) -> Bool,
                        column: String?, description: String?, inputsHash: String?) throws(ConfigError) -> String {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        let stamp = approvedLines(inputsHash)
        let added = block(table: tableKey, column: column, description: description, stamp: stamp, indent: 2)
            .split(separator: "\n").map(String.init)
        guard let root = try YAMLReader.compose(text, file: file), case .mapping(let top) = root else {
            return (["tables:"] + added).joined(separator: "\n") + "\n"
        }
        guard let tablesNode = top["tables"], case .mapping(let tables) = tablesNode else {
            // No `tables:` yet, or an empty one: the new entry goes right under it.
            if let keyNode = top.first(where: { key, _ in
                if case .scalar(let scalar) = key { return scalar.string == "tables" }
                return false
            })?.key, let line = keyNode.mark?.line {
                lines.insert(contentsOf: added, at: line)
            } else {
                lines += ["tables:"] + added
            }
            return lines.joined(separator: "\n") + "\n"
        }
        guard let (keyNode, tableValue) = tables.first(where: { key, _ in
            if case .scalar(let scalar) = key { return resolves(scalar.string) }
            return false
        }) else {
            // Add the table at the end of `tables:`, two spaces in.
            let end = endLine(of: tablesNode, in: lines)
            let entry = block(table: tableKey, column: column, description: description, stamp: stamp, indent: keyNodeIndentation(tables) ?? 2)
            lines.insert(contentsOf: entry.split(separator: "\n").map(String.init), at: end)
            return lines.joined(separator: "\n") + "\n"
        }
        let tableIndent = (keyNode.mark?.column ?? 3) - 1
        guard let column else {
            return try setFields(&lines, value: tableValue, owner: keyNode, indent: tableIndent + 2, description: description, stamp: stamp, file: file)
        }
        // A column: under `columns:` of the table's entry.
        guard case .mapping(let fields) = tableValue else {
            return try setFields(&lines, value: tableValue, owner: keyNode, indent: tableIndent + 2, description: description, stamp: stamp,
                                 file: file, column: column)
        }
        try requireBlock(tableValue, file: file)
        guard let columnsNode = fields["columns"], case .mapping(let columns) = columnsNode else {
            let at = (tableValue.mark?.line ?? 1) - 1
            var added = [String(repeating: " ", count: tableIndent + 2) + "columns:"]
            added += columnLines(column, description: description, stamp: stamp, indent: tableIndent + 4)
            lines.insert(contentsOf: added, at: at)
            return lines.joined(separator: "\n") + "\n"
        }
        guard let (columnKey, columnValue) = columns.first(where: { key, _ in
            if case .scalar(let scalar) = key { return scalar.string == column }
            return false
        }) else {
            lines.insert(contentsOf: columnLines(column, description: description, stamp: stamp, indent: (columnsNode.mark?.column ?? 1) - 1),
                         at: endLine(of: columnsNode, in: lines))
            return lines.joined(separator: "\n") + "\n"
        }
        let columnIndent = (columnKey.mark?.column ?? 1) - 1
        return try setFields(&lines, value: columnValue, owner: columnKey, indent: columnIndent + 2, description: description, stamp: stamp, file: file)
    }

    /// The keys approval sets, in the order they are written: `status`, then `inputs_hash` when known.
    private static func approvedLines(_ inputsHash: String?) -> [(key: String, value: String)] {
        [("status", "approved")] + (inputsHash.map { [("inputs_hash", $0)] } ?? [])
    }

    /// Sets the `stamp` keys (`status: approved`, …) and `description`, when given, in the mapping `value` of key `owner`.
    private static func setFields(_ lines: inout [String], value: Node, owner: Node, indent: Int, description: String?,
                                  stamp: [(key: String, value: String)], file: String, column: String? = nil) throws(ConfigError) -> String {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .mapping(let mapping):
            try requireBlock(value, file: file)
            // Existing keys are rewritten in place; missing ones go first, in stamp order (inserted last to first).
            for (key, written) in stamp.reversed() {
                if let node = mapping[key], let line = node.mark?.line, let col = node.mark?.column {
                    lines[line - 1] = String(lines[line - 1].prefix(col - 1)) + written
                }
            }
            for (key, written) in stamp.reversed() where mapping[key] == nil {
                lines.insert(pad + "\(key): \(written)", at: (value.mark?.line ?? 1) - 1)
            }
            if let description {
                let written = mapping["description"]
                if let written, let line = written.mark?.line, let col = written.mark?.column,
                   case .scalar(let scalar) = written, scalar.string.trimmingCharacters(in: .whitespaces).isEmpty {
                    lines[line - 1] = String(lines[line - 1].prefix(col - 1)) + YAMLText.quoted(description)
                } else if written == nil {
                    lines.insert(pad + "description: " + YAMLText.quoted(description), at: (value.mark?.line ?? 1) - 1)
                }
            }
        case .scalar(let scalar):
            // `status: Where the order is` (a bare description) or `orders:` (nothing yet) becomes a mapping.
            guard let ownerLine = owner.mark?.line else { return lines.joined(separator: "\n") }
            if scalar.style == .literal || scalar.style == .folded || (!scalar.string.isEmpty && value.mark?.line != ownerLine) {
                throw ConfigError(file: file, line: value.mark?.line, column: value.mark?.column,
                                  message: "approve cannot rewrite a multi-line text given as a bare value; write it under `description:`")
            }
            // Keep the key as written, drop the value after its colon.
            let keyLine = lines[ownerLine - 1]
            let cut = scalar.string.isEmpty ? keyLine.endIndex
                : keyLine.index(keyLine.startIndex, offsetBy: min((value.mark?.column ?? 1) - 1, keyLine.count))
            var head = String(keyLine[..<cut])
            if scalar.string.isEmpty, let hash = head.range(of: " #") { head = String(head[..<hash.lowerBound]) }
            head = head.replacingOccurrences(of: #"\s*(~|null)?\s*$"#, with: "", options: .regularExpression)
            lines[ownerLine - 1] = head
            var added: [String] = []
            if let text = scalar.string.isEmpty ? description : scalar.string {
                added.append(pad + "description: " + YAMLText.quoted(text))
            }
            added += stamp.map { pad + "\($0.key): \($0.value)" }
            lines.insert(contentsOf: added, at: ownerLine)
        default:
            throw ConfigError(file: file, line: value.mark?.line, column: value.mark?.column,
                              message: "approve cannot edit this entry; write it as a mapping of keys")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func requireBlock(_ node: Node, file: String) throws(ConfigError) {
        if case .mapping(let mapping) = node, mapping.style == .flow {
            throw ConfigError(file: file, line: node.mark?.line, column: node.mark?.column,
                              message: "approve edits block mappings only; write this `{…}` entry one key per line")
        }
    }

    private static func columnLines(_ column: String, description: String?, stamp: [(key: String, value: String)], indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines = ["\(pad)\(YAMLText.quoted(column)):"]
        if let description { lines.append("\(pad)  description: \(YAMLText.quoted(description))") }
        lines += stamp.map { "\(pad)  \($0.key): \($0.value)" }
        return lines
    }

    private static func block(table: String, column: String?, description: String?, stamp: [(key: String, value: String)], indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var lines = ["\(pad)\(YAMLText.quoted(table)):"]
        if let column {
            lines.append("\(pad)  columns:")
            lines += columnLines(column, description: description, stamp: stamp, indent: indent + 4)
        } else {
            if let description { lines.append("\(pad)  description: \(YAMLText.quoted(description))") }
            lines += stamp.map { "\(pad)  \($0.key): \($0.value)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func keyNodeIndentation(_ mapping: Node.Mapping) -> Int? {
        mapping.first.flatMap { $0.key.mark?.column }.map { $0 - 1 }
    }

    /// The line index just after the last non-empty line that belongs to `node`.
    private static func endLine(of node: Node, in lines: [String]) -> Int {
        let start = (node.mark?.line ?? 1) - 1
        let indent = (node.mark?.column ?? 1) - 1
        var end = start + 1
        var index = start + 1
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.drop(while: { $0 == " " })
            if !trimmed.isEmpty, !trimmed.hasPrefix("#"), line.count - trimmed.count < indent { break }
            if !trimmed.isEmpty { end = index + 1 }
            index += 1
        }
        return end
    }
}

/// Edits one row of a context CSV and writes the file back, quoting as needed.
enum CSVEdit {
    static func approve(_ text: String, file: String, line: Int, text description: String?, inputsHash: String?) throws(ConfigError) -> String {
        var rows = try CSVContext.records(text, file: file).map { $0 }
        guard var header = rows.first?.map(\.text) else { return text }
        func index(of name: String) -> Int {
            if let found = header.firstIndex(of: name) { return found }
            header.append(name)
            return header.count - 1
        }
        let statusIndex: Int? = index(of: "status")
        let hashIndex = inputsHash.map { _ in index(of: "inputs_hash") }
        let descriptionIndex = header.firstIndex(of: "description")
        var table: [[String]] = rows.map { $0.map(\.text) }
        table[0] = header
        for index in table.indices.dropFirst() {
            while table[index].count < header.count { table[index].append("") }
            guard rows[index].first?.line == line else { continue }
            if let statusIndex { table[index][statusIndex] = "approved" }
            if let hashIndex, let inputsHash { table[index][hashIndex] = inputsHash }
            if let description, let descriptionIndex, table[index][descriptionIndex].isEmpty {
                table[index][descriptionIndex] = description
            }
        }
        rows.removeAll()
        return table.map { $0.map(quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func quote(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
