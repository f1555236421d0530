import Foundation

/// Street addresses by their value: a house number beside a word for a street, in the ways the languages
/// the classifier knows write them: `12 Baker Street`, `18, avenue Dubois`, `Calle Mayor 5`, `Rua Augusta, 41`,
/// `Hauptstraße 5` and `Bahnhofstr. 12` (German and Dutch join the street word to the name: `Kerkstraat 8`,
/// `Julianalaan 3`), `Via Roma 10`, and Japanese addresses (`東京都新宿区西新宿2丁目8-1`).
///
/// A number alone, or a street word alone, is not enough: product names have numbers (`Trail Runner 2`)
/// and company names contain `Via` or `Park`.
enum StreetAddressCheck {
    /// Street words standing on their own (`rue`, `calle`), lower-cased and without accents.
    static let streetWords: Set<String> = [
        // English
        "street", "st", "road", "rd", "avenue", "ave", "av", "lane", "ln", "drive", "dr", "boulevard", "blvd", "way", "court", "ct",
        "place", "pl", "square", "sq", "terrace", "close", "crescent", "highway", "hwy", "parkway", "pkwy", "circle", "cir",
        "alley", "row", "mews", "grove", "gardens", "trail", "causeway", "plaza", "suite", "apt", "apartment", "unit", "floor",
        // French
        "rue", "avenue", "boulevard", "bd", "bld", "chemin", "allee", "impasse", "quai", "cours", "route", "passage", "sentier",
        "faubourg", "fbg", "square", "esplanade", "rond-point", "voie", "villa", "hameau", "lieu-dit", "cite",
        // Spanish
        "calle", "c/", "avenida", "avda", "paseo", "plaza", "pza", "camino", "carrera", "ronda", "travesia", "carretera", "ctra",
        "glorieta", "pasaje", "rambla", "callejon", "urbanizacion", "urb", "acceso", "alameda", "via", "cañada", "canada", "piso",
        "puerta", "bajo", "carrer", "corredor", "retorno", "cerrada", "privada", "prolongacion", "circuito", "andador", "calzada",
        "periferico", "edif", "edificio", "depto", "departamento", "interior", "colonia", "col", "manzana", "mz", "cuesta", "senda",
        // Portuguese
        "rua", "r.", "travessa", "praca", "largo", "estrada", "rodovia", "alameda", "avenida", "beco", "ladeira", "vila", "quadra",
        "setor", "conjunto", "condominio", "chacara", "fazenda", "sitio", "jardim", "parque", "viela", "vereda", "trecho", "apto",
        "bloco", "lote", "aeroporto", "area", "campo", "colonia", "conjunto", "distrito", "esplanada", "estacao", "favela", "feira",
        "lago", "lagoa", "loteamento", "morro", "nucleo", "passarela", "patio", "praia", "recanto", "residencial", "trevo", "vale",
        "viaduto", "casa", "sala", "andar",
        // Italian
        "via", "viale", "piazza", "piazzale", "corso", "vicolo", "largo", "contrada", "borgo", "strada", "lungomare", "lungotevere",
        "traversa", "calle", "salita", "rotonda", "canale", "stretto", "incrocio", "localita", "frazione", "piano", "interno", "scala",
        // German and Dutch, when written apart (`Am Markt 3`, `Lange Voorhout 9`)
        "strasse", "straße", "str", "str.", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer", "chaussee", "steig", "pfad",
        "straat", "laan", "plein", "gracht", "kade", "singel", "dijk", "steeg", "dreef", "hof", "markt", "pad", "hausnummer",
    ]

    /// English street words, which follow the street's name.
    static let englishTrailingWords: Set<String> = [
        "street", "st", "road", "rd", "lane", "ln", "drive", "dr", "way", "court", "ct", "terrace", "close", "crescent", "highway", "hwy",
        "parkway", "pkwy", "circle", "cir", "alley", "row", "mews", "grove", "gardens", "trail", "causeway", "suite", "apt", "apartment",
        "unit", "floor",
    ]

    /// Endings that make a joined German or Dutch street name: `Hauptstraße`, `Kerkstraat`, `Julianalaan`.
    static let streetEndings: [String] = [
        "strasse", "straße", "str.", "str", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer", "chaussee", "steig", "pfad",
        "straat", "laan", "plein", "gracht", "kade", "singel", "dijk", "steeg", "dreef", "hof", "markt", "park", "pad",
        "boulevard", "berg", "wall", "graben", "hoek", "baan",
    ]

