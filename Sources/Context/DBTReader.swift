import Catalog
import Foundation
import Yams

/// Reads the descriptions a team already wrote in dbt (`schema.yml`, `sources.yml`, `version: 2`).
///
/// dbt files carry many keys Schema Scribe has no use for (tests, meta, config), so unknown keys are ignored;
/// a structure that is not dbt's (`tables:` that is not a list, a column without `name`) is an error with
/// the file, line and column. A `{{ doc('…') }}` description is Jinja that only dbt renders: it is left
/// out with a finding rather than published raw.
public struct DBTReader: Sendable {
    public struct Result: Sendable {
        public var entries: [DBTEntry] = []
        public var findings: [Finding] = []
    }

    public init() {}

    /// The files a `dbt.files` item names: a file, a glob (`dbt/**/*.yml`), or a dbt project folder, whose
    /// `models/**/*.yml` are read. Sorted, so a build reads them in a stable order.
    public static func files(matching pattern: String) -> [URL] {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if !pattern.contains(where: { "*?[".contains($0) }) {
            guard manager.fileExists(atPath: pattern, isDirectory: &isFolder) else { return [] }
            guard isFolder.boolValue else { return [URL(fileURLWithPath: pattern)] }
            let models = URL(fileURLWithPath: pattern).appendingPathComponent("models")
            return ContextLoader.files(in: models).filter { $0.pathExtension.lowercased() != "csv" }
        }
        // The folder before the first wildcard is walked; every file below it is matched against the glob.
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: false)
        let fixed = parts.prefix { !$0.contains(where: { "*?[".contains($0) }) }
        let root = fixed.joined(separator: "/")
        guard let walker = manager.enumerator(atPath: root.isEmpty ? "/" : root) else { return [] }
        // `**/` also matches no folder at all: `models/**/*.yml` takes `models/a.yml`.
        let globs = [pattern, pattern.replacingOccurrences(of: "**/", with: "")]
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let path = root + "/" + relative
            guard manager.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            if globs.contains(where: { fnmatch($0, path, 0) == 0 }) { found.append(path) }
        }
        return found.sorted().map { URL(fileURLWithPath: $0) }
    }

    public func parse(_ text: String, file: String) throws(ConfigError) -> Result {
        var result = Result()
        guard let root = try YAMLReader.compose(text, file: file) else { return result }
        let reader = YAMLReader(file: file, environment: nil)
        let top = try fields(root, at: "the top level", reader)
        if let version = top["version"], try reader.string(version, at: "version") != "2" {
            throw reader.error(version, "`version` should be 2, the version of dbt's property files, found `\(reader.written(version))`")
        }
        if let sources = top["sources"] {
            for (offset, node) in try reader.sequence(sources, at: "sources").enumerated() {
                let at = "sources[\(offset)]"
                let source = try fields(node, at: at, reader)
                let name = try reader.string(try reader.required(source, "name", in: node, at: at), at: "\(at).name")
                let schema = try source["schema"].map { node throws(ConfigError) in try reader.string(node, at: "\(at).schema") } ?? name
                guard let tables = source["tables"] else { continue }
                for (index, tableNode) in try reader.sequence(tables, at: "\(at).tables").enumerated() {
                    let tableAt = "\(at).tables[\(index)]"
                    let table = try fields(tableNode, at: tableAt, reader)
                    let tableName = try reader.string(try reader.required(table, "name", in: tableNode, at: tableAt), at: "\(tableAt).name")
                    let identifier = try table["identifier"].map { node throws(ConfigError) in try reader.string(node, at: "\(tableAt).identifier") }
                    try read(table, node: tableNode, at: tableAt, owner: .source(name: name, schema: schema),
                             table: identifier ?? tableName, reader, into: &result)
                }
            }
        }
        if let models = top["models"] {
            for (offset, node) in try reader.sequence(models, at: "models").enumerated() {
                let at = "models[\(offset)]"
                let model = try fields(node, at: at, reader)
                let name = try reader.string(try reader.required(model, "name", in: node, at: at), at: "\(at).name")
                try read(model, node: node, at: at, owner: .model, table: name, reader, into: &result)
            }
        }
        return result
    }

    /// A table or model entry and its columns.
    private func read(_ fields: [String: Node], node: Node, at: String, owner: DBTEntry.Owner, table: String,
                      _ reader: YAMLReader, into result: inout Result) throws(ConfigError) {
        result.entries.append(DBTEntry(
            owner: owner, table: table, column: nil,
            description: try isUnreviewedMachineText(fields, reader) ? nil : description(fields["description"], at: "\(at).description", reader, &result),
            tags: try tags(fields["tags"], at: "\(at).tags", reader), location: reader.location(node)))
        guard let columns = fields["columns"] else { return }
        for (index, columnNode) in try reader.sequence(columns, at: "\(at).columns").enumerated() {
            let columnAt = "\(at).columns[\(index)]"
            let column = try self.fields(columnNode, at: columnAt, reader)
            let name = try reader.string(try reader.required(column, "name", in: columnNode, at: columnAt), at: "\(columnAt).name")
            result.entries.append(DBTEntry(
                owner: owner, table: table, column: name,
                description: try isUnreviewedMachineText(column, reader) ? nil : description(column["description"], at: "\(columnAt).description", reader, &result),
                tags: try tags(column["tags"], at: "\(columnAt).tags", reader), location: reader.location(columnNode)))
        }
    }

    /// Whether the entry's `meta` says Schema Scribe exported this text from a template, a comment or the model and
    /// nobody approved it (`schema_scribe_origin` other than `human`, `schema_scribe_status` other than `approved`):
    /// such text is left out, or reading an export back would make a draft pass for a person's words.
    private func isUnreviewedMachineText(_ fields: [String: Node], _ reader: YAMLReader) throws(ConfigError) -> Bool {
        guard let meta = fields["meta"], case .mapping = meta else { return false }
        let keys = try self.fields(meta, at: "meta", reader)
        guard let origin = keys["schema_scribe_origin"] else { return false }
        let status = try keys["schema_scribe_status"].map { node throws(ConfigError) in try reader.string(node, at: "meta.schema_scribe_status") }
        return try reader.string(origin, at: "meta.schema_scribe_origin") != "human" && status != "approved"
    }

    /// The text, or nil when it is empty or Jinja (a finding says why it was left out).
    private func description(_ node: Node?, at: String, _ reader: YAMLReader, _ result: inout Result) throws(ConfigError) -> String? {
        guard let node, node.null == nil else { return nil }
        let text = try reader.string(node, at: at)
        if text.contains("{{") || text.contains("{%") {
            result.findings.append(Finding(location: reader.location(node), message: "`\(at)` is Jinja (such as `{{ doc('…') }}`); "
                + "docs blocks are not read, so this description is left out; write the text in the file or in a context file"))
            return nil
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text
    }

    private func tags(_ node: Node?, at: String, _ reader: YAMLReader) throws(ConfigError) -> [String] {
        guard let node, node.null == nil else { return [] }
        return try reader.strings(node, at: at)
    }

    /// A mapping's keys, all of them: dbt has many this reader does not use.
    private func fields(_ node: Node, at place: String, _ reader: YAMLReader) throws(ConfigError) -> [String: Node] {
        guard case .mapping(let mapping) = node else {
            throw reader.error(node, "`\(place)` should be a mapping, found \(YAMLReader.kind(node))")
        }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            if case .scalar(let scalar) = key { fields[scalar.string] = value }
        }
        return fields
    }
}
