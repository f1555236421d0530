import Catalog

/// What a column's sampled values say, whatever the column is called: each value is read once by the
/// validators that its bytes make possible (an `@` for an email, 8 to 19 digits for ids and cards), and
/// the shares become findings.
struct PIIValueEvidence: Sendable {
    struct Finding: Sendable {
        var kind: PIIFinding.Kind
        var confidence: Double
        var reason: String
        /// Proven by a checksum or a format that nothing else has (Luhn, mod 97, a check digit, `$2b$`, an
        /// email address): such values overrule a name. Shapes (a phone, an address, a name, a date
        /// distribution) do not.
        var validated: Bool
    }

    private(set) var findings: [Finding] = []

    /// Share of values needed for a validated kind, and for a shape.
    static let validatedShare = 0.8
    static let shapeShare = 0.7

    init(values checked: [String], family: DataTypeFamily, today: CalendarDate) {
        let count = checked.count
        guard count >= 3 else { return }
        var tally = Tally()
        let readsText = family.holdsText
        for value in checked {
            tally.read(value, text: readsText, number: family == .number, temporal: family == .temporal)
        }
        func percent(_ n: Int) -> String { "\(Int((Double(n) * 100 / Double(count)).rounded()))% of the \(count) values checked" }
        func add(_ kind: PIIFinding.Kind, _ n: Int, share: Double, confidence: Double, validated: Bool, _ what: String) {
            guard Double(n) >= share * Double(count) else { return }
            findings.append(Finding(kind: kind, confidence: confidence, reason: "\(percent(n)) are \(what)", validated: validated))
        }
        add(.email, tally.email, share: Self.validatedShare, confidence: 0.9, validated: true, "email addresses")
        add(.creditCard, tally.card, share: Self.validatedShare, confidence: 0.9, validated: true, "card numbers that pass the Luhn check")
        add(.iban, tally.iban, share: Self.validatedShare, confidence: 0.9, validated: true, "IBANs with a valid checksum")
        // US SSNs have no check digit; nine digits of them also pass the 11-test now and then, so both count together.
        let checked = tally.nationalIDs.values.reduce(0, +)
        if checked > tally.ssn, let (what, _) = tally.nationalIDs.max(by: { $0.value < $1.value }) {
            let what = tally.nationalIDs.count == 1 && tally.ssn == 0 ? what + " with valid check digits" : "national ids with valid check digits"
            add(.nationalID, checked + tally.ssn, share: Self.validatedShare, confidence: 0.95, validated: true, what)
        } else {
            add(.nationalID, checked + tally.ssn, share: Self.validatedShare, confidence: 0.9, validated: false, "US social security numbers")
        }
        add(.ipAddress, tally.ip, share: Self.validatedShare, confidence: 0.9, validated: true, "IP addresses")
        // Numbers written bare in national form (`0144612353`) count beside written ones, never alone: alone they
        // are as likely an account or order number.
        if tally.phone * 10 >= count * 3 {
            add(.phone, tally.phone + tally.barePhone, share: Self.validatedShare, confidence: 0.9, validated: false, "telephone numbers")
        }
        add(.postalCode, tally.postalCode, share: Self.validatedShare, confidence: 0.75, validated: false,
            "postal codes in a national layout (UK, NL, CA, BR, PT, JP)")
        if let (what, _) = tally.secrets.max(by: { $0.value < $1.value }) {
            let strong = what != SecretCheck.randomToken
            add(.secret, tally.secrets.values.reduce(0, +), share: Self.validatedShare, confidence: strong ? 0.95 : 0.8, validated: strong,
                tally.secrets.count == 1 ? what : "secrets (\(what) and others)")
        }
        if let reason = BirthDateDistribution(today: today).judge(tally.dates, of: count) {
            findings.append(Finding(kind: .dateOfBirth, confidence: 0.8, reason: reason, validated: false))
        }
        add(.streetAddress, tally.address, share: Self.shapeShare, confidence: 0.8, validated: false, "street addresses (a number and a street word)")
        if let finding = Self.personNames(tally, count: count) { findings.append(finding) }
        if tally.contact * 20 >= count, !findings.contains(where: { $0.kind == .email || $0.kind == .phone }) {
            findings.append(Finding(kind: .freeText, confidence: 0.75,
                                    reason: "\(percent(tally.contact)) are texts that contain an email address, phone, card or SSN",
                                    validated: false))
        }
    }

