/// Postal codes whose layout gives them away: the United Kingdom's (`SW1A 1AA`), the Netherlands' (`1012 AB`),
/// Canada's (`K1A 0B1`), Brazil's CEP (`01310-100`), Portugal's (`1000-001`) and Japan's (`〒100-0001`).
///
/// Five digits alone (Germany, France, Spain, Italy, the US) are not: an order number or a product code is
/// written the same way, so those are found only by the column's name.
enum PostalCodeCheck {
    static func isPostalCode(_ value: String) -> Bool {
        var bytes = Array(value.utf8)
        // 〒 (U+3012) in front of a Japanese code.
        if bytes.starts(with: [0xE3, 0x80, 0x92]) { bytes.removeFirst(3) }
        while bytes.first == 32 { bytes.removeFirst() }
        guard (6...9).contains(bytes.count) else { return false }
        let shape = bytes.map { byte -> UInt8 in
            switch byte {
            case 48...57: return UInt8(ascii: "9")
            case 65...90: return UInt8(ascii: "A")
            default: return byte
            }
        }
        return layouts.contains(shape)
    }

    /// `9` a digit, `A` an upper-case letter.
    static let layouts: Set<[UInt8]> = Set([
        "A9 9AA", "A99 9AA", "AA9 9AA", "AA99 9AA", "A9A 9AA", "AA9A 9AA",  // United Kingdom
        "9999 AA", "9999AA",  // Netherlands
        "A9A 9A9",  // Canada
        "99999-999",  // Brazil
        "9999-999",  // Portugal
        "999-9999",  // Japan
    ].map { Array($0.utf8) })
}
