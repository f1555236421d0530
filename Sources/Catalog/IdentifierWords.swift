/// An identifier split into lowercase words, whatever its style: `customer_id`, `customerId`, `CustomerID`,
/// `CUSTOMER-ID` and `customer id` are all `customer id`; `customerid` stays one word (it has no boundary
/// to read), so matching also compares the words run together (`joined`).
public struct IdentifierWords: Hashable, Sendable, CustomStringConvertible {
    public var words: [String]

    public init(_ words: [String]) {
        self.words = words
    }

    public init(identifier: String) {
        // By Unicode scalar, not Character: a hundred thousand column names are split per build, and
        // grapheme breaking costs more than the whole rest of the stage. Combining marks stay in their word.
        enum Kind { case upper, lower, digit, mark, other }
        func kind(_ scalar: Unicode.Scalar) -> Kind {
            if scalar.isASCII {
                switch scalar.value {
                case 0x41...0x5A: return .upper
                case 0x61...0x7A: return .lower
                case 0x30...0x39: return .digit
                default: return .other
                }
            }
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark { return .mark }
            if properties.isUppercase { return .upper }
            if properties.isAlphabetic { return .lower }
            if properties.numericType != nil { return .digit }
            return .other
        }
        let scalars = Array(identifier.unicodeScalars)
        let kinds = scalars.map(kind)
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var previous: Kind?
        func flush() {
            if !current.isEmpty { words.append(String(current).lowercased()) }
            current = String.UnicodeScalarView()
            previous = nil
        }
        for index in scalars.indices {
            let this = kinds[index]
            if this == .other { flush(); continue }
            if this == .mark { current.append(scalars[index]); continue }
            if let previous {
                let next = index + 1 < kinds.count ? kinds[index + 1] : nil
                let lowerToUpper = previous == .lower && this == .upper
                // `XMLFile`: the F starts a word, though it follows a capital.
                let acronymEnd = previous == .upper && this == .upper && next == .lower
                let letterDigit = (previous == .digit) != (this == .digit)
                if lowerToUpper || acronymEnd || letterDigit { flush() }
            }
            current.append(scalars[index])
            previous = this
        }
        flush()
        self.words = words
    }

    /// The words run together: what `customerid` and `customer_id` have in common.
    public var joined: String { words.joined() }

    public var isEmpty: Bool { words.isEmpty }
    public var count: Int { words.count }
    public var first: String? { words.first }
    public var last: String? { words.last }

    public var description: String { words.joined(separator: "_") }
}
