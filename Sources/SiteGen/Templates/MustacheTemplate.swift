/// A theme's Mustache template, parsed once into nodes that rendering walks.
///
/// Schema Scribe renders its own Mustache rather than a general engine's: at 5,000 tables the general one spent
/// most of a build looking names up through `Any`, copying its context and concatenating strings per tag. Here a
/// template is parsed once (standalone lines, indentation and delimiters decided then, as swift-mustache decided
/// them, so the default theme's pages are unchanged byte for byte), and rendering appends UTF-8 into one buffer.
struct MustacheTemplate: Sendable {
    var nodes: [Node]

    indirect enum Node: Sendable {
        /// Literal text, as UTF-8.
        case text([UInt8])
        /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as it is).
        case variable(Name, escaped: Bool)
        /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
        case section(Name, MustacheTemplate, inverted: Bool)
        /// `{{>name}}` or, with block overrides, `{{<name}}…{{/name}}`; `indentation` is set for a standalone tag.
        /// A `*` before the name (`{{>*name}}`) takes the partial's name from the value named.
        case partial(String, dynamic: Bool, indentation: [UInt8]?, overrides: [String: MustacheTemplate]?)
        /// `{{$name}}default{{/name}}` in a parent template: the caller's override, else the default.
        case block(String, default: MustacheTemplate, indentation: [UInt8]?)
        /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: an override, collected by the parser.
        case blockDefinition(String, MustacheTemplate)
        /// `{{% CONTENT_TYPE: HTML}}`: how the variables after it are escaped.
        case contentType(MustacheContentType)
    }

    /// A tag's name: a dotted path looked up through the context stack, and the transforms applied to what it
    /// finds, innermost last (`empty(columns)`, `last()`).
    struct Name: Sendable, Equatable {
        enum Kind: Sendable, Equatable {
            /// `.`: the current value.
            case current
            /// `last()` and the other transforms without a name: the position in the enclosing list.
            case position
            /// `.name`: looked up in the current value only, not the values around it.
            case anchored
            /// `name` or `a.b`: the first value on the stack, from the top, that answers the first part.
            case stack
        }

        var kind: Kind
        var parts: [String]
        var transforms: [String]
        /// The name as written, for error messages.
        var text: String

        init(_ text: String, transforms: [String]) {
            self.text = text
            self.transforms = transforms
            if text == "." {
                kind = .current
                parts = []
            } else if text.isEmpty, !transforms.isEmpty {
                kind = .position
                parts = []
            } else {
                kind = text.first == "." ? .anchored : .stack
                parts = text.split(separator: ".").map(String.init)
            }
        }
    }
}

/// How a template escapes `{{name}}`: set by the `CONTENT_TYPE` pragma, HTML unless a template says otherwise.
enum MustacheContentType: Sendable, Equatable {
    /// `& < > " '` as entities. `HTML_FAST`, the name the default theme's templates used with the general engine,
    /// means the same.
    case html
    /// No escaping.
    case text

    init?(name: String) {
        switch name {
        case "HTML", "HTML_FAST": self = .html
        case "TEXT": self = .text
        default: return nil
        }
    }
}

/// A view model: the values its template reads, answered by name. Nil means "not mine", and the name is then looked
/// up in the values around it; see `Blank` for a value that is present and empty.
protocol MustacheParent {
    func child(named name: String) -> Any?
}

/// A value that prints as it chooses, and can say it is null (an empty, closed section).
protocol MustacheCustomRenderable {
    var renderText: String { get }
    var isNull: Bool { get }
}

/// A value that answers transforms by name (`{{#empty(list)}}`), beyond the built-in ones.
protocol MustacheTransformable {
    func transform(_ name: String) -> Any?
}

extension Dictionary: MustacheParent where Key == String {
    func child(named name: String) -> Any? { self[name] }
}
