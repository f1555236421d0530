import Catalog
import Foundation
import SiteGen

/// `scribe-build export --format markdown|dbt|json|pdf --output PATH [PATTERN...]`: the chosen tables, described as a
/// build shows them, in a format for somewhere other than the site.
///
/// It runs the build through describe (`Pipeline.described`, so descriptions come from the cache as a build's do)
/// and writes no site. A folder output (Markdown, dbt) is written into a staging folder beside it and swapped in
/// whole, as a site is, and must be absent, empty or an export written before; a file output (JSON) is written
/// under a temporary name, then renamed.
public struct CatalogExport: Sendable {
    public struct Report: Sendable, Equatable {
        public var output: String
        public var tables: Int
        public var files: Int
    }

    public var log: Log
    public var environment: [String: String]

    public init(log: Log = .silent, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.log = log
        self.environment = environment
    }

    /// Exports the tables matching `patterns` (every table when there are none) to `output`. A pattern that matches
    /// no table is an error, and then nothing is written.
    public func run(configPath: String, format: ExportFormat, patterns: [String], output: String) async throws(BuildError) -> Report {
        let build = Build(log: log, environment: environment)
        let destination = URL(fileURLWithPath: ConfigLoader.resolve(output, against: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
        // Refuse a place the export cannot go before spending time on the databases.
        if let problem = Self.problem(writing: destination, folder: format.writesFolder) {
            throw BuildError(stage: .write, subject: output, message: "cannot write the export there: \(problem)")
        }
        let catalog = try await build.run(Pipeline.described, .init(configPath: configPath)).catalog
        let chosen = Set(try DiagramExport.tables(matching: patterns, in: catalog))
        let exporter = Exporters.export(format, selection: chosen)
        var summary = ExportSummary()
        if format.writesFolder {
            let input = ExportInput(catalog)
            try build.stage(.write, subject: output) {
                _ = try SiteOutput(destination: destination).replace(waiting: { self.log.info($0) }) { folder in
                    summary = try exporter.export(input, into: folder, progress: { self.log.debug($0) })
                }
            }
        } else {
            // JSON holds only the selection; the printed document draws each table with its neighbours, chosen or not.
            let input = ExportInput(format == .pdf ? catalog : catalog.selecting(chosen))
            try build.stage(.write, subject: output) {
                let staging = destination.deletingLastPathComponent()
                    .appendingPathComponent(".\(destination.lastPathComponent).scribe-staging-\(ProcessInfo.processInfo.processIdentifier)")
                defer { try? FileManager.default.removeItem(at: staging) }
                summary = try exporter.export(input, into: SiteFolder(root: staging), progress: { self.log.debug($0) })
                if format == .pdf {
                    // Printed beside the document, then renamed over the output: a failed print leaves no half a PDF.
                    let printed = staging.appendingPathComponent("print.pdf")
                    try PDFPrinter.print(staging.appendingPathComponent(PrintDocumentExporter.fileName), to: printed, environment: environment)
                    // rename(2) replaces in one step (the staging folder is beside the output, on its file system);
                    // Foundation's replaceItemAt removed the old file first on Linux.
                    guard rename(printed.path, destination.path) == 0 else {
                        throw PDFPrinter.PrintError("could not move the PDF into place (\(String(cString: strerror(errno))))")
                    }
                } else {
                    let data = try Data(contentsOf: staging.appendingPathComponent(SitePlan.catalogJSON))
                    try data.write(to: destination, options: .atomic)
                }
            }
        }
        return Report(output: output, tables: chosen.count, files: summary.pages + summary.files)
    }

    /// Why nothing can be written at `url`, or nil when it can.
    static func problem(writing url: URL, folder: Bool) -> String? {
        guard folder else { return DiagramExport.problem(writing: url) }
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
            return "it is a file; give a folder, such as \(url.deletingLastPathComponent().lastPathComponent)/docs"
        }
        let parent = url.deletingLastPathComponent().path
        guard manager.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue else {
            return "the folder \(parent) does not exist"
        }
        if access(parent, W_OK) != 0 { return "you may not write in \(parent) (permission denied)" }
        do {
            try SiteOutput(destination: url).checkReplaceable()
        } catch {
            return error.description
        }
        // A site is Schema Scribe's folder too, but an export must not take its place.
        if manager.fileExists(atPath: url.appendingPathComponent(SitePlan.indexPage).path) {
            return "\(url.path) holds a documentation site; give another folder"
        }
        return nil
    }
}
