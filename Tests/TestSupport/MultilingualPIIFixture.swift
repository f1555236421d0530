import Foundation

/// A SQLite database of made-up customers, members and integrations in German, French, Spanish, Brazilian
/// Portuguese, Dutch, Italian, Japanese and British English, every column labelled with the PII kind it
/// holds or none. Column names are what such schemas use: full words, abbreviations (`nom_cli`,
/// `dir_envio`, `cp`, `geb_datum`, `tfno`), kanji (`氏名`, `住所`), and opaque ones (`c1`…) that only the
/// values can give away. National ids carry valid check digits; dates come as `dd.mm.yyyy`, `dd/mm/yyyy`,
/// ISO and `1985年3月12日`.
///
/// Beside them, look-alikes that must stay unflagged: order numbers, SKUs, invoice references, UUID and
/// SHA-256 row ids, commit hashes, versions, event timestamps and dates, cities, product and company names,
/// phone extensions and postal-code-like product codes. Values come from a seeded generator.
public struct MultilingualPIIFixture {
    public let url: URL
    public let labels: [String: String?]
    public let rawValues: [String]
    /// The values of its columns without PII (see `LabelledTables.publicValues`).
    public let publicValues: [String]

    public init(in folder: URL, rows: Int = 400) throws {
        var random = SplitMix64(seed: 20261201)
        var ids = FixtureIDs(seed: 97)
        var tables = LabelledTables(rows: rows)
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        func number(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
        func digits(_ count: Int) -> String { (0..<count).map { _ in String(random.next() % 10) }.joined() }
        func hex(_ count: Int) -> String { (0..<count).map { _ in String(random.next() % 16, radix: 16) }.joined() }
        func base64(_ count: Int) -> String {
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
            return String((0..<count).map { _ in alphabet[Int(random.next() % 64)] })
        }
        func words(_ code: String) -> Locale { Self.locales[code]! }
        func first(_ code: String) -> String { pick(words(code).firstNames) }
        func last(_ code: String) -> String { pick(words(code).lastNames) }
        func full(_ code: String) -> String { "\(first(code)) \(last(code))" }
        /// Birth dates of people aged about 18 to 90 on the fixture's day; event dates in the last three years.
        func birth() -> (year: Int, month: Int, day: Int) { (number(1936...2007), number(1...12), number(1...28)) }
        func iso(_ date: (year: Int, month: Int, day: Int)) -> String { String(format: "%04d-%02d-%02d", date.year, date.month, date.day) }
        func dayFirst(_ date: (year: Int, month: Int, day: Int), _ separator: String) -> String {
            String(format: "%02d\(separator)%02d\(separator)%04d", date.day, date.month, date.year)
        }
        func event(withTime: Bool = true) -> String {
            let date = String(format: "%04d-%02d-%02d", number(2023...2026), number(1...11), number(1...28))
            return withTime ? date + String(format: " %02d:%02d:%02d", number(0...23), number(0...59), number(0...59)) : date
        }
        func email(_ name: String) -> String {
            let local = name.lowercased().folding(options: .diacriticInsensitive, locale: nil).filter { $0.isLetter || $0 == " " }
                .split(separator: " ").joined(separator: ".")
            return "\(local)\(number(1...99))@\(pick(["example.com", "example.de", "example.fr", "correo.example.es", "example.nl"]))"
        }
        func iban(_ country: String, _ length: Int) -> String {
            let bank = digits(length - 4)
            for check in 2...98 {
                let candidate = country + String(format: "%02d", check) + bank
                if PIIFixture.ibanValid(candidate) { return candidate }
            }
            return country + "00" + bank
        }
        func street(_ code: String) -> String {
            let name = pick(words(code).streets), house = number(1...220)
            switch code {
            case "fr": return "\(house), \(name)"
            case "es": return random.next() % 2 == 0 ? "\(name), \(house)" : "\(name) \(house), \(number(1...8))º \(pick(["A", "B", "C"]))"
            case "pt": return "\(name), \(house)" + (random.next() % 3 == 0 ? " - Apto \(number(11...99))" : "")
            case "it": return random.next() % 2 == 0 ? "\(name) \(house)" : "\(name), \(house)"
            case "en": return "\(house) \(name)"
            default: return "\(name) \(house)" + (random.next() % 4 == 0 ? pick(["a", "b", "/1"]) : "")
            }
        }
        let products = ["Kaffeebecher Classic", "Trail Runner 2", "Summit Jacket", "Bolsa Tote Verde", "Lampe Atelier", "Caneca Azul",
                        "Fiets Bel Chroom", "Zaino Urbano 20L", "Victoria Mug", "Rose Tea", "Stylo Plume Noir", "Camp Stove"]
        func phone(_ prefix: String) -> String { "+\(prefix) \(digits(3)) \(digits(3)) \(digits(3))" }

        // German: Kundenstamm.
        tables.table("kunden", [
            .init("kunden_nr", "INTEGER PRIMARY KEY", nil) { String(10_000 + $0) },
            .init("vorname", "TEXT", "person_name") { _ in first("de") },
            .init("nachname", "TEXT", "person_name") { _ in last("de") },
            .init("strasse", "TEXT", "street_address") { _ in street("de") },
            .init("plz", "TEXT", "postal_code") { _ in digits(5) },
            .init("ort", "TEXT", nil) { _ in pick(words("de").cities) },
            .init("geb_datum", "TEXT", "date_of_birth") { _ in dayFirst(birth(), ".") },
            .init("telefon", "TEXT", "phone") { _ in "+49 \(digits(3)) \(digits(7))" },
            .init("email", "TEXT", "email") { _ in email(full("de")) },
            .init("steuer_id", "TEXT", "national_id") { _ in ids.steuerID() },
            .init("iban", "TEXT", "iban") { _ in iban("DE", 22) },
            .init("firma", "TEXT", nil) { _ in pick(words("de").companies) },
            .init("durchwahl", "INTEGER", nil) { _ in String(number(100...999)) },
            .init("bestellnummer", "TEXT", nil) { _ in digits(10) },
            .init("erstellt_am", "TIMESTAMP", nil) { _ in event() },
        ])
        // French: fichier clients, with abbreviated names.
        tables.table("clients", [
            .init("id_client", "INTEGER PRIMARY KEY", nil) { String($0 + 1) },
            .init("nom_cli", "TEXT", "person_name") { _ in "\(last("fr").uppercased()) \(first("fr"))" },
            .init("prenom", "TEXT", "person_name") { _ in first("fr") },
            .init("adresse", "TEXT", "street_address") { _ in street("fr") },
            .init("cp", "TEXT", "postal_code") { _ in String(format: "%05d", number(1000...95999)) },
            .init("ville", "TEXT", nil) { _ in pick(words("fr").cities) },
            .init("date_naissance", "TEXT", "date_of_birth") { _ in dayFirst(birth(), "/") },
            .init("tel", "TEXT", "phone") { _ in "0\(number(1...7)) \(digits(2)) \(digits(2)) \(digits(2)) \(digits(2))" },
            .init("courriel", "TEXT", "email") { _ in email(full("fr")) },
            .init("nir", "TEXT", "national_id") { _ in ids.nir() },
            .init("societe", "TEXT", nil) { _ in pick(words("fr").companies) },
            .init("ref_facture", "TEXT", nil) { _ in "FA-2026-\(digits(5))" },
            .init("montant_ttc", "NUMERIC(10,2)", nil) { _ in String(format: "%.2f", Double(number(100...99_999)) / 100) },
            .init("date_commande", "DATE", nil) { _ in event(withTime: false) },
        ])
        // Spanish: clientes, with the abbreviations of Spanish schemas.
        tables.table("clientes", [
            .init("id", "INTEGER PRIMARY KEY", nil) { String($0 + 1) },
            .init("nombre", "TEXT", "person_name") { _ in first("es") },
            .init("apellido", "TEXT", "person_name") { _ in "\(last("es")) \(last("es"))" },
            .init("dir_envio", "TEXT", "street_address") { _ in street("es") },
            .init("cod_postal", "TEXT", "postal_code") { _ in String(format: "%05d", number(1000...52999)) },
            .init("ciudad", "TEXT", nil) { _ in pick(words("es").cities) },
            .init("fecha_nac", "DATE", "date_of_birth") { _ in iso(birth()) },
            .init("tfno", "TEXT", "phone") { _ in "\(pick(["6", "7", "9"]))\(digits(2)) \(digits(3)) \(digits(3))" },
            .init("nif", "TEXT", "national_id") { _ in ids.dniOrNIE() },
            .init("correo", "TEXT", "email") { _ in email(full("es")) },
            .init("empresa", "TEXT", nil) { _ in pick(words("es").companies) },
            .init("fecha_alta", "DATE", nil) { _ in String(format: "%04d-%02d-%02d", number(2012...2026), number(1...11), number(1...28)) },
            .init("sku", "TEXT", nil) { _ in "SKU-\(digits(5))-\(pick(["RJ", "AZ", "NG"]))" },
        ])
        tables.table("productos", [
            .init("id", "INTEGER PRIMARY KEY", nil) { String($0 + 1) },
            .init("nombre", "TEXT", nil) { _ in pick(products) },
            .init("marca", "TEXT", nil) { _ in pick(words("es").companies) },
            .init("codigo", "TEXT", nil) { _ in String(format: "%05d", number(10000...99999)) },
            .init("version", "TEXT", nil) { _ in "\(number(1...4)).\(number(0...20)).\(number(0...9))" },
            .init("precio", "NUMERIC(8,2)", nil) { _ in String(format: "%.2f", Double(number(100...9_999)) / 100) },
        ])
        // Brazilian Portuguese.
        tables.table("cadastro_clientes", [
            .init("id", "INTEGER PRIMARY KEY", nil) { String($0 + 1) },
            .init("nome_completo", "TEXT", "person_name") { _ in "\(first("pt")) \(last("pt")) \(last("pt"))" },
            .init("cpf", "TEXT", "national_id") { _ in ids.cpf(formatted: true) },
            .init("endereco", "TEXT", "street_address") { _ in street("pt") },
            .init("cep", "TEXT", "postal_code") { _ in "\(digits(5))-\(digits(3))" },
            .init("cidade", "TEXT", nil) { _ in pick(words("pt").cities) },
            .init("data_nascimento", "TEXT", "date_of_birth") { _ in dayFirst(birth(), "/") },
            .init("celular", "TEXT", "phone") { _ in "(\(number(11...99))) 9\(digits(4))-\(digits(4))" },
            .init("numero_pedido", "TEXT", nil) { _ in "PED\(digits(8))" },
            .init("atualizado_em", "TIMESTAMP", nil) { _ in event() },
        ])
        // Dutch.
        tables.table("klanten", [
            .init("klant_id", "INTEGER PRIMARY KEY", nil) { String($0 + 1) },
            .init("voornaam", "TEXT", "person_name") { _ in first("nl") },
            .init("achternaam", "TEXT", "person_name") { _ in last("nl") },
            .init("straat", "TEXT", "street_address") { _ in street("nl") },
            .init("postcode", "TEXT", "postal_code") { _ in "\(number(1000...9999)) \(pick(["AB", "KL", "XR", "GH"]))" },
            .init("woonplaats", "TEXT", nil) { _ in pick(words("nl").cities) },
            .init("geboortedatum", "TEXT", "date_of_birth") { _ in dayFirst(birth(), "-") },
            .init("bsn", "TEXT", "national_id") { _ in ids.bsn() },
            .init("telefoon", "TEXT", "phone") { _ in "06-\(digits(8))" },
            .init("bedrijf", "TEXT", nil) { _ in pick(words("nl").companies) },
            .init("factuurnummer", "TEXT", nil) { _ in "F\(number(2024...2026))-\(digits(6))" },
        ])
        // Italian.
        tables.table("clienti", [
            .init("id", "INTEGER PRIMARY KEY", nil) { String($0 + 1) },
            .init("nome", "TEXT", "person_name") { _ in first("it") },
            .init("cognome", "TEXT", "person_name") { _ in last("it") },
            .init("indirizzo", "TEXT", "street_address") { _ in street("it") },
            .init("cap", "TEXT", "postal_code") { _ in String(format: "%05d", number(10...98168)) },
            .init("citta", "TEXT", nil) { _ in pick(words("it").cities) },
            .init("codice_fiscale", "TEXT", "national_id") { _ in ids.codiceFiscale() },
            .init("data_nascita", "DATE", "date_of_birth") { _ in iso(birth()) },
            .init("cellulare", "TEXT", "phone") { _ in "+39 3\(digits(2)) \(digits(7))" },
            .init("ragione_sociale", "TEXT", nil) { _ in pick(words("it").companies) },
        ])
        // Japanese, with kanji column names.
        tables.table("顧客", [
            .init("顧客ID", "INTEGER PRIMARY KEY", nil) { String($0 + 1) },
            .init("氏名", "TEXT", "person_name") { _ in "\(Self.kanjiSurnames[Int(random.next() % 20)]) \(Self.kanjiGivenNames[Int(random.next() % 20)])" },
            .init("住所", "TEXT", "street_address") { _ in pick(Self.japaneseAddresses) },
            .init("郵便番号", "TEXT", "postal_code") { _ in "\(digits(3))-\(digits(4))" },
            .init("電話番号", "TEXT", "phone") { _ in "0\(number(70...90))-\(digits(4))-\(digits(4))" },
            .init("生年月日", "TEXT", "date_of_birth") { _ in let b = birth(); return "\(b.year)年\(b.month)月\(b.day)日" },
            .init("メールアドレス", "TEXT", "email") { _ in "\(pick(Self.romajiLastNames).lowercased())\(number(1...999))@example.jp" },
            .init("会社名", "TEXT", nil) { _ in pick(words("ja").companies) },
            .init("商品名", "TEXT", nil) { _ in pick(["緑茶セット", "陶器マグ", "和紙ノート", "竹箸", "風呂敷"]) },
            .init("登録日時", "TIMESTAMP", nil) { _ in event() },
        ])
        // Japanese in romaji, in a members' table.
        tables.table("kaiin", [
            .init("kaiin_id", "INTEGER PRIMARY KEY", nil) { String($0 + 1) },
            .init("shimei", "TEXT", "person_name") { _ in "\(pick(Self.romajiLastNames)) \(pick(Self.romajiFirstNames))" },
            .init("denwa_bangou", "TEXT", "phone") { _ in "090-\(digits(4))-\(digits(4))" },
            .init("seinengappi", "TEXT", "date_of_birth") { _ in let b = birth(); return String(format: "%04d/%02d/%02d", b.year, b.month, b.day) },
            .init("my_number", "TEXT", "national_id") { _ in Self.myNumber(digits(11)) },
            .init("pointo", "INTEGER", nil) { _ in String(number(0...20_000)) },
        ])
        // British English, with `dob` written day first and the name that settles it.
        tables.table("members", [
            .init("member_id", "INTEGER PRIMARY KEY", nil) { String($0 + 1) },
            .init("full_name", "TEXT", "person_name") { _ in full("en") },
            .init("dob", "TEXT", "date_of_birth") { _ in dayFirst(birth(), "/") },
            .init("address_line1", "TEXT", "street_address") { _ in street("en") },
            .init("postcode", "TEXT", "postal_code") { _ in "\(pick(["SW", "LS", "M", "EH"]))\(number(1...20)) \(number(1...9))\(pick(["AA", "BD", "XY"]))" },
            .init("phone_ext", "TEXT", nil) { _ in "x\(number(100...999))" },
            .init("joined_on", "DATE", nil) { _ in event(withTime: false) },
            .init("membership_tier", "TEXT", nil) { _ in pick(["bronze", "silver", "gold"]) },
        ])
        // An export with opaque column names: only the values say what they hold.
        tables.table("export_2026", [
            .init("c1", "TEXT", "person_name") { _ in full(pick(["de", "fr", "es", "pt", "nl", "it", "en"])) },
            .init("c2", "TEXT", "street_address") { _ in let code = pick(["de", "fr", "es", "pt", "nl", "it", "en"]); return street(code) },
            .init("c3", "TEXT", "date_of_birth") { _ in iso(birth()) },
            .init("c4", "TEXT", "email") { _ in email(full("fr")) },
            .init("c5", "TEXT", "phone") { _ in phone(pick(["33", "34", "49", "31"])) },
            .init("c6", "TEXT", "national_id") { _ in ids.cpf(formatted: false) },
            .init("c7", "TEXT", nil) { _ in "ORD-2026-\(digits(6))" },
            .init("c8", "TEXT", nil) { _ in UUID(uuid: (UInt8(random.next() % 256), UInt8(random.next() % 256), 2, 3, 4, 5, 0x40, 7, 0x80, 9, 10, 11, 12, 13,
                                                        UInt8(random.next() % 256), UInt8(random.next() % 256))).uuidString.lowercased() },
            .init("c9", "TEXT", nil) { _ in event() },
            .init("c10", "TEXT", nil) { _ in pick(words(pick(["de", "fr", "es", "nl"])).cities) },
            .init("c11", "TEXT", nil) { _ in pick(products) },
            .init("c12", "TEXT", nil) { _ in hex(64) },
            .init("c13", "TEXT", "national_id") { _ in ids.nir() },
            .init("c14", "TEXT", "iban") { _ in iban("FR", 27) },
            .init("c15", "TEXT", nil) { _ in pick(words(pick(["de", "fr", "es", "it", "en"])).companies) },
            .init("c16", "TEXT", nil) { _ in String(format: "%.2f", Double(number(100...500_000)) / 100) },
        ])
        tables.table("raw_import", [
            .init("f1", "TEXT", "person_name") { _ in "\(Self.kanjiSurnames[Int(random.next() % 20)])\(Self.kanjiGivenNames[Int(random.next() % 20)])" },
            .init("f2", "TEXT", "street_address") { _ in pick(Self.japaneseAddresses) },
            .init("f3", "TEXT", "date_of_birth") { _ in dayFirst(birth(), ".") },
            .init("f4", "TEXT", "national_id") { _ in ids.bsn() },
            .init("f5", "TEXT", "national_id") { _ in ids.dniOrNIE() },
            .init("f6", "TEXT", "national_id") { _ in ids.steuerID() },
            .init("f7", "TEXT", "secret") { _ in "ghp_" + base64(36).replacingOccurrences(of: "-", with: "a").replacingOccurrences(of: "_", with: "b") },
            .init("f8", "TEXT", nil) { _ in "\(number(1...3)).\(number(0...12)).\(number(0...30))" },
            .init("f9", "TEXT", nil) { _ in "SKU-\(digits(6))" },
            .init("f10", "TEXT", nil) { _ in "INV-\(number(2024...2026))-\(digits(6))" },
            .init("f11", "TEXT", nil) { _ in String(number(100...9999)) },
            .init("f12", "TEXT", "person_name") { _ in "\(first("it")) \(last("it"))" },
            .init("f13", "TEXT", nil) { _ in event(withTime: false) },
        ])
        // Secrets, by name and by value, beside hashes and ids that are not secrets.
        tables.table("integrations", [
            .init("id", "TEXT PRIMARY KEY", nil) { _ in UUID(uuid: (1, UInt8(random.next() % 256), UInt8(random.next() % 256), 3, 4, 5, 0x40, 7, 0x80, 9, 10, 11,
                                                                    UInt8(random.next() % 256), 13, 14, UInt8(random.next() % 256))).uuidString.lowercased() },
            .init("api_token", "TEXT", "secret") { _ in "tok_" + hex(32) },
            .init("aws_access_key_id", "TEXT", "secret") { _ in "AKIA" + String((0..<16).map { _ in Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")[Int(random.next() % 32)] }) },
            .init("session", "TEXT", "secret") { _ in "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + base64(48) + "." + base64(43) },
            .init("password_hash", "TEXT", "secret") { _ in "$2b$12$" + base64(53).replacingOccurrences(of: "-", with: ".").replacingOccurrences(of: "_", with: "/") },
            .init("pw", "TEXT", "secret") { _ in "$argon2id$v=19$m=65536,t=3,p=4$" + base64(22) + "$" + base64(43) },
            .init("stripe", "TEXT", "secret") { _ in "sk_live_" + base64(24).replacingOccurrences(of: "-", with: "x").replacingOccurrences(of: "_", with: "Q") },
            .init("webhook_signing", "TEXT", "secret") { _ in base64(40).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") },
            .init("row_sha256", "TEXT", nil) { _ in hex(64) },
            .init("commit", "TEXT", nil) { _ in hex(40) },
            .init("etag", "TEXT", nil) { _ in "\"" + hex(32) + "\"" },
            .init("checksum_md5", "TEXT", nil) { _ in hex(32) },
            .init("client_version", "TEXT", nil) { _ in "v\(number(1...5)).\(number(0...30)).\(number(0...9))" },
            .init("created_at", "TIMESTAMP", nil) { _ in event() },
            .init("request_id", "TEXT", nil) { _ in "req_" + hex(24) },
        ])
        url = try tables.create(in: folder, name: "multilingual.sqlite")
        labels = tables.labels
        rawValues = tables.rawValues
        publicValues = tables.publicValues
    }

    static let kanjiSurnames = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "松本",
                                "井上", "木村", "清水", "山崎", "森", "池田"]
    static let kanjiGivenNames = ["陽翔", "蓮", "湊", "悠真", "大翔", "結衣", "陽葵", "芽依", "さくら", "美咲", "健太", "翔太", "直樹", "花子", "太郎",
                                  "あすか", "由美", "裕子", "拓海", "優奈"]

    /// The eleven digits and the My Number check digit (weights 2…7, 2…6 from the right, mod 11).
    static func myNumber(_ body: String) -> String {
        let digits = body.compactMap(\.wholeNumberValue)
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let n = offset + 1
            sum += digit * (n <= 6 ? n + 1 : n - 5)
        }
        let remainder = sum % 11
        return body + String(remainder <= 1 ? 0 : 11 - remainder)
    }
}
