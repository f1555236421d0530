/// Text that explains a table or column, and where it came from.
///
/// Origin decides precedence when several stages offer text: a human's words always win.
public struct Description: Sendable, Hashable, Codable {
    public enum Origin: String, Sendable, Hashable, Codable {
        case human
        case databaseComment = "database_comment"
        case template
        case model
    }

    public enum Status: String, Sendable, Hashable, Codable {
        case draft
        case approved
    }

    public var text: String
    public var origin: Origin
    public var status: Status

    public init(text: String, origin: Origin, status: Status = .draft) {
        self.text = text
        self.origin = origin
        self.status = status
    }
}
