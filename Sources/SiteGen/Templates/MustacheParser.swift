/// Parses Mustache text into a `MustacheTemplate`, once per theme.
///
/// Whitespace follows the Mustache spec as swift-mustache (the engine the themes were written for) applies it:
/// a line holding only a section, comment, partial, block, delimiter or pragma tag leaves no line behind, and a
/// standalone partial is indented by the whitespace before its tag. Keeping its exact rules keeps existing themes'
/// output unchanged.
struct MustacheParser {
    /// Why a template could not be parsed, and where.
    struct Failure: Error, Equatable, CustomStringConvertible {
        var line: Int
        var column: Int
        var message: String

        var description: String { "line \(line), column \(column): \(message)" }
    }

    private let text: [Character]
    private var position = 0

    static func parse(_ string: String) throws(Failure) -> MustacheTemplate {
        var parser = MustacheParser(text: Array(string))
        do {
            return try parser.parse(State())
        } catch let failure as Failure {
            throw failure
        } catch {
            throw parser.failure("\(error)")
        }
    }

    private init(text: [Character]) {
        self.text = text
    }

    private struct Problem: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        /// Where the open section's tag starts, for the error when it is never closed.
        var sectionStart = 0
        var newLine = true
        var isBlockOverrides = false
        var isBlockOverridesTopLevel = false
        var start: [Character] = ["{", "{"]
        var end: [Character] = ["}", "}"]
        var overridesIndent: [Character]?

        func inSection(_ name: String, at start: Int, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionStart = start
            state.sectionTransforms = transforms
            state.isBlockOverridesTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func inOverrides(_ name: String, at start: Int) -> State {
            var state = self
            state.sectionName = name
            state.sectionStart = start
            state.sectionTransforms = []
            state.newLine = true
            state.isBlockOverrides = true
            state.isBlockOverridesTopLevel = true
            return state
        }
    }

    private mutating func parse(_ initial: State) throws -> MustacheTemplate {
        var nodes: [MustacheTemplate.Node] = []
        var state = initial
        var whitespaceBefore: [Character] = []
        func text(_ characters: [Character]) -> MustacheTemplate.Node { .text(Array(String(characters).utf8)) }
        func flushWhitespace() {
            if !whitespaceBefore.isEmpty {
                nodes.append(text(whitespaceBefore))
                whitespaceBefore = []
            }
        }
        while !atEnd {
            if state.newLine {
                let whitespace = read { $0 == " " || $0 == "\t" }
                if state.isBlockOverrides, !state.isBlockOverridesTopLevel {
                    // Inside an override, lines are indented relative to its first line.
                    if let indent = state.overridesIndent {
                        whitespaceBefore = Array(whitespace.dropFirst(indent.count))
                    } else {
                        state.overridesIndent = whitespace
                    }
                } else {
                    whitespaceBefore = whitespace
                }
            }
            let plain = readUntilTagOrNewline(state)
            if current.isNewline {
                nodes.append(text(whitespaceBefore + plain + [current]))
                state.newLine = true
                position += 1
                continue
            }
            if !plain.isEmpty {
                nodes.append(text(whitespaceBefore + plain))
                whitespaceBefore = []
                state.newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let tagStart = position
                let (name, transforms) = try parseName(state)
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    flushWhitespace()
                }
                let body = try parse(state.inSection(name, at: tagStart, newLine: setNewLine, transforms: transforms))
                try validate(name, transforms, at: tagStart)
                nodes.append(.section(.init(name, transforms: transforms), body, inverted: inverted))

            case "/":
                position += 1
                let tagStart = position
                let (name, transforms) = try parseName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    position = tagStart
                    let closed = Self.written(name, transforms)
                    if let open = state.sectionName {
                        throw Problem("`{{/\(closed)}}` closes `\(Self.written(open, state.sectionTransforms))`, which is not the open section")
                    }
                    throw Problem("`{{/\(closed)}}` closes a section that was never opened")
                }
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    flushWhitespace()
                }
                return MustacheTemplate(nodes: nodes)

            case "!":
                position += 1
                try skipComment(state)
                setNewLine = isStandalone(state)

            case "{", "&":
                flushWhitespace()
                let triple = current == "{"
                position += 1
                let tagStart = position
                let (name, transforms) = try parseName(state)
                if triple {
                    guard current == "}" else { throw Problem("`{{{` is not closed by `}}}`") }
                    position += 1
                }
                try validate(name, transforms, at: tagStart)
                nodes.append(.variable(.init(name, transforms: transforms), escaped: false))

