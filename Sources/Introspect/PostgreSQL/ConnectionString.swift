import CLibPQ
import Foundation

/// A libpq connection string (`postgresql://…` or key=value pairs), read here before libpq sees it, so that
/// no message carries its password.
///
/// Masking what libpq parsed is not enough: a string libpq cannot parse yields no password to mask, and
/// libpq's message quotes the token it could not read, which may be the password (`50%off` is not valid
/// percent-encoding) or a piece of it (an unencoded `/` makes the password's first half the port).
struct ConnectionString {
    static let mask = "********"

    /// Every form the password takes (as written, percent-decoded, unquoted), longest first.
    let passwords: [String]
    /// Why libpq cannot read the string, in its words with the password cut; nil when it can.
    let problem: String?

    init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        var found = Self.writtenPasswords(in: text)
        if let password = environment["PGPASSWORD"] { found.append(password) }
        var problem: String?
        // As libpq decides: anything else is a database name, which libpq never parses.
        if Self.isURI(text) || text.contains("=") {
            var error: UnsafeMutablePointer<CChar>?
            if let options = PQconninfoParse(text, &error) {
                let values = Self.values(options)
                PQconninfoFree(options)
                found += values["password"].map { [$0] } ?? []
                problem = Self.portProblem(values["port"])
            } else {
                problem = error.map { String(cString: $0) } ?? "libpq could not parse it"
            }
            if let error { PQfreemem(error) }
        }
        let passwords = Set(found.filter { !$0.isEmpty }).sorted { ($0.count, $0) > ($1.count, $1) }
        self.passwords = passwords
        self.problem = problem.map { Self.scrub($0.trimmingCharacters(in: .whitespacesAndNewlines), passwords) }
    }

    /// `text` with every form of the password, and any token libpq quotes that is a piece of one, masked.
    func scrub(_ text: String) -> String {
        Self.scrub(text, passwords)
    }

    private static func scrub(_ text: String, _ passwords: [String]) -> String {
        let masked = passwords.reduce(text) { $0.replacingOccurrences(of: $1, with: mask) }
        return masked.replacing(/"([^"]*)"/) { match in
            let token = match.output.1
            return token.count >= 2 && passwords.contains { $0.contains(token) } ? "\"\(mask)\"" : String(match.output.0)
        }
    }

    /// libpq checks ports only when it connects, and then names a server it never tried.
    private static func portProblem(_ ports: String?) -> String? {
        for port in (ports ?? "").split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = port.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty, !(Int(trimmed).map { (1...65_535).contains($0) } ?? false) {
                return "the port \"\(trimmed)\" is not a number from 1 to 65535"
            }
        }
        return nil
    }

    private static func values(_ options: UnsafeMutablePointer<PQconninfoOption>) -> [String: String] {
        var values: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { values[String(cString: keyword)] = String(cString: value) }
            option += 1
        }
        return values
    }

    static func isURI(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// The password as the string spells it, read as a person means it, whether or not libpq can parse it.
    static func writtenPasswords(in text: String) -> [String] {
        let scheme = ["postgresql://", "postgres://"].first { text.hasPrefix($0) }
        let written = scheme.map { uriPasswords(text.dropFirst($0.count)) } ?? keyValuePasswords(text)
        return written.flatMap { [String($0), $0.removingPercentEncoding].compactMap { $0 } }
    }

    /// `user:password@host` and `?password=…`. The user part ends at the first `@` for libpq, and at the last
    /// one for a person who did not percent-encode an `@` in the password: both are taken.
    private static func uriPasswords(_ rest: Substring) -> [Substring] {
        var found: [Substring] = []
        for at in [rest.firstIndex(of: "@"), rest.lastIndex(of: "@")].compactMap({ $0 }) {
            let user = rest[..<at]
            if let colon = user.firstIndex(of: ":") { found.append(user[user.index(after: colon)...]) }
        }
        let hostPart = rest.lastIndex(of: "@").map { rest[$0...] } ?? rest
        if let query = hostPart.firstIndex(of: "?") {
            for pair in hostPart[hostPart.index(after: query)...].split(separator: "&") where pair.hasPrefix("password=") {
                found.append(pair.dropFirst("password=".count))
            }
        }
        return found
    }

    /// `password=value` or `password = 'quoted \' value'` as libpq tokenizes key=value strings, an unterminated
    /// quote running to the end; both the value as written and unescaped are taken.
    private static func keyValuePasswords(_ text: String) -> [Substring] {
        var found: [Substring] = []
        var rest = text[...]
        while true {
            rest = rest.drop(while: \.isWhitespace)
            guard !rest.isEmpty else { break }
            let key = rest.prefix { $0 != "=" && !$0.isWhitespace }
            rest = rest[key.endIndex...].drop(while: \.isWhitespace)
            guard rest.first == "=" else { break }
            rest = rest.dropFirst().drop(while: \.isWhitespace)
            let quoted = rest.first == "'"
            if quoted { rest = rest.dropFirst() }
            var value = ""
            var index = rest.startIndex
            while index < rest.endIndex {
                let character = rest[index]
                if quoted ? character == "'" : character.isWhitespace { break }
                if character == "\\", rest.index(after: index) < rest.endIndex { index = rest.index(after: index) }
                value.append(rest[index])
                index = rest.index(after: index)
            }
            if key == "password" { found += [rest[..<index], Substring(value)] }
            rest = rest[index...].dropFirst(quoted && index < rest.endIndex ? 1 : 0)
        }
        return found
    }
}
