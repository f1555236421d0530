import Foundation

/// Compact JSON with sorted keys, written straight into one UTF-8 buffer: the same bytes as `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` (`CompactJSONTests` holds it to that), several times faster.
///
/// `JSONEncoder` builds a tree of every value before writing it; at 5,000 tables catalog.json and search.json cost
/// seconds that way. Here each value is written where it goes, and an object whose keys arrived out of order is
/// reordered in place when it closes, which for the catalog's small structs is a copy of a few hundred bytes.
enum CompactJSON {
    static func encode(_ value: some Encodable) throws -> Data {
        let writer = Writer()
        try writer.value(value)
        return Data(writer.out)
    }

    /// The bytes `encode` writes, as an array, the buffer sized for a small value.
    static func bytes(_ value: some Encodable, capacity: Int) throws -> [UInt8] {
        let writer = Writer(capacity: capacity)
        try writer.value(value)
        return writer.out
    }

    /// A JSON string literal, escaped as `JSONEncoder` escapes it (`\"`, `\\`, `\b\f\n\r\t`, other control characters
    /// as `\u00xx`); `scriptSafe` also escapes what `ScriptJSON.safe` does, so no string can close a `<script>`.
    static func appendString(_ text: String, to out: inout [UInt8], scriptSafe: Bool = false) {
        out.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var escape: StaticString?
                var width = 1
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x3C where scriptSafe: escape = "\\u003c"
                case 0x3E where scriptSafe: escape = "\\u003e"
                case 0x26 where scriptSafe: escape = "\\u0026"
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                case 0xE2 where scriptSafe && index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA8:
                    escape = "\\u2028"
                    width = 3
                case 0xE2 where scriptSafe && index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA9:
                    escape = "\\u2029"
                    width = 3
                case 0x00..<0x20:
                    break
                default:
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                if let escape {
                    out.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
                } else {
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
                index += width
                start = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(0x22)
    }

    /// A number as `JSONEncoder` writes it: Swift's shortest round-trip form, without a trailing `.0`.
    static func appendDouble(_ value: Double, to out: inout [UInt8]) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(value) is not a JSON number"))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        out.append(contentsOf: text.utf8)
    }

    static func appendInt<Number: BinaryInteger>(_ value: Number, to out: inout [UInt8]) {
        out.append(contentsOf: String(value).utf8)
    }
}

extension CompactJSON {
    /// The encoder, and the stack of containers open in the buffer. A container closes when the value that opened
    /// it has finished encoding (`value(_:)`), or when its parent writes its next member.
    final class Writer: Encoder {
        var out: [UInt8] = []
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        struct Open {
            var isObject: Bool
            /// Offset of `{` or `[`.
            var start: Int
            var count = 0
            /// Each member's key and the offset where its `"key":` starts.
            var keys: [(key: String, offset: Int)] = []
            var sorted = true
        }

        private(set) var open: [Open] = []
        /// Containers below this index belong to values around the one now encoding.
        private var level = 0

        init(capacity: Int = 1 << 16) {
            out.reserveCapacity(capacity)
        }

        /// Writes `value`, with fast paths for the leaves.
        func value<Value: Encodable>(_ value: Value) throws {
            // The type is compared first (a pointer comparison), where a failing `as?` cast would be a runtime call
            // for each of the catalog's millions of values; the bit casts are between identical types.
            if Value.self == String.self {
                CompactJSON.appendString(unsafeBitCast(value, to: String.self), to: &out)
            } else if Value.self == Int.self {
                CompactJSON.appendInt(unsafeBitCast(value, to: Int.self), to: &out)
            } else if Value.self == Bool.self {
                out.append(contentsOf: unsafeBitCast(value, to: Bool.self) ? Array("true".utf8) : Array("false".utf8))
            } else if Value.self == Double.self {
                try CompactJSON.appendDouble(unsafeBitCast(value, to: Double.self), to: &out)
            } else {
                let enclosing = level
                level = open.count
                let before = out.count
                try value.encode(to: self)
                if out.count == before, open.count == level {
                    // Nothing encoded, as JSONEncoder writes an empty keyed value.
                    out.append(contentsOf: [0x7B, 0x7D])
                }
                close(downTo: level)
                level = enclosing
            }
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if open.count > level, open[level].isObject {
                return KeyedEncodingContainer(Keyed(writer: self, depth: level))
            }
            out.append(0x7B)
            open.append(Open(isObject: true, start: out.count - 1))
            return KeyedEncodingContainer(Keyed(writer: self, depth: open.count - 1))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if open.count > level, !open[level].isObject {
                return Unkeyed(writer: self, depth: level)
            }
            out.append(0x5B)
            open.append(Open(isObject: false, start: out.count - 1))
            return Unkeyed(writer: self, depth: open.count - 1)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            Single(writer: self)
        }

