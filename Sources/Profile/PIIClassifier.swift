import Catalog
import Foundation

/// Decides whether a column holds personal data, from three kinds of evidence: the column's name (common
/// names and abbreviations in English, Spanish, French, German, Portuguese and Dutch), its type, and the
/// sampled values checked by validators. A name alone makes a finding of moderate confidence; values that
/// validate make a strong one; a name that promises PII with values that clearly are something else
/// (timestamps in `last_login_at`) makes none.
public struct PIIClassifier: Sendable {
    /// Findings below this confidence are dropped.
    public static let threshold = 0.5

    public init() {}

    public func classify(column: Column, table: Table, values: [String]) -> PIIFinding? {
        let tokens = Self.tokens(column.name)
        let joined = tokens.joined(separator: "_")
        let kind = column.typeFamily
        let checked = Array(values.prefix(1_000))
        func share(_ test: (String) -> Bool) -> Double {
            checked.isEmpty ? 0 : Double(checked.filter(test).count) / Double(checked.count)
        }
        var candidates: [PIIFinding] = []
        func add(_ pii: PIIFinding.Kind, _ confidence: Double, _ reason: String) {
            candidates.append(PIIFinding(kind: pii, confidence: confidence, reasons: [reason]))
        }

        // Values first: validators do not care what the column is called.
        if kind.holdsText {
            let shares: [(PIIFinding.Kind, Double, String)] = [
                (.email, share(ValueCheck.isEmail), "email addresses"),
                (.creditCard, share(ValueCheck.isCardNumber), "card numbers that pass the Luhn check"),
                (.iban, share(ValueCheck.isIBAN), "IBANs with a valid checksum"),
                (.nationalID, share(ValueCheck.isSSN), "US social security numbers"),
                (.ipAddress, share(ValueCheck.isIPAddress), "IP addresses"),
                (.phone, share { ValueCheck.isPhone($0) && ValueCheck.isoDate($0) == nil }, "telephone numbers"),
            ]
            for (pii, fraction, what) in shares where fraction >= 0.8 && checked.count >= 3 {
                add(pii, 0.9, "\(Int((fraction * 100).rounded()))% of the \(checked.count) values checked are \(what)")
            }
            // Names cannot be validated, but a column whose texts mostly start with a common given name holds people.
            let named = share(ValueCheck.startsWithGivenName)
            if named >= 0.3, checked.count >= 10 {
                add(.personName, 0.8, "\(Int((named * 100).rounded()))% of the \(checked.count) values checked start with a common given name")
            }
            let free = share(ValueCheck.containsContactDetails)
            if free >= 0.05, !candidates.contains(where: { $0.kind == .email || $0.kind == .phone }) {
                add(.freeText, 0.75, "\(Int((free * 100).rounded()))% of the \(checked.count) texts checked contain an email address, phone, card or SSN")
            }
        }
        if kind == .network { add(.ipAddress, 0.9, "the type \(column.dataType) holds network addresses") }

        // Then the name, for what values cannot show (a name, a birth date, a password hash).
        for rule in Self.nameRules where rule.matches(tokens: tokens, joined: joined, table: table) {
            guard rule.accepts(kind) else { continue }
            add(rule.kind, rule.confidence, "the column is named `\(column.name)`")
        }

        // The strongest kind wins; agreeing evidence raises its confidence.
        guard var best = candidates.max(by: { $0.confidence < $1.confidence }) else { return nil }
        let agreeing = candidates.filter { $0.kind == best.kind }
        if agreeing.count > 1 {
            best.confidence = min(0.99, (agreeing.map(\.confidence).max() ?? best.confidence) + 0.07)
            best.reasons = agreeing.flatMap(\.reasons)
        }
        // A phone number has at least seven digits: `phone_ext` values of three are extensions.
        if best.kind == .phone, agreeing.count == 1, checked.count >= 3,
           share({ $0.filter(\.isNumber).count >= 7 }) < 0.5 {
            return nil
        }
        // A name that promises text-like PII over values that are plainly dates or numbers is a look-alike.
        if agreeing.count == 1, Self.valueShapedKinds.contains(best.kind), kind.holdsText, checked.count >= 3,
           share({ ValueCheck.isoDate($0) != nil || ValueCheck.isDecimal($0) }) >= 0.9 {
            return nil
        }
        return best.confidence >= Self.threshold ? best : nil
    }

