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
    /// A fingerprint of what the entity looked like when someone approved this text (`scribe-build approve`
    /// records it as `inputs_hash`), so a later change to the entity can be flagged.
    public var inputsHash: String?
    /// The entity's inputs no longer match `inputsHash`: the approved text may be out of date.
    public var isStale: Bool

    /// Text a reader can rely on: a person wrote it, or someone approved it, and it is not stale. What the
    /// coverage score counts and `check`'s `approved` rule asks for.
    public var isTrusted: Bool {
        !text.isEmpty && (origin == .human || status == .approved) && !isStale
    }

    public init(text: String, origin: Origin, status: Status = .draft, inputsHash: String? = nil, isStale: Bool = false) {
        self.text = text
        self.origin = origin
        self.status = status
        self.inputsHash = inputsHash
        self.isStale = isStale
    }

    private enum CodingKeys: String, CodingKey {
        case text, origin, status, inputsHash, isStale = "stale"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        origin = try container.decode(Origin.self, forKey: .origin)
        status = try container.decodeIfPresent(Status.self, forKey: .status) ?? .draft
        inputsHash = try container.decodeIfPresent(String.self, forKey: .inputsHash)
        isStale = try container.decodeIfPresent(Bool.self, forKey: .isStale) ?? false
    }

    /// `stale` appears only when true, so catalog.json stays quiet about the common case.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(origin, forKey: .origin)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(inputsHash, forKey: .inputsHash)
        if isStale { try container.encode(true, forKey: .isStale) }
    }
}
