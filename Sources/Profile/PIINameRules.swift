import Catalog

/// Column names that give PII away, in English, German, French, Spanish, Portuguese, Dutch, Italian and
/// Japanese (romaji and kanji), with the abbreviations schemas use (`tel`, `cp`, `nif`, `fecha_nac`,
/// `geb_datum`, `dir_envio`). Names are lower-case and without accents, as `PIIColumnName` reads them.
extension PIIClassifier {
    static let nameRules: [PIINameRule] = [
        PIINameRule(kind: .email, confidence: 0.8, names: [
            "email", "e_mail", "email_address", "mail", "correo", "courriel", "correo_electronico", "mail_address", "emailadres",
            "adresse_mail", "adresse_email", "endereco_email", "indirizzo_email", "mailadresse", "meru", "meru_adoresu",
            "メール", "メールアドレス", "電子メール",
        ], words: ["email", "emailaddress", "correo", "courriel", "emailadres", "mailadresse"]),
        PIINameRule(kind: .phone, confidence: 0.75, names: [
            "phone", "phone_number", "telephone", "tel", "tel_no", "tel_nr", "mobile", "cell", "cellphone", "fax", "telefono", "telefon",
            "telefone", "telefoon", "handy", "portable", "celular", "movil", "tfno", "telf", "tlf", "tlfno", "cellulare", "mobiel", "gsm",
            "telefonnummer", "telefoonnummer", "num_tel", "numero_tel", "no_tel", "telephone_portable", "tel_movil", "tel_fijo", "fixo",
            "denwa", "denwa_bango", "denwa_bangou", "keitai", "電話", "電話番号", "携帯", "携帯番号", "携帯電話", "ファックス",
        ], words: ["phone", "telephone", "mobile", "telefono", "telefon", "telefone", "telefoon", "phonenumber", "cellphone", "tfno",
                   "cellulare", "celular", "telefonnummer", "telefoonnummer", "mobiel", "handynummer"],
                    kinds: [.text, .number]),
        PIINameRule(kind: .personName, confidence: 0.75, names: [
            "first_name", "last_name", "full_name", "middle_name", "given_name", "family_name", "surname", "firstname", "lastname",
            "fullname", "fname", "lname", "maiden_name", "apellido", "apellidos", "primer_apellido", "segundo_apellido", "vorname",
            "nachname", "familienname", "prenom", "nom_de_famille", "nom_famille", "sobrenome", "nome_completo", "voornaam", "achternaam",
            "tussenvoegsel", "cognome", "nome_cognome", "nombre_completo", "nom_complet", "contact_name", "customer_name", "person_name",
            "nom_cli", "nom_client", "nombre_cliente", "nombre_cli", "nome_cliente", "nome_cli", "naam_klant", "klantnaam", "kundenname",
            "name_kunde", "nom_contact", "nombre_contacto", "nome_contato", "holder_name", "cardholder_name", "titular", "nombre_titular",
            "nom_titulaire", "account_holder", "employee_name", "user_full_name", "patient_name", "passenger_name", "guest_name",
            "shimei", "namae", "sei", "mei", "myoji", "氏名", "姓名", "苗字", "名字", "フリガナ", "ふりがな", "カナ氏名", "漢字氏名",
        ], words: ["surname", "firstname", "lastname", "vorname", "nachname", "apellido", "apellidos", "prenom", "cognome", "voornaam",
                   "achternaam", "sobrenome", "familienname", "fullname", "shimei"]),
        // A bare "name" word is a person's only in a table of people (`customers.nombre`, not `productos.nombre`).
        PIINameRule(kind: .personName, confidence: 0.6, names: ["name", "nom", "nombre", "nome", "naam", "名前", "名"], peopleTablesOnly: true),
        PIINameRule(kind: .streetAddress, confidence: 0.7, names: [
            "address", "street", "street_address", "address1", "address2", "address_1", "address_2", "address_line1", "address_line_1",
            "address_line2", "line1", "line2", "addr", "direccion", "dir_envio", "dir_entrega", "dir_fact", "dir_facturacion", "dir_cli",
            "dir_cliente", "dir_postal", "domicilio", "calle", "strasse", "straße", "str", "anschrift", "hausnummer", "adresse", "rue",
            "adresse_postale", "voie", "endereco", "logradouro", "rua", "morada", "straat", "adres", "huisnummer", "indirizzo", "via",
            "shipping_address", "billing_address", "home_address", "jusho", "juusho", "住所", "所在地", "番地",
        ], words: ["address", "street", "strasse", "straße", "direccion", "adresse", "endereco", "indirizzo", "anschrift", "domicilio",
                   "logradouro", "straat", "adres", "jusho"]),
        PIINameRule(kind: .postalCode, confidence: 0.65, names: [
            "zip", "zipcode", "zip_code", "postal_code", "postcode", "post_code", "postalcode", "plz", "cep", "cp", "cod_postal",
            "codigo_postal", "code_postal", "postleitzahl", "cap", "codice_postale", "yubin_bango", "yubin", "郵便番号", "〒",
        ], words: ["zip", "zipcode", "postcode", "postalcode", "plz", "postleitzahl"], kinds: [.text, .number]),
        PIINameRule(kind: .dateOfBirth, confidence: 0.85, names: [
            "dob", "birth_date", "birthdate", "date_of_birth", "birthday", "born_on", "birth_day", "birth_dt", "fecha_nacimiento",
            "fecha_de_nacimiento", "fecha_nac", "fec_nac", "f_nac", "fnac", "nacimiento", "geburtsdatum", "geb_datum", "gebdatum", "geb_dat",
            "geburtstag", "date_naissance", "date_de_naissance", "date_naiss", "dt_naiss", "naissance", "data_nascimento", "data_nasc",
            "dt_nasc", "nascimento", "geboortedatum", "geb_datum", "data_nascita", "data_di_nascita", "nascita", "seinengappi",
            "tanjobi", "tanjoubi", "生年月日", "誕生日",
        ], words: ["dob", "birthdate", "birthday", "geburtsdatum", "geboortedatum", "nacimiento", "naissance", "nascimento", "nascita"],
                    kinds: [.temporal, .text]),
        PIINameRule(kind: .nationalID, confidence: 0.85, names: [
            "ssn", "social_security_number", "social_security", "national_id", "national_id_number", "nin", "sin", "tax_id", "tin",
            "nif", "nie", "dni", "cpf", "cnpj", "rg", "aadhaar", "bsn", "burgerservicenummer", "sofinummer", "personnummer", "steuer_id",
            "steuerid", "steuernummer", "steuer_identifikationsnummer", "steueridentifikationsnummer", "idnr", "sozialversicherungsnummer",
            "codice_fiscale", "cod_fiscale", "curp", "rut", "pesel", "nir", "insee", "num_secu", "numero_secu", "secu", "num_ss", "nss",
            "numero_securite_sociale", "my_number", "mynumber", "kojin_bango", "マイナンバー", "個人番号",
        ], words: ["ssn", "aadhaar", "personnummer", "nif", "dni", "cpf", "bsn", "steuerid", "burgerservicenummer", "nir"],
                    kinds: [.text, .number]),
        PIINameRule(kind: .creditCard, confidence: 0.85, names: ["card_number", "credit_card", "credit_card_number", "cc_number", "ccnum",
                                                                 "pan", "card_no", "cardnumber", "creditcard", "numero_tarjeta", "num_tarjeta",
                                                                 "numero_carte", "kartennummer", "numero_cartao", "クレジットカード"],
                    words: ["creditcard", "cardnumber", "kreditkarte"], kinds: [.text, .number]),
        PIINameRule(kind: .iban, confidence: 0.85, names: ["iban", "bank_account", "bank_account_number", "account_iban", "cuenta_bancaria",
                                                           "compte_bancaire", "bankrekening", "kontonummer", "口座番号"], words: ["iban"]),
        PIINameRule(kind: .ipAddress, confidence: 0.75, names: ["ip", "ip_address", "ipaddress", "ip_addr", "client_ip", "remote_ip",
                                                                "remote_addr", "source_ip", "user_ip", "last_ip", "ip_adresse", "direccion_ip"],
                    words: ["ipaddress"], kinds: [.text, .network]),
        PIINameRule(kind: .passport, confidence: 0.85, names: ["passport", "passport_number", "passport_no", "passport_id", "pasaporte",
                                                               "reisepass", "passeport", "passaporte", "paspoort", "passaporto", "パスポート"],
                    words: ["passport", "pasaporte", "reisepass", "passeport", "passaporte", "paspoort", "passaporto"]),
        PIINameRule(kind: .username, confidence: 0.6, names: ["username", "user_name", "login", "login_name", "login_id", "screen_name",
                                                              "handle", "nickname", "user_login", "usuario", "benutzername", "identifiant",
                                                              "gebruikersnaam", "nome_utente", "nombre_usuario", "ユーザー名"],
                    words: ["username", "benutzername", "gebruikersnaam"]),
        PIINameRule(kind: .secret, confidence: 0.9, names: [
            "password", "passwd", "pwd", "password_hash", "password_digest", "secret", "api_key", "apikey", "api_secret", "api_token",
            "access_token", "refresh_token", "auth_token", "token", "bearer_token", "private_key", "secret_key", "client_secret",
            "session_token", "otp_secret", "totp_secret", "mfa_secret", "reset_token", "webhook_secret", "signing_key", "encryption_key",
            "contrasena", "clave", "passwort", "kennwort", "mot_de_passe", "mdp", "senha", "wachtwoord", "パスワード", "暗証番号",
        ], words: ["password", "passwd", "apikey", "secret", "passwort", "contrasena", "kennwort", "wachtwoord", "senha", "token"],
                    kinds: [.text, .binary]),
        PIINameRule(kind: .geoCoordinate, confidence: 0.7, names: ["latitude", "longitude", "lat", "lon", "lng", "long", "geo", "geolocation",
                                                                   "coordinates", "coords", "lat_lng", "latlng", "breitengrad", "laengengrad",
                                                                   "latitud", "longitud", "latitudine", "longitudine"],
                    words: ["latitude", "longitude", "geolocation", "latitud", "longitud"], kinds: [.number, .text, .geometry]),
    ]

