import Catalog
import Foundation

/// `scribe-build check`: the documentation held to the rules a team chose, with one finding per problem,
/// located in the context file that causes it where there is one. A pure function of the built catalog and
/// the build's own findings.
public struct Check: Sendable {
    public struct Problem: Sendable, Equatable {
        public var rule: String
        public var severity: CheckRule.Severity
        public var message: String
        public var location: Location?
    }

    public struct Result: Sendable, Equatable {
        public var rules: [CheckRule]
        public var problems: [Problem]
        /// Rules that found nothing.
        public var passed: [String]

        public var failed: Bool { problems.contains { $0.severity == .error } }
    }

    public var rules: [CheckRule]

    public init(rules: [CheckRule]) {
        self.rules = rules
    }

    /// `findings` are the build's (the context stage's carry their file and line).
    public func run(_ catalog: Catalog, findings: [Finding]) -> Result {
        var problems: [Problem] = []
        var passed: [String] = []
        for rule in rules {
            let found = Self.problems(rule, catalog, findings)
            if found.isEmpty { passed.append(rule.id) }
            problems += found
        }
        return Result(rules: rules, problems: problems, passed: passed)
    }

    static func problems(_ rule: CheckRule, _ catalog: Catalog, _ findings: [Finding]) -> [Problem] {
        func problem(_ message: String, at location: Location? = nil) -> Problem {
            Problem(rule: rule.id, severity: rule.severity, message: message, location: location)
        }
        let tables = catalog.allTables.filter { table in rule.tag.map { tag in table.context?.tags.contains(tag) == true } ?? true }
        let scope = rule.tag.map { "tables tagged \($0)" } ?? "tables"
        switch rule.kind {
        case .described, .approved:
            let passes: (Description?) -> Bool = rule.kind == .described
                ? { description in !(description?.text.isEmpty ?? true) } : { $0?.isTrusted == true }
            let word = rule.kind == .described ? "described" : "trusted"
            var found: [Problem] = []
            if let least = rule.minTables {
                let good = tables.filter { passes($0.description) }.count
                if let message = Self.share(good, of: tables.count, least: least, what: scope, word: word) { found.append(problem(message)) }
            }
            if let least = rule.minColumns {
                let columns = tables.flatMap(\.columns)
                let good = columns.filter { passes($0.description) }.count
                let what = rule.tag.map { "columns of tables tagged \($0)" } ?? "columns"
                if let message = Self.share(good, of: columns.count, least: least, what: what, word: word) { found.append(problem(message)) }
            }
            return found
        case .modelTextReviewed:
            return tables.compactMap { table in
                let drafts = ([table.description] + table.columns.map(\.description)).filter { $0?.origin == .model && $0?.status == .draft }.count
                guard drafts > 0 else { return nil }
                return problem("\(Self.name(table)): \(drafts) description\(drafts == 1 ? "" : "s") the model wrote, not approved; "
                               + "review them and run scribe-build approve '\(table.id.schema).\(table.name)*'")
            }
        case .noStaleApprovals:
            return tables.flatMap { table in
                var found: [Problem] = []
                if table.description?.isStale == true {
                    found.append(problem("\(Self.name(table)): its approved description is stale (the table changed since); approve it again or rewrite it"))
                }
                for column in table.columns where column.description?.isStale == true {
                    found.append(problem("\(Self.name(table)).\(column.name): its approved description is stale; approve it again or rewrite it"))
                }
                return found
            }
        case .piiDecided:
            return tables.flatMap { table in
                table.columns.compactMap { column -> Problem? in
                    guard let finding = column.pii, finding.origin == .detected else { return nil }
                    let kind = finding.kind.rawValue
                    return problem("\(Self.name(table)).\(column.name) may hold \(kind.replacingOccurrences(of: "_", with: " ")) "
                                   + "(detected, confidence \(String(format: "%.2f", finding.confidence))); write `pii: \(kind)` or `pii: none` in its context entry")
                }
            }
        case .contextNamesExist:
            return findings.filter { $0.stage == "context" && $0.location != nil }.map { problem($0.message, at: $0.location) }
        case .relationshipsReviewed:
            return catalog.relationships.filter { $0.isSuggestion && ($0.confidence ?? 0) >= rule.minConfidence }.map { relationship in
                let from = "\(relationship.from.table.schema).\(relationship.from.table.name).\(relationship.from.columns.joined(separator: ","))"
                let to = "\(relationship.to.table.schema).\(relationship.to.table.name).\(relationship.to.columns.joined(separator: ","))"
                return problem("\(from) → \(to) is suggested (confidence \(String(format: "%.2f", relationship.confidence ?? 0))) and not decided; "
                               + "run scribe-build relationships accept '\(from)' or reject it")
            }
        }
    }

