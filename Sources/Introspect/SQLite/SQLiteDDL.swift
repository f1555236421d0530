import Catalog

/// Reads the few facts SQLite keeps only inside the `CREATE` statements it stores:
/// index expressions, partial-index predicates and generating expressions of columns.
///
/// A tokenizer that knows SQLite's quoting and comments is enough; nothing here evaluates SQL.
enum SQLiteDDL {
    struct IndexShape: Equatable {
        var parts: [String]
        var predicate: String?
    }

    /// The key parts and `WHERE` predicate of a `CREATE INDEX` statement.
    static func indexShape(_ sql: String) -> IndexShape? {
        let tokens = Tokenizer.tokens(sql)
        guard let onIndex = tokens.firstIndex(where: { $0.isKeyword("ON") }),
              let open = tokens[onIndex...].firstIndex(where: { $0.text == "(" }),
              let close = matchingParen(tokens, open)
        else { return nil }
        let parts = splitTopLevel(tokens, from: open + 1, to: close).map { text(sql, $0) }
        var predicate: String?
        if close + 1 < tokens.count, tokens[close + 1].isKeyword("WHERE"), close + 2 < tokens.count {
            predicate = text(sql, tokens[(close + 2)...])
        }
        return IndexShape(parts: parts, predicate: predicate)
    }

    /// The generating expression of each generated column of a `CREATE TABLE`, by exact column name.
    static func generatedExpressions(_ sql: String) -> [ExactName: String] {
        let tokens = Tokenizer.tokens(sql)
        guard let open = tokens.firstIndex(where: { $0.text == "(" }),
              let close = matchingParen(tokens, open)
        else { return [:] }
        var result: [ExactName: String] = [:]
        for definition in splitTopLevel(tokens, from: open + 1, to: close) {
            guard let first = definition.first, let name = first.identifier else { continue }
            let items = Array(definition)
            var depth = 0
            for (offset, token) in items.enumerated() {
                if token.text == "(" { depth += 1 }
                if token.text == ")" { depth -= 1 }
                guard depth == 0, token.isKeyword("AS"), offset + 1 < items.count, items[offset + 1].text == "(" else {
                    continue
                }
                let start = definition.startIndex + offset + 1
                if let end = matchingParen(tokens, start), end > start + 1 {
                    result[ExactName(name)] = text(sql, tokens[(start + 1)..<end])
                }
                break
            }
        }
        return result
    }

    private static func matchingParen(_ tokens: [Token], _ open: Int) -> Int? {
        var depth = 0
        for index in open..<tokens.count {
            if tokens[index].text == "(" { depth += 1 }
            if tokens[index].text == ")" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    private static func splitTopLevel(_ tokens: [Token], from start: Int, to end: Int) -> [ArraySlice<Token>] {
        var pieces: [ArraySlice<Token>] = []
        var depth = 0
        var pieceStart = start
        for index in start..<end {
            switch tokens[index].text {
            case "(": depth += 1
            case ")": depth -= 1
            case "," where depth == 0:
                pieces.append(tokens[pieceStart..<index])
                pieceStart = index + 1
            default: break
            }
        }
        pieces.append(tokens[pieceStart..<end])
        return pieces.filter { !$0.isEmpty }
    }

    /// The source text covered by `tokens`, as written (comments inside are kept).
    private static func text(_ sql: String, _ tokens: ArraySlice<Token>) -> String {
        guard let first = tokens.first, let last = tokens.last else { return "" }
        let scalars = Array(sql.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first.start..<last.end])
        return String(out)
    }
}

extension SQLiteDDL {
    struct Token: Equatable {
        enum Kind { case word, quoted, string, number, symbol }
        var kind: Kind
        var text: String
        /// Offsets in unicode scalars into the statement.
        var start: Int
        var end: Int

        func isKeyword(_ keyword: String) -> Bool {
            kind == .word && text.uppercased() == keyword
        }

        /// The identifier this token names, with SQLite's quoting removed.
        var identifier: String? {
            switch kind {
            case .word: return text
            case .quoted:
                let inner = String(text.dropFirst().dropLast())
                switch text.first {
                case "\"": return inner.replacingOccurrences(of: "\"\"", with: "\"")
                case "`": return inner.replacingOccurrences(of: "``", with: "`")
                default: return inner
                }
            case .string:
                // SQLite accepts a string literal where an identifier is expected.
                return String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
            default: return nil
            }
        }
    }

    enum Tokenizer {
        static func tokens(_ sql: String) -> [Token] {
            let s = Array(sql.unicodeScalars)
            var tokens: [Token] = []
            var i = 0
            func emit(_ kind: Token.Kind, _ start: Int, _ end: Int) {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: s[start..<end])
                tokens.append(Token(kind: kind, text: String(view), start: start, end: end))
            }
            /// Index just past a quoted run that ends with `close`, where a doubled `close` is a literal one.
            func skipQuoted(_ start: Int, close: Unicode.Scalar, doubles: Bool) -> Int {
                var j = start + 1
                while j < s.count {
                    if s[j] == close {
                        if doubles, j + 1 < s.count, s[j + 1] == close { j += 2; continue }
                        return j + 1
                    }
                    j += 1
                }
                return s.count
            }
            while i < s.count {
                let c = s[i]
                if c.properties.isWhitespace { i += 1; continue }
                if c == "-", i + 1 < s.count, s[i + 1] == "-" {
                    while i < s.count, s[i] != "\n" { i += 1 }
                    continue
                }
                if c == "/", i + 1 < s.count, s[i + 1] == "*" {
                    i += 2
                    while i + 1 < s.count, !(s[i] == "*" && s[i + 1] == "/") { i += 1 }
                    i = min(i + 2, s.count)
                    continue
                }
                switch c {
                case "'":
                    let end = skipQuoted(i, close: "'", doubles: true)
                    emit(.string, i, end); i = end
                case "\"", "`":
                    let end = skipQuoted(i, close: c, doubles: true)
                    emit(.quoted, i, end); i = end
                case "[":
                    let end = skipQuoted(i, close: "]", doubles: false)
                    emit(.quoted, i, end); i = end
                default:
                    if c.properties.isAlphabetic || c == "_" || c.value > 127 {
                        var j = i + 1
                        while j < s.count, s[j].properties.isAlphabetic || s[j].properties.numericType != nil
                            || s[j] == "_" || s[j] == "$" || s[j].value > 127 { j += 1 }
                        emit(.word, i, j); i = j
                    } else if c.properties.numericType != nil {
                        var j = i + 1
                        while j < s.count, s[j].properties.numericType != nil || s[j] == "." { j += 1 }
                        emit(.number, i, j); i = j
                    } else {
                        emit(.symbol, i, i + 1); i += 1
                    }
                }
            }
            return tokens
        }
    }
}
