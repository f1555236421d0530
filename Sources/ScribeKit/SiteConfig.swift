import Catalog
import Context
import Describe
import Foundation
import Introspect
import Profile
import Relationships
import Review

/// What `site.yml` asks for, with every path made absolute and every `${VAR}` read.
public struct SiteConfig: Sendable, Equatable {
    public struct SourceConfig: Sendable, Equatable {
        public var name: String
        public var kind: Source.Kind
        /// The keys only its engine takes (`SourceDriver.settings`): a SQLite `path` (absolute), a PostgreSQL
        /// `url` (which may hold a password: never print it).
        public var values: [String: String] = [:]
        public var filter: TableFilter
        /// Where each `include` pattern is written in site.yml, for the finding when it matches no table.
        public var includeLocations: [String: Location] = [:]
        public var statementTimeoutSeconds: Double
        /// `profile: false` on a source: its data is never read, only its structure.
        public var profile = true

        /// The engine's driver for this source; the loader accepts only kinds that have one.
        public func driver() throws(IntrospectError) -> any SourceDriver {
            guard let type = SourceDrivers.driver(for: kind) else {
                throw IntrospectError(database: name, reason: .cannotOpen("no driver for sources of kind `\(kind)`"))
            }
            return type.init(sourceName: name, values: values, statementTimeoutSeconds: statementTimeoutSeconds)
        }

        public init(name: String, kind: Source.Kind, values: [String: String] = [:],
                    filter: TableFilter = TableFilter(), statementTimeoutSeconds: Double = SiteConfig.defaultStatementTimeout) {
            self.name = name
            self.kind = kind
            self.values = values
            self.filter = filter
            self.statementTimeoutSeconds = statementTimeoutSeconds
        }
    }

    /// The configuration file as the user named it, for messages.
    public var file: String
    public var title: String
    public var sources: [SourceConfig]
    /// Absolute paths; `theme` is nil when the default theme is wanted.
    public var output: String
    public var theme: String?
    /// Where rendered diagrams (and later, descriptions) are kept between builds.
    public var cache: String
    /// The folder of context files people write (YAML and CSV).
    public var context: String
    /// Whether the shipped description templates (ids, foreign keys, timestamps, flags) apply.
    public var defaultTemplates: Bool
    public var describe = DescribeSettings()
    public var profile = ProfileSettings()
    /// `pii.publish_samples`: what the site may show of a PII column's values.
    public var piiSamples = ProfileStage.SamplePolicy.masked
    /// `relationships:` in site.yml, and each source's own where it gives one.
    public var relationships = RelationshipSettings()
    /// The rules `scribe-build check` holds the documentation to (`check:`); without the section, `CheckRule.defaults`.
    public var check = CheckRule.defaults
    public var sourceRelationships: [String: RelationshipSettings] = [:]
    /// `dbt.files`: dbt property files, globs or dbt project folders whose descriptions are read as context.
    public var dbtFiles: [DBTFiles] = []

    /// One `dbt.files` item: an absolute path or glob, and where site.yml wrote it.
    public struct DBTFiles: Sendable, Equatable {
        public var pattern: String
        public var location: Location

        public init(pattern: String, location: Location) {
            self.pattern = pattern
            self.location = location
        }
    }

    /// `profile:` in site.yml: how much of the data a build looks at.
    public struct ProfileSettings: Sendable, Equatable {
        public var enabled = true
        /// Rows per sample, the full-scan threshold, workers and the timeout: defined and defaulted in one place.
        public var sampling = SamplingPlan()
        /// Globs on schema.table or source.schema.table; a table must match `include` (when given) and no `exclude`.
        public var filter = TableFilter()

        public init() {}
    }

    /// `describe:` in site.yml: who writes the descriptions nobody wrote, and how hard to push.
    public struct DescribeSettings: Sendable, Equatable {
        public enum Provider: String, Sendable, Equatable, CaseIterable {
            case offline
            case openai
            case anthropic
        }

        public var provider = Provider.offline
        public var model: String?
        public var baseURL: String?
        /// The name of the environment variable that holds the key; the key itself is never stored here.
        public var apiKeyVariable: String?
        public var timeoutSeconds = 60.0
        /// Concurrency, call and rate limits, and whether sample values are sent: the describe stage's own settings.
        public var stage = DescribeStage.Settings()

        public init() {}
    }

    public static let defaultTitle = "Database documentation"
    public static let defaultOutput = "_site"
    public static let defaultCache = ".scribe/cache"
    public static let defaultContext = "content/context"
    public static let defaultStatementTimeout = 60.0
}
