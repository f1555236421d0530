import ArgumentParser
import Foundation
import ScribeKit
import SiteGen

extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export matching tables as Markdown, dbt sources.yml files, catalog.json or a printable PDF.",
        discussion: """
            PATTERN is a glob on schema.table (source.schema.table with several sources); with none, every table \
            is exported. The descriptions are the ones a build shows (from the describe cache); no site is written.
            markdown: --output is a folder, with README.md (an index) and <source>/<schema>/<table>.md per table \
            (columns, keys, relationships, a Mermaid diagram). dbt: --output is a folder, with \
            <source>/sources.yml per source (descriptions, data types, and unique, not_null and relationships \
            tests for declared single-column keys). json: --output is a file, catalog.json (docs/catalog-json.md) \
            of the chosen tables. pdf: --output is a file, a printable document (contents, then per table its \
            description, columns, relationships and diagram) printed by headless Chromium (SCRIBE_CHROMIUM names \
            another binary). A folder output must be absent, empty or an export written before; it is \
            replaced whole, and a file is written whole, or nothing is.
            """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("The configuration file.", valueName: "path"))
    var config = "site.yml"

    @Option(help: ArgumentHelp("markdown, dbt, json or pdf.", valueName: "format"))
    var format: ExportFormat

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder (markdown, dbt) or file (json, pdf) to write.", valueName: "path"))
    var output: String

    @Argument(help: ArgumentHelp("Globs on schema.table; none for every table.", valueName: "pattern"))
    var patterns: [String] = []

    func run() async throws {
        do {
            let report = try await CatalogExport(log: .standardError(verbose: false))
                .run(configPath: config, format: format, patterns: patterns, output: output)
            print("wrote \(report.output): \(report.tables) table\(report.tables == 1 ? "" : "s") as \(format.rawValue)"
                + (format.writesFolder ? " (\(report.files) file\(report.files == 1 ? "" : "s"))" : ""))
        } catch {
            try fail(error)
        }
    }
}
