extension TableIndex.Part {
    private enum CodingKeys: String, CodingKey {
        case column
        case expression
    }

    /// Encodes as `{"column": "name"}` or `{"expression": "lower(email)"}`, which reads well in catalog.json.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .column(let name): try container.encode(name, forKey: .column)
        case .expression(let text): try container.encode(text, forKey: .expression)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let name = try container.decodeIfPresent(String.self, forKey: .column) {
            self = .column(name)
        } else {
            self = .expression(try container.decode(String.self, forKey: .expression))
        }
    }
}
