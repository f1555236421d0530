extension Optional {
    /// The wrapped value for a template, or `Blank` when there is none, so the key is never missing.
    var orBlank: Any {
        map { $0 as Any } ?? Blank()
    }
}