    static func name(_ table: Table) -> String { "\(table.id.schema).\(table.name)" }

    /// nil when `good ÷ total` reaches `least`; a scope with nothing in it passes.
    static func share(_ good: Int, of total: Int, least: Double, what: String, word: String) -> String? {
        guard total > 0, Double(good) / Double(total) < least else { return nil }
        let percent = { (value: Double) in String(format: "%.0f%%", value * 100) }
        let meaning = word == "trusted" ? " (trusted: written by a person, or approved, and not stale)" : ""
        return "\(good) of \(total) \(what) are \(word), \(percent(Double(good) / Double(total))); the rule asks for \(percent(least))\(meaning)"
    }
}

/// How `check` prints its result: for people, as GitHub workflow commands, or as JSON.
public enum CheckOutput {
    public static func text(_ result: Check.Result) -> String {
        var lines = result.problems.map { problem in
            (problem.location.map { "\($0): " } ?? "") + "\(problem.severity.rawValue)[\(problem.rule)]: \(problem.message)"
        }
        lines.append(summary(result))
        return lines.joined(separator: "\n") + "\n"
    }

    static func summary(_ result: Check.Result) -> String {
        let errors = result.problems.filter { $0.severity == .error }.count
        let warnings = result.problems.count - errors
        let rules = "\(result.rules.count) rule\(result.rules.count == 1 ? "" : "s")"
        if result.problems.isEmpty { return "check: \(rules), all pass" }
        return "check: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") (\(rules), \(result.passed.count) pass)"
    }

    /// Workflow commands (`::error file=…,line=…,title=…::message`), which GitHub shows on the pull request's diff.
    public static func github(_ result: Check.Result) -> String {
        var lines = result.problems.map { problem in
            var properties: [String] = []
            if let location = problem.location {
                properties.append("file=" + property(location.file))
                if let line = location.line { properties.append("line=\(line)") }
                if let column = location.column { properties.append("col=\(column)") }
            }
            properties.append("title=" + property("check " + problem.rule))
            return "::\(problem.severity.rawValue) \(properties.joined(separator: ","))::\(data(problem.message))"
        }
        lines.append(summary(result))
        return lines.joined(separator: "\n") + "\n"
    }

    /// GitHub's escaping of a command's message: `%`, CR and LF.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// And of a property, which also escapes `:` and `,`.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    public static func json(_ result: Check.Result) throws -> Data {
        struct Document: Encodable {
            struct Rule: Encodable { var id, rule, severity: String; var passed: Bool }
            struct Problem: Encodable { var rule, severity, message: String; var file: String?; var line: Int?; var column: Int? }
            var version = 1
            var failed: Bool
            var rules: [Rule]
            var problems: [Problem]
        }
        let document = Document(
            failed: result.failed,
            rules: result.rules.map { .init(id: $0.id, rule: $0.kind.rawValue, severity: $0.severity.rawValue, passed: result.passed.contains($0.id)) },
            problems: result.problems.map {
                .init(rule: $0.rule, severity: $0.severity.rawValue, message: $0.message,
                      file: $0.location?.file, line: $0.location?.line, column: $0.location?.column)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(document)
        data.append(0x0A)
        return data
    }
}
