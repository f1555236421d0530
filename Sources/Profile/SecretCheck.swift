import Foundation

/// Secrets recognisable by their value: credentials with a published prefix (GitHub, AWS, Stripe-style,
/// Slack, GitLab, Google), JSON web tokens, password hashes (bcrypt, argon2, scrypt, PBKDF2), PEM private
/// keys, and long random tokens.
///
/// A hex string alone is not enough: a column of SHA-256 digests or MD5s is more often an id of a row or
/// a file's checksum than a secret, and UUIDs are ids. Those are secrets only when the column's name says
/// so (`api_token`, `password_hash`), which the name rules decide.
enum SecretCheck {
    /// What kind of secret `value` is, or nil.
    static func identify(_ value: String) -> String? {
        let bytes = Array(value.utf8.prefix(4_096))
        guard bytes.count >= 16, !bytes.contains(UInt8(ascii: " ")) || value.hasPrefix("-----BEGIN") else { return nil }
        if let prefixed = knownPrefix(bytes) { return prefixed }
        if isJWT(bytes) { return "JSON web tokens" }
        if isPasswordHash(bytes) { return "password hashes" }
        if isPrefixedToken(bytes) { return "prefixed API tokens" }
        if isRandomToken(bytes) { return randomToken }
        return nil
    }

    /// The one kind found by entropy rather than by a format: weaker evidence, and hex is never enough.
    static let randomToken = "long random tokens"

    /// Prefixes that issuers publish so that leaked keys can be found: that is exactly what they are for.
    static let prefixes: [(prefix: [UInt8], minimumLength: Int, what: String)] = [
        ("ghp_", 36, "GitHub tokens"), ("gho_", 36, "GitHub tokens"), ("ghu_", 36, "GitHub tokens"),
        ("ghs_", 36, "GitHub tokens"), ("ghr_", 36, "GitHub tokens"), ("github_pat_", 40, "GitHub tokens"),
        ("glpat-", 24, "GitLab tokens"), ("xoxb-", 24, "Slack tokens"), ("xoxp-", 24, "Slack tokens"), ("xoxa-", 24, "Slack tokens"),
        ("sk_live_", 20, "live API secret keys"), ("sk_test_", 20, "test API secret keys"), ("rk_live_", 20, "restricted API keys"),
        ("pk_live_", 20, "publishable API keys"), ("whsec_", 20, "webhook signing secrets"), ("sk-", 32, "API secret keys"),
        ("AIza", 39, "Google API keys"), ("npm_", 36, "npm tokens"), ("pypi-", 40, "PyPI tokens"), ("SG.", 40, "SendGrid keys"),
        ("-----BEGIN", 30, "private keys"),
    ].map { (Array($0.0.utf8), $0.1, $0.2) }

    private static func knownPrefix(_ bytes: [UInt8]) -> String? {
        for entry in prefixes where bytes.count >= entry.minimumLength && bytes.starts(with: entry.prefix) {
            return entry.what
        }
        // AWS access key ids: AKIA (long-term) or ASIA (temporary) and 16 upper-case letters or digits.
        if bytes.count == 20, bytes.starts(with: Array("AKIA".utf8)) || bytes.starts(with: Array("ASIA".utf8)),
           bytes[4...].allSatisfy({ isUpper($0) || isDigit($0) }) {
            return "AWS access key ids"
        }
        return nil
    }

    /// Three base64url parts, the first a JSON header (`eyJ` is `{"` encoded).
    static func isJWT(_ bytes: [UInt8]) -> Bool {
        guard bytes.starts(with: Array("eyJ".utf8)) else { return false }
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0].count >= 10 && parts[1].count >= 2
            && parts.allSatisfy { $0.allSatisfy { isBase64URL($0) } }
    }

    /// Modular crypt format: `$2b$12$…` (bcrypt), `$argon2id$v=19$…`, `$scrypt$`, `$pbkdf2-sha256$`, and Django's `pbkdf2_sha256$`.
    static func isPasswordHash(_ bytes: [UInt8]) -> Bool {
        let schemes = ["$2a$", "$2b$", "$2y$", "$argon2id$", "$argon2i$", "$argon2d$", "$scrypt$", "$pbkdf2", "$6$", "$5$",
                       "pbkdf2_sha256$", "pbkdf2_sha1$", "argon2$", "bcrypt$", "scrypt$"]
        return bytes.count >= 30 && schemes.contains { bytes.starts(with: Array($0.utf8)) }
    }

    /// A short lower-case word and `_` before a long random part: `tok_…`, `key_…`, `sess_…`, `live_…`.
    /// Object ids are written the same way (`cus_…`, `ch_…`), so a prefix that does not say secret needs a
    /// longer random part.
    static func isPrefixedToken(_ bytes: [UInt8]) -> Bool {
        guard let underscore = bytes.prefix(12).lastIndex(of: UInt8(ascii: "_")), underscore >= 2 else { return false }
        let head = bytes[..<underscore], tail = Array(bytes[(underscore + 1)...])
        let secretHead = secretPrefixWords.contains(where: { head.elementsEqual($0.utf8) || head.starts(with: Array(($0 + "_").utf8)) })
        guard head.allSatisfy({ isLower($0) || $0 == UInt8(ascii: "_") }), tail.count >= (secretHead ? 20 : 32),
              tail.allSatisfy(isBase64URL) else { return false }
        // Hex after a prefix is a token too (`tok_<32 hex>`): the prefix says it was made to be presented.
        return entropy(tail) >= 3.0 && tail.contains(where: isDigit) && tail.contains(where: { isLower($0) || isUpper($0) })
    }

    static let secretPrefixWords = ["tok", "token", "key", "sk", "secret", "sess", "session", "auth", "api", "pat", "live", "test",
                                    "access", "refresh", "bearer", "otp", "rt", "at", "pwd", "priv"]

    /// 32 or more base64 characters of all three classes with high entropy. Hex alone is not enough (see above).
    static func isRandomToken(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 32, bytes.allSatisfy({ isBase64URL($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "=") })
        else { return false }
        let hasUpper = bytes.contains(where: isUpper), hasLower = bytes.contains(where: isLower), hasDigit = bytes.contains(where: isDigit)
        guard hasUpper, hasLower, hasDigit else { return false }
        // Words and slugs have long runs of lower-case letters; random text switches class every few characters.
        return entropy(bytes) >= 4.2
    }

    /// Shannon entropy in bits per byte.
    static func entropy(_ bytes: some Collection<UInt8>) -> Double {
        var counts = [Int](repeating: 0, count: 256)
        for byte in bytes { counts[Int(byte)] += 1 }
        let total = Double(bytes.count)
        return counts.reduce(0.0) { sum, count in
            guard count > 0 else { return sum }
            let p = Double(count) / total
            return sum - p * log2(p)
        }
    }

    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 65 && byte <= 90 }
    private static func isLower(_ byte: UInt8) -> Bool { byte >= 97 && byte <= 122 }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    private static func isBase64URL(_ byte: UInt8) -> Bool {
        isUpper(byte) || isLower(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}
