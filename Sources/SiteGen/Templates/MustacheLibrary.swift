/// A theme's templates by name (`table` for `templates/table.mustache`), each parsed once; partials and parents
/// are found here by name when a page renders.
struct MustacheLibrary: Sendable {
    private var templates: [String: MustacheTemplate] = [:]

    /// Parses `text` and keeps it as `name`; a bad template throws where it went wrong.
    mutating func register(_ text: String, named name: String) throws(MustacheParser.Failure) {
        templates[name] = try MustacheParser.parse(text)
    }

    func template(named name: String) -> MustacheTemplate? {
        templates[name]
    }

    /// `object` through the template `name`, as UTF-8; nil when the library has no such template.
    func render(_ object: Any, withTemplate name: String, capacity: Int = 16_384) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var renderer = MustacheRenderer(library: self, capacity: capacity)
        renderer.render(template, object: object)
        return renderer.output
    }
}
