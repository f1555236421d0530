
/// A column's personal-data finding as its badge and the report print it.
struct PIIBadge: MustacheParent {
    /// "email", "phone number", …
    var kind: String
    var confidence: String
    var reasons: String
    /// Declared with `pii:` in a context file rather than found.
    var declared: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "confidence": confidence
        case "reasons": reasons
        case "declared": declared
        default: nil
        }
    }
}
