/// What kind of values a declared type holds, read from its name: the one place that turns `bigint`,
/// `NVARCHAR(40)`, `timestamp with time zone` or `inet` into something the stages can decide on
/// (which statistics a profile takes, which personal data a column can hold, how a description reads).
public enum DataTypeFamily: Sendable, Hashable {
    case text, number, boolean, temporal, network, geometry, binary, array
    /// No declared type (SQLite allows that): any value.
    case unknown
    case other

    public init(dataType: String) {
        let type = Array(dataType.lowercased().utf8)
        // A byte search: Foundation's `contains` costs a bridged NSString per call, and every column of
        // 5,000 tables asks several times per stage.
        func has(_ words: StaticString...) -> Bool {
            words.contains { word in
                let needle = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
                guard needle.count <= type.count else { return false }
                return (0...(type.count - needle.count)).contains { start in
                    needle.indices.allSatisfy { type[start + $0] == needle[$0] }
                }
            }
        }
        // Order matters: `interval` and `point` contain "int", `timestamp` is no number.
        if type.isEmpty { self = .unknown }
        else if type.last == UInt8(ascii: "]") || type.first == UInt8(ascii: "_") { self = .array }
        else if has("inet", "cidr", "macaddr") { self = .network }
        else if has("point", "geometry", "geography") { self = .geometry }
        else if has("interval") { self = .other }
        else if has("int", "numeric", "decimal", "real", "double", "float", "serial", "money") { self = .number }
        else if has("bool") { self = .boolean }
        else if has("date", "time") { self = .temporal }
        else if has("char", "text", "clob", "string", "citext", "uuid", "name", "json") { self = .text }
        else if has("blob", "bytea", "binary") { self = .binary }
        else { self = .other }
    }

    /// Whether values are text, or may be (no declared type).
    public var holdsText: Bool { self == .text || self == .unknown }
}

extension Column {
    /// By the column's base type: a domain counts as what it is over.
    public var typeFamily: DataTypeFamily { DataTypeFamily(dataType: domainBaseType ?? dataType) }
}
