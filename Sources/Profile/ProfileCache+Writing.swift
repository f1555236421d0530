import Catalog
import Foundation

extension ProfileCache {
    /// The cache file for `entries`: the JSON that `JSONEncoder` writes for them (objects with their keys sorted,
    /// absent optionals left out), written straight into bytes. Encoding 100,000 column profiles through
    /// `Codable` took over a second of a cold build; numbers are written in Swift's shortest form, which reads
    /// back as the same values (`JSONDecoder` and `read` agree on every file this writes).
    static func encoded(_ entries: [String: Entry]) throws -> Data {
        var writer = CacheFileWriter()
        writer.bytes.reserveCapacity(entries.count * 4_096)
        try writer.object(entries.keys.sorted()) { writer, key in
            // The keys are the entries' own, so every key has its entry.
            if let entry = entries[key] { try writer.entry(entry) }
        }
        return Data(writer.bytes)
    }
}

/// Writes what `CacheFileReader` reads; throws, as `JSONEncoder` does, on a number JSON cannot hold.
private struct CacheFileWriter {
    struct NotANumber: Error {}

    var bytes: [UInt8] = []

    // MARK: The cache's types, keys in sorted order

    mutating func entry(_ entry: ProfileCache.Entry) throws {
        bytes.append(UInt8(ascii: "{"))
        key("columns")
        try array(entry.columns) { try $0.columnEntry($1) }
        comma("key")
        string(entry.key)
        comma("table")
        tableProfile(entry.table)
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func tableProfile(_ profile: TableProfile) {
        bytes.append(UInt8(ascii: "{"))
        if let incomplete = profile.incomplete {
            key("incomplete")
            string(incomplete)
            bytes.append(UInt8(ascii: ","))
        }
        key("isSampled")
        bool(profile.isSampled)
        comma("rowsRead")
        int(profile.rowsRead)
        comma("valuesRead")
        int(profile.valuesRead)
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func columnEntry(_ entry: ProfileCache.ColumnEntry) throws {
        bytes.append(UInt8(ascii: "{"))
        if let finding = entry.finding {
            key("finding")
            try self.finding(finding)
            bytes.append(UInt8(ascii: ","))
        }
        key("name")
        string(entry.name)
        if let profile = entry.profile {
            bytes.append(UInt8(ascii: ","))
            key("profile")
            try columnProfile(profile)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func columnProfile(_ profile: ColumnProfile) throws {
        bytes.append(UInt8(ascii: "{"))
        key("distinct")
        int(profile.distinct)
        comma("distinctIsEstimate")
        bool(profile.distinctIsEstimate)
        comma("isMasked")
        bool(profile.isMasked)
        if let maximum = profile.maximum { comma("maximum"); string(maximum) }
        if let maximumLength = profile.maximumLength { comma("maximumLength"); int(maximumLength) }
        if let mean = profile.mean { comma("mean"); try double(mean) }
        if let minimum = profile.minimum { comma("minimum"); string(minimum) }
        if let minimumLength = profile.minimumLength { comma("minimumLength"); int(minimumLength) }
        comma("nullFraction")
        try double(profile.nullFraction)
        comma("patterns")
        try array(profile.patterns) { writer, share in
            writer.bytes.append(UInt8(ascii: "{"))
            writer.key("pattern")
            writer.string(share.pattern)
            writer.comma("share")
            try writer.double(share.share)
            writer.bytes.append(UInt8(ascii: "}"))
        }
        comma("samples")
        try array(profile.samples) { writer, sample in writer.string(sample) }
        if let standardDeviation = profile.standardDeviation { comma("standardDeviation"); try double(standardDeviation) }
        comma("topValues")
        try array(profile.topValues) { writer, top in
            writer.bytes.append(UInt8(ascii: "{"))
            writer.key("count")
            writer.int(top.count)
            writer.comma("value")
            writer.string(top.value)
            writer.bytes.append(UInt8(ascii: "}"))
        }
        comma("valuesWithheld")
        bool(profile.valuesWithheld)
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func finding(_ finding: PIIFinding) throws {
        bytes.append(UInt8(ascii: "{"))
        key("confidence")
        try double(finding.confidence)
        comma("kind")
        string(finding.kind.rawValue)
        comma("origin")
        string(finding.origin.rawValue)
        comma("reasons")
        try array(finding.reasons) { writer, reason in writer.string(reason) }
        bytes.append(UInt8(ascii: "}"))
    }

    // MARK: JSON

    mutating func object(_ keys: [String], _ value: (inout CacheFileWriter, String) throws -> Void) throws {
        bytes.append(UInt8(ascii: "{"))
        for (index, name) in keys.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            key(name)
            try value(&self, name)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func array<T>(_ elements: [T], _ element: (inout CacheFileWriter, T) throws -> Void) throws {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            try element(&self, value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func key(_ name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func comma(_ name: String) {
        bytes.append(UInt8(ascii: ","))
        key(name)
    }

    mutating func bool(_ value: Bool) {
        if value { bytes.append(contentsOf: "true".utf8) } else { bytes.append(contentsOf: "false".utf8) }
    }

    mutating func int(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func double(_ value: Double) throws {
        guard value.isFinite else { throw NotANumber() }
        bytes.append(contentsOf: value.description.utf8)
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else as its UTF-8.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case ..<0x20:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(contentsOf: String(byte >> 4, radix: 16).utf8)
                bytes.append(contentsOf: String(byte & 0x0F, radix: 16).utf8)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
