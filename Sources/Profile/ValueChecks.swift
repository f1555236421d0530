import Foundation

/// Checks of single values: what shape a value has, and validators that make a match more than a
/// look-alike (a card number passes Luhn, an IBAN its mod-97 checksum, an IPv4 address has four
/// octets below 256). Plain byte scans, no regular expressions: they run on every sampled value.
enum ValueCheck {
    static func isEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last,
              !local.isEmpty, local.count <= 64, domain.count >= 3, !value.utf8.contains(32) else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), let tld = labels.last,
              tld.count >= 2, tld.allSatisfy(\.isLetter) else { return false }
        return local.allSatisfy { $0.isLetter || $0.isNumber || "._%+-'".contains($0) }
    }

    /// Digits only, after removing spaces and dashes; nil when anything else is there.
    static func digits(_ value: String, allowing separators: String = " -") -> String? {
        var out = ""
        for character in value {
            if character.isASCII, character.isNumber { out.append(character) } else if !separators.contains(character) { return nil }
        }
        return out.isEmpty ? nil : out
    }

    static func passesLuhn(_ digits: String) -> Bool {
        var sum = 0
        for (offset, character) in digits.reversed().enumerated() {
            guard var digit = character.wholeNumberValue else { return false }
            if offset % 2 == 1 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return sum % 10 == 0
    }

    /// 13 to 19 digits (spaces or dashes between groups allowed) that pass Luhn, with a known issuer prefix.
    static func isCardNumber(_ value: String) -> Bool {
        guard let digits = digits(value), (13...19).contains(digits.count), passesLuhn(digits) else { return false }
        // Visa, Mastercard, Amex, Discover, Diners, JCB, UnionPay, Maestro.
        return ["4", "5", "2", "3", "6"].contains(String(digits.prefix(1)))
    }

    static func isIBAN(_ value: String) -> Bool {
        let compact = value.replacingOccurrences(of: " ", with: "").uppercased()
        guard (15...34).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return false }
        let characters = Array(compact)
        guard characters[0].isLetter, characters[1].isLetter, characters[2].isNumber, characters[3].isNumber else { return false }
        // Move the first four characters to the end, letters become 10…35, and the number mod 97 is 1.
        var remainder = 0
        for character in characters[4...] + characters[..<4] {
            let chunk = character.isLetter ? String(Int(character.asciiValue ?? 55) - 55) : String(character)
            for digit in chunk { remainder = (remainder * 10 + (digit.wholeNumberValue ?? 0)) % 97 }
        }
        return remainder == 1
    }

    static func isIPv4(_ value: String) -> Bool {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy { $0.isASCII && $0.isNumber } && (Int(part) ?? 256) <= 255
        }
    }

    static func isIPv6(_ value: String) -> Bool {
        let groups = value.split(separator: ":", omittingEmptySubsequences: false)
        guard (3...8).contains(groups.count), value.utf8.contains(58), value.filter({ $0 == ":" }).count >= 2 else { return false }
        return groups.allSatisfy { $0.count <= 4 && $0.allSatisfy(\.isHexDigit) } && value.contains(where: \.isHexDigit)
    }

    static func isIPAddress(_ value: String) -> Bool {
        let address = value.split(separator: "/").first.map(String.init) ?? value
        return isIPv4(address) || isIPv6(address)
    }

    /// A telephone number as people write one: 7 to 15 digits with a leading `+`, brackets or separators.
    /// A bare run of digits (an order number) is not enough, and neither is a date (`12.03.1985`,
    /// `12/03/1985`), a Brazilian CPF's layout (`123.456.789-09`) or a postal code (`01310-100`,
    /// `100-0001`), which have digits and separators too. Without a `+` or a bracket, a number has at
    /// least eight digits: seven are a Japanese postal code or an old local number.
    static func isPhone(_ value: String) -> Bool {
        let written = withoutExtension(value.trimmingCharacters(in: .whitespaces))
        guard let digits = digits(written, allowing: " -.()+/") , (7...15).contains(digits.count) else { return false }
        guard CalendarDate(parsing: written) == nil, !hasCPFLayout(written), !PostalCodeCheck.isPostalCode(written) else { return false }
        if written.hasPrefix("+") || written.hasPrefix("(") { return true }
        return digits.count >= 8 && written.contains(where: { " -./".contains($0) })
    }

    /// `(489)863-0585x4179`, `+1 415 555 0134 ext. 12`: the number without its extension.
    static func withoutExtension(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "x") || $0 == UInt8(ascii: "#") }) else { return value }
        for marker in [" ext. ", " ext ", " ext.", "ext.", " x", "x", " #"] {
            if let range = value.range(of: marker, options: .backwards), range.lowerBound > value.startIndex,
               !value[range.upperBound...].isEmpty, value[range.upperBound...].allSatisfy({ $0.isASCII && $0.isNumber }) {
                return String(value[..<range.lowerBound])
            }
        }
        return value
    }

    /// `ddd.ddd.ddd-dd`: how CPFs are written, valid check digits or not.
    static func hasCPFLayout(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count == 14 else { return false }
        return bytes.enumerated().allSatisfy { index, byte in
            switch index {
            case 3, 7: return byte == UInt8(ascii: ".")
            case 11: return byte == UInt8(ascii: "-")
            default: return byte >= 48 && byte <= 57
            }
        }
    }

    /// A US social security number: AAA-GG-SSSS with the ranges the SSA never issues left out.
    static func isSSN(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [3, 2, 4], parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let area = Int(parts[0]), let group = Int(parts[1]), let serial = Int(parts[2]) else { return false }
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
    }

    static func isUUID(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// YYYY-MM-DD, optionally followed by a time.
    static func isoDate(_ value: String) -> (year: Int, hasTime: Bool)? {
        let characters = Array(value.utf8.prefix(10))
        guard characters.count == 10, characters[4] == 45, characters[7] == 45,
              let year = Int(String(decoding: characters[0..<4], as: UTF8.self)),
              let month = Int(String(decoding: characters[5..<7], as: UTF8.self)), (1...12).contains(month),
              let day = Int(String(decoding: characters[8..<10], as: UTF8.self)), (1...31).contains(day) else { return nil }
        return (year, value.utf8.count > 10)
    }

    static func isURL(_ value: String) -> Bool {
        (value.hasPrefix("http://") || value.hasPrefix("https://")) && value.count > 10 && !value.utf8.contains(32)
    }

    static func isDecimal(_ value: String) -> Bool {
        Double(value) != nil && value.contains(where: \.isNumber)
    }

    /// An email address or a phone number somewhere inside a longer text.
    static func containsContactDetails(_ value: String) -> Bool {
        // Free text is words: a reference like `INV-2026-123456` is not a text with a phone number in it.
        guard value.count > 12, value.split(separator: " ").count >= 3 else { return false }
        for word in value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "\n" }) {
            let token = word.trimmingCharacters(in: CharacterSet(charactersIn: "()<>:.\"'"))
            if isEmail(token) || isCardNumber(token) || isSSN(token) { return true }
        }
        // Phone numbers are several words long ("+1 415 555 0134"): look at runs of digit-bearing words.
        let runs = value.split(whereSeparator: { $0.isLetter || $0 == "," || $0 == ";" || $0 == "\n" })
        return runs.contains { isPhone($0.trimmingCharacters(in: .whitespaces)) && $0.filter(\.isNumber).count >= 9 }
    }

    /// The shape classes reported in profiles.
    static func shapes(of value: String) -> [String] {
        var shapes: [String] = []
        if isEmail(value) { shapes.append("email") }
        if isUUID(value) { shapes.append("uuid") }
        if let date = isoDate(value) { shapes.append(date.hasTime ? "iso_timestamp" : "iso_date") }
        if isURL(value) { shapes.append("url") }
        if isIPAddress(value) { shapes.append("ip_address") }
        if isPhone(value), !value.contains(where: \.isLetter) { shapes.append("phone") }
        if value.allSatisfy({ $0.isASCII && $0.isNumber }) { shapes.append("digits") } else if isDecimal(value) { shapes.append("decimal") }
        return shapes
    }
}
