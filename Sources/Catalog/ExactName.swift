/// A name compared by its exact Unicode scalars: the key for dictionaries and sets of identifiers.
///
/// PostgreSQL and SQLite compare identifiers byte for byte, so `é` (U+00E9) and `e` + U+0301 name two
/// different tables. Swift's `String` compares and hashes by canonical equivalence and takes them for one,
/// so a `[String: …]` keyed by names silently merges such tables or columns. Key by `ExactName` instead.
public struct ExactName: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var text: String

    public init(_ text: String) {
        self.text = text
    }

    public var description: String { text }

    public static func == (lhs: ExactName, rhs: ExactName) -> Bool {
        lhs.text.isExactly(rhs.text)
    }

    public func hash(into hasher: inout Hasher) {
        // The length first, so the bytes of consecutive fields (TableID) cannot run into each other.
        var bytes = text
        bytes.withUTF8 { utf8 in
            hasher.combine(utf8.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(utf8))
        }
    }

    public static func < (lhs: ExactName, rhs: ExactName) -> Bool {
        lhs.text.exactlyPrecedes(rhs.text)
    }
}

extension String {
    /// Whether both are the same scalars (so the same UTF-8 bytes), not merely canonically equivalent.
    public func isExactly(_ other: String) -> Bool {
        // Over the bytes where both are contiguous (every native string): the generic comparison of two UTF-8
        // views, a byte at a time, was 5% of a rebuild, for names looked up in dictionaries.
        let contiguous = utf8.withContiguousStorageIfAvailable { mine in
            other.utf8.withContiguousStorageIfAvailable { theirs in mine.count == theirs.count && mine.elementsEqual(theirs) }
        }
        if let contiguous, let equal = contiguous { return equal }
        return utf8.elementsEqual(other.utf8)
    }

    /// The order of `<`, with ties between canonically equivalent spellings broken by their scalars, so a
    /// sort puts them in the same order in every build.
    public func exactlyPrecedes(_ other: String) -> Bool {
        self < other || (self == other && unicodeScalars.lexicographicallyPrecedes(other.unicodeScalars))
    }
}

extension Sequence where Element == String {
    public func containsExactly(_ name: String) -> Bool {
        contains { $0.isExactly(name) }
    }
}

extension Collection where Element == String {
    public func firstIndex(exactly name: String) -> Index? {
        firstIndex { $0.isExactly(name) }
    }
}

extension Dictionary where Key == ExactName {
    /// The value for exactly this spelling of `name`.
    public subscript(_ name: String) -> Value? {
        self[ExactName(name)]
    }
}
