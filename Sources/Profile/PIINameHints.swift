import Catalog

/// Words of column names that say what a column is when it is not personal data: an id, a hash, a city, a
/// product, an event's date. They do not overrule proven values (a Luhn-valid card number in `ref` is a card
/// number), only shapes: dates spread over decades in `release_date` are releases, not birth dates;
/// capitalised words in `city` are places; a long random string in `sha256` or `etag` is a digest.
enum PIINameHints {
    static func contradicts(_ name: PIIColumnName, _ kind: PIIFinding.Kind) -> Bool {
        let words: Set<String>
        switch kind {
        case .dateOfBirth: words = eventWords
        case .personName, .streetAddress: words = thingWords
        case .secret: words = digestWords
        default: return false
        }
        return name.tokens.contains(where: words.contains)
    }

    /// Dates of events, not of people's births.
    static let eventWords: Set<String> = [
        "created", "creation", "updated", "modified", "deleted", "changed", "release", "released", "published", "publication", "founded",
        "established", "opened", "closed", "start", "started", "end", "ended", "hire", "hired", "expires", "expiry", "expiration", "valid",
        "due", "ship", "shipped", "shipping", "delivery", "delivered", "order", "ordered", "paid", "payment", "invoice", "login", "seen",
        "event", "timestamp", "ts", "registered", "registration", "signup", "joined", "since", "until", "effective", "issued", "issue",
        "alta", "baja", "registro", "pedido", "factura", "envio", "entrega", "pago", "vencimiento", "inicio", "fin", "contratacion",
        "creacion", "publicacion", "commande", "facture", "livraison", "paiement", "echeance", "embauche", "debut", "creation", "bestellung",
        "rechnung", "lieferung", "zahlung", "eintritt", "beginn", "ende", "erstellt", "geandert", "faellig", "besteld", "levering",
        "aangemaakt", "gewijzigd", "pedido", "fatura", "pagamento", "criado", "admissao", "ordine", "fattura", "consegna", "scadenza",
        "assunzione", "creato",
    ]

    /// Things and places, whose names are capitalised words too.
    static let thingWords: Set<String> = [
        "city", "town", "country", "region", "state", "province", "county", "ciudad", "pais", "provincia", "ville", "pays", "stadt", "ort",
        "land", "stad", "plaats", "cidade", "estado", "citta", "paese", "comune", "product", "producto", "produto", "prodotto", "produit",
        "artikel", "item", "article", "brand", "marca", "marque", "marke", "merk", "company", "empresa", "firma", "societe", "entreprise",
        "bedrijf", "azienda", "organisation", "organization", "title", "titulo", "titre", "titel", "titolo", "description", "descripcion",
        "category", "categoria", "genre", "label", "album", "track", "song", "movie", "film", "book", "store", "shop", "tienda", "winkel",
        "warehouse", "almacen", "lager", "magazijn", "team", "department", "departamento", "abteilung", "afdeling", "language", "idioma",
    ]

    /// Digests, checksums and ids, which are long random strings that are not secrets.
    static let digestWords: Set<String> = [
        "id", "uuid", "guid", "hash", "checksum", "digest", "sha", "sha1", "sha256", "sha512", "md5", "etag", "fingerprint", "crc",
        "ref", "reference", "key_id", "blob", "object", "commit", "revision", "rev", "version",
    ]
}
