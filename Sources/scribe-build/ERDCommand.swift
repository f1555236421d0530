import ArgumentParser
import Foundation
import ScribeKit
import SiteGen

extension Graphviz.Format: ExpressibleByArgument {}

struct ERDCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erd",
        abstract: "Export the diagram of matching tables and their neighbours as SVG, PNG or PDF.",
        discussion: """
            PATTERN is a glob on schema.table (source.schema.table with several sources): `sales.orders` is one \
            table, `sales.*` a schema. The diagram draws the matching tables and every table within --depth steps \
            of them, through declared foreign keys and the relationships the site shows (documented, accepted and \
            suggested ones, dashed), at most 300 tables: the matching ones and those nearest to them, with a note \
            saying how many were left out. It reads the databases as a build does but describes nothing and \
            writes no site. The file holds no links (it is meant to travel without the site), and is written whole \
            or not at all. Needs graphviz's `dot`.
            """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("The configuration file.", valueName: "path"))
    var config = "site.yml"

    @Option(help: ArgumentHelp("How many steps of relationships around the matching tables to draw (0: only them).", valueName: "n"))
    var depth = 1

    @Option(help: ArgumentHelp("svg, png or pdf; default: the output file's extension.", valueName: "format"))
    var format: Graphviz.Format?

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write.", valueName: "file"))
    var output: String

    @Argument(help: ArgumentHelp("Globs on schema.table.", valueName: "pattern"))
    var patterns: [String]

    /// --format, else the output's extension.
    var chosenFormat: Graphviz.Format? {
        format ?? Graphviz.Format(rawValue: (output as NSString).pathExtension.lowercased())
    }

    func validate() throws {
        if depth < 0 { throw ValidationError("--depth should be 0 or more, such as 1 or 2.") }
        if chosenFormat == nil {
            throw ValidationError("Give --format svg, png or pdf, or an --output file ending in .svg, .png or .pdf.")
        }
    }

    func run() async throws {
        guard let format = chosenFormat else { throw ExitCode.validationFailure }
        do {
            let report = try await DiagramExport(log: .standardError(verbose: false))
                .run(configPath: config, patterns: patterns, depth: depth, format: format, output: output)
            if let note = report.note { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
            let matching = report.chosen == 1 ? "1 matching table" : "\(report.chosen) matching tables"
            print("wrote \(report.output): \(report.drawn) table\(report.drawn == 1 ? "" : "s") (\(matching), depth \(depth))")
        } catch {
            try fail(error)
        }
    }
}
