
/// What a template sees for a value the page does not have: it prints nothing and keeps a section closed.
///
/// A key missing from a row is not the same thing: Mustache then looks the name up in the enclosing rows and
/// the page, and prints whatever it finds there (a partition once showed its table's row count). So every view
/// model answers each key it owns, with `Blank` for nil. `false` would close a section too, but prints "false"
/// in `{{ }}`; an empty string prints nothing but opens a section.
struct Blank: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}
