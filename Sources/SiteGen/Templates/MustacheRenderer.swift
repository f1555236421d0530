import Foundation

/// Renders a parsed template into one UTF-8 buffer.
///
/// The context stack holds each value with what it is already known to be (a view model or not), so a name is
/// looked up without casting every value on the way; strings are escaped straight into the buffer.
struct MustacheRenderer {
    let library: MustacheLibrary
    private(set) var output: [UInt8] = []
    private var stack: [Entry] = []

    init(library: MustacheLibrary, capacity: Int = 16_384) {
        self.library = library
        output.reserveCapacity(capacity)
    }

    /// What a section's body sees of its list: `first()`, `last()`, `index()`, `even()`, `odd()`.
    struct Position {
        var first: Bool
        var last: Bool
        var index: Int
    }

    /// Everything but the stack that a template renders with; partials and blocks derive their own.
    struct Frame {
        var position: Position?
        var indentation: [UInt8]?
        var overrides: [String: MustacheTemplate]?
        var contentType: MustacheContentType = .html
    }

    private enum Entry {
        case parent(any MustacheParent)
        /// A string, number or list: no names to look up in it.
        case leaf(Any)
        /// Anything else is read by reflection, as a general engine would.
        case reflected(Any)

        var value: Any {
            switch self {
            case .parent(let parent): parent
            case .leaf(let value), .reflected(let value): value
            }
        }
    }

    mutating func render(_ template: MustacheTemplate, object: Any) {
        push(object)
        render(template, Frame())
        stack.removeLast()
    }

    private mutating func push(_ value: Any) {
        if type(of: value) == String.self {
            stack.append(.leaf(value))
        } else if let parent = value as? any MustacheParent {
            stack.append(.parent(parent))
        } else if value is String || value is any MustacheSequence || value is Bool || value is Int || value is Double {
            stack.append(.leaf(value))
        } else {
            stack.append(.reflected(value))
        }
    }

    private mutating func render(_ template: MustacheTemplate, _ frame: Frame) {
        var frame = frame
        for node in template.nodes {
            switch node {
            case .text(let bytes):
                emit(bytes, frame)
            case .variable(let name, let escaped):
                guard let value = lookup(name, frame) else { continue }
                write(value, escaped: escaped && frame.contentType == .html, frame)
            case .section(let name, let body, let inverted):
                let value = lookup(name, frame)
                if inverted {
                    renderInverted(value, body, frame)
                } else {
                    renderSection(value, body, frame)
                }
            case .partial(let name, let dynamic, let indentation, let overrides):
                let partialName = dynamic ? lookup(.init(name, transforms: []), frame) as? String : name
                guard let partialName, let partial = library.template(named: partialName) else { continue }
                // A partial starts over with HTML escaping and no list position; its indentation adds to the caller's,
                // and the caller's overrides win over the partial's own.
                var inner = Frame(position: nil, indentation: frame.indentation, overrides: frame.overrides, contentType: .html)
                if let indentation { inner.indentation = (frame.indentation ?? []) + indentation }
                if let overrides {
                    inner.overrides = frame.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
                }
                render(partial, inner)
            case .block(let name, let fallback, let indentation):
                var inner = frame
                inner.position = nil
                if let indentation { inner.indentation = (frame.indentation ?? []) + indentation }
                render(frame.overrides?[name] ?? fallback, inner)
            case .blockDefinition:
                // Only collected inside `{{<parent}}`, which the parser checks.
                continue
            case .contentType(let type):
                frame.contentType = type
            }
        }
    }

    // Values are told apart by their type first (a pointer comparison) and by protocol casts only after: each
    // protocol cast is a lookup in the runtime's conformance cache, which was a third of rendering.

    private mutating func renderSection(_ value: Any?, _ body: MustacheTemplate, _ frame: Frame) {
        guard let value else { return }
        let valueType = type(of: value)
        if valueType == Blank.self { return }
        if valueType == Bool.self {
            if value as? Bool == true { render(body, frame) }
        } else if valueType == String.self {
            render(body, with: .leaf(value), frame)
        } else if let parent = value as? any MustacheParent {
            render(body, with: .parent(parent), frame)
        } else if let list = value as? any MustacheSequence {
            list.forEachElement { element, position in
                push(element)
                var inner = frame
                inner.position = position
                render(body, inner)
                stack.removeLast()
            }
        } else if let bool = value as? Bool {
            if bool { render(body, frame) }
        } else if let custom = value as? any MustacheCustomRenderable, custom.isNull {
            return
        } else if let optional = value as? any AnyOptional, optional.isNone {
            return
        } else {
            render(body, with: value, frame)
        }
    }

    /// `body` with `value` on top of the stack: a section opened by a value, or an inverted one by an empty list.
    private mutating func render(_ body: MustacheTemplate, with value: Any, _ frame: Frame) {
        push(value)
        renderPushed(body, frame)
    }

    private mutating func render(_ body: MustacheTemplate, with entry: Entry, _ frame: Frame) {
        stack.append(entry)
        renderPushed(body, frame)
    }

    private mutating func renderPushed(_ body: MustacheTemplate, _ frame: Frame) {
        var inner = frame
        inner.position = nil
        render(body, inner)
        stack.removeLast()
    }

    private mutating func renderInverted(_ value: Any?, _ body: MustacheTemplate, _ frame: Frame) {
        guard let value else { return render(body, frame) }
        let valueType = type(of: value)
        if valueType == Blank.self { return render(body, frame) }
        if valueType == Bool.self {
            if value as? Bool == false { render(body, frame) }
        } else if valueType == String.self || value is any MustacheParent {
            return
        } else if let list = value as? any MustacheSequence {
            if list.isEmptySequence { render(body, with: value, frame) }
        } else if let bool = value as? Bool {
            if !bool { render(body, frame) }
        } else if let custom = value as? any MustacheCustomRenderable, custom.isNull {
            render(body, frame)
        } else if let optional = value as? any AnyOptional, optional.isNone {
            render(body, frame)
        }
    }

