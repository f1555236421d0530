/// A failure of the build, stamped with the stage it happened in and what it was working on.
///
/// Reads `[introspect] warehouse: could not open …`; a configuration error keeps its own
/// `file:line:column:` form after the stage.
public struct BuildError: Error, Sendable, CustomStringConvertible {
    public var stage: BuildStage
    /// The source, file or page being worked on, when there is one.
    public var subject: String?
    public var message: String

    public init(stage: BuildStage, subject: String? = nil, message: String) {
        self.stage = stage
        self.subject = subject
        self.message = message
    }

    public var description: String {
        "[\(stage.rawValue)] " + (subject.map { "\($0): " } ?? "") + message
    }
}

/// The named stages of a build, in the order they run.
public enum BuildStage: String, Sendable, Codable {
    case config
    case introspect
    case context
    case profile
    case relationships
    case describe
    case render
    case write
}
