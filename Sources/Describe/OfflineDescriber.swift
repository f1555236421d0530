import Catalog

/// Deterministic descriptions from names, types, keys and relationships: no network, no key, and the
/// same words for the same inputs. Meant to read like a person's first draft, not like a type dump.
public enum OfflineDescriber {
    public static func answer(_ request: TableRequest) -> TableAnswer {
        let noun = Words.singular(Words.phrase(request.table.name))
        var columns: [String: String] = [:]
        for column in request.columns where column.describe {
            columns[column.name] = describe(column, noun: noun)
        }
        return TableAnswer(table: request.describeTable ? describeTable(request, noun: noun) : nil, columns: columns)
    }

    static func describeTable(_ request: TableRequest, noun: String) -> String {
        var sentences: [String] = []
        switch request.kind {
        case "view", "materialized_view":
            let what = request.kind == "view" ? "View" : "Materialized view"
            sentences.append(request.readsTables.isEmpty
                ? "\(what) with one row per \(noun)."
                : "\(what) over \(Words.list(request.readsTables.map(Words.phrase))), with one row per \(noun).")
        default:
            sentences.append("One row per \(noun).")
        }
        func owners(_ tables: [String]) -> String { Words.list(tables.map { Words.article(Words.singular(Words.phrase($0))) }) }
        if !request.referencesTables.isEmpty {
            sentences.append("Each \(noun) belongs to \(owners(request.referencesTables)).")
        }
        // Suggestions nobody has accepted are only probable, and say so.
        if let probable = request.probablyReferences?.map(\.table), !probable.isEmpty {
            sentences.append(request.referencesTables.isEmpty
                ? "Each \(noun) probably belongs to \(owners(probable))." : "It probably also belongs to \(owners(probable)).")
        }
        if !request.referencedBy.isEmpty {
            sentences.append("Referenced by \(Words.list(request.referencedBy.map(Words.phrase))).")
        }
        if let probable = request.probablyReferencedBy?.map(\.table), !probable.isEmpty {
            sentences.append("Probably referenced by \(Words.list(probable.map(Words.phrase))).")
        }
        return sentences.joined(separator: " ")
    }

    /// How a value shape from the profile reads in a sentence.
    static let shapes = ["uuid": "a UUID", "url": "a web address", "iso_date": "an ISO date", "iso_timestamp": "an ISO timestamp",
                         "ip_address": "an IP address", "email": "an email address", "phone": "a phone number"]

    static func describe(_ column: TableRequest.ColumnInput, noun: String) -> String {
        let name = Words.phrase(column.name)
        let type = column.type.lowercased()
        let family = DataTypeFamily(dataType: column.type)
        let isNumber = family == .number
        var text: String
        if let target = column.references {
            let table = Words.singular(Words.phrase(String(target.split(separator: ".").first ?? Substring(target))))
            text = column.referenceInferred == true
                ? "Identifier of the \(table) this \(noun) probably belongs to (probably references \(target))"
                : "Identifier of the \(table) this \(noun) belongs to (references \(target))"
        } else if column.key == "primary key" {
            text = "Identifier of the \(noun)"
        } else if family == .boolean || name.hasPrefix("is ") || name.hasPrefix("has ") {
            let rest = name.hasPrefix("is ") || name.hasPrefix("has ") ? name : "is \(name)"
            text = "Whether the \(noun) \(rest)"
        } else if type.contains("timestamp") || type.contains("datetime") || name.hasSuffix(" at") {
            text = "When the \(noun) was \(Words.dropSuffix(name, " at"))"
        } else if type == "date" || name.hasSuffix(" on") || name.hasSuffix(" date") {
            text = "Date of the \(noun)'s \(Words.dropSuffix(Words.dropSuffix(name, " on"), " date"))"
        } else if isNumber {
            let unit = type.contains("int") ? "a whole number" : "a decimal number"
            text = name.contains("count") || name.hasPrefix("num") ? "Number of \(Words.dropSuffix(name, " count")) for the \(noun) (\(unit))"
                : "\(Words.capitalized(name)) of the \(noun) (\(unit))"
        } else {
            text = "\(Words.capitalized(name)) of the \(noun)"
        }
        if let labels = column.enumLabels, !labels.isEmpty {
            text += "; one of " + labels.map { "'\($0)'" }.joined(separator: ", ")
        } else if let values = column.values, values.count > 1, column.key == nil, !isNumber {
            // A category seen in the data: its values say more than its type.
            text += "; one of " + values.map { "'\($0)'" }.joined(separator: ", ")
        } else if let shape = column.shape.flatMap({ Self.shapes[$0] }), column.key == nil {
            text += " (\(shape))"
        }
        if column.nullable, column.key != "primary key" { text += "; empty when unknown" }
        return text + "."
    }
}

