import Catalog
import Foundation
import Yams

/// Reads every `.yml`, `.yaml` and `.csv` file below the context folder, strictly: an unknown key, a
/// wrong type or a syntax error stops the build with the file, line and column.
public struct ContextLoader: Sendable {
    /// Keys of a table entry; a column entry takes the same but `columns`.
    static let tableKeys = ["description", "business_rules", "data_sources", "usage_notes", "examples",
                            "glossary_terms", "owner", "tags", "status", "inputs_hash", "hints", "columns"]
    static let columnKeys = tableKeys.filter { $0 != "columns" } + ["pii"]
    /// What `pii:` may say: `none`, or a kind of personal data.
    static let piiValues = ["none"] + PIIFinding.Kind.allCases.map(\.rawValue)
    static let topKeys = ["tables", "relationships", "glossary", "templates"]
    /// What a relationship's `cardinality` may say; diagrams and pages print it as written.
    static let cardinalities = ["one-to-one", "one-to-many", "many-to-one", "many-to-many"]

    public init() {}

    /// Loads the folder; a missing folder is an empty context. `displayRoot` shortens paths in messages.
    public func load(folder: URL, displayRoot: URL? = nil) throws(ConfigError) -> ContextSet {
        var set = ContextSet()
        for file in Self.files(in: folder) {
            let shown = Self.display(file, relativeTo: displayRoot)
            try Self.checkRegularFile(file, shown: shown)
            let text = try Self.text(of: file, shown: shown)
            if file.pathExtension.lowercased() == "csv" {
                set.append(try CSVContext.parse(text, file: shown))
            } else {
                set.append(try parseYAML(text, file: shown))
            }
        }
        set.approvals = try ApprovalLedger.read(folder: folder, displayRoot: displayRoot)
        set.relationshipDecisions = try RelationshipLedger.read(folder: folder, displayRoot: displayRoot)
        return set
    }

    /// Reads the dbt property files named in site.yml; their findings (Jinja descriptions) come back with them.
    public func loadDBT(files: [URL], displayRoot: URL? = nil) throws(ConfigError) -> DBTReader.Result {
        var result = DBTReader.Result()
        for file in files {
            let shown = Self.display(file, relativeTo: displayRoot)
            try Self.checkRegularFile(file, shown: shown)
            let read = try DBTReader().parse(try Self.text(of: file, shown: shown), file: shown)
            result.entries += read.entries
            result.findings += read.findings
        }
        return result
    }

    /// A file's UTF-8 text, without a byte-order mark.
    static func text(of file: URL, shown: String) throws(ConfigError) -> String {
        do {
            let data = try Data(contentsOf: file)
            // A spreadsheet may save UTF-8 with a byte-order mark; it is not part of the first header.
            let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
            guard let decoded = String(data: Data(body), encoding: .utf8) else {
                throw ConfigError(file: shown, message: "not UTF-8 text; save the file as UTF-8")
            }
            return decoded
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError(file: shown, message: Self.unreadable(file))
        }
    }