    /// Japanese block markers (丁目 chōme, 番地 banchi, 番 ban, 号 gō) and the words of a prefecture, city,
    /// ward, town or village.
    static let japaneseMarkers: Set<Unicode.Scalar> = ["丁", "番", "号"]
    static let japaneseRegions: Set<Unicode.Scalar> = ["都", "道", "府", "県", "市", "区", "町", "村", "郡"]

    /// Whether `value` reads as a street address.
    static func isStreetAddress(_ value: String) -> Bool {
        let utf8 = value.utf8
        guard utf8.count >= 5, utf8.count <= 200 else { return false }
        var hasDigit = false, hasNonASCII = false
        for byte in utf8 {
            if byte >= 48, byte <= 57 { hasDigit = true } else if byte >= 0x80 { hasNonASCII = true }
        }
        if hasNonASCII, isJapaneseAddress(value, hasDigit: hasDigit) { return true }
        let words = value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
        guard words.count >= 2, words.count <= 14 else { return false }
        var number = false, street = false, lettersWords = 0
        for (index, word) in words.enumerated() {
            if isHouseNumber(word) {
                number = true
                continue
            }
            guard word.utf8.contains(where: { $0 >= 65 }) else { continue }
            lettersWords += 1
            let folded = FoldedWord.key(word)
            let bare = folded.hasSuffix(".") ? String(folded.dropLast()) : folded
            if streetWords.contains(folded) || streetWords.contains(bare) {
                // English puts the street word after the name (`Pine Trail`): first, it is a product or a
                // saint (`Trail Runner 2`, `St Albans`). Other languages put it first (`Rue de Rivoli`).
                street = street || (index > 0 ? true : !englishTrailingWords.contains(bare) && words.count >= 3)
            } else if folded.count >= 6, streetEndings.contains(where: { folded.hasSuffix($0) }) {
                street = true
            } else if folded.hasPrefix("c/"), folded.count > 2 {
                street = true
            } else if index == 0, folded == "c." || folded == "c/" || folded == "cl." {
                // Spanish `C. de Alcalá, 12`, `C/ Mayor 5`: calle, abbreviated.
                street = true
            }
        }
        guard hasDigit, number, lettersWords >= 1 else { return false }
        if street { return true }
        // `Feira de Melo, 438`, `Canale Gilberto, 87`: a name, a comma, the house number (Brazil, Italy, Spain).
        if let comma = value.lastIndex(of: ","), lettersWords >= 2, value[..<comma].contains(where: \.isUppercase),
           let after = value[value.index(after: comma)...].split(separator: " ").first, isHouseNumber(after) {
            return true
        }
        // `171 Stark Cliffs`: an English address starts with its number, then two or more capitalised words.
        return words.count >= 3 && isHouseNumber(words[0]) && words[1].first?.isUppercase == true && words[2].first?.isUppercase == true
            && words.dropFirst().allSatisfy { !isHouseNumber($0) || $0.count <= 4 }
    }

    /// `12`, `12a`, `12-14`, `44/54`, `038`, `nº5`: at most five digits (longer runs are postal codes or ids).
    static func isHouseNumber(_ word: Substring) -> Bool {
        var digits = 0, letters = 0, other = 0
        for byte in word.utf8 {
            if byte >= 48, byte <= 57 { digits += 1 } else if (byte | 0x20) >= 97, (byte | 0x20) <= 122 { letters += 1 } else { other += 1 }
        }
        return digits >= 1 && digits <= 5 && letters <= 2 && other <= 3 && word.utf8.count <= 9
            && (letters == 0 || word.utf8.first.map { $0 >= 48 && $0 <= 57 || $0 == UInt8(ascii: "n") || $0 == UInt8(ascii: "N") } == true)
    }

    /// 東京都新宿区西新宿2丁目8-1: a prefecture or ward with a block marker or block numbers.
    static func isJapaneseAddress(_ value: String, hasDigit: Bool) -> Bool {
        var marked = false, region = false, digit = hasDigit
        for scalar in value.unicodeScalars {
            if japaneseMarkers.contains(scalar) { marked = true } else if japaneseRegions.contains(scalar) { region = true }
            // Full-width digits (２丁目) and kanji numerals (二丁目).
            if ("０"..."９").contains(scalar) || "一二三四五六七八九十".unicodeScalars.contains(scalar) { digit = true }
        }
        return region && digit && (marked || hasDigit)
    }
}
