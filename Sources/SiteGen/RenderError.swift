/// Why the site could not be rendered or written.
public struct RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case graphvizMissing
        case graphvizFailed(String)
        case themeMissing(path: String)
        case templateMissing(path: String)
        case templateInvalid(path: String, message: String)
        case outputNotASite(path: String)
        case outputUnwritable(path: String, message: String)
        case unsafePath(String)
        case interrupted
    }

    public var reason: Reason

    public init(_ reason: Reason) {
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .graphvizMissing:
            return "graphviz's `dot` was not found; install graphviz (Debian: apt-get install graphviz)"
        case .graphvizFailed(let message):
            return "graphviz could not render a diagram: \(message)"
        case .themeMissing(let path):
            return "theme folder \(path) does not exist; set `paths.theme` in site.yml to a folder with templates/ and assets/"
        case .templateMissing(let path):
            return "the theme has no template \(path)"
        case .templateInvalid(let path, let message):
            return "template \(path) is not valid Mustache: \(message)"
        case .outputNotASite(let path):
            return "output folder \(path) exists, is not empty and was not written by Schema Scribe; "
                + "choose another --output, or empty it yourself"
        case .outputUnwritable(let path, let message):
            return "could not write the site to \(path): \(message)"
        case .unsafePath(let path):
            return "refused to write \(path): it would land outside the output folder"
        case .interrupted:
            return "interrupted; the previous site is unchanged"
        }
    }
}
