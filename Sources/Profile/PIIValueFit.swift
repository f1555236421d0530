import Catalog

/// Whether a column's values could be what its name promises: a `dob` holds dates, a `cpf` digits, a
/// `phone` seven digits or more, a `cp` a postal code. A name whose values plainly are something else
/// (prices in `cp`, extensions in `phone_ext`, timestamps in `last_login_at`) is a look-alike.
///
/// The checks are deliberately loose: they ask whether the values could be that kind at all, not whether
/// they prove it, so a birth date written `12 mars 1985` still fits `date_naissance`.
struct PIIValueFit: Sendable {
    private let checked: [String]
    private let family: DataTypeFamily

    init(_ checked: [String], family: DataTypeFamily) {
        self.checked = checked
        self.family = family
    }

    func fits(_ kind: PIIFinding.Kind) -> Bool {
        guard checked.count >= 3 else { return true }
        switch kind {
        case .phone:
            return share { digitCount($0) >= 7 } >= 0.5
        case .dateOfBirth:
            // A year at least; a time of day other than midnight on most values is an event.
            return family == .temporal && share { CalendarDate(parsing: $0)?.hasTime != true } >= 0.5
                || share { digitCount($0) >= 4 && CalendarDate(parsing: $0)?.hasTime != true } >= 0.5
        case .nationalID:
            return share { digitCount($0) >= 4 } >= 0.5
        case .postalCode:
            return share(Self.couldBePostalCode) >= 0.5
        case .email, .personName, .streetAddress, .username:
            // Words, not dates or numbers.
            return family != .temporal && share { CalendarDate(parsing: $0) != nil || ValueCheck.isDecimal($0) } < 0.9
        default:
            return true
        }
    }

    /// `75001`, `SW1A 1AA`, `1012 AB`, `01310-100`, `〒100-0001`: three to ten characters with digits, no decimal point.
    static func couldBePostalCode(_ value: String) -> Bool {
        var digits = 0, length = 0
        for byte in value.utf8 {
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") { return false }
            if byte >= 48, byte <= 57 { digits += 1 }
            length += 1
        }
        return digits >= 2 && length >= 3 && length <= 12
    }

    private func share(_ test: (String) -> Bool) -> Double {
        Double(checked.count { test($0) }) / Double(checked.count)
    }

    private func digitCount(_ value: String) -> Int {
        value.utf8.count { $0 >= 48 && $0 <= 57 }
    }
}