            case ">":
                position += 1
                _ = read(while: \.isWhitespace)
                var dynamic = false
                if current == "*" {
                    position += 1
                    dynamic = true
                }
                let name = try parsePartialName(state)
                if !whitespaceBefore.isEmpty { nodes.append(text(whitespaceBefore)) }
                let indentation = isStandalone(state) ? Array(String(whitespaceBefore).utf8) : nil
                setNewLine = indentation != nil
                nodes.append(.partial(name, dynamic: dynamic, indentation: indentation, overrides: nil))
                whitespaceBefore = []

            case "<":
                position += 1
                let tagStart = position
                _ = read(while: \.isWhitespace)
                let written = try parsePartialName(state)
                let dynamic = written.first == "*"
                let name = dynamic ? String(written.dropFirst()) : written
                if !whitespaceBefore.isEmpty { nodes.append(text(whitespaceBefore)) }
                if isStandalone(state) { setNewLine = true }
                let body = try parse(state.inOverrides(written, at: tagStart))
                var overrides: [String: MustacheTemplate] = [:]
                for node in body.nodes {
                    switch node {
                    case .blockDefinition(let block, let template): overrides[block] = template
                    case .text: break
                    default: throw Problem("only `{{$block}}` overrides may stand inside `{{<\(written)}}`")
                    }
                }
                nodes.append(.partial(name, dynamic: dynamic, indentation: Array(String(whitespaceBefore).utf8), overrides: overrides))
                whitespaceBefore = []

