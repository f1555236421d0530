/// The fingerprint of any value by what `Mirror` sees in it: every stored property, recursively, with the
/// entries of dictionaries and sets taken in a fixed order (Swift's own order for them changes from one run
/// of a process to the next).
///
/// For values that are not `Encodable`, such as a loaded configuration: like `FingerprintEncoder`, a property
/// added to the type is part of the fingerprint the day it is added, so nothing can be left out by forgetting it.
public enum ReflectedFingerprint {
    public static func of(_ value: Any) -> Fingerprint {
        var hasher = FingerprintHasher()
        combine(value, into: &hasher)
        return hasher.finalize()
    }

    public static func combine(_ value: Any, into hasher: inout FingerprintHasher) {
        let mirror = Mirror(reflecting: value)
        hasher.combine(String(reflecting: mirror.subjectType))
        switch mirror.displayStyle {
        case .dictionary?, .set?:
            // Each entry's own fingerprint, sorted: the same entries in any order make the same fingerprint.
            let entries = mirror.children.map { of($0.value) }.sorted()
            hasher.combine(entries.count)
            for entry in entries { hasher.combine(entry) }
        case .enum?:
            // The case's name is not a child; its payload is.
            hasher.combine(caseName(of: value))
            combineChildren(mirror, into: &hasher)
        case .optional?:
            hasher.combine(mirror.children.count)
            combineChildren(mirror, into: &hasher)
        case nil where mirror.children.isEmpty:
            // A scalar: a number, a string, a Bool.
            hasher.combine(String(describing: value))
        default:
            combineChildren(mirror, into: &hasher)
        }
    }

    private static func combineChildren(_ mirror: Mirror, into hasher: inout FingerprintHasher) {
        hasher.combine(mirror.children.count)
        for child in mirror.children {
            hasher.combine(child.label ?? "")
            combine(child.value, into: &hasher)
        }
    }

    /// `success` for `Result.success(1)`: what `String(describing:)` prints before the payload.
    private static func caseName(of value: Any) -> String {
        let text = String(describing: value)
        return String(text.prefix { $0 != "(" })
    }
}
