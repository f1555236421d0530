import Foundation

/// A SQLite database of made-up people and orders whose every column is labelled: the kind of personal
/// data it holds (`email`, `credit_card`, …) or none. Look-alikes that are not PII sit beside the real
/// thing: order numbers, product codes, timestamps, UUIDs, version strings, amounts. Values come from a
/// seeded generator, so the file is the same on every run.
public struct PIIFixture {
    public let url: URL
    /// `table.column` → the PII kind, or nil for a column that holds none.
    public let labels: [String: String?]
    /// Every value of every PII column, for searching a site, cache and log for leaks.
    public let rawValues: [String]

    public static let firstNames = ["Olivia", "Liam", "Emma", "Noah", "Amelia", "Oliver", "Sofia", "Mateo", "Chloe", "Lucas",
                                    "Hannah", "Elias", "Léa", "Jonas", "Camille", "Maximilian", "Lucía", "Hugo", "Ingrid", "Tomás"]
    public static let lastNames = ["Schneider", "García", "Dubois", "Johnson", "Kowalski", "Nakamura", "Okafor", "Rossi", "Andersen",
                                   "Fernández", "Müller", "Brown", "Moreau", "Silva", "van Dijk", "Novak", "Haddad", "Lindqvist"]
    static let streets = ["Maple Street", "Rue de Rivoli", "Hauptstraße", "Calle Mayor", "Baker Street", "Oak Avenue", "Kerkstraat"]
    static let domains = ["example.com", "mail.example.org", "post.example.net", "example.de"]

