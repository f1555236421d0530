import ArgumentParser
import Foundation
import Catalog
import Review
import ScribeKit

@main
struct ScribeBuild: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scribe-build",
        abstract: "Generate a static documentation site for your databases.",
        discussion: "Reads site.yml, looks at every database it names, and writes a searchable HTML site with ER diagrams.",
        subcommands: [BuildCommand.self, InitCommand.self, ApproveCommand.self, DescribeCommand.self, RelationshipsCommand.self,
                      ERDCommand.self, ExportCommand.self, DiffCommand.self, CheckCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

struct BuildCommand: AsyncParsableCommand {
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

    @Flag(help: "Treat findings (an entry in a context file naming a table or column that does not exist, an include pattern matching no table), and tables the model left pending, as errors.")
    var strict = false

    @Option(help: ArgumentHelp("Ask the model again for matching tables (globs on schema.table), ignoring the cache. Repeatable.",
                               valueName: "pattern"))
    var refresh: [String] = []

    @Flag(help: "Read every table's data again for its profile, ignoring the profile cache.")
    var reprofile = false

    func run() async throws {
        InterruptHandling.install()
        do {
            _ = try await Build(log: .standardError(verbose: verbose)).run(Build.Request(
                configPath: config, output: output, strict: strict, refresh: refresh, reprofile: reprofile))
        } catch {
            try fail(error)
        }
    }
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Init site.yml and one context file per table, never overwriting a file.",
        discussion: """
            Without a site.yml, name the database with --sqlite or --postgres-env. The context files list every \
            column with an empty description, ready to fill in and review in a pull request.
            """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("The configuration file to read, or to create.", valueName: "path"))
    var config = "site.yml"

    @Option(help: ArgumentHelp("A SQLite database to document, when site.yml does not exist yet.", valueName: "path"))
    var sqlite: String?

    @Option(name: .customLong("postgres-env"), help: ArgumentHelp(
        "The environment variable holding a PostgreSQL connection URL, when site.yml does not exist yet.", valueName: "variable"))
    var postgresEnvironment: String?

    @Option(help: ArgumentHelp("The source's name in a new site.yml.", valueName: "name"))
    var name = "main"

    func validate() throws {
        if sqlite != nil && postgresEnvironment != nil {
            throw ValidationError("Give either --sqlite or --postgres-env, not both.")
        }
    }

    func run() throws {
        let database: Init.Database? = sqlite.map { .sqlite(path: $0) } ?? postgresEnvironment.map { .postgres(urlVariable: $0) }
        try reportingErrors { () throws(BuildError) in
            let report = try Init(log: .standardError(verbose: false)).run(configPath: config, database: database, sourceName: name)
            for file in report.written { print("wrote \(file)") }
            for file in report.kept { print("kept  \(file) (exists)") }
        }
    }
}

struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Record the current descriptions of matching tables and columns as approved.",
        discussion: """
            PATTERN is a glob on schema.table or schema.table.column (source.schema.table… with several sources): \
            `sales.orders` approves the table, `sales.orders.*` its columns, `sales.*` all of them. Each approval \
            is recorded in the approvals ledger, content/context/_approvals.yml, a file Schema Scribe owns and \
            rewrites whole: the text, inputs_hash (a fingerprint of the table or column, so a later change marks \
            the text stale until approved again), who and when. No context file a person wrote is edited, and \
            text in those files always wins over the ledger.
            """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("The configuration file.", valueName: "path"))
    var config = "site.yml"

    @Option(name: .customLong("by"), help: ArgumentHelp("Who approves, recorded as approved_by (default: git config user.name).", valueName: "name"))
    var approver: String?

    @Flag(name: .customLong("dry-run"), help: "Show what would be approved without writing any file.")
    var dryRun = false

    @Argument(help: ArgumentHelp("Globs on schema.table[.column].", valueName: "pattern"))
    var patterns: [String]

    func run() async throws {
        do {
            let approve = Approve(log: .standardError(verbose: false), approver: approver ?? Self.gitUserName())
            let report = try await approve.run(configPath: config, patterns: patterns, dryRun: dryRun)
            if !report.changes.isEmpty {
                print("\(dryRun ? "would record in" : "recorded in") \(report.ledger)")
                for change in report.changes { print("  \(change)") }
            }
            for skipped in report.skipped { print("skipped \(skipped)") }
            if report.changes.isEmpty { print("nothing to approve") }
        } catch {
            try fail(error)
        }
    }

    /// `git config user.name`, when git is installed and knows one; approvals are recorded without a name otherwise.
    static func gitUserName() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "config", "user.name"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let name = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return name.isEmpty ? nil : name
    }
}