    /// Context files below `folder`, in a stable order; the tool's ledgers are read on their own. A folder
    /// named like a file (`d.yml/`) is not one of them: the enumeration reads what it holds.
    static func files(in folder: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var found: [String] = []
        while let path = enumerator.nextObject() as? String {
            guard path != ApprovalLedger.fileName, path != RelationshipLedger.fileName else { continue }
            let lower = path.lowercased()
            guard lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") || lower.hasSuffix(".csv") else { continue }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder), isFolder.boolValue {
                continue
            }
            found.append(path)
        }
        return found.sorted().map { folder.appendingPathComponent($0) }
    }

    /// Refuses what is not a plain file before opening it: opening a named pipe waits for a writer, and a
    /// dangling link or a device has no context to give.
    static func checkRegularFile(_ file: URL, shown: String) throws(ConfigError) {
        var info = stat()
        guard stat(file.path, &info) == 0 else {
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: file.path) {
                throw ConfigError(file: shown, message: "a symbolic link to \(target), which does not exist; restore it or remove the link")
            }
            throw ConfigError(file: shown, message: unreadable(file))
        }
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFIFO: kind = "a named pipe"
        case S_IFSOCK: kind = "a socket"
        case S_IFCHR, S_IFBLK: kind = "a device"
        default: kind = "not a file"
        }
        throw ConfigError(file: shown, message: "not a regular file but \(kind); remove it, or rename it so that it does not end in .yml, .yaml or .csv")
    }

    /// Why a file that exists could not be read, in words, from the system's own reason (`errno`).
    static func unreadable(_ file: URL) -> String {
        guard access(file.path, R_OK) != 0 else { return "could not be read; check that the disk and the file are readable" }
        let reason = errno == EACCES ? "permission denied" : String(cString: strerror(errno))
        return "could not be read (\(reason)); check the file's permissions"
    }

    package static func display(_ file: URL, relativeTo root: URL?) -> String {
        guard let root else { return file.path }
        let base = root.standardizedFileURL.path + "/"
        let path = file.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    // MARK: YAML

    public func parseYAML(_ text: String, file: String) throws(ConfigError) -> ContextSet {
        var set = ContextSet()
        guard let root = try YAMLReader.compose(text, file: file) else { return set }
        let reader = YAMLReader(file: file, environment: nil)
        let top = try reader.mapping(root, at: "the top level", allowed: Self.topKeys)
        if let tables = top["tables"] {
            guard case .mapping(let mapping) = tables else {
                throw reader.error(tables, "`tables` should be a mapping of table names (schema.table) to what you know about them")
            }
            for (key, value) in mapping {
                let name = try reader.string(key, at: "a table name")
                let fields = try reader.mapping(value, at: "tables.\(name)", allowed: Self.tableKeys)
                set.entries.append(try entry(fields, table: name, column: nil, node: value, key: key, reader: reader))
                if let columns = fields["columns"] {
                    guard case .mapping(let columnMapping) = columns else {
                        throw reader.error(columns, "`tables.\(name).columns` should be a mapping of column names to what you know about them")
                    }
                    for (columnKey, columnValue) in columnMapping {
                        let column = try reader.string(columnKey, at: "a column name")
                        let at = "tables.\(name).columns.\(column)"
                        let columnFields: [String: Node]
                        if columnValue.null != nil {
                            // `status: ~` or `status:` — nothing written yet, like `description: ""`.
                            columnFields = [:]
                        } else if case .scalar = columnValue {
                            // `status: Where the order is` — a bare text is the column's description.
                            columnFields = ["description": columnValue]
                        } else {
                            columnFields = try reader.mapping(columnValue, at: at, allowed: Self.columnKeys)
                        }
                        set.entries.append(try entry(columnFields, table: name, column: column, node: columnValue, key: columnKey, reader: reader))
                    }
                }
            }
        }
        if let relationships = top["relationships"] {
            for (offset, node) in try reader.sequence(relationships, at: "relationships").enumerated() {
                let at = "relationships[\(offset)]"
                let fields = try reader.mapping(node, at: at, allowed: ["from", "to", "cardinality", "join", "description", "status"])
                let from = try reader.strings(try reader.required(fields, "from", in: node, at: at), at: "\(at).from")
                let to = try reader.strings(try reader.required(fields, "to", in: node, at: at), at: "\(at).to")
                guard from.count == to.count else {
                    throw reader.error(node, "`\(at)` joins \(from.count) column(s) to \(to.count); `from` and `to` need the same number")
                }
                set.relationships.append(.init(
                    from: from, to: to,
                    cardinality: try cardinality(fields["cardinality"], at: "\(at).cardinality", reader),
                    join: try optional(fields["join"], "\(at).join", reader),
                    description: try optional(fields["description"], "\(at).description", reader),
                    decision: try fields["status"].map { node throws(ConfigError) in try RelationshipDecision.read(node, at: "\(at).status", reader) },
                    location: reader.location(node)))
            }
        }
        if let glossary = top["glossary"] {
            for (offset, node) in try reader.sequence(glossary, at: "glossary").enumerated() {
                let at = "glossary[\(offset)]"
                let fields = try reader.mapping(node, at: at, allowed: ["term", "definition", "synonyms", "tables"])
                set.glossary.append(.init(
                    term: try reader.string(try reader.required(fields, "term", in: node, at: at), at: "\(at).term"),
                    definition: try reader.string(try reader.required(fields, "definition", in: node, at: at), at: "\(at).definition"),
                    synonyms: try list(fields["synonyms"], "\(at).synonyms", reader),
                    tables: try list(fields["tables"], "\(at).tables", reader),
                    location: reader.location(node)))
            }
        }
        if let templates = top["templates"] {
            for (offset, node) in try reader.sequence(templates, at: "templates").enumerated() {
                let at = "templates[\(offset)]"
                let fields = try reader.mapping(node, at: at, allowed: ["column", "type", "table", "key", "description"])
                let textNode = try reader.required(fields, "description", in: node, at: at)
                let text = try reader.string(textNode, at: "\(at).description")
                for placeholder in Self.placeholders(in: text) where !DescriptionTemplate.placeholders.contains(placeholder) {
                    throw reader.error(textNode, "unknown placeholder `{\(placeholder)}` in `\(at).description`; available: "
                        + DescriptionTemplate.placeholders.sorted().map { "{\($0)}" }.joined(separator: ", "))
                }
                var key: DescriptionTemplate.Key?
                if let keyNode = fields["key"] {
                    let written = try reader.string(keyNode, at: "\(at).key")
                    guard let parsed = DescriptionTemplate.Key(rawValue: written) else {
                        throw reader.error(keyNode, "`\(at).key` should be `primary` or `foreign`, found `\(written)`")
                    }
                    key = parsed
                }
                let columnNode = try reader.required(fields, "column", in: node, at: at)
                let template = DescriptionTemplate(
                    column: try reader.string(columnNode, at: "\(at).column"),
                    type: try optional(fields["type"], "\(at).type", reader),
                    table: try optional(fields["table"], "\(at).table", reader),
                    key: key, text: text, location: reader.location(node))
                // A pattern that does not compile would match no column, with nothing said.
                if template.isRegularExpression, template.compiledPattern() == nil {
                    throw reader.error(columnNode, "`\(at).column` should be a glob such as `*_id` or a valid regular expression "
                        + "between slashes, found `\(template.column)`")
                }
                set.templates.append(template)
            }
        }
        return set
    }

    private func entry(_ fields: [String: Node], table: String, column: String?, node: Node, key: Node,
                       reader: YAMLReader) throws(ConfigError) -> ContextSet.Entry {
        let at = column.map { "tables.\(table).columns.\($0)" } ?? "tables.\(table)"
        var status: Description.Status?
        if let statusNode = fields["status"] {
            let written = try reader.string(statusNode, at: "\(at).status")
            guard let parsed = Description.Status(rawValue: written) else {
                throw reader.error(statusNode, "`\(at).status` should be `draft` or `approved`, found `\(written)`")
            }
            status = parsed
        }
        let context = EntityContext(
            businessRules: try list(fields["business_rules"], "\(at).business_rules", reader),
            dataSources: try list(fields["data_sources"], "\(at).data_sources", reader),
            usageNotes: try optional(fields["usage_notes"], "\(at).usage_notes", reader),
            examples: try list(fields["examples"], "\(at).examples", reader),
            glossaryTerms: try list(fields["glossary_terms"], "\(at).glossary_terms", reader),
            owner: try optional(fields["owner"], "\(at).owner", reader),
            tags: try list(fields["tags"], "\(at).tags", reader),
            hints: try optional(fields["hints"], "\(at).hints", reader),
            pii: try pii(fields["pii"], at: "\(at).pii", reader))
        return ContextSet.Entry(
            table: table, column: column,
            description: try optional(fields["description"], "\(at).description", reader),
            status: status, inputsHash: try optional(fields["inputs_hash"], "\(at).inputs_hash", reader), context: context,
            location: reader.location(node), nameLocation: reader.location(key))
    }

    private func pii(_ node: Node?, at: String, _ reader: YAMLReader) throws(ConfigError) -> String? {
        guard let node, let written = try optional(node, at, reader) else { return nil }
        guard Self.piiValues.contains(written) else {
            let suggestion = Suggestion.closest(to: written, among: Self.piiValues).map { "did you mean `\($0)`? " } ?? ""
            throw reader.error(node, "`\(at)` should be `none` or a kind of personal data; \(suggestion)allowed: \(Self.piiValues.joined(separator: ", "))")
        }
        return written
    }

    private func cardinality(_ node: Node?, at: String, _ reader: YAMLReader) throws(ConfigError) -> String? {
        guard let node, let written = try optional(node, at, reader) else { return nil }
        guard Self.cardinalities.contains(written) else {
            let suggestion = Suggestion.closest(to: written, among: Self.cardinalities).map { "did you mean `\($0)`? " } ?? ""
            throw reader.error(node, "unknown cardinality `\(written)` in `\(at)`; \(suggestion)allowed: \(Self.cardinalities.joined(separator: ", "))")
        }
        return written
    }

    private func optional(_ node: Node?, _ at: String, _ reader: YAMLReader) throws(ConfigError) -> String? {
        guard let node else { return nil }
        return try reader.string(node, at: at)
    }

    private func list(_ node: Node?, _ at: String, _ reader: YAMLReader) throws(ConfigError) -> [String] {
        guard let node else { return [] }
        return try reader.strings(node, at: at)
    }

    static func placeholders(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            found.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }
}
