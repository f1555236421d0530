/// Personal data a column holds, or may hold, and why Schema Scribe thinks so.
public struct PIIFinding: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case email, phone
        case personName = "person_name"
        case streetAddress = "street_address"
        case postalCode = "postal_code"
        case dateOfBirth = "date_of_birth"
        case nationalID = "national_id"
        case creditCard = "credit_card"
        case iban
        case ipAddress = "ip_address"
        case passport
        case username
        case secret
        case geoCoordinate = "geo_coordinate"
        case freeText = "free_text"
    }

    public enum Origin: String, Sendable, Hashable, Codable {
        /// Found from the column's name, type and values.
        case detected
        /// Said in a context file (`pii: email`).
        case context
    }

    public var kind: Kind
    /// 0…1: how sure the evidence makes it.
    public var confidence: Double
    public var reasons: [String]
    public var origin: Origin

    public init(kind: Kind, confidence: Double, reasons: [String], origin: Origin = .detected) {
        self.kind = kind
        self.confidence = confidence
        self.reasons = reasons
        self.origin = origin
    }
}