struct RelationshipsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relationships",
        abstract: "List the relationships Schema Scribe inferred, and accept or reject them.",
        discussion: """
            Without a subcommand, lists the suggestions (`list`). PATTERN is a glob on the from side's \
            schema.table.column (source.schema.table.column with several sources): `sales.orders.*` is every \
            relationship from sales.orders. `accept` and `reject` record the decision in the relationships ledger, \
            content/context/_relationships.yml, a file Schema Scribe owns and rewrites whole: both ends, the \
            status, the confidence then, who and when. An accepted relationship is shown as a fact from the next \
            build on; a rejected one is never suggested again. No context file a person wrote is edited, and a \
            relationship written in those files (with `status: rejected` to reject it) always wins over the ledger.
            """,
        subcommands: [RelationshipsListCommand.self, RelationshipsAcceptCommand.self, RelationshipsRejectCommand.self],
        defaultSubcommand: RelationshipsListCommand.self
    )
}

/// What every relationships subcommand takes: the configuration, and the threshold for this run.
struct RelationshipsOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("The configuration file.", valueName: "path"))
    var config = "site.yml"

    @Option(name: .customLong("min-confidence"), help: ArgumentHelp(
        "Consider suggestions at least this sure (0 to 1); overrides relationships.min_confidence for this run.", valueName: "x"))
    var minConfidence: Double?

    func validate() throws {
        if let minConfidence, !(0...1).contains(minConfidence) {
            throw ValidationError("--min-confidence should be a number from 0 to 1, such as 0.4.")
        }
    }
}

extension RelationshipReview.Shown: ExpressibleByArgument {}

struct RelationshipsListCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List inferred relationships (suggestions, unless --status says otherwise), surest first."
    )

    @OptionGroup var options: RelationshipsOptions

    @Option(help: "table: one block per relationship with its evidence; json: as catalog.json writes them.")
    var format = Format.table

    @Option(help: "Which inferred relationships to list: suggested, accepted, rejected or all.")
    var status = RelationshipReview.Shown.suggested

    @Argument(help: ArgumentHelp("Globs on the from side's schema.table.column; default every one.", valueName: "pattern"))
    var patterns: [String] = []

    func run() async throws {
        do {
            let listing = try await RelationshipReview(log: .standardError(verbose: false))
                .list(configPath: options.config, patterns: patterns, shown: status, minConfidence: options.minConfidence)
            // Standard output holds only the listing, so that `--format json` can be piped.
            for pattern in listing.unmatched where !listing.relationships.isEmpty {
                FileHandle.standardError.write(Data("note: no \(status == .all ? "inferred" : status.rawValue) relationship matches `\(pattern)`\n".utf8))
            }
            switch format {
            case .table: print(listing.text(), terminator: "")
            case .json: print(try listing.json(), terminator: "")
            }
        } catch let error as BuildError {
            try fail(error)
        }
    }
}

/// `accept` and `reject`: the same arguments, the opposite decision.
struct RelationshipDecisionArguments: ParsableArguments {
    @OptionGroup var options: RelationshipsOptions

    @Option(name: .customLong("by"), help: ArgumentHelp("Who decides, recorded as decided_by (default: git config user.name).", valueName: "name"))
    var decidedBy: String?

    @Flag(name: .customLong("dry-run"), help: "Show what would be recorded without writing any file.")
    var dryRun = false

    @Argument(help: ArgumentHelp("Globs on the from side's schema.table.column.", valueName: "pattern"))
    var patterns: [String]

    func run(_ decision: RelationshipReview.Decision) async throws {
        do {
            let review = RelationshipReview(log: .standardError(verbose: false), decidedBy: decidedBy ?? ApproveCommand.gitUserName())
            let report = try await review.decide(decision, configPath: options.config, patterns: patterns,
                                                 minConfidence: options.minConfidence, dryRun: dryRun)
            if !report.changes.isEmpty {
                print("\(dryRun ? "would record in" : "recorded in") \(report.ledger)")
                for change in report.changes { print("  \(change)") }
            }
            for skipped in report.skipped { print("skipped \(skipped)") }
            if report.changes.isEmpty { print("nothing to record") }
        } catch {
            try fail(error)
        }
    }
}

struct RelationshipsAcceptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Record matching suggestions (or relationships rejected in the ledger) as accepted."
    )

    @OptionGroup var arguments: RelationshipDecisionArguments

    func run() async throws { try await arguments.run(.accepted) }
}

struct RelationshipsRejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Record matching suggestions (or relationships accepted before) as rejected: never suggested again."
    )

    @OptionGroup var arguments: RelationshipDecisionArguments

    func run() async throws { try await arguments.run(.rejected) }
}

/// Ctrl-C and SIGTERM: a build that is writing its site stops and cleans up first (then fails with
/// "interrupted"); at any other moment nothing needs cleaning and the process ends at once.
enum InterruptHandling {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func install() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if !Build.interrupt() { exit(128 + number) }
            }
            source.resume()
            sources.append(source)
        }
    }
}

