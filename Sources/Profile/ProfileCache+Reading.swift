import Catalog
import Foundation

extension ProfileCache {
    /// The entries of a cache file, read by a reader made for its one shape, or by `JSONDecoder` when that reader
    /// meets anything it does not expect (so a file either way gives the same entries, or none).
    ///
    /// At 5,000 tables the file holds 100,000 column profiles, and decoding them through `Codable` took a
    /// second or more of every rebuild, most of the profile stage; reading the bytes straight into the
    /// entries takes a small part of that.
    static func read(_ data: Data) -> [String: Entry]? {
        if let entries = try? data.withUnsafeBytes({ bytes in
            var reader = CacheFileReader(bytes: bytes)
            return try reader.file()
        }) { return entries }
        return try? JSONDecoder().decode([String: Entry].self, from: data)
    }
}

/// A reader of the JSON that `JSONEncoder` writes for `[String: ProfileCache.Entry]`. Keys it does not know are
/// skipped, as `JSONDecoder` does; anything else unexpected throws, and the caller falls back to `JSONDecoder`.
private struct CacheFileReader {
    struct Unexpected: Error {}

    let bytes: UnsafeRawBufferPointer
    var at = 0

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    mutating func file() throws -> [String: ProfileCache.Entry] {
        var entries: [String: ProfileCache.Entry] = [:]
        space()
        try object { reader, key in entries[key] = try reader.entry() }
        space()
        guard at == bytes.count else { throw Unexpected() }
        return entries
    }

    // MARK: The cache's types

    mutating func entry() throws -> ProfileCache.Entry {
        var key: String?, table: TableProfile?, columns: [ProfileCache.ColumnEntry]?
        try object { reader, name in
            switch name {
            case "key": key = try reader.string()
            case "table": table = try reader.tableProfile()
            case "columns": columns = try reader.array { try $0.columnEntry() }
            default: try reader.skip()
            }
        }
        guard let key, let table, let columns else { throw Unexpected() }
        return ProfileCache.Entry(key: key, table: table, columns: columns)
    }

    mutating func tableProfile() throws -> TableProfile {
        var rowsRead: Int?, isSampled: Bool?, valuesRead: Int?, incomplete: String?
        try object { reader, name in
            switch name {
            case "rowsRead": rowsRead = try reader.int()
            case "isSampled": isSampled = try reader.bool()
            case "valuesRead": valuesRead = try reader.int()
            case "incomplete": incomplete = try reader.optional { try $0.string() }
            default: try reader.skip()
            }
        }
        guard let rowsRead, let isSampled, let valuesRead else { throw Unexpected() }
        return TableProfile(rowsRead: rowsRead, isSampled: isSampled, valuesRead: valuesRead, incomplete: incomplete)
    }

    mutating func columnEntry() throws -> ProfileCache.ColumnEntry {
        var name: String?, profile: ColumnProfile?, finding: PIIFinding?
        try object { reader, key in
            switch key {
            case "name": name = try reader.string()
            case "profile": profile = try reader.optional { try $0.columnProfile() }
            case "finding": finding = try reader.optional { try $0.finding() }
            default: try reader.skip()
            }
        }
        guard let name else { throw Unexpected() }
        return ProfileCache.ColumnEntry(name: name, profile: profile, finding: finding)
    }