    /// Kinds whose values are words, not dates or numbers.
    static let valueShapedKinds: Set<PIIFinding.Kind> = [.email, .personName, .streetAddress, .username]

    /// Lower-case words of a name: `customerEmail`, `customer_email` and `Customer-Email` all give [customer, email].
    static func tokens(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in name {
            if !character.isLetter && !character.isNumber {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if character.isUppercase, let previous, previous.isLowercase || previous.isNumber {
                if !current.isEmpty { words.append(current) }
                current = String(character)
            } else {
                current.append(character)
            }
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }
    }

    struct NameRule: Sendable {
        var kind: PIIFinding.Kind
        var confidence: Double
        /// Whole names (words joined by `_`) or single words that give it away.
        var names: Set<String>
        var words: Set<String>
        /// Types it can be: a `last_login` timestamp is not a username.
        var kinds: Set<DataTypeFamily>
        /// Only in tables that hold people (`name` is a person's name in `customers`, not in `products`).
        var peopleTablesOnly: Bool
        /// `_first_name` for each name of several words: `customer_first_name` ends with one.
        let suffixes: [String]
        /// The names of several words run together (`nationalidnumber`, `addressline1`), as written in schemas
        /// that do not separate words.
        let compact: Set<String>

        init(kind: PIIFinding.Kind, confidence: Double, names: Set<String>, words: Set<String> = [], kinds: Set<DataTypeFamily> = [.text],
             peopleTablesOnly: Bool = false) {
            self.kind = kind
            self.confidence = confidence
            self.names = names
            self.words = words
            self.kinds = kinds
            self.peopleTablesOnly = peopleTablesOnly
            suffixes = names.filter { $0.utf8.contains(UInt8(ascii: "_")) }.map { "_" + $0 }
            compact = Set(names.filter { $0.utf8.contains(UInt8(ascii: "_")) }.map { $0.replacingOccurrences(of: "_", with: "") })
        }

        func accepts(_ kind: DataTypeFamily) -> Bool { kinds.contains(kind) || kind == .unknown }

        func matches(tokens: [String], joined: String, table: Table) -> Bool {
            // `customer_first_name` ends with the two-word name `first_name`; single words need `words`.
            let hit = names.contains(joined) || tokens.contains(where: words.contains) || suffixes.contains(where: joined.hasSuffix)
                || compact.contains(tokens.joined())
                || compact.contains { $0.count >= 8 && tokens.joined().hasSuffix($0) }
            guard hit else { return false }
            guard peopleTablesOnly else { return true }
            let tableWords = PIIClassifier.tokens(table.name)
            // `artist_type.name` names a kind of artist, not a person.
            if tableWords.contains(where: PIIClassifier.lookupTables.contains) { return false }
            return tableWords.contains { PIIClassifier.peopleTables.contains($0) || PIIClassifier.peopleTables.contains(String($0.dropLast())) }
        }
    }

    static let peopleTables: Set<String> = [
        "customer", "client", "user", "person", "people", "employee", "staff", "member", "contact", "patient",
        "student", "account", "actor", "author", "artist", "driver", "guest", "passenger", "applicant", "candidate",
        "kunde", "cliente", "usuario", "empleado", "personne", "utilisateur", "mitarbeiter", "medewerker", "klant",
    ]

    /// Words of lookup and example tables, whose `name` is a category's, even beside a people word.
    static let lookupTables: Set<String> = ["type", "types", "kind", "kinds", "category", "categories", "status", "attribute",
                                            "example", "role", "roles", "tag", "tags", "level", "tier", "group"]

    static let nameRules: [NameRule] = [
        NameRule(kind: .email, confidence: 0.8, names: ["email", "e_mail", "email_address", "mail", "correo", "courriel", "correo_electronico"],
                 words: ["email", "emailaddress", "correo", "courriel"]),
        NameRule(kind: .phone, confidence: 0.75, names: ["phone", "phone_number", "telephone", "tel", "mobile", "cell", "cellphone", "fax",
                                                         "telefono", "telefon", "telefone", "telefoon", "handy", "portable", "celular", "movil"],
                 words: ["phone", "telephone", "mobile", "telefono", "telefon", "telefone", "telefoon", "phonenumber", "cellphone"],
                 kinds: [.text, .number]),
        NameRule(kind: .personName, confidence: 0.75, names: ["first_name", "last_name", "full_name", "middle_name", "given_name", "family_name",
                                                              "surname", "firstname", "lastname", "fullname", "fname", "lname", "maiden_name",
                                                              "nombre", "apellido", "apellidos", "vorname", "nachname", "prenom", "nom",
                                                              "sobrenome", "voornaam", "achternaam", "contact_name", "customer_name", "person_name"],
                 words: ["surname", "firstname", "lastname", "vorname", "nachname", "apellido", "prenom"]),
        NameRule(kind: .personName, confidence: 0.6, names: ["name"], peopleTablesOnly: true),
        NameRule(kind: .streetAddress, confidence: 0.7, names: ["address", "street", "street_address", "address1", "address2", "address_1",
                                                                "address_2", "address_line1", "address_line_1", "address_line2", "line1", "line2",
                                                                "addr", "direccion", "calle", "strasse", "adresse", "rue", "endereco", "straat"],
                 words: ["address", "street", "strasse", "direccion", "adresse", "endereco"]),
        NameRule(kind: .postalCode, confidence: 0.65, names: ["zip", "zipcode", "zip_code", "postal_code", "postcode", "post_code", "postalcode",
                                                              "plz", "cep", "codigo_postal", "code_postal", "postleitzahl"],
                 words: ["zip", "zipcode", "postcode", "postalcode", "plz"], kinds: [.text, .number]),
        NameRule(kind: .dateOfBirth, confidence: 0.85, names: ["dob", "birth_date", "birthdate", "date_of_birth", "birthday", "born_on", "birth_day",
                                                               "fecha_nacimiento", "fecha_de_nacimiento", "geburtsdatum", "date_naissance",
                                                               "date_de_naissance", "data_nascimento", "geboortedatum"],
                 words: ["dob", "birthdate", "birthday", "geburtsdatum"], kinds: [.temporal, .text]),
        NameRule(kind: .nationalID, confidence: 0.85, names: ["ssn", "social_security_number", "social_security", "national_id", "national_id_number",
                                                              "nin", "sin", "tax_id", "tin", "nif", "nie", "dni", "cpf", "cnpj", "aadhaar", "bsn",
                                                              "personnummer", "steuer_id", "codice_fiscale", "curp", "rut", "pesel"],
                 words: ["ssn", "aadhaar", "personnummer"], kinds: [.text, .number]),
        NameRule(kind: .creditCard, confidence: 0.85, names: ["card_number", "credit_card", "credit_card_number", "cc_number", "ccnum", "pan",
                                                              "card_no", "cardnumber", "creditcard", "numero_tarjeta"],
                 words: ["creditcard", "cardnumber"], kinds: [.text, .number]),
        NameRule(kind: .iban, confidence: 0.85, names: ["iban", "bank_account", "bank_account_number", "account_iban"], words: ["iban"]),
        NameRule(kind: .ipAddress, confidence: 0.75, names: ["ip", "ip_address", "ipaddress", "ip_addr", "client_ip", "remote_ip", "remote_addr",
                                                             "source_ip", "user_ip", "last_ip"],
                 words: ["ipaddress"], kinds: [.text, .network]),
        NameRule(kind: .passport, confidence: 0.85, names: ["passport", "passport_number", "passport_no", "passport_id", "pasaporte", "reisepass"],
                 words: ["passport", "pasaporte", "reisepass"]),
        NameRule(kind: .username, confidence: 0.6, names: ["username", "user_name", "login", "login_name", "login_id", "screen_name", "handle",
                                                           "nickname", "user_login", "usuario", "benutzername"],
                 words: ["username", "benutzername"]),
        NameRule(kind: .secret, confidence: 0.9, names: ["password", "passwd", "pwd", "password_hash", "password_digest", "secret", "api_key",
                                                         "apikey", "api_secret", "access_token", "refresh_token", "auth_token", "token",
                                                         "private_key", "secret_key", "client_secret", "session_token", "otp_secret",
                                                         "contrasena", "passwort", "mot_de_passe", "senha", "wachtwoord"],
                 words: ["password", "passwd", "apikey", "secret", "passwort", "contrasena"], kinds: [.text, .binary]),
        NameRule(kind: .geoCoordinate, confidence: 0.7, names: ["latitude", "longitude", "lat", "lon", "lng", "long", "geo", "geolocation",
                                                                "coordinates", "coords", "lat_lng", "latlng", "breitengrad", "laengengrad"],
                 words: ["latitude", "longitude", "geolocation"], kinds: [.number, .text, .geometry]),
    ]
}
