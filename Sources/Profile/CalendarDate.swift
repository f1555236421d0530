/// A date as people and databases write it: ISO `1985-03-12` (optionally with a time), `12.03.1985`,
/// `12/03/1985` or `03/12/1985`, `12-03-1985`, `1985/03/12` and Japanese `1985年3月12日`.
///
/// Dates written day-first are not phone numbers, and birth dates come in every one of these forms, so the
/// date-of-birth evidence and the phone check read dates the same way. Plain byte scans: this runs on
/// every sampled text value.
struct CalendarDate: Sendable, Equatable {
    var year: Int
    var month: Int
    var day: Int
    /// Whether a time of day other than midnight follows: events have one, birth dates do not.
    var hasTime: Bool

    /// Days since 0000-03-01 in the proleptic Gregorian calendar: enough to compare dates and measure ages.
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1
    }

    init(year: Int, month: Int, day: Int, hasTime: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.hasTime = hasTime
    }

    /// The date `value` starts with, or nil when it is not one of the forms above.
    init?(parsing value: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for byte in value.utf8 {
            bytes.append(byte)
            if bytes.count > 40 { return nil }
        }
        guard bytes.count >= 8 else { return nil }
        // Runs of digits and the separators between them, up to the first space or `T` (a time follows).
        var numbers: [(value: Int, width: Int)] = []
        var separators: [UInt8] = []
        var index = 0
        while index < bytes.count, numbers.count < 3 {
            var number = 0, width = 0
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57, width < 5 {
                number = number * 10 + Int(bytes[index] - 48)
                width += 1
                index += 1
            }
            guard width > 0 else { return nil }
            numbers.append((number, width))
            guard numbers.count < 3 else { break }
            guard index < bytes.count else { return nil }
            // `年` and `月` are three UTF-8 bytes each; a plain separator is one.
            if bytes[index] == 0xE5, index + 2 < bytes.count, bytes[index + 1] == 0xB9, bytes[index + 2] == 0xB4 {
                separators.append(UInt8(ascii: "y")); index += 3
            } else if bytes[index] == 0xE6, index + 2 < bytes.count, bytes[index + 1] == 0x9C, bytes[index + 2] == 0x88 {
                separators.append(UInt8(ascii: "m")); index += 3
            } else if [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/")].contains(bytes[index]) {
                separators.append(bytes[index]); index += 1
            } else {
                return nil
            }
        }
        guard numbers.count == 3, separators.count == 2 else { return nil }
        let rest = bytes[index...]
        let (first, second, third) = (numbers[0], numbers[1], numbers[2])
        if separators == [UInt8(ascii: "y"), UInt8(ascii: "m")] {
            // 1985年3月12日: the day is followed by 日.
            guard first.width == 4, rest.starts(with: [0xE6, 0x97, 0xA5]) else { return nil }
            (year, month, day) = (first.value, second.value, third.value)
        } else if separators[0] != separators[1] {
            return nil
        } else if first.width == 4, second.width <= 2, third.width <= 2, separators[0] != UInt8(ascii: ".") {
            (year, month, day) = (first.value, second.value, third.value)
        } else if first.width <= 2, second.width <= 2, third.width == 4 {
            // Day first (Europe, Latin America, Japan's neighbours) unless that cannot be: 03/25/1985 is American.
            if second.value > 12, first.value <= 12 {
                (year, month, day) = (third.value, first.value, second.value)
            } else {
                (year, month, day) = (third.value, second.value, first.value)
            }
        } else {
            return nil
        }
        guard (1...12).contains(month), (1...31).contains(day), (1000...2999).contains(year) else { return nil }
        hasTime = Self.hasTimeOfDay(rest)
    }

    /// `…T14:30:00`, ` 14:30` and the like; `00:00:00` (a date stored as a timestamp) is no time.
    private static func hasTimeOfDay(_ rest: ArraySlice<UInt8>) -> Bool {
        guard let first = rest.first else { return false }
        guard first == UInt8(ascii: " ") || first == UInt8(ascii: "T") else { return false }
        return rest.contains { $0 >= 49 && $0 <= 57 }
    }
}