    // MARK: Names

    private func lookup(_ name: MustacheTemplate.Name, _ frame: Frame) -> Any? {
        var found: Any?
        switch name.kind {
        case .current:
            found = stack.last?.value
        case .position:
            found = frame.position
        case .anchored:
            found = stack.last.flatMap { resolve(name.parts[...], in: $0) }
        case .stack:
            guard let first = name.parts.first else { return nil }
            for entry in stack.reversed() {
                if let child = Self.child(first, of: entry) {
                    found = name.parts.count == 1 ? child : resolve(name.parts.dropFirst(), in: Self.entry(child))
                    break
                }
            }
        }
        guard var value = found else { return nil }
        for transform in name.transforms.reversed() {
            guard let transformed = Self.transform(value, transform) else { return nil }
            value = transformed
        }
        return value
    }

    private func resolve(_ parts: ArraySlice<String>, in entry: Entry) -> Any? {
        var current = entry
        var value = entry.value
        for part in parts {
            guard let child = Self.child(part, of: current) else { return nil }
            value = child
            current = Self.entry(child)
        }
        return value
    }

    private static func entry(_ value: Any) -> Entry {
        if type(of: value) == String.self { return .leaf(value) }
        if let parent = value as? any MustacheParent { return .parent(parent) }
        return .reflected(value)
    }

    private static func child(_ name: String, of entry: Entry) -> Any? {
        switch entry {
        case .parent(let parent):
            return parent.child(named: name)
        case .leaf:
            return nil
        case .reflected(let value):
            guard let child = Mirror(reflecting: value).children.first(where: { $0.label == name })?.value else { return nil }
            if let optional = child as? any AnyOptional { return optional.wrapped }
            return child
        }
    }

    private static func transform(_ value: Any, _ name: String) -> Any? {
        if let position = value as? Position {
            switch name {
            case "first": return position.first
            case "last": return position.last
            case "index": return position.index
            case "even": return position.index & 1 == 0
            case "odd": return position.index & 1 == 1
            default: return nil
            }
        }
        switch value {
        case let custom as any MustacheTransformable:
            return custom.transform(name)
        case let list as any MustacheSequence:
            return list.transform(name)
        case let text as String:
            switch name {
            case "empty": return text.isEmpty
            case "capitalized": return text.capitalized
            case "lowercased": return text.lowercased()
            case "uppercased": return text.uppercased()
            case "reversed": return String(text.reversed())
            default: return nil
            }
        case let number as Int:
            switch name {
            case "equalzero": return number == 0
            case "plusone": return number + 1
            case "minusone": return number - 1
            case "even": return number & 1 == 0
            case "odd": return number & 1 == 1
            default: return nil
            }
        default:
            return nil
        }
    }

    // MARK: Output

    private mutating func write(_ value: Any, escaped: Bool, _ frame: Frame) {
        if let text = value as? String {
            emit(text, escaped: escaped, frame)
        } else if type(of: value) == Blank.self {
            return
        } else if let custom = value as? any MustacheCustomRenderable {
            emit(custom.renderText, escaped: escaped, frame)
        } else if let number = value as? Int {
            emit(String(number), escaped: false, frame)
        } else if let optional = value as? any AnyOptional {
            emit(optional.wrapped.map { String(describing: $0) } ?? "nil", escaped: escaped, frame)
        } else {
            emit(String(describing: value), escaped: escaped, frame)
        }
    }

    private mutating func emit(_ text: String, escaped: Bool, _ frame: Frame) {
        guard !text.isEmpty else { return }
        indentIfAtLineStart(frame)
        if escaped {
            appendEscapedHTML(text, to: &output)
        } else {
            output.append(contentsOf: text.utf8)
        }
    }

    private mutating func emit(_ bytes: [UInt8], _ frame: Frame) {
        guard !bytes.isEmpty else { return }
        indentIfAtLineStart(frame)
        output.append(contentsOf: bytes)
    }

    /// Inside an indented partial, each line it prints starts with the indentation.
    private mutating func indentIfAtLineStart(_ frame: Frame) {
        guard let indentation = frame.indentation, !indentation.isEmpty, output.last == 0x0A else { return }
        // A line that ended with CR LF is one character to the engine the themes were written for, not a line feed.
        if output.count >= 2, output[output.count - 2] == 0x0D { return }
        output.append(contentsOf: indentation)
    }
}

/// A list a section repeats its body for.
protocol MustacheSequence {
    var isEmptySequence: Bool { get }
    func forEachElement(_ body: (Any, MustacheRenderer.Position) -> Void)
    func transform(_ name: String) -> Any?
}

extension Array: MustacheSequence {
    var isEmptySequence: Bool { isEmpty }

    func forEachElement(_ body: (Any, MustacheRenderer.Position) -> Void) {
        for (index, element) in enumerated() {
            body(element, .init(first: index == 0, last: index == count - 1, index: index))
        }
    }

    func transform(_ name: String) -> Any? {
        switch name {
        case "first": first
        case "last": last
        case "reversed": Array(reversed())
        case "count": count
        case "empty": isEmpty
        default: nil
        }
    }
}

/// An optional inside `Any`, which a cast cannot tell from its value.
protocol AnyOptional {
    var isNone: Bool { get }
    var wrapped: Any? { get }
}

extension Optional: AnyOptional {
    var isNone: Bool { self == nil }
    var wrapped: Any? { self.map { $0 as Any } }
}
