/// A 128-bit fingerprint of what a file is made from, stable across processes and machines, so a later build can
/// tell, without rendering it again, that a page would come out the same.
///
/// Not a cryptographic hash (`SHA256` is, for the caches shared between builds): it is fed millions of values per
/// build, and the only cost of a collision is one page left as it was.
public struct Fingerprint: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// 32 lowercase hex digits.
    public var description: String {
        Self.hex(high) + Self.hex(low)
    }

    /// Reads what `description` wrote; nil for anything else.
    public init?(_ text: some StringProtocol) {
        guard text.utf8.count == 32, let high = UInt64(text.prefix(16), radix: 16), let low = UInt64(text.suffix(16), radix: 16)
        else { return nil }
        self.init(high: high, low: low)
    }

    /// The same from the bytes of a `description` (lowercase hex only), without making a String: a pack's index
    /// holds thousands. Inlinable, and by index rather than `enumerated()`: unspecialized, each digit cost a
    /// lookup of a tuple's type metadata, most of reading a pack.
    @inlinable
    public init?<Bytes: Collection<UInt8>>(hex bytes: Bytes) {
        guard bytes.count == 32 else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0
        var index = bytes.startIndex
        for offset in 0..<32 {
            let byte = bytes[index]
            bytes.formIndex(after: &index)
            let digit: UInt64
            switch byte {
            case 0x30...0x39: digit = UInt64(byte &- 0x30)
            case 0x61...0x66: digit = UInt64(byte &- 0x61 &+ 10)
            default: return nil
            }
            if offset < 16 { high = high << 4 | digit } else { low = low << 4 | digit }
        }
        self.init(high: high, low: low)
    }

    public static func < (a: Fingerprint, b: Fingerprint) -> Bool {
        (a.high, a.low) < (b.high, b.low)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.utf8.count) + digits
    }

    /// The fingerprint of `parts`, each fed to the hasher as written.
    public static func of(_ parts: String...) -> Fingerprint {
        var hasher = FingerprintHasher()
        for part in parts { hasher.combine(part) }
        return hasher.finalize()
    }
}

/// Feeds values into a `Fingerprint`: two independent 64-bit lanes, each absorbing one 64-bit word at a time with
/// xxHash64's round, finished with murmur3's avalanche. Every value is fed with its length or kind, so
/// `("ab", "c")` and `("a", "bc")` differ.
public struct FingerprintHasher: Sendable {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var words: UInt64 = 0

    public init() {}

    @inline(__always)
    public mutating func combine(_ word: UInt64) {
        a = Self.round(a, word)
        b = Self.round(b, word ^ 0x1656_67B1_9E37_79F9)
        words &+= 1
    }

    public mutating func combine(_ value: Int) { combine(UInt64(bitPattern: Int64(value))) }

    public mutating func combine(_ value: Bool) { combine(value ? 0xB0 : 0xB1) }

    public mutating func combine(_ value: Double) { combine(value.bitPattern) }

    public mutating func combine(_ fingerprint: Fingerprint) {
        combine(fingerprint.high)
        combine(fingerprint.low)
    }

    /// A string's UTF-8 bytes, eight to a word, after its length.
    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: $0) }
    }

    public mutating func combine(bytes: UnsafeBufferPointer<UInt8>) {
        combine(UInt64(bytes.count) | 0x5000_0000_0000_0000)
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
            combine(UInt64(littleEndian: word))
            index += 8
        }
        if index < count {
            var word: UInt64 = 0
            for offset in index..<count { word |= UInt64(bytes[offset]) << (UInt64(offset - index) * 8) }
            combine(word)
        }
    }

    public mutating func combine(bytes: some Sequence<UInt8>) {
        let array = Array(bytes)
        array.withUnsafeBufferPointer { combine(bytes: $0) }
    }

    public func finalize() -> Fingerprint {
        Fingerprint(high: Self.avalanche(a ^ words), low: Self.avalanche(b &+ words))
    }

    @inline(__always)
    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        var lane = lane &+ word &* 0xC2B2_AE3D_27D4_EB4F
        lane = (lane << 31) | (lane >> 33)
        return lane &* 0x9E37_79B9_7F4A_7C15
    }

    @inline(__always)
    private static func avalanche(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value >> 33
        value &*= 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value &*= 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return value
    }
}
