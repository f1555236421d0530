import Catalog
import Context
import Foundation
import Introspect

/// `scribe-build init`: a commented site.yml and one context file per table, never overwriting a file.
public struct Init: Sendable {
    public enum Database: Sendable, Equatable {
        case sqlite(path: String)
        /// The name of the environment variable that will hold the connection string.
        case postgres(urlVariable: String)
    }

    public struct Report: Sendable, Equatable {
        public var written: [String] = []
        /// Files that already existed and were left as they were.
        public var kept: [String] = []
    }

    public var log: Log
    public var environment: [String: String]

    public init(log: Log = .silent, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.log = log
        self.environment = environment
    }

    /// Writes `configPath` when it does not exist (for `database`, required then), then a context file
    /// for every table of every source it names.
    public func run(configPath: String, database: Database?, sourceName: String = "main") throws(BuildError) -> Report {
        var report = Report()
        let configURL = URL(fileURLWithPath: configPath).standardizedFileURL
        let folder = configURL.deletingLastPathComponent()
        if FileManager.default.fileExists(atPath: configURL.path) {
            report.kept.append(configPath)
        } else {
            guard let database else {
                throw BuildError(stage: .config, message: "\(configPath) does not exist; say which database to document: "
                    + "--sqlite PATH, or --postgres-env VARIABLE (the variable holding its connection URL)")
            }
            try write(Self.siteYML(database, sourceName: sourceName), to: configURL, shown: configPath, report: &report)
        }
        let config: SiteConfig
        do {
            config = try ConfigLoader(environment: environment).load(path: configPath)
        } catch {
            throw BuildError(stage: .config, message: error.description)
        }
        let qualify = config.sources.count > 1
        for source in config.sources {
            let filtered: Source
            do {
                filtered = try Build.introspect(source, countRows: false).source
            } catch {
                throw BuildError(stage: .introspect, subject: source.name, message: error.description)
            }
            for schema in filtered.schemas {
                let names = FileName.unique(for: schema.tables.map(\.name))
                for table in schema.tables {
                    let file = URL(fileURLWithPath: config.context)
                        .appendingPathComponent(Self.contextFile(for: table.id, fileName: names[table.name] ?? "table"))
                    let key = (qualify ? "\(source.name)." : "") + "\(schema.name).\(table.name)"
                    let shown = ContextLoader.display(file, relativeTo: folder)
                    if FileManager.default.fileExists(atPath: file.path) {
                        report.kept.append(shown)
                    } else {
                        try write(Self.tableYML(table, key: key), to: file, shown: shown, report: &report)
                    }
                }
            }
        }
        log.info("[init] wrote \(report.written.count) file\(report.written.count == 1 ? "" : "s"), "
            + "kept \(report.kept.count) that already existed")
        return report
    }

    private func write(_ text: String, to url: URL, shown: String, report: inout Report) throws(BuildError) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // withoutOverwriting: a file that appeared since we looked is still never replaced.
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            report.written.append(shown)
        } catch {
            if FileManager.default.fileExists(atPath: url.path) { report.kept.append(shown); return }
            throw BuildError(stage: .write, subject: shown, message: FileProblem.describe(error))
        }
    }

    /// A table's context file below the context folder: `SOURCE/SCHEMA/TABLE.yml`, each part a safe file name.
    /// `fileName` is the table's part when it was made unique among its schema's tables.
    static func contextFile(for table: TableID, fileName: String? = nil) -> String {
        func part(_ name: String) -> String { FileName.unique(for: [name])[name] ?? "x" }
        return "\(part(table.source))/\(part(table.schema))/\(fileName ?? part(table.name)).yml"
    }

    static func siteYML(_ database: Database, sourceName: String) -> String {
        let lines = switch database {
        case .sqlite(let path): SQLiteDriver.exampleEntry(name: YAMLText.quoted(sourceName), value: YAMLText.quoted(path))
        case .postgres(let variable): PostgresDriver.exampleEntry(name: YAMLText.quoted(sourceName), value: variable)
        }
        let source = lines.joined(separator: "\n")
        return """
            # Schema Scribe configuration. `scribe-build build` reads it; see README.md for every key.
            title: Database documentation
            sources:
            \(source)
            # paths:
            #   output: _site                  # where the site is written
            #   context: content/context       # what people write about the data (YAML, CSV)
            #   cache: .scribe/cache           # rendered diagrams kept between builds
            #   theme: themes/default          # templates and assets
            # default_templates: true          # descriptions for ids, keys, timestamps and flags

            """
    }

    /// One table's context file: every column listed, every description empty, ready to fill in.
    static func tableYML(_ table: Table, key: String) -> String {
        var lines = [
            "# What people know about \(YAMLText.quoted(key)). Fill in what you can; empty descriptions are ignored.",
            "# Keys: description, business_rules, data_sources, usage_notes, examples, glossary_terms,",
            "#       owner, tags, status (draft or approved), hints (guidance for the model).",
            "tables:",
            "  \(YAMLText.quoted(key)):",
            "    description: \"\"",
        ]
        if !table.columns.isEmpty {
            lines.append("    columns:")
            for column in table.columns {
                lines.append("      \(YAMLText.quoted(column.name)):")
                lines.append("        description: \"\"")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
