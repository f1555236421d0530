import Catalog
import Context
import Foundation
import Introspect
import Profile
import Relationships
import Review
import Yams

/// Reads `site.yml` strictly: unknown keys, wrong types and unset variables are errors with a position.
public struct ConfigLoader: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public func load(path: String) throws(ConfigError) -> SiteConfig {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw ConfigError(file: path, message: "configuration file not found; create one (see README.md) or pass --config PATH")
        }
        guard let data = FileManager.default.contents(atPath: url.path),
              let text = String(data: data, encoding: .utf8)
        else {
            throw ConfigError(file: path, message: "could not read the file as UTF-8 text")
        }
        return try parse(text, file: path, folder: url.deletingLastPathComponent())
    }

    /// Parses configuration text; relative paths resolve against `folder`.
    public func parse(_ text: String, file: String, folder: URL) throws(ConfigError) -> SiteConfig {
        guard let root = try YAMLReader.compose(text, file: file) else {
            throw ConfigError(file: file, message: "the file is empty; expected at least `sources:`")
        }
        let reader = YAMLReader(file: file, environment: environment)
        let top = try reader.mapping(root, at: "the top level", allowed: ["title", "sources", "paths", "default_templates", "describe", "profile", "pii", "relationships", "check", "dbt"])

        let title = try top["title"].map { node throws(ConfigError) in try reader.string(node, at: "title") } ?? SiteConfig.defaultTitle

        guard let sourcesNode = top["sources"] else {
            throw reader.error(root, "missing `sources`; expected a list of databases, e.g. `sources: [{name: shop, kind: sqlite, path: shop.db}]`")
        }
        let sourceNodes = try reader.sequence(sourcesNode, at: "sources")
        guard !sourceNodes.isEmpty else {
            throw reader.error(sourcesNode, "`sources` is empty; expected at least one database")
        }
        var sources: [SiteConfig.SourceConfig] = []
        var sourceRelationships: [String: (Node, String)] = [:]
        var seen: [String: Node] = [:]
        for (offset, node) in sourceNodes.enumerated() {
            let at = "sources[\(offset)]"
            let fields = try reader.mapping(node, at: at, allowed: Self.sourceKeys)
            let name = try reader.string(try reader.required(fields, "name", in: node, at: at), at: "\(at).name")
            guard !name.isEmpty else { throw reader.error(node, "`\(at).name` is empty; expected a short name such as `warehouse`") }
            if let first = seen[name] {
                throw reader.error(node, "a source named `\(name)` is already defined at line \(first.mark?.line ?? 0); names must be unique")
            }
            seen[name] = node
            let kindNode = try reader.required(fields, "kind", in: node, at: at)
            let kindText = try reader.string(kindNode, at: "\(at).kind")
            guard let driver = SourceDrivers.driver(for: Source.Kind(rawValue: kindText)) else {
                // Quote the value as written: an interpolated one may come from a secret.
                throw reader.error(kindNode, "unsupported source kind `\(reader.written(kindNode))`; expected one of: "
                    + SourceDrivers.kinds.joined(separator: ", "))
            }
            let kind = driver.kind
            let settings = driver.settings
            var source = SiteConfig.SourceConfig(name: name, kind: kind)
            // Another engine's key is a mistake worth naming: `path` on a postgres source.
            let own = settings.map { $0.key }
            for (otherKind, key) in SourceDrivers.settingKeys where otherKind != kind && !own.contains(key) {
                guard let misplaced = fields[key] else { continue }
                throw reader.error(misplaced, "`\(key)` is for \(otherKind) sources; a \(kind) source takes "
                    + own.map { "`\($0)`" }.joined(separator: ", "))
            }
            for setting in settings {
                let value: Node
                if setting.isRequired {
                    value = try reader.required(fields, setting.key, in: node, at: at)
                } else if let given = fields[setting.key] {
                    value = given
                } else {
                    continue
                }
                let text = try reader.string(value, at: "\(at).\(setting.key)")
                source.values[setting.key] = setting.meaning == .filePath ? Self.resolve(text, against: folder) : text
            }
            let include = try fields["include"].map { node throws(ConfigError) in try reader.locatedStrings(node, at: "\(at).include") } ?? []
            source.filter = TableFilter(
                include: include.map { $0.text },
                exclude: try fields["exclude"].map { node throws(ConfigError) in try reader.strings(node, at: "\(at).exclude") } ?? [])
            source.includeLocations = Dictionary(include.map { ($0.text, $0.location) }, uniquingKeysWith: { first, _ in first })
            if let timeout = fields["statement_timeout"] {
                source.statementTimeoutSeconds = try reader.duration(timeout, at: "\(at).statement_timeout", within: Self.timeouts)
            }
            if let profile = fields["profile"] { source.profile = try Self.boolean(profile, at: "\(at).profile", reader) }
            if let node = fields["relationships"] { sourceRelationships[source.name] = (node, "\(at).relationships") }
            sources.append(source)
        }

        var output = Self.resolve(SiteConfig.defaultOutput, against: folder)
        var theme: String?
        var cache = Self.resolve(SiteConfig.defaultCache, against: folder)
        var context = Self.resolve(SiteConfig.defaultContext, against: folder)
        if let pathsNode = top["paths"] {
            let paths = try reader.mapping(pathsNode, at: "paths", allowed: ["output", "theme", "cache", "context"])
            if let node = paths["context"] { context = Self.resolve(try reader.string(node, at: "paths.context"), against: folder) }
            if let node = paths["cache"] { cache = Self.resolve(try reader.string(node, at: "paths.cache"), against: folder) }
            if let node = paths["output"] { output = Self.resolve(try reader.string(node, at: "paths.output"), against: folder) }
            if let node = paths["theme"] { theme = Self.resolve(try reader.string(node, at: "paths.theme"), against: folder) }
        }
        let defaultTemplates = try top["default_templates"].map { node throws(ConfigError) in
            try Self.boolean(node, at: "default_templates", reader)
        } ?? true
        var config = SiteConfig(file: file, title: title, sources: sources, output: output, theme: theme, cache: cache,
                                context: context, defaultTemplates: defaultTemplates)
        if let node = top["describe"] { config.describe = try describeSettings(node, reader) }
        if let node = top["profile"] { config.profile = try profileSettings(node, reader) }
        if let node = top["relationships"] { config.relationships = try relationshipSettings(node, at: "relationships", base: config.relationships, reader) }
        // A source's own `relationships:` changes only the keys it gives.
        for (name, (node, at)) in sourceRelationships {
            config.sourceRelationships[name] = try relationshipSettings(node, at: at, base: config.relationships, reader)
        }
        if let node = top["check"] { config.check = try checkRules(node, reader) }
        if let node = top["dbt"] {
            let fields = try reader.mapping(node, at: "dbt", allowed: ["files"])
            let filesNode = try reader.required(fields, "files", in: node, at: "dbt")
            let files = try reader.locatedStrings(filesNode, at: "dbt.files")
            guard !files.isEmpty else {
                throw reader.error(filesNode, "`dbt.files` is empty; list dbt property files, globs such as `dbt/models/**/*.yml`, or a dbt project folder")
            }
            config.dbtFiles = files.map { SiteConfig.DBTFiles(pattern: Self.resolve($0.text, against: folder), location: $0.location) }
        }
        if let node = top["pii"] {
            let fields = try reader.mapping(node, at: "pii", allowed: ["publish_samples"])
            if let policyNode = fields["publish_samples"] {
                let written = try reader.string(policyNode, at: "pii.publish_samples")
                guard let policy = ProfileStage.SamplePolicy(rawValue: written) else {
                    throw reader.error(policyNode, "`pii.publish_samples` should be `masked` or `none`, found `\(reader.written(policyNode))`")
                }
                config.piiSamples = policy
            }
        }
        return config
    }

    private func relationshipSettings(_ node: Node, at: String, base: RelationshipSettings, _ reader: YAMLReader) throws(ConfigError) -> RelationshipSettings {
        let fields = try reader.mapping(node, at: at, allowed: ["infer", "min_confidence", "verify_with_data", "sample_values"])
        var settings = base
        if let infer = fields["infer"] { settings.infer = try Self.boolean(infer, at: "\(at).infer", reader) }
        if let verify = fields["verify_with_data"] { settings.verifyWithData = try Self.boolean(verify, at: "\(at).verify_with_data", reader) }
        if let node = fields["min_confidence"] {
            guard let value = Double(try reader.string(node, at: "\(at).min_confidence")), (0...1).contains(value) else {
                throw reader.error(node, "`\(at).min_confidence` should be a number from 0 to 1, such as 0.6, found `\(reader.written(node))`")
            }
            settings.minConfidence = value
        }
        settings.sampleValues = try Self.wholeNumber(fields["sample_values"], at: "\(at).sample_values", within: 1...1_000_000, reader) ?? settings.sampleValues
        return settings
    }

    /// `check:`, a list of rules: `- rule: described` with its settings, an optional `id` and `severity`.
    private func checkRules(_ node: Node, _ reader: YAMLReader) throws(ConfigError) -> [CheckRule] {
        var rules: [CheckRule] = []
        for (offset, item) in try reader.sequence(node, at: "check").enumerated() {
            let at = "check[\(offset)]"
            let every = ["rule", "id", "severity", "tag", "min_tables", "min_columns", "min_confidence"]
            let fields = try reader.mapping(item, at: at, allowed: every)
            let kinds = CheckRule.Kind.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
            let ruleNode = try reader.required(fields, "rule", in: item, at: at)
            let written = try reader.string(ruleNode, at: "\(at).rule")
            guard let kind = CheckRule.Kind(rawValue: written) else {
                let suggestion = Suggestion.closest(to: written, among: CheckRule.Kind.allCases.map(\.rawValue)).map { "; did you mean `\($0)`?" } ?? ""
                throw reader.error(ruleNode, "`\(at).rule` should be one of \(kinds), found `\(written)`\(suggestion)")
            }
            let allowed = ["rule", "id", "severity"] + CheckRule.settings(of: kind)
            for key in every where !allowed.contains(key) {
                guard let node = fields[key] else { continue }
                throw reader.error(node, "`\(key)` does not apply to rule `\(written)`, which takes \(allowed.dropFirst().map { "`\($0)`" }.joined(separator: ", "))")
            }
            var rule = CheckRule(kind: kind)
            if let id = fields["id"] { rule.id = try reader.string(id, at: "\(at).id") }
            if let severity = fields["severity"] {
                let text = try reader.string(severity, at: "\(at).severity")
                guard let value = CheckRule.Severity(rawValue: text) else {
                    throw reader.error(severity, "`\(at).severity` should be `error` or `warning`, found `\(text)`")
                }
                rule.severity = value
            }
            if let tag = fields["tag"] { rule.tag = try reader.string(tag, at: "\(at).tag") }
            func share(_ key: String) throws(ConfigError) -> Double? {
                guard let node = fields[key] else { return nil }
                guard let value = Double(try reader.string(node, at: "\(at).\(key)")), (0...1).contains(value) else {
                    throw reader.error(node, "`\(at).\(key)` should be a share from 0 to 1, such as 0.9, found `\(reader.written(node))`")
                }
                return value
            }
            rule.minTables = try share("min_tables")
            rule.minColumns = try share("min_columns")
            rule.minConfidence = try share("min_confidence") ?? rule.minConfidence
            if kind == .described || kind == .approved, rule.minTables == nil, rule.minColumns == nil {
                throw reader.error(item, "`\(at)` (\(written)) needs `min_tables`, `min_columns` or both, such as `min_tables: 0.9`")
            }
            if let same = rules.first(where: { $0.id == rule.id }) {
                throw reader.error(fields["id"] ?? ruleNode, "`\(at)`: another rule is already called `\(same.id)`; give one an `id:`")
            }
            rules.append(rule)
        }
        return rules
    }

    private func profileSettings(_ node: Node, _ reader: YAMLReader) throws(ConfigError) -> SiteConfig.ProfileSettings {
        let fields = try reader.mapping(node, at: "profile", allowed: [
            "enabled", "sample_rows", "full_scan_below", "workers", "timeout", "include", "exclude",
        ])
        var settings = SiteConfig.ProfileSettings()
        if let enabled = fields["enabled"] { settings.enabled = try Self.boolean(enabled, at: "profile.enabled", reader) }
        func integer(_ key: String, _ range: ClosedRange<Int>) throws(ConfigError) -> Int? {
            try Self.wholeNumber(fields[key], at: "profile.\(key)", within: range, reader)
        }
        // A sample is held in memory; a table of more than a billion rows is never meant to be read whole.
        settings.sampling.sampleRows = try integer("sample_rows", 1...1_000_000) ?? settings.sampling.sampleRows
        settings.sampling.fullScanBelow = try integer("full_scan_below", 0...1_000_000_000) ?? settings.sampling.fullScanBelow
        // Each worker is a database connection.
        settings.sampling.workers = try integer("workers", 1...64) ?? settings.sampling.workers
        if let timeout = fields["timeout"] {
            settings.sampling.statementTimeoutMilliseconds = Int((try reader.duration(timeout, at: "profile.timeout", within: Self.timeouts) * 1000).rounded())
        }
        settings.filter = TableFilter(
            include: try fields["include"].map { node throws(ConfigError) in try reader.strings(node, at: "profile.include") } ?? [],
            exclude: try fields["exclude"].map { node throws(ConfigError) in try reader.strings(node, at: "profile.exclude") } ?? [])
        return settings
    }

    /// Bounded so that no setting can overflow the arithmetic it feeds (rows + 1, seconds × 1000).
    static func wholeNumber(_ node: Node?, at: String, within range: ClosedRange<Int>, _ reader: YAMLReader) throws(ConfigError) -> Int? {
        guard let node else { return nil }
        guard let value = Int(try reader.string(node, at: at)), range.contains(value) else {
            throw reader.error(node, "`\(at)` should be a whole number from \(range.lowerBound) to \(range.upperBound), found `\(reader.written(node))`")
        }
        return value
    }

    /// Every timeout: at least a millisecond (less rounds to 0, which PostgreSQL reads as "no limit"), at most a day.
    static let timeouts = 0.001...86_400.0

    static func boolean(_ node: Node, at: String, _ reader: YAMLReader) throws(ConfigError) -> Bool {
        switch try reader.string(node, at: at) {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw reader.error(node, "`\(at)` should be true or false, found `\(reader.written(node))`")
        }
    }

    private func describeSettings(_ node: Node, _ reader: YAMLReader) throws(ConfigError) -> SiteConfig.DescribeSettings {
        let fields = try reader.mapping(node, at: "describe", allowed: [
            "provider", "model", "base_url", "api_key_env", "concurrency", "max_calls", "requests_per_minute", "timeout",
            "send_sample_values",
        ])
        var settings = SiteConfig.DescribeSettings()
        if let providerNode = fields["provider"] {
            let written = try reader.string(providerNode, at: "describe.provider")
            guard let provider = SiteConfig.DescribeSettings.Provider(rawValue: written) else {
                throw reader.error(providerNode, "unknown provider `\(reader.written(providerNode))`; expected one of: offline, openai, anthropic")
            }
            settings.provider = provider
        }
        settings.model = try fields["model"].map { node throws(ConfigError) in try reader.string(node, at: "describe.model") }
        if let node = fields["base_url"] {
            let text = try reader.string(node, at: "describe.base_url")
            // Anything else would fail on the first request, or be read as a file path.
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host?.isEmpty == false else {
                throw reader.error(node, "`describe.base_url` should be an http:// or https:// URL such as `http://127.0.0.1:8080/v1`, "
                    + "found `\(reader.written(node))`")
            }
            settings.baseURL = text
        }
        settings.apiKeyVariable = try fields["api_key_env"].map { node throws(ConfigError) in try reader.string(node, at: "describe.api_key_env") }
        func integer(_ key: String, _ range: ClosedRange<Int>) throws(ConfigError) -> Int? {
            try Self.wholeNumber(fields[key], at: "describe.\(key)", within: range, reader)
        }
        settings.stage.concurrency = try integer("concurrency", 1...256) ?? settings.stage.concurrency
        settings.stage.maxCalls = try integer("max_calls", 1...10_000_000)
        settings.stage.requestsPerMinute = try integer("requests_per_minute", 1...100_000).map(Double.init)
        if let timeout = fields["timeout"] { settings.timeoutSeconds = try reader.duration(timeout, at: "describe.timeout", within: Self.timeouts) }
        if let send = fields["send_sample_values"] { settings.stage.sendSampleValues = try Self.boolean(send, at: "describe.send_sample_values", reader) }
        if settings.provider != .offline, settings.model == nil {
            throw reader.error(node, "`describe.model` is required with provider `\(settings.provider.rawValue)`")
        }
        return settings
    }

    /// Every source's keys, and each engine's own.
    static var sourceKeys: [String] {
        ["name", "kind"] + SourceDrivers.settingKeys.map { $0.key } + ["include", "exclude", "statement_timeout", "profile", "relationships"]
    }

    static func resolve(_ path: String, against folder: URL) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let url = expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded) : folder.appendingPathComponent(expanded)
        return url.standardizedFileURL.path
    }
}