    public init(in folder: URL, rows: Int = 1_500) throws {
        var random = SplitMix64(seed: 20261125)
        var tables = LabelledTables(rows: rows)
        func table(_ name: String, _ columns: [(name: String, type: String, pii: String?, value: (Int) -> String?)]) {
            tables.table(name, columns.map { LabelledTables.Column($0.name, $0.type, $0.pii, $0.value) })
        }
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        func digits(_ count: Int) -> String { (0..<count).map { _ in String(random.next() % 10) }.joined() }
        func luhnComplete(_ prefix: String) -> String {
            // Appends the check digit that makes `prefix` pass Luhn.
            for check in 0...9 where Self.passesLuhn(prefix + String(check)) { return prefix + String(check) }
            return prefix + "0"
        }
        func iban() -> String {
            let bank = digits(18)
            for check in 2...98 {
                let candidate = "DE" + String(format: "%02d", check) + bank
                if Self.ibanValid(candidate) { return candidate }
            }
            return "DE00" + bank
        }
        let people = (0..<rows).map { _ in (pick(Self.firstNames), pick(Self.lastNames)) }

        table("customers", [
            ("customer_id", "INTEGER PRIMARY KEY", nil, { String($0 + 1) }),
            ("first_name", "TEXT", "person_name", { people[$0].0 }),
            ("last_name", "TEXT", "person_name", { people[$0].1 }),
            ("email", "TEXT", "email", { row in
                "\(people[row].0.lowercased().folding(options: .diacriticInsensitive, locale: nil)).\(row)@\(pick(Self.domains))" }),
            ("mobile", "TEXT", "phone", { _ in "+\(pick(["1", "44", "49", "33"])) \(digits(3)) \(digits(3)) \(digits(4))" }),
            ("date_of_birth", "DATE", "date_of_birth", { _ in "19\(50 + random.next() % 50)-0\(1 + random.next() % 9)-1\(random.next() % 9)" }),
            ("ssn", "TEXT", "national_id", { _ in "\(100 + random.next() % 600)-\(10 + random.next() % 89)-\(1000 + random.next() % 8999)" }),
            ("card_number", "TEXT", "credit_card", { _ in luhnComplete("4" + digits(14)) }),
            ("iban", "TEXT", "iban", { _ in iban() }),
            ("last_ip", "TEXT", "ip_address", { _ in "\(10 + random.next() % 200).\(random.next() % 256).\(random.next() % 256).\(1 + random.next() % 254)" }),
            ("postcode", "TEXT", "postal_code", { _ in digits(5) }),
            ("street_address", "TEXT", "street_address", { _ in "\(1 + random.next() % 300) \(pick(Self.streets))" }),
            ("username", "TEXT", "username", { row in "\(people[row].0.prefix(3).lowercased())_\(row)" }),
            ("password_hash", "TEXT", "secret", { _ in "$2b$12$" + (0..<53).map { _ in String(pick(Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./"))) }.joined() }),
            ("latitude", "REAL", "geo_coordinate", { _ in String(format: "%.5f", Double(random.next() % 180_000) / 1000 - 90) }),
            ("longitude", "REAL", "geo_coordinate", { _ in String(format: "%.5f", Double(random.next() % 360_000) / 1000 - 180) }),
            // PII found by values alone: nothing in these names gives it away.
            ("contact", "TEXT", "email", { row in "\(people[row].1.lowercased().filter(\.isLetter))\(row)@\(pick(Self.domains))" }),
            ("ref", "TEXT", "credit_card", { _ in luhnComplete("5" + digits(14)) }),
            ("notes", "TEXT", "free_text", { row in row % 4 == 0 ? "Call back on +44 20 \(digits(4)) \(digits(4)) after 5pm" : pick(["Prefers email", "VIP", "No notes", "Asked about returns"]) }),
            // Look-alikes.
            ("loyalty_tier", "TEXT", nil, { _ in pick(["bronze", "silver", "gold"]) }),
            ("email_verified", "INTEGER", nil, { _ in pick(["0", "1"]) }),
            ("last_login_at", "TIMESTAMP", nil, { _ in "2026-0\(1 + random.next() % 9)-1\(random.next() % 9) 1\(random.next() % 9):00:00" }),
            ("created_at", "TIMESTAMP", nil, { _ in "2025-1\(random.next() % 3)-1\(random.next() % 9) 0\(random.next() % 9):30:00" }),
        ])
        table("orders", [
            ("order_id", "INTEGER PRIMARY KEY", nil, { String($0 + 1) }),
            ("order_number", "TEXT", nil, { _ in digits(16) }),
            ("product_code", "TEXT", nil, { _ in "SKU-\(digits(5))" }),
            ("tracking_id", "TEXT", nil, { _ in UUID(uuid: (UInt8(random.next() % 256), 1, 2, 3, 4, 5, 0x40, 7, 0x80, 9, 10, 11, 12, 13, 14, UInt8(random.next() % 256))).uuidString.lowercased() }),
            ("amount", "NUMERIC(10,2)", nil, { _ in String(format: "%.2f", Double(random.next() % 100_000) / 100) }),
            ("quantity", "INTEGER", nil, { _ in String(1 + random.next() % 9) }),
            ("status", "TEXT", nil, { _ in pick(["pending", "paid", "shipped", "delivered"]) }),
            ("app_version", "TEXT", nil, { _ in "2.\(random.next() % 9).\(random.next() % 20)" }),
            ("placed_at", "TIMESTAMP", nil, { _ in "2026-0\(1 + random.next() % 9)-2\(random.next() % 8) 12:00:00" }),
            ("warehouse_phone_ext", "INTEGER", nil, { _ in String(100 + random.next() % 899) }),
            // People's names under a name that says nothing about them; and a look-alike of words.
            ("handled_by", "TEXT", "person_name", { _ in "\(pick(Self.firstNames)) \(pick(Self.lastNames))" }),
            ("ship_to_city", "TEXT", nil, { _ in pick(["Lyon", "Porto", "Gdańsk", "Osaka", "Leeds", "Bilbao", "Graz"]) }),
            ("product_name", "TEXT", nil, { _ in pick(["Trail Runner 2", "Summit Jacket", "Victoria Mug", "Rose Tea", "Camp Stove"]) }),
            ("invoice_reference", "TEXT", nil, { _ in "INV-2026-\(digits(6))" }),
            ("shipping_weight_kg", "REAL", nil, { _ in String(format: "%.3f", Double(random.next() % 30_000) / 1000) }),
        ])
        url = try tables.create(in: folder, name: "people.sqlite")
        labels = tables.labels
        rawValues = tables.rawValues
    }

    static func passesLuhn(_ digits: String) -> Bool {
        var sum = 0
        for (offset, character) in digits.reversed().enumerated() {
            var digit = character.wholeNumberValue ?? 0
            if offset % 2 == 1 { digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2 }
            sum += digit
        }
        return sum % 10 == 0
    }

    static func ibanValid(_ iban: String) -> Bool {
        let moved = Array(iban.dropFirst(4) + iban.prefix(4))
        var remainder = 0
        for character in moved {
            let text = character.isLetter ? String(Int(character.asciiValue! - 55)) : String(character)
            for digit in text { remainder = (remainder * 10 + digit.wholeNumberValue!) % 97 }
        }
        return remainder == 1
    }
}