            case "$":
                position += 1
                let tagStart = position
                let (name, transforms) = try parseName(state)
                guard transforms.isEmpty else { throw Problem("a block `{{$\(name)}}` cannot take a transform") }
                if state.isBlockOverridesTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.inSection(name, at: tagStart, newLine: setNewLine))
                    nodes.append(.blockDefinition(name, body))
                } else {
                    if !whitespaceBefore.isEmpty { nodes.append(text(whitespaceBefore)) }
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.inSection(name, at: tagStart, newLine: setNewLine))
                    nodes.append(.block(name, default: body, indentation: Array(String(whitespaceBefore).utf8)))
                    whitespaceBefore = []
                }

            case "=":
                position += 1
                state = try parseDelimiters(state)
                setNewLine = isStandalone(state)

            case "%":
                position += 1
                nodes.append(.contentType(try parsePragma(state)))
                setNewLine = isStandalone(state)

            default:
                flushWhitespace()
                let tagStart = position
                let (name, transforms) = try parseName(state)
                try validate(name, transforms, at: tagStart)
                nodes.append(.variable(.init(name, transforms: transforms), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName {
            position = state.sectionStart
            throw Problem("`{{#\(Self.written(open, state.sectionTransforms))}}` is never closed")
        }
        return MustacheTemplate(nodes: nodes)
    }

    // MARK: Tags

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let partialNameCharacters = nameCharacters.union("()/")

    /// A tag's name and its transforms, `empty(columns)` as `columns` and `["empty"]`, up to the closing delimiter.
    private mutating func parseName(_ state: State) throws -> (String, [String]) {
        _ = read(while: \.isWhitespace)
        let written = read { Self.nameCharacters.contains($0) || $0 == "(" || $0 == ")" }
        _ = read(while: \.isWhitespace)
        guard readDelimiter(state.end) else {
            throw Problem("expected `\(String(state.end))` after the name `\(String(written))`")
        }
        guard let open = written.firstIndex(of: "(") else {
            guard !written.contains(")") else { throw Problem("`\(String(written))` has a `)` without a `(`") }
            return (String(written), [])
        }
        // `a(b(name))`: transforms outermost first, then the name, then one `)` per transform.
        var transforms: [String] = []
        var rest = written[...]
        var name = ""
        while let paren = rest.firstIndex(of: "(") {
            transforms.append(String(rest[rest.startIndex..<paren]))
            rest = rest[rest.index(after: paren)...]
        }
        guard let close = rest.firstIndex(of: ")") else { throw Problem("`\(String(written))` is missing a `)`") }
        name = String(rest[rest.startIndex..<close])
        let closing = rest[close...]
        guard closing.count == transforms.count, closing.allSatisfy({ $0 == ")" }), written[open...].contains(")") else {
            throw Problem("`\(String(written))` has unbalanced parentheses")
        }
        return (name, transforms)
    }

    private mutating func parsePartialName(_ state: State) throws -> String {
        _ = read(while: \.isWhitespace)
        let name = read { Self.partialNameCharacters.contains($0) }
        _ = read(while: \.isWhitespace)
        guard readDelimiter(state.end) else { throw Problem("expected `\(String(state.end))` after the partial `\(String(name))`") }
        return String(name)
    }

    private mutating func skipComment(_ state: State) throws {
        let start = position
        while !atEnd {
            if readDelimiter(state.end) { return }
            position += 1
        }
        position = start
        throw Problem("a comment is not closed by `\(String(state.end))`")
    }

    private mutating func parseDelimiters(_ state: State) throws -> State {
        _ = read(while: \.isWhitespace)
        let start = read { !$0.isWhitespace }
        _ = read(while: \.isWhitespace)
        let end = read { $0 != "=" && !$0.isWhitespace }
        _ = read(while: \.isWhitespace)
        guard current == "=" else { throw Problem("a delimiter tag is written `{{=<% %>=}}`") }
        position += 1
        guard readDelimiter(state.end), !start.isEmpty, !end.isEmpty else {
            throw Problem("a delimiter tag is written `{{=<% %>=}}`")
        }
        var state = state
        state.start = start
        state.end = end
        state.isBlockOverridesTopLevel = false
        return state
    }

    private mutating func parsePragma(_ state: State) throws -> MustacheContentType {
        _ = read(while: \.isWhitespace)
        let variable = String(read { Self.nameCharacters.contains($0) })
        _ = read(while: \.isWhitespace)
        guard current == ":" else { throw Problem("a pragma is written `{{% CONTENT_TYPE: HTML}}`") }
        position += 1
        _ = read(while: \.isWhitespace)
        let value = String(read { Self.nameCharacters.contains($0) })
        _ = read(while: \.isWhitespace)
        guard readDelimiter(state.end), !variable.isEmpty, !value.isEmpty else {
            throw Problem("a pragma is written `{{% CONTENT_TYPE: HTML}}`")
        }
        guard variable == "CONTENT_TYPE" else { throw Problem("unknown pragma `\(variable)`; the one known is CONTENT_TYPE") }
        guard let type = MustacheContentType(name: value) else {
            throw Problem("unknown content type `\(value)`; known are HTML, HTML_FAST and TEXT")
        }
        return type
    }

    /// Transforms need a name or the list position; a dotted name's parts must not be empty.
    private mutating func validate(_ name: String, _ transforms: [String], at tagStart: Int) throws {
        if name.isEmpty, transforms.isEmpty {
            position = tagStart
            throw Problem("a tag has no name")
        }
        let path = name.first == "." ? name.dropFirst() : name[...]
        if name != ".", !path.isEmpty, path.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            position = tagStart
            throw Problem("`\(name)` is not a valid dotted name")
        }
    }

    private static func written(_ name: String, _ transforms: [String]) -> String {
        transforms.reduce(name) { inner, transform in "\(transform)(\(inner))" }
    }

    // MARK: Characters

    private var atEnd: Bool { position >= text.count }
    private var current: Character { atEnd ? "\0" : text[position] }

    private mutating func read(while accept: (Character) -> Bool) -> [Character] {
        let start = position
        while !atEnd, accept(text[position]) { position += 1 }
        return Array(text[start..<position])
    }

    private mutating func readDelimiter(_ delimiter: [Character]) -> Bool {
        guard position + delimiter.count <= text.count, Array(text[position..<position + delimiter.count]) == delimiter else { return false }
        position += delimiter.count
        return true
    }

    /// Text up to a newline (not consumed) or a tag's start delimiter (consumed).
    private mutating func readUntilTagOrNewline(_ state: State) -> [Character] {
        var plain: [Character] = []
        while !atEnd {
            let character = text[position]
            // Only a line feed (or CR LF) ends a line here, as in the engine the themes were written for.
            if character == "\n" || character == "\r\n" { break }
            if character == state.start[0], readDelimiter(state.start) { break }
            plain.append(character)
            position += 1
        }
        return plain
    }

    /// Whether the tag just read stands alone on its line; if so, the rest of the line is consumed.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var probe = position
        while probe < text.count, text[probe] == " " || text[probe] == "\t" { probe += 1 }
        if probe < text.count, text[probe].isNewline {
            position = probe + 1
            return true
        }
        return false
    }

    private func failure(_ message: String) -> Failure {
        var line = 1, column = 1
        for character in text[0..<min(position, text.count)] {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return Failure(line: line, column: column, message: message)
    }
}
