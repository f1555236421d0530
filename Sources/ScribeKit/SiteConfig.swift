import Catalog
import Foundation

/// What `site.yml` asks for, with every path made absolute and every `${VAR}` read.
public struct SiteConfig: Sendable, Equatable {
    public struct SourceConfig: Sendable, Equatable {
        public var name: String
        public var kind: Source.Kind
        /// The database file of a SQLite source, absolute.
        public var path: String?
    }

    /// The configuration file as the user named it, for messages.
    public var file: String
    public var title: String
    public var sources: [SourceConfig]
    /// Absolute paths; `theme` is nil when the default theme is wanted.
    public var output: String
    public var theme: String?

    public static let defaultTitle = "Database documentation"
    public static let defaultOutput = "_site"
}
