import Catalog
import Foundation
import Yams

/// Walks a YAML node tree, turning every surprise into a `ConfigError` that points at the node.
///
/// `at` names the place in the document the way a user would write it (`sources[0].path`).
package struct YAMLReader {
    package let file: String
    /// Where `${VAR}` is read from; nil for files where `$` is just a character (context files).
    package let environment: [String: String]?

    package init(file: String, environment: [String: String]?) {
        self.file = file
        self.environment = environment
    }

    package func error(_ node: Node, _ message: String) -> ConfigError {
        ConfigError(file: file, line: node.mark?.line, column: node.mark?.column, message: message)
    }

    package func location(_ node: Node) -> Location {
        Location(file: file, line: node.mark?.line, column: node.mark?.column)
    }

    package func mapping(_ node: Node, at place: String, allowed: [String]) throws(ConfigError) -> [String: Node] {
        guard case .mapping(let mapping) = node else {
            throw error(node, "`\(place)` should be a mapping of keys (\(allowed.joined(separator: ", "))), found \(Self.kind(node))")
        }
        var fields: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else { throw error(keyNode, "a key in `\(place)` should be a plain word") }
            guard allowed.contains(key.string) else {
                let suggestion = Suggestion.closest(to: key.string, among: allowed).map { "did you mean `\($0)`? " } ?? ""
                throw error(keyNode, "unknown key `\(key.string)` in \(place == "the top level" ? place : "`\(place)`"); "
                    + "\(suggestion)allowed keys: \(allowed.joined(separator: ", "))")
            }
            guard fields[key.string] == nil else {
                throw error(keyNode, "duplicate key `\(key.string)` in \(place == "the top level" ? place : "`\(place)`")")
            }
            fields[key.string] = value
        }
        return fields
    }

    package func sequence(_ node: Node, at place: String) throws(ConfigError) -> [Node] {
        guard case .sequence(let sequence) = node else {
            throw error(node, "`\(place)` should be a list, found \(Self.kind(node))")
        }
        return Array(sequence)
    }

    package func required(_ fields: [String: Node], _ key: String, in node: Node, at place: String) throws(ConfigError) -> Node {
        guard let value = fields[key] else { throw error(node, "`\(place)` is missing `\(key)`") }
        return value
    }

    /// A scalar as text, with `${VAR}` replaced from the environment.
    package func string(_ node: Node, at place: String) throws(ConfigError) -> String {
        // A bare `key:`, `~` and `null` are YAML's null, not the text "~"; a quoted "" is a deliberate empty text.
        guard case .scalar(let scalar) = node, node.null == nil else {
            throw error(node, "`\(place)` should be text, found \(Self.kind(node))")
        }
        guard environment != nil else { return scalar.string }
        return try interpolate(scalar.string, node: node, at: place)
    }

    /// A list of texts; a single text is taken as a list of one.
    package func strings(_ node: Node, at place: String) throws(ConfigError) -> [String] {
        try locatedStrings(node, at: place).map { $0.text }
    }

    /// `strings`, each with where it was written, for a finding about one item.
    package func locatedStrings(_ node: Node, at place: String) throws(ConfigError) -> [(text: String, location: Location)] {
        if case .scalar = node { return [(try string(node, at: place), location(node))] }
        var out: [(text: String, location: Location)] = []
        for (offset, item) in try sequence(node, at: place).enumerated() {
            out.append((try string(item, at: "\(place)[\(offset)]"), location(item)))
        }
        return out
    }

    /// A duration in seconds within `range`: `30s`, `2m`, `500ms`, or a plain number of seconds.
    ///
    /// The range is checked because `Double` also reads `inf`, `nan` and `1e300`, which later crash the
    /// conversion to milliseconds or nanoseconds.
    package func duration(_ node: Node, at place: String, within range: ClosedRange<Double>) throws(ConfigError) -> Double {
        let text = try string(node, at: place).trimmingCharacters(in: .whitespaces)
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        let value = units.lazy.compactMap { suffix, scale in
            text.hasSuffix(suffix) ? Double(text.dropLast(suffix.count)).map { $0 * scale } : nil
        }.first ?? Double(text)
        // NaN is in no range.
        if let value, range.contains(value) { return value }
        throw error(node, "`\(place)` should be a duration from \(Self.durationText(range.lowerBound)) to "
            + "\(Self.durationText(range.upperBound)), such as `30s`, `2m` or `500ms`, found `\(written(node))`")
    }

    /// Seconds written the way a user would write them in a file: `1ms`, `30s`, `24h`.
    static func durationText(_ seconds: Double) -> String {
        for (suffix, scale) in [("h", 3600.0), ("m", 60), ("s", 1)] where seconds >= scale && seconds.truncatingRemainder(dividingBy: scale) == 0 {
            return "\(Int(seconds / scale))\(suffix)"
        }
        return "\(Int((seconds * 1000).rounded()))ms"
    }

    /// A scalar's text exactly as written in the file, before `${VAR}` is read: safe to quote in a message.
    package func written(_ node: Node) -> String {
        if case .scalar(let scalar) = node { return scalar.string }
        return Self.kind(node)
    }

    /// Replaces `${NAME}` with the variable's value. `$$` stands for a literal `$`.
    /// The value itself never appears in an error: it may be a secret.
    package func interpolate(_ text: String, node: Node, at place: String) throws(ConfigError) -> String {
        guard text.contains("$") else { return text }
        var out = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            out += rest[..<dollar]
            let after = rest[rest.index(after: dollar)...]
            if after.hasPrefix("$") {
                out += "$"
                rest = after.dropFirst()
            } else if after.hasPrefix("{"), let close = after.firstIndex(of: "}") {
                let name = String(after[after.index(after: after.startIndex)..<close])
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                    throw error(node, "`\(place)` has `${\(name)}`, which is not a variable name; expected `${NAME}` with letters, digits and _")
                }
                guard let value = environment?[name] else {
                    throw error(node, "environment variable \(name) is not set (used in `\(place)`)")
                }
                out += value
                rest = after[after.index(after: close)...]
            } else {
                out += "$"
                rest = after
            }
        }
        return out + rest
    }

    package static func kind(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar) where scalar.string.isEmpty: return "nothing"
        case .scalar(let scalar): return "`\(scalar.string)`"
        case .alias: return "an alias"
        }
    }

    /// Parses YAML text into a node tree; syntax errors carry the line and column libyaml reports.
    package static func compose(_ text: String, file: String) throws(ConfigError) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch {
            throw syntaxError(error, file: file)
        }
    }

    /// Line and column (in Unicode scalars, as Yams counts them elsewhere) of a UTF-8 byte offset.
    private static func position(ofByte offset: Int, in text: String) -> (line: Int, column: Int) {
        let prefix = text.utf8.prefix(max(0, offset))
        let line = prefix.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lastLine = prefix.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).last ?? []
        return (line, String(decoding: lastLine, as: UTF8.self).unicodeScalars.count + 1)
    }

    private static func syntaxError(_ error: Error, file: String) -> ConfigError {
        guard let yaml = error as? YamlError else {
            return ConfigError(file: file, message: "not valid YAML: \(error)")
        }
        switch yaml {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text) at line \($0.mark.line))" } ?? problem
            return ConfigError(file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(detail)")
        case .reader(let problem, let offset, let value, let text):
            // libyaml's reader reports a byte offset and the character; say where, and which character.
            let character = value >= 0 ? String(format: " (U+%04X)", value) : ""
            let place = offset.map { position(ofByte: $0, in: text) }
            return ConfigError(file: file, line: place?.line, column: place?.column,
                               message: "YAML syntax error: \(problem)\(character); write it as an escape in a double-quoted string (\\u…)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigError(file: file, line: context.mark.line, column: context.mark.column,
                               message: "duplicate key `\(duplicates.joined(separator: "`, `"))`; each key may appear once")
        default:
            return ConfigError(file: file, message: "not valid YAML: \(yaml)")
        }
    }
}
