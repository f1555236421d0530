/// What a table's data looked like when it was profiled: how much was read, and whether that was all of it.
public struct TableProfile: Sendable, Hashable, Codable {
    /// Rows the profile was computed from.
    public var rowsRead: Int
    /// Whether those rows are a sample rather than the whole table.
    public var isSampled: Bool
    /// Rows whose values were looked at (top values, shapes, PII): at most `profile.sample_rows`.
    public var valuesRead: Int
    /// Why the profile is missing parts (a statement timeout, a query the database refused), if it is.
    public var incomplete: String?

    public init(rowsRead: Int, isSampled: Bool, valuesRead: Int, incomplete: String? = nil) {
        self.rowsRead = rowsRead
        self.isSampled = isSampled
        self.valuesRead = valuesRead
        self.incomplete = incomplete
    }
}

/// Statistics of one column's values, from the whole table or a sample of it.
public struct ColumnProfile: Sendable, Hashable, Codable {
    /// A value and how many of the rows read carry it.
    public struct ValueCount: Sendable, Hashable, Codable {
        public var value: String
        public var count: Int

        public init(value: String, count: Int) {
            self.value = value
            self.count = count
        }
    }

    /// A shape that values share (`email`, `uuid`, `iso_date`, …) and the share of non-null values that have it.
    public struct PatternShare: Sendable, Hashable, Codable {
        public var pattern: String
        public var share: Double

        public init(pattern: String, share: Double) {
            self.pattern = pattern
            self.share = share
        }
    }

    public var nullFraction: Double
    public var distinct: Int
    /// Counted on a sample, so only an estimate for the whole table.
    public var distinctIsEstimate: Bool
    /// Smallest and largest value, for numbers, dates and times (as the database prints them).
    public var minimum: String?
    public var maximum: String?
    /// Shortest and longest text, in characters.
    public var minimumLength: Int?
    public var maximumLength: Int?
    public var mean: Double?
    public var standardDeviation: Double?
    /// The most frequent values of the rows read, most frequent first.
    public var topValues: [ValueCount]
    public var patterns: [PatternShare]
    /// A few values as they are, for people and (when allowed) the describer. Masked for PII columns.
    public var samples: [String]
    /// Whether `topValues`, `samples`, `minimum` and `maximum` were masked because the column holds PII.
    public var isMasked: Bool

    public init(nullFraction: Double = 0, distinct: Int = 0, distinctIsEstimate: Bool = false,
                minimum: String? = nil, maximum: String? = nil, minimumLength: Int? = nil, maximumLength: Int? = nil,
                mean: Double? = nil, standardDeviation: Double? = nil, topValues: [ValueCount] = [],
                patterns: [PatternShare] = [], samples: [String] = [], isMasked: Bool = false) {
        self.nullFraction = nullFraction
        self.distinct = distinct
        self.distinctIsEstimate = distinctIsEstimate
        self.minimum = minimum
        self.maximum = maximum
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.topValues = topValues
        self.patterns = patterns
        self.samples = samples
        self.isMasked = isMasked
    }
}

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
