import Foundation

/// Valid national ids for fixtures, made by computing each issuer's check digits from random digits.
/// Written independently of the classifier's validators (forwards, from the published definitions), so a
/// mistake in one is not repeated in the other.
public struct FixtureIDs {
    var random: SplitMix64

    public init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    mutating func digits(_ count: Int) -> [Int] { (0..<count).map { _ in Int(random.next() % 10) } }
    mutating func number(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }

    /// `123.456.789-09`, or the 11 digits alone.
    public mutating func cpf(formatted: Bool) -> String {
        var d = digits(9)
        for length in [9, 10] {
            let sum = (0..<length).reduce(0) { $0 + d[$1] * (length + 1 - $1) }
            let rest = sum % 11
            d.append(rest < 2 ? 0 : 11 - rest)
        }
        let text = d.map(String.init).joined()
        guard formatted else { return text }
        let c = Array(text)
        return String(c[0..<3]) + "." + String(c[3..<6]) + "." + String(c[6..<9]) + "-" + String(c[9..<11])
    }

    /// `1 85 05 78 006 084 36`: sex, year, month, department, commune, order, key.
    public mutating func nir() -> String {
        let parts = [String(number(1...2)), String(format: "%02d", number(40...99)), String(format: "%02d", number(1...12)),
                     String(format: "%02d", number(1...95)), String(format: "%03d", number(1...990)), String(format: "%03d", number(1...999))]
        let body = Int(parts.joined()) ?? 0
        return parts.joined(separator: " ") + " " + String(format: "%02d", 97 - body % 97)
    }

    /// Nine digits that pass the 11-test.
    public mutating func bsn() -> String {
        while true {
            let d = [number(1...9)] + digits(7)
            let sum = (0..<8).reduce(0) { $0 + d[$1] * (9 - $1) }
            let last = sum % 11
            if last <= 9 { return (d + [last]).map(String.init).joined() }
        }
    }

    /// `12345678Z` (DNI) or `X1234567L` (NIE).
    public mutating func dniOrNIE() -> String {
        let letters = Array("TRWAGMYFPDXBNJZSQVHLCKE")
        if random.next() % 3 == 0 {
            let prefix = number(0...2)
            let body = digits(7).map(String.init).joined()
            let value = Int(String(prefix) + body) ?? 0
            return ["X", "Y", "Z"][prefix] + body + String(letters[value % 23])
        }
        let value = number(10_000_000...99_999_999)
        return String(value) + String(letters[value % 23])
    }

    /// Eleven digits: one digit twice in the first ten, then the ISO 7064 MOD 11,10 check digit.
    public mutating func steuerID() -> String {
        var pool = Array(0...9)
        pool.shuffle(using: &random)
        var first = Array(pool.prefix(9))
        first.insert(first[Int(random.next() % 9)], at: Int(random.next() % 10))
        if first[0] == 0 { first.swapAt(0, first.firstIndex { $0 != 0 } ?? 1) }
        var product = 10
        for digit in first {
            let sum = (digit + product) % 10
            product = (sum == 0 ? 10 : sum) * 2 % 11
        }
        let check = (11 - product) % 10
        return (first + [check]).map(String.init).joined()
    }

    /// An Italian codice fiscale: surname, name, year, month letter, day, place, check letter.
    public mutating func codiceFiscale() -> String {
        let consonants = Array("BCDFGHLMNPRSTVZ"), months = Array("ABCDEHLMPRST")
        var text = String((0..<6).map { _ in consonants[Int(random.next() % 15)] })
        text += String(format: "%02d", number(40...99)) + String(months[number(0...11)]) + String(format: "%02d", number(1...71))
        text += String(consonants[number(0...14)]) + String(format: "%03d", number(1...999))
        let oddValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]
        var sum = 0
        for (position, character) in text.enumerated() {
            let value = character.isNumber ? (character.wholeNumberValue ?? 0) : Int(character.asciiValue ?? 65) - 65
            sum += position % 2 == 0 ? oddValues[value] : value
        }
        return text + String(UnicodeScalar(UInt8(65 + sum % 26)))
    }
}
