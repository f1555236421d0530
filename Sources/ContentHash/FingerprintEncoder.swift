/// The fingerprint of any `Encodable` value: everything its `encode(to:)` writes, keys and all, fed to a
/// `FingerprintHasher` instead of being turned into text.
///
/// Because it follows `Codable`, a field added to a catalog type is part of the fingerprint the day it is added:
/// a page cannot be left stale by a field someone forgot to list.
public enum FingerprintEncoder {
    public static func fingerprint(of value: some Encodable) -> Fingerprint {
        let sink = Sink()
        // Encoding into a sink that never throws: what could fail is the value's own encode(to:), which for the
        // catalog's synthesized conformances does not.
        try? value.encode(to: ValueEncoder(sink: sink))
        return sink.hasher.finalize()
    }

    /// Feeds `value` into an existing hasher, for fingerprints made of several parts.
    public static func combine(_ value: some Encodable, into hasher: inout FingerprintHasher) {
        hasher.combine(fingerprint(of: value))
    }
}

/// The hasher every container of one encoding writes to.
private final class Sink {
    var hasher = FingerprintHasher()

    // Markers keep the shape in the fingerprint: [[1], [2]] and [[1, 2]] differ, nil differs from absent.
    static let keyed: UInt64 = 0x6B65_7965_6400_0001
    static let unkeyed: UInt64 = 0x6172_7261_7900_0002
    static let null: UInt64 = 0x6E75_6C6C_0000_0004
    static let key: UInt64 = 0x6B65_7900_0000_0005
}

// No coding paths are kept: nothing here throws, and building one array per nested value was most of the cost.
private struct ValueEncoder: Encoder {
    let sink: Sink
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.hasher.combine(Sink.keyed)
        return KeyedEncodingContainer(KeyedSink<Key>(sink: sink))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.hasher.combine(Sink.unkeyed)
        return UnkeyedSink(sink: sink)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleSink(sink: sink)
    }
}

/// Scalars, shared by the three kinds of container.
private protocol ScalarSink {
    var sink: Sink { get }
}

extension ScalarSink {
    func scalar(_ value: Bool) { sink.hasher.combine(value) }
    func scalar(_ value: String) { sink.hasher.combine(value) }
    func scalar(_ value: Double) { sink.hasher.combine(value) }
    func scalar(_ value: Float) { sink.hasher.combine(Double(value)) }
    func scalar(_ value: some FixedWidthInteger) { sink.hasher.combine(UInt64(truncatingIfNeeded: value)) }
    func null() { sink.hasher.combine(Sink.null) }
    func nested(_ value: some Encodable) throws {
        try value.encode(to: ValueEncoder(sink: sink))
    }
}

private struct KeyedSink<Key: CodingKey>: KeyedEncodingContainerProtocol, ScalarSink {
    let sink: Sink
    var codingPath: [any CodingKey] { [] }

    private func key(_ key: Key) {
        sink.hasher.combine(Sink.key)
        sink.hasher.combine(key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws { self.key(key); null() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { self.key(key); scalar(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { self.key(key); scalar(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { self.key(key); scalar(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { self.key(key); scalar(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { self.key(key); scalar(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { self.key(key); scalar(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { self.key(key); scalar(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { self.key(key); scalar(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { self.key(key); scalar(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { self.key(key); scalar(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { self.key(key); scalar(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { self.key(key); scalar(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { self.key(key); scalar(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { self.key(key); scalar(value) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        self.key(key)
        try nested(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey> {
        self.key(key)
        sink.hasher.combine(Sink.keyed)
        return KeyedEncodingContainer(KeyedSink<NestedKey>(sink: sink))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        self.key(key)
        sink.hasher.combine(Sink.unkeyed)
        return UnkeyedSink(sink: sink)
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(sink: sink) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        self.key(key)
        return ValueEncoder(sink: sink)
    }
}

private struct UnkeyedSink: UnkeyedEncodingContainer, ScalarSink {
    let sink: Sink
    var codingPath: [any CodingKey] { [] }
    var count = 0

    private mutating func element() {
        count += 1
        sink.hasher.combine(UInt64(count))
    }

    mutating func encodeNil() throws { element(); null() }
    mutating func encode(_ value: Bool) throws { element(); scalar(value) }
    mutating func encode(_ value: String) throws { element(); scalar(value) }
    mutating func encode(_ value: Double) throws { element(); scalar(value) }
    mutating func encode(_ value: Float) throws { element(); scalar(value) }
    mutating func encode(_ value: Int) throws { element(); scalar(value) }
    mutating func encode(_ value: Int8) throws { element(); scalar(value) }
    mutating func encode(_ value: Int16) throws { element(); scalar(value) }
    mutating func encode(_ value: Int32) throws { element(); scalar(value) }
    mutating func encode(_ value: Int64) throws { element(); scalar(value) }
    mutating func encode(_ value: UInt) throws { element(); scalar(value) }
    mutating func encode(_ value: UInt8) throws { element(); scalar(value) }
    mutating func encode(_ value: UInt16) throws { element(); scalar(value) }
    mutating func encode(_ value: UInt32) throws { element(); scalar(value) }
    mutating func encode(_ value: UInt64) throws { element(); scalar(value) }
    mutating func encode(_ value: some Encodable) throws {
        element()
        try nested(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        element()
        sink.hasher.combine(Sink.keyed)
        return KeyedEncodingContainer(KeyedSink<NestedKey>(sink: sink))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        element()
        sink.hasher.combine(Sink.unkeyed)
        return UnkeyedSink(sink: sink)
    }

    mutating func superEncoder() -> any Encoder {
        element()
        return ValueEncoder(sink: sink)
    }
}

private struct SingleSink: SingleValueEncodingContainer, ScalarSink {
    let sink: Sink
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { null() }
    mutating func encode(_ value: Bool) throws { scalar(value) }
    mutating func encode(_ value: String) throws { scalar(value) }
    mutating func encode(_ value: Double) throws { scalar(value) }
    mutating func encode(_ value: Float) throws { scalar(value) }
    mutating func encode(_ value: Int) throws { scalar(value) }
    mutating func encode(_ value: Int8) throws { scalar(value) }
    mutating func encode(_ value: Int16) throws { scalar(value) }
    mutating func encode(_ value: Int32) throws { scalar(value) }
    mutating func encode(_ value: Int64) throws { scalar(value) }
    mutating func encode(_ value: UInt) throws { scalar(value) }
    mutating func encode(_ value: UInt8) throws { scalar(value) }
    mutating func encode(_ value: UInt16) throws { scalar(value) }
    mutating func encode(_ value: UInt32) throws { scalar(value) }
    mutating func encode(_ value: UInt64) throws { scalar(value) }
    mutating func encode(_ value: some Encodable) throws { try nested(value) }
}