    mutating func columnProfile() throws -> ColumnProfile {
        var nullFraction: Double?, distinct: Int?, distinctIsEstimate: Bool?, isMasked: Bool?, valuesWithheld: Bool?
        var topValues: [ColumnProfile.ValueCount]?, patterns: [ColumnProfile.PatternShare]?, samples: [String]?
        var profile = ColumnProfile()
        try object { reader, key in
            switch key {
            case "nullFraction": nullFraction = try reader.double()
            case "distinct": distinct = try reader.int()
            case "distinctIsEstimate": distinctIsEstimate = try reader.bool()
            case "minimum": profile.minimum = try reader.optional { try $0.string() }
            case "maximum": profile.maximum = try reader.optional { try $0.string() }
            case "minimumLength": profile.minimumLength = try reader.optional { try $0.int() }
            case "maximumLength": profile.maximumLength = try reader.optional { try $0.int() }
            case "mean": profile.mean = try reader.optional { try $0.double() }
            case "standardDeviation": profile.standardDeviation = try reader.optional { try $0.double() }
            case "topValues": topValues = try reader.array { try $0.valueCount() }
            case "patterns": patterns = try reader.array { try $0.patternShare() }
            case "samples": samples = try reader.array { try $0.string() }
            case "isMasked": isMasked = try reader.bool()
            case "valuesWithheld": valuesWithheld = try reader.bool()
            default: try reader.skip()
            }
        }
        guard let nullFraction, let distinct, let distinctIsEstimate, let isMasked, let valuesWithheld,
              let topValues, let patterns, let samples else { throw Unexpected() }
        profile.nullFraction = nullFraction
        profile.distinct = distinct
        profile.distinctIsEstimate = distinctIsEstimate
        profile.topValues = topValues
        profile.patterns = patterns
        profile.samples = samples
        profile.isMasked = isMasked
        profile.valuesWithheld = valuesWithheld
        return profile
    }

    mutating func valueCount() throws -> ColumnProfile.ValueCount {
        var value: String?, count: Int?
        try object { reader, key in
            switch key {
            case "value": value = try reader.string()
            case "count": count = try reader.int()
            default: try reader.skip()
            }
        }
        guard let value, let count else { throw Unexpected() }
        return ColumnProfile.ValueCount(value: value, count: count)
    }

    mutating func patternShare() throws -> ColumnProfile.PatternShare {
        var pattern: String?, share: Double?
        try object { reader, key in
            switch key {
            case "pattern": pattern = try reader.string()
            case "share": share = try reader.double()
            default: try reader.skip()
            }
        }
        guard let pattern, let share else { throw Unexpected() }
        return ColumnProfile.PatternShare(pattern: pattern, share: share)
    }

    mutating func finding() throws -> PIIFinding {
        var kind: PIIFinding.Kind?, confidence: Double?, reasons: [String]?, origin: PIIFinding.Origin?
        try object { reader, key in
            switch key {
            case "kind": kind = PIIFinding.Kind(rawValue: try reader.string())
            case "confidence": confidence = try reader.double()
            case "reasons": reasons = try reader.array { try $0.string() }
            case "origin": origin = PIIFinding.Origin(rawValue: try reader.string())
            default: try reader.skip()
            }
        }
        guard let kind, let confidence, let reasons, let origin else { throw Unexpected() }
        return PIIFinding(kind: kind, confidence: confidence, reasons: reasons, origin: origin)
    }

    // MARK: JSON

    mutating func object(_ member: (inout CacheFileReader, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        space()
        if peek == UInt8(ascii: "}") { at += 1; return }
        while true {
            space()
            let key = try string()
            space()
            try expect(UInt8(ascii: ":"))
            space()
            try member(&self, key)
            space()
            if peek == UInt8(ascii: ",") { at += 1; continue }
            try expect(UInt8(ascii: "}"))
            return
        }
    }

    mutating func array<T>(_ element: (inout CacheFileReader) throws -> T) throws -> [T] {
        try expect(UInt8(ascii: "["))
        space()
        var elements: [T] = []
        if peek == UInt8(ascii: "]") { at += 1; return elements }
        while true {
            space()
            elements.append(try element(&self))
            space()
            if peek == UInt8(ascii: ",") { at += 1; continue }
            try expect(UInt8(ascii: "]"))
            return elements
        }
    }

    /// nil for `null`, else the value.
    mutating func optional<T>(_ value: (inout CacheFileReader) throws -> T) throws -> T? {
        if literal("null") { return nil }
        return try value(&self)
    }

    mutating func bool() throws -> Bool {
        if literal("true") { return true }
        if literal("false") { return false }
        throw Unexpected()
    }

    mutating func int() throws -> Int {
        guard let value = Int(try number()) else { throw Unexpected() }
        return value
    }

    mutating func double() throws -> Double {
        guard let value = Double(try number()) else { throw Unexpected() }
        return value
    }

    /// The text of a number, checked against JSON's grammar (so `Int` and `Double` never see `nan` or `0x1`).
    mutating func number() throws -> String {
        let start = at
        func digits() -> Int {
            let first = at
            while at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) { at += 1 }
            return at - first
        }
        if peek == UInt8(ascii: "-") { at += 1 }
        guard digits() > 0 else { throw Unexpected() }
        if peek == UInt8(ascii: ".") {
            at += 1
            guard digits() > 0 else { throw Unexpected() }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            at += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { at += 1 }
            guard digits() > 0 else { throw Unexpected() }
        }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
    }

    mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = at
        // Most strings have no escape: taken whole, as UTF-8 that must be valid.
        while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\") {
            guard bytes[at] >= 0x20 else { throw Unexpected() }
            at += 1
        }
        guard at < bytes.count else { throw Unexpected() }
        guard let plain = String(validating: UnsafeRawBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self) else { throw Unexpected() }
        if bytes[at] == UInt8(ascii: "\"") {
            at += 1
            return plain
        }
        var text = plain
        var scalars = String.UnicodeScalarView()
        func flush() {
            text.unicodeScalars.append(contentsOf: scalars)
            scalars = String.UnicodeScalarView()
        }
        while true {
            guard at < bytes.count else { throw Unexpected() }
            let byte = bytes[at]
            if byte == UInt8(ascii: "\"") {
                at += 1
                flush()
                return text
            }
            if byte == UInt8(ascii: "\\") {
                at += 1
                guard at < bytes.count else { throw Unexpected() }
                let escaped = bytes[at]
                at += 1
                switch escaped {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    let unit = try hex4()
                    if (0xD800...0xDBFF).contains(unit) {
                        guard literal("\\u") else { throw Unexpected() }
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low),
                              let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) else { throw Unexpected() }
                        scalars.append(scalar)
                    } else {
                        guard let scalar = Unicode.Scalar(unit) else { throw Unexpected() }
                        scalars.append(scalar)
                    }
                default: throw Unexpected()
                }
                continue
            }
            // A run of plain bytes up to the next quote or escape.
            let run = at
            while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\") {
                guard bytes[at] >= 0x20 else { throw Unexpected() }
                at += 1
            }
            guard let part = String(validating: UnsafeRawBufferPointer(rebasing: bytes[run..<at]), as: UTF8.self) else { throw Unexpected() }
            scalars.append(contentsOf: part.unicodeScalars)
        }
    }

    mutating func hex4() throws -> UInt32 {
        guard at + 4 <= bytes.count else { throw Unexpected() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[at]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Unexpected()
            }
            value = value << 4 | UInt32(digit)
            at += 1
        }
        return value
    }

    /// Skips one value of any kind: a key this reader does not know.
    mutating func skip() throws {
        switch peek {
        case UInt8(ascii: "{"): try object { reader, _ in try reader.skip() }
        case UInt8(ascii: "["): _ = try array { try $0.skip() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
        case UInt8(ascii: "n"): guard literal("null") else { throw Unexpected() }
        default: _ = try number()
        }
    }

    var peek: UInt8? { at < bytes.count ? bytes[at] : nil }

    mutating func space() {
        while at < bytes.count {
            switch bytes[at] {
            case 0x20, 0x0A, 0x0D, 0x09: at += 1
            default: return
            }
        }
    }

    mutating func expect(_ byte: UInt8) throws {
        guard peek == byte else { throw Unexpected() }
        at += 1
    }

    /// Consumes `word` when the bytes ahead spell it.
    mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[at + offset] != word.utf8Start[offset] { return false }
        at += count
        return true
    }
}
