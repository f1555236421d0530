/// A place in a file a person wrote, for messages: `content/context/sales.yml:12:5`.
public struct Location: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        file + (line.map { ":\($0)" } ?? "") + (line != nil ? (column.map { ":\($0)" } ?? "") : "")
    }
}

/// Something a build noticed that does not stop it: an entry naming a table that does not exist, an include
/// pattern that matches nothing, a table locked by another session, a cache that cannot be written. Every
/// warning of every stage is one, with where it points when it points into a file, or what it is about.
public struct Finding: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        /// Reported, and the build goes on.
        case warning
        /// What `--strict` makes of the findings in files people write: the build stops.
        case error
    }

    /// The stage that noticed it: `config`, `introspect`, `context`, `profile`, `describe`.
    public var stage: String
    public var severity: Severity
    /// The place in a file it points at.
    public var location: Location?
    /// What it is about when it points at no file: a source, a table.
    public var subject: String?
    public var message: String

    public init(stage: String, severity: Severity = .warning, location: Location? = nil, subject: String? = nil, message: String) {
        self.stage = stage
        self.severity = severity
        self.location = location
        self.subject = subject
        self.message = message
    }

    /// A finding in a context file.
    public init(location: Location, message: String) {
        self.init(stage: "context", location: location, message: message)
    }

    /// `file:line:column: message`, or `subject: message`, as the log and the report print it.
    public var description: String {
        if let location { return "\(location): \(message)" }
        return (subject.map { "\($0): " } ?? "") + message
    }
}