    /// Names need more than a share: most values written like names, enough of them with a common given name
    /// or surname, few companies, and — when they are of two words or more — varied (cities and products repeat).
    private static func personNames(_ tally: Tally, count: Int) -> Finding? {
        guard count >= 10 else { return nil }
        let shaped = tally.nameListed + tally.nameShaped
        guard Double(shaped) >= 0.8 * Double(count), tally.company * 10 < count else { return nil }
        let listed = Double(tally.nameListed) / Double(count)
        let distinct = Double(tally.distinct.count)
        if tally.singleWord * 2 > count {
            // One word: given names or surnames alone. Colours, words and most cities hold a listed name one time
            // in fifty; given names are listed more than half the time, common surnames one time in five or more.
            guard listed >= 0.2, distinct >= 20, Double(shaped) >= 0.9 * Double(count) else { return nil }
        } else {
            // Full names: a common name in a third of them; or, when nearly all are written like names and hardly
            // any repeats (as people's names do not), in one of eight, since no list holds every surname.
            let varied = distinct >= 0.2 * Double(count)
            let unique = distinct >= 0.6 * Double(count) && Double(shaped) >= 0.9 * Double(count)
            guard varied && listed >= 0.3 || unique && listed >= 0.12 else { return nil }
        }
        return Finding(kind: .personName, confidence: 0.8,
                       reason: "\(Int((listed * 100).rounded()))% of the \(count) values checked are written like people's names "
                           + "and hold a common given name or surname", validated: false)
    }

    /// Counts of what each value validated as.
    private struct Tally {
        var email = 0, card = 0, iban = 0, ssn = 0, ip = 0, phone = 0, barePhone = 0, postalCode = 0, address = 0, contact = 0
        var nameListed = 0, nameShaped = 0, company = 0, singleWord = 0
        var nationalIDs: [String: Int] = [:]
        var secrets: [String: Int] = [:]
        var dates: [CalendarDate] = []
        var distinct: Set<String> = []

        mutating func read(_ value: String, text: Bool, number: Bool, temporal: Bool) {
            var digits = 0, letters = 0, spaces = 0, at = false, high = false
            for byte in value.utf8 {
                switch byte {
                case 48...57: digits += 1
                case 65...90, 97...122: letters += 1
                case 32: spaces += 1
                case 64: at = true
                case 0x80...: high = true
                default: break
                }
            }
            if digits >= 6, let date = CalendarDate(parsing: value) {
                dates.append(date)
                return
            }
            guard text || number else { return }
            if digits == 9, ValueCheck.isSSN(value) { ssn += 1; return }
            if digits >= 7, digits <= 16, value.utf8.count <= 24, let id = NationalIDCheck.identify(value) {
                nationalIDs[id, default: 0] += 1
                return
            }
            guard text else { return }
            if distinct.count < 2_000 { distinct.insert(value) }
            if at, ValueCheck.isEmail(value) { email += 1; return }
            if value.utf8.count >= 16, spaces == 0 || value.hasPrefix("-----BEGIN"), let secret = SecretCheck.identify(value) {
                secrets[secret, default: 0] += 1
                return
            }
            if (13...19).contains(digits), ValueCheck.isCardNumber(value) { card += 1; return }
            if digits >= 10, letters >= 2, ValueCheck.isIBAN(value) { iban += 1; return }
            if digits >= 2, letters <= 6, ValueCheck.isIPAddress(value) { ip += 1; return }
            if (2...8).contains(digits), value.utf8.count <= 12, PostalCodeCheck.isPostalCode(value) { postalCode += 1; return }
            if (7...20).contains(digits), letters <= 4, ValueCheck.isPhone(value) { phone += 1; return }
            if (9...11).contains(digits), digits == value.utf8.count, value.utf8.first == UInt8(ascii: "0") { barePhone += 1 }
            if digits >= 1 || high, letters >= 2 || high, StreetAddressCheck.isStreetAddress(value) { address += 1; return }
            if digits == 0, letters >= 2 || high {
                switch PersonNameCheck.judge(value) {
                case .listed: nameListed += 1
                case .nameShaped: nameShaped += 1
                case .company: company += 1
                case .notAName: break
                }
                if spaces == 0 { singleWord += 1 }
            }
            if spaces >= 2, ValueCheck.containsContactDetails(value) { contact += 1 }
        }
    }
}