/// Runs a command's work; a failure is printed as one `error:` line and exits with status 1.
func reportingErrors(_ work: () throws(BuildError) -> Void) throws {
    do {
        try work()
    } catch {
        try fail(error)
    }
}

func fail(_ error: BuildError) throws -> Never {
    FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
    throw ExitCode(1)
}


struct DescribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Ask the describer again for matching tables, with an extra hint, and show old and new text.",
        discussion: """
            PATTERN is a glob on schema.table (source.schema.table with several sources). The describer is sent each \
            table's previous descriptions and the hint, as if the table's context file said it under hints:. No file \
            and no site is changed; the answers are cached, so once the same words are in the table's hints: (after \
            any hints already there) the next build uses them without a call.
            """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("The configuration file.", valueName: "path"))
    var config = "site.yml"

    @Option(help: ArgumentHelp("Extra guidance for the describer, e.g. \"amounts are in cents\".", valueName: "text"))
    var hint: String?

    @Argument(help: ArgumentHelp("Globs on schema.table.", valueName: "pattern"))
    var patterns: [String]

    func run() async throws {
        do {
            let report = try await Describe(log: .standardError(verbose: false)).run(configPath: config, patterns: patterns, hint: hint)
            if report.provider == "offline", hint != nil {
                print("note: the offline describer does not read hints; set describe.provider in site.yml to try them with a model")
            }
            for change in report.changes {
                print(change.label)
                if let before = change.before, before != change.after { print("  was: \(before)") }
                print("  now: \(change.after ?? "(pending)")")
            }
            for label in report.untouched { print("\(label): every description is written by people, a comment or a template") }
        } catch {
            try fail(error)
        }
    }
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed in the documentation between two builds, for review in a pull request.",
        discussion: """
            OLD and NEW are catalog.json files or site folders that hold one (CI can keep the last published site). \
            Reports, per schema, tables and columns added, removed or changed; descriptions added, changed, approved or \
            gone stale, with who wrote them; personal-data findings (first, under "Needs attention"); relationships \
            added, removed or decided; and coverage before and after. Markdown is sized for a pull-request comment. \
            Exits 0 whatever changed (1 with --fail-on-changes when anything did), 2 when a catalog cannot be read.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json
    }

    @Argument(help: ArgumentHelp("The catalog before: a catalog.json or a site folder.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The catalog after: a catalog.json or a site folder.", valueName: "new"))
    var new: String

    @Option(help: "markdown (for a pull-request comment) or json.")
    var format: Format = .markdown

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "path"))
    var output: String?

    @Option(help: ArgumentHelp("Largest Markdown report, in characters; what does not fit is counted in a note.", valueName: "n"))
    var limit = DiffMarkdown.defaultLimit

    @Flag(help: "Exit 1 when anything changed.")
    var failOnChanges = false

    func run() throws {
        let before: Catalog, after: Catalog
        do {
            before = try CatalogFile.load(old)
            after = try CatalogFile.load(new)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        let diff = CatalogDiff(old: before, new: after)
        let report: Data
        switch format {
        case .markdown:
            report = Data(DiffMarkdown(limit: limit).render(diff, old: old, new: new).utf8)
        case .json:
            report = try DiffJSON.encode(diff)
        }
        if let output {
            do {
                try report.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                FileHandle.standardError.write(Data("error: \(output): could not write the report (\(error.localizedDescription))\n".utf8))
                throw ExitCode(2)
            }
        } else {
            FileHandle.standardOutput.write(report)
        }
        if failOnChanges, !diff.isEmpty { throw ExitCode(1) }
    }
}

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Hold the documentation to the rules in site.yml's check: section, for a pull request's gate.",
        discussion: """
            Builds the catalog a build would show (no site is written; descriptions come from the cache) and applies \
            each rule: described, approved, model_text_reviewed, no_stale_approvals, pii_decided, context_names_exist, \
            relationships_reviewed. Without a check: section, context_names_exist, no_stale_approvals and pii_decided \
            run as warnings. --format github prints workflow commands, which GitHub shows on the pull request's diff. \
            Exits 0 when no error-severity rule fails, 1 when one does, 2 when the check could not run.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, github, json
    }

    @Option(name: .shortAndLong, help: ArgumentHelp("The configuration file.", valueName: "path"))
    var config = "site.yml"

    @Option(help: "text (one line per finding), github (workflow commands) or json.")
    var format: Format = .text

    func run() async throws {
        let result: Check.Result
        do {
            result = try await CheckDocumentation(log: .standardError(verbose: false)).run(configPath: config)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        switch format {
        case .text: print(CheckOutput.text(result), terminator: "")
        case .github: print(CheckOutput.github(result), terminator: "")
        case .json: FileHandle.standardOutput.write(try CheckOutput.json(result))
        }
        if result.failed { throw ExitCode(1) }
    }
}