/// Turning identifiers into words.
enum Words {
    /// `order_lines` → "order lines", `CustomerId` → "customer id".
    static func phrase(_ identifier: String) -> String {
        asciiPhrase(identifier) ?? characterPhrase(identifier)
    }

    /// `phrase` by `Character`, for any identifier.
    static func characterPhrase(_ identifier: String) -> String {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in identifier {
            if character == "_" || character == " " || character == "-" || character == "." {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if character.isUppercase, let previous, previous.isLowercase || previous.isNumber {
                words.append(current)
                current = String(character)
            } else {
                current.append(character)
            }
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }.joined(separator: " ")
    }

    /// `phrase` for an identifier of ASCII characters only (nearly all of them), by byte: the same words, without
    /// the Unicode property lookups of `Character` that were most of the offline describer's time.
    static func asciiPhrase(_ identifier: String) -> String? {
        let utf8 = identifier.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 4)
        var wordOpen = false
        var previous: UInt8?
        for byte in utf8 {
            let isUpper = (0x41...0x5A).contains(byte)
            if byte == 0x5F || byte == 0x20 || byte == 0x2D || byte == 0x2E {  // _ space - .
                wordOpen = false
            } else {
                if isUpper, let previous, (0x61...0x7A).contains(previous) || (0x30...0x39).contains(previous) {
                    wordOpen = false
                }
                if !wordOpen, !out.isEmpty { out.append(0x20) }
                wordOpen = true
                out.append(isUpper ? byte | 0x20 : byte)
            }
            previous = byte
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The last word made singular by the common English rules: "order lines" → "order line".
    static func singular(_ phrase: String) -> String {
        var words = phrase.split(separator: " ").map(String.init)
        guard let last = words.last else { return phrase }
        let singular: String
        if last.hasSuffix("ies"), last.count > 4 { singular = String(last.dropLast(3)) + "y" }
        else if last.hasSuffix("sses") || last.hasSuffix("shes") || last.hasSuffix("ches") || last.hasSuffix("xes") { singular = String(last.dropLast(2)) }
        else if last.hasSuffix("ss") || last.hasSuffix("us") || last.hasSuffix("is") { singular = last }
        else if last.hasSuffix("s"), last.count > 3 { singular = String(last.dropLast()) }
        else { singular = last }
        words[words.count - 1] = singular
        return words.joined(separator: " ")
    }

    static func article(_ noun: String) -> String {
        guard let first = noun.first else { return noun }
        return ("aeiou".contains(first) ? "an " : "a ") + noun
    }

    /// `a`, `a and b`, `a, b and c`; past `limit` items, the first ones and how many more (a hub table of
    /// musicbrainz is referenced by over a hundred, which no sentence should list).
    static func list(_ items: [String], limit: Int = 6) -> String {
        if items.count > limit { return items.prefix(limit - 1).joined(separator: ", ") + " and \(items.count - limit + 1) more" }
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }

    static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    static func dropSuffix(_ text: String, _ suffix: String) -> String {
        text.hasSuffix(suffix) && text.count > suffix.count ? String(text.dropLast(suffix.count)) : text
    }
}
