/// What a column's declared type allows it to hold, for PII rules.
enum TypeFamily: Hashable, Sendable {
    case text, number, temporal, network, geometry, binary, unknown, other

    init(_ dataType: String) {
        let type = dataType.lowercased()
        func has(_ words: String...) -> Bool { words.contains { type.contains($0) } }
        if type.isEmpty { self = .unknown }
        else if has("inet", "cidr", "macaddr") { self = .network }
        else if has("point", "geometry", "geography") { self = .geometry }
        else if has("interval") { self = .other }
        else if has("int", "numeric", "decimal", "real", "double", "float", "serial", "money") { self = .number }
        else if has("date", "time") { self = .temporal }
        else if has("char", "text", "clob", "string", "citext", "name", "json") { self = .text }
        else if has("blob", "bytea", "binary") { self = .binary }
        else { self = .other }
    }

    var holdsText: Bool { self == .text || self == .unknown }
}