        /// Starts a member of the container at `depth`: closes any container nested in it, then writes the comma
        /// and, in an object, the key.
        func member(of depth: Int, key: String?) {
            close(downTo: depth + 1)
            if open[depth].count > 0 { out.append(0x2C) }
            if let key {
                if let previous = open[depth].keys.last?.key, !Self.precedes(previous, key) { open[depth].sorted = false }
                open[depth].keys.append((key, out.count))
                CompactJSON.appendString(key, to: &out)
                out.append(0x3A)
            }
            open[depth].count += 1
        }

        func nested(in depth: Int, key: String?, object: Bool) -> Int {
            member(of: depth, key: key)
            out.append(object ? 0x7B : 0x5B)
            open.append(Open(isObject: object, start: out.count - 1))
            return open.count - 1
        }

        private func close(downTo depth: Int) {
            while open.count > depth {
                let container = open.removeLast()
                if container.isObject, !container.sorted { reorder(container) }
                out.append(container.isObject ? 0x7D : 0x5D)
            }
        }

        /// Puts an object's members in key order: each member runs from its key to the comma before the next.
        private func reorder(_ container: Open) {
            let end = out.count
            // Ranges, not slices: a slice of `out` still alive at `replaceSubrange` would make it copy the whole
            // buffer for every reordered object (it did, in debug builds, where lifetimes run to the end of scope).
            let members = container.keys.indices.map { index in
                let start = container.keys[index].offset
                let stop = index + 1 < container.keys.count ? container.keys[index + 1].offset - 1 : end
                return (key: container.keys[index].key, range: start..<stop)
            }
            var sorted: [UInt8] = []
            sorted.reserveCapacity(end - container.start)
            for (offset, member) in members.sorted(by: { Self.precedes($0.key, $1.key) }).enumerated() {
                if offset > 0 { sorted.append(0x2C) }
                out.withUnsafeBufferPointer { sorted.append(contentsOf: UnsafeBufferPointer(rebasing: $0[member.range])) }
            }
            out.replaceSubrange((container.start + 1)..<end, with: sorted)
        }

        /// JSONEncoder's `.sortedKeys` order: by UTF-8 bytes.
        static func precedes(_ a: String, _ b: String) -> Bool {
            a.utf8.lexicographicallyPrecedes(b.utf8)
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let writer: Writer
        let depth: Int
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws {
            writer.member(of: depth, key: key.stringValue)
            writer.out.append(contentsOf: Array("null".utf8))
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            writer.member(of: depth, key: key.stringValue)
            try writer.value(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(writer: writer, depth: writer.nested(in: depth, key: key.stringValue, object: true)))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            Unkeyed(writer: writer, depth: writer.nested(in: depth, key: key.stringValue, object: false))
        }

        mutating func superEncoder() -> any Encoder {
            writer.member(of: depth, key: "super")
            return writer
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            writer.member(of: depth, key: key.stringValue)
            return writer
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let writer: Writer
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        var count: Int { writer.open.indices.contains(depth) ? writer.open[depth].count : 0 }

        mutating func encodeNil() throws {
            writer.member(of: depth, key: nil)
            writer.out.append(contentsOf: Array("null".utf8))
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            writer.member(of: depth, key: nil)
            try writer.value(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(writer: writer, depth: writer.nested(in: depth, key: nil, object: true)))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            Unkeyed(writer: writer, depth: writer.nested(in: depth, key: nil, object: false))
        }

        mutating func superEncoder() -> any Encoder {
            writer.member(of: depth, key: nil)
            return writer
        }
    }

    struct Single: SingleValueEncodingContainer {
        let writer: Writer
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { writer.out.append(contentsOf: Array("null".utf8)) }
        mutating func encode(_ value: Bool) throws { try writer.value(value) }
        mutating func encode(_ value: String) throws { try writer.value(value) }
        mutating func encode(_ value: Double) throws { try writer.value(value) }
        mutating func encode(_ value: Float) throws { try CompactJSON.appendDouble(Double(value), to: &writer.out) }
        mutating func encode(_ value: Int) throws { try writer.value(value) }
        mutating func encode(_ value: Int8) throws { CompactJSON.appendInt(value, to: &writer.out) }
        mutating func encode(_ value: Int16) throws { CompactJSON.appendInt(value, to: &writer.out) }
        mutating func encode(_ value: Int32) throws { CompactJSON.appendInt(value, to: &writer.out) }
        mutating func encode(_ value: Int64) throws { CompactJSON.appendInt(value, to: &writer.out) }
        mutating func encode(_ value: UInt) throws { CompactJSON.appendInt(value, to: &writer.out) }
        mutating func encode(_ value: UInt8) throws { CompactJSON.appendInt(value, to: &writer.out) }
        mutating func encode(_ value: UInt16) throws { CompactJSON.appendInt(value, to: &writer.out) }
        mutating func encode(_ value: UInt32) throws { CompactJSON.appendInt(value, to: &writer.out) }
        mutating func encode(_ value: UInt64) throws { CompactJSON.appendInt(value, to: &writer.out) }
        mutating func encode<T: Encodable>(_ value: T) throws { try writer.value(value) }
    }
}
