/// A value fed to a fingerprint field by field, by code written for its type (`Catalog+Fingerprint.swift`).
///
/// `FingerprintEncoder` reaches every field through Codable's boxed containers, which cost 20–30% of a rebuild at
/// 5,000 tables for the catalog types fingerprinted three times a build (the introspected catalog, the tables
/// relationship inference reads, the tables pages are made from). These types feed their fields directly, an order
/// of magnitude faster. Each names its fields as it feeds them, so a test checks that every type feeds every
/// stored property `Mirror` sees: a field added to a type without being fed fails that test.
public protocol FingerprintValue {
    func feed(into fields: inout FingerprintFields)
}

extension FingerprintValue {
    /// This value's fingerprint: what its fields feed.
    public var fingerprint: Fingerprint {
        var fields = FingerprintFields()
        feed(into: &fields)
        return fields.hasher.finalize()
    }
}

/// The hasher a `FingerprintValue` feeds, with the names of the fields fed when a test asks for them.
///
/// Field names are not hashed: a type always feeds the same fields in the same order, and every value is fed
/// with its length or whether it is present, so no two values of one type feed the same words.
public struct FingerprintFields {
    public var hasher = FingerprintHasher()
    /// The fields the outermost value fed, for `fieldNames(of:)`; nil when not asked.
    private var names: [String]?
    private var depth = 0

    public init() {}

    /// The names of the fields `value` feeds, its own and not those of the values inside it.
    public static func fieldNames(of value: some FingerprintValue) -> [String] {
        var fields = FingerprintFields()
        fields.names = []
        value.feed(into: &fields)
        return fields.names ?? []
    }

    @inline(__always)
    private mutating func name(_ name: StaticString) {
        if names != nil, depth == 0 { names?.append(name.description) }
    }

    public mutating func field(_ name: StaticString, _ value: some FingerprintValue) {
        self.name(name)
        nested(value)
    }

    public mutating func field(_ name: StaticString, _ value: (some FingerprintValue)?) {
        self.name(name)
        present(value != nil)
        if let value { nested(value) }
    }

    public mutating func field(_ name: StaticString, _ values: [some FingerprintValue]) {
        self.name(name)
        list(values)
    }

    public mutating func field(_ name: StaticString, _ values: [some FingerprintValue]?) {
        self.name(name)
        present(values != nil)
        if let values { list(values) }
    }

    /// An enumeration's case by its raw value.
    public mutating func field<Case: RawRepresentable>(_ name: StaticString, _ value: Case) where Case.RawValue == String {
        self.name(name)
        hasher.combine(value.rawValue)
    }

    /// A value inside the one being fed: its fields are not the outer value's.
    private mutating func nested(_ value: some FingerprintValue) {
        depth += 1
        value.feed(into: &self)
        depth -= 1
    }

    private mutating func list(_ values: [some FingerprintValue]) {
        hasher.combine(values.count)
        depth += 1
        for value in values { value.feed(into: &self) }
        depth -= 1
    }

    @inline(__always)
    private mutating func present(_ isPresent: Bool) {
        hasher.combine(isPresent ? 0x5052_4553_454E_5401 : 0x4142_5345_4E54_0000)
    }
}

// The scalars the catalog's fields hold, fed as the hasher takes them (a string after its length).
extension String: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) { fields.hasher.combine(self) }
}

extension Int: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) { fields.hasher.combine(self) }
}

extension Bool: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) { fields.hasher.combine(self) }
}

extension Double: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) { fields.hasher.combine(self) }
}
