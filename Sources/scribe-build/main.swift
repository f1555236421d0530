import ArgumentParser
import Foundation
import ScribeKit

struct ScribeBuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scribe-build",
        abstract: "Generate a static documentation site for your databases.",
        discussion: "Reads site.yml, looks at every database it names, and writes a searchable HTML site with ER diagrams.",
        subcommands: [BuildCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the documentation site.",
        discussion: """
            The site is written to a temporary folder and moved into place only when complete, so a failed
            build leaves the previous site as it was. The output folder must be absent, empty, or a site this
            tool wrote before.
            """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("The configuration file.", valueName: "path"))
    var config = "site.yml"

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Where to write the site; overrides paths.output in the configuration.", valueName: "folder"))
    var output: String?

    @Flag(name: .shortAndLong, help: "Also print each catalog query and its timing.")
    var verbose = false

    @Flag(help: "Treat findings in context files (an entry naming a table or column that does not exist) as errors.")
    var strict = false

    func run() throws {
        let build = Build(log: .standardError(verbose: verbose))
        do {
            _ = try build.run(Build.Request(configPath: config, output: output, strict: strict))
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}

ScribeBuild.main()
