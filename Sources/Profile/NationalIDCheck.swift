/// National identity and tax numbers that carry a check digit, validated as their issuers define them:
/// BR CPF, FR NIR, NL BSN, PT NIF, ES DNI/NIE, DE Steuer-ID, BE national register number, AT social
/// insurance number, MX NSS (Luhn), IT codice fiscale and JP My Number.
///
/// The check digit is what separates an id from an order number of the same length: a random run of digits
/// passes one of these one time in 10 to 100, so a column where most values pass holds ids. Values are read
/// with their usual separators (`123.456.789-09`, `1 85 05 78 006 084 36`, `12345678-Z`) removed.
enum NationalIDCheck {
    /// The name of the id `value` validates as, or nil.
    static func identify(_ value: String) -> String? {
        var compact: [UInt8] = []
        compact.reserveCapacity(20)
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"): compact.append(byte)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): compact.append(byte - 32)
            case UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "/"): continue
            default: return nil
            }
            if compact.count > 16 { return nil }
        }
        let letters = compact.filter { $0 >= UInt8(ascii: "A") }.count
        switch (compact.count, letters) {
        case (9, 1), (9, 2): return isSpanishDNIOrNIE(compact) ? "Spanish DNI/NIE numbers" : nil
        case (9, 0):
            if isDutchBSN(compact) { return "Dutch BSN numbers (11-test)" }
            return isPortugueseNIF(compact) ? "Portuguese NIF numbers" : nil
        case (10, 0): return isAustrianSVNR(compact) ? "Austrian social insurance numbers" : nil
        case (11, 0):
            if isBrazilianCPF(compact) { return "Brazilian CPF numbers" }
            if isGermanTaxID(compact) { return "German tax ids (Steuer-ID)" }
            if isBelgianNationalNumber(compact) { return "Belgian national register numbers" }
            return ValueCheck.passesLuhn(String(decoding: compact, as: UTF8.self)) ? "Mexican social security numbers (NSS)" : nil
        case (12, 0): return isJapaneseMyNumber(compact) ? "Japanese My Number ids" : nil
        case (15, 0), (15, 1): return isFrenchNIR(compact) ? "French social security numbers (NIR)" : nil
        case (16, _): return letters >= 7 && isItalianCodiceFiscale(compact) ? "Italian codici fiscali" : nil
        default: return nil
        }
    }

    private static func digit(_ byte: UInt8) -> Int { Int(byte) - 48 }
    private static func isDigits(_ bytes: some Collection<UInt8>) -> Bool { bytes.allSatisfy { $0 >= 48 && $0 <= 57 } }

    /// Brazil's CPF: 11 digits, the last two computed mod 11 from the ones before; all-equal digits are invalid.
    static func isBrazilianCPF(_ d: [UInt8]) -> Bool {
        guard d.count == 11, isDigits(d), Set(d).count > 1 else { return false }
        func check(_ count: Int) -> Int {
            let sum = (0..<count).reduce(0) { $0 + digit(d[$1]) * (count + 1 - $1) }
            return sum * 10 % 11 % 10
        }
        return check(9) == digit(d[9]) && check(10) == digit(d[10])
    }

    /// The Netherlands' BSN: 9 digits whose weighted sum 9…2, minus the last digit, is a multiple of 11.
    static func isDutchBSN(_ d: [UInt8]) -> Bool {
        guard d.count == 9, isDigits(d) else { return false }
        let sum = (0..<8).reduce(0) { $0 + digit(d[$1]) * (9 - $1) } - digit(d[8])
        return sum > 0 && sum % 11 == 0
    }

    /// Portugal's NIF: 9 digits, a check digit mod 11, and a first digit that names the kind of taxpayer.
    static func isPortugueseNIF(_ d: [UInt8]) -> Bool {
        guard d.count == 9, isDigits(d), [1, 2, 3, 5, 6, 8, 9].contains(digit(d[0])) else { return false }
        let remainder = (0..<8).reduce(0) { $0 + digit(d[$1]) * (9 - $1) } % 11
        return (remainder < 2 ? 0 : 11 - remainder) == digit(d[8])
    }

    /// Spain's DNI (8 digits and a letter) and NIE (X, Y or Z, 7 digits and a letter): the letter is the number mod 23.
    static func isSpanishDNIOrNIE(_ d: [UInt8]) -> Bool {
        guard d.count == 9, let last = d.last, last >= UInt8(ascii: "A") else { return false }
        var body = Array(d[0..<8])
        switch body[0] {
        case UInt8(ascii: "X"): body[0] = UInt8(ascii: "0")
        case UInt8(ascii: "Y"): body[0] = UInt8(ascii: "1")
        case UInt8(ascii: "Z"): body[0] = UInt8(ascii: "2")
        default: break
        }
        guard isDigits(body) else { return false }
        let number = body.reduce(0) { $0 * 10 + digit($1) }
        let letters = Array("TRWAGMYFPDXBNJZSQVHLCKE".utf8)
        return letters[number % 23] == last
    }

    /// Germany's Steuer-ID: 11 digits, no leading zero, in the first ten exactly one digit repeated (twice
    /// or three times), and an ISO 7064 MOD 11,10 check digit.
    static func isGermanTaxID(_ d: [UInt8]) -> Bool {
        guard d.count == 11, isDigits(d), d[0] != UInt8(ascii: "0") else { return false }
        var counts = [Int](repeating: 0, count: 10)
        for byte in d[0..<10] { counts[digit(byte)] += 1 }
        let repeated = counts.filter { $0 > 1 }
        guard repeated.count == 1, let times = repeated.first, times <= 3 else { return false }
        var product = 10
        for byte in d[0..<10] {
            var sum = (digit(byte) + product) % 10
            if sum == 0 { sum = 10 }
            product = sum * 2 % 11
        }
        let check = 11 - product
        return (check == 10 ? 0 : check) == digit(d[10])
    }

    /// Belgium's national register number: birth date, serial, and 97 minus the first nine digits mod 97
    /// (with a 2 in front for people born from 2000).
    static func isBelgianNationalNumber(_ d: [UInt8]) -> Bool {
        guard d.count == 11, isDigits(d) else { return false }
        let month = digit(d[2]) * 10 + digit(d[3])
        guard month <= 12 || (20...32).contains(month) || (40...52).contains(month) else { return false }
        let body = d[0..<9].reduce(0) { $0 * 10 + digit($1) }
        let check = digit(d[9]) * 10 + digit(d[10])
        return 97 - body % 97 == check || 97 - (2_000_000_000 + body) % 97 == check
    }

    /// Austria's social insurance number: a serial of three digits, a check digit mod 11 over weights
    /// 3 7 9 · 5 8 4 2 1 6, and the birth date `ddmmyy`.
    static func isAustrianSVNR(_ d: [UInt8]) -> Bool {
        guard d.count == 10, isDigits(d), d[0] != UInt8(ascii: "0") else { return false }
        let month = digit(d[6]) * 10 + digit(d[7])
        guard (1...12).contains(month) || month == 13 || month == 0 else { return false }
        let weights = [3, 7, 9, 0, 5, 8, 4, 2, 1, 6]
        let sum = (0..<10).reduce(0) { $0 + digit(d[$1]) * weights[$1] }
        return sum % 11 == digit(d[3]) && sum % 11 != 10
    }

    /// Japan's My Number: 12 digits, the last a check digit mod 11 over weights 6…2, 7…2.
    static func isJapaneseMyNumber(_ d: [UInt8]) -> Bool {
        guard d.count == 12, isDigits(d) else { return false }
        // Weights from the right: the n-th digit before the check digit weighs n+1 for n ≤ 6, n−5 after.
        var sum = 0
        for n in 1...11 { sum += digit(d[11 - n]) * (n <= 6 ? n + 1 : n - 5) }
        let remainder = sum % 11
        return (remainder <= 1 ? 0 : 11 - remainder) == digit(d[11])
    }

    /// France's NIR (numéro de sécurité sociale): sex, year, month, department (2A/2B for Corsica), commune,
    /// order, then a key of 97 minus the number mod 97.
    static func isFrenchNIR(_ d: [UInt8]) -> Bool {
        guard d.count == 15, [1, 2, 3, 4, 7, 8].contains(digit(d[0])) else { return false }
        var body = Array(d[0..<13])
        // Corsica's departments 2A and 2B count as 19 and 18 in the key.
        var corsica = 0
        if body[5] == UInt8(ascii: "2"), body[6] == UInt8(ascii: "A") || body[6] == UInt8(ascii: "B") {
            corsica = body[6] == UInt8(ascii: "A") ? 1_000_000 : 2_000_000
            body[6] = UInt8(ascii: "0")
        }
        guard isDigits(body), isDigits(d[13...]) else { return false }
        let month = digit(d[3]) * 10 + digit(d[4])
        guard (1...12).contains(month) || (20...42).contains(month) || (50...99).contains(month) else { return false }
        let number = body.reduce(0) { $0 * 10 + digit($1) } - corsica
        let key = digit(d[13]) * 10 + digit(d[14])
        return 97 - number % 97 == key
    }

    /// Italy's codice fiscale: 16 characters (letters for name, birth and place; digits that may be replaced
    /// by letters for homonyms) and a check letter from the odd- and even-position tables.
    static func isItalianCodiceFiscale(_ d: [UInt8]) -> Bool {
        guard d.count == 16 else { return false }
        let letterPositions = [0, 1, 2, 3, 4, 5, 8, 11, 15]
        guard letterPositions.allSatisfy({ d[$0] >= UInt8(ascii: "A") }) else { return false }
        let odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]
        var sum = 0
        for (index, byte) in d[0..<15].enumerated() {
            let value = byte >= UInt8(ascii: "A") ? Int(byte) - 65 : digit(byte)
            // Positions count from 1: the first character is odd.
            sum += index % 2 == 0 ? odd[value] : value
        }
        return Int(d[15]) - 65 == sum % 26
    }
}