    /// Words of tables that hold people, in the languages of the rules.
    static let peopleTables: Set<String> = [
        "customer", "client", "user", "person", "people", "employee", "staff", "member", "contact", "patient", "student", "account",
        "actor", "author", "artist", "driver", "guest", "passenger", "applicant", "candidate", "buyer", "recipient", "owner", "holder",
        "kunde", "kunden", "cliente", "clientes", "usuario", "usuarios", "empleado", "empleados", "persona", "personas", "paciente",
        "personne", "utilisateur", "utilisateurs", "salarie", "salaries", "adherent", "mitarbeiter", "benutzer", "personen", "patienten",
        "medewerker", "medewerkers", "klant", "klanten", "gebruiker", "gebruikers", "pessoa", "pessoas", "funcionario", "funcionarios",
        "utente", "utenti", "dipendente", "dipendenti", "persone", "socio", "soci", "socios", "contatto", "contatti", "contacto",
        "cli", "clt", "cust", "usr", "emp", "mbr", "kokyaku", "shain", "kaiin", "顧客", "会員", "社員", "従業員", "ユーザー", "利用者", "患者",
    ]

    /// Words of lookup and example tables, whose `name` is a category's, even beside a people word.
    static let lookupTables: Set<String> = ["type", "types", "kind", "kinds", "category", "categories", "status", "attribute",
                                            "example", "role", "roles", "tag", "tags", "level", "tier", "group", "tipo", "tipos", "categoria"]

    /// Whether `table` holds people: `customers`, `clientes`, `顧客マスタ`; not `artist_type`.
    static func holdsPeople(_ table: Table) -> Bool {
        let words = PIIColumnName.tokens(table.name)
        if words.contains(where: lookupTables.contains) { return false }
        return words.contains { word in
            peopleTables.contains(word) || peopleTables.contains(String(word.dropLast()))
                || (word.unicodeScalars.contains { $0.value >= 0x3040 } && peopleTables.contains { word.hasPrefix($0) })
        }
    }
}
