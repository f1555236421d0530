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
    /// Whether the values were kept back although no PII was found: the column is not categorical (or its values
    /// look personal to the value checks alone), so only its shape is published — lengths, patterns, and for
    /// numbers and dates a rounded range. A detector that misses a column is then not all that stands
    /// between its values and the site.
    public var valuesWithheld: Bool

    public init(nullFraction: Double = 0, distinct: Int = 0, distinctIsEstimate: Bool = false,
                minimum: String? = nil, maximum: String? = nil, minimumLength: Int? = nil, maximumLength: Int? = nil,
                mean: Double? = nil, standardDeviation: Double? = nil, topValues: [ValueCount] = [],
                patterns: [PatternShare] = [], samples: [String] = [], isMasked: Bool = false, valuesWithheld: Bool = false) {
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
        self.valuesWithheld = valuesWithheld
    }
}
