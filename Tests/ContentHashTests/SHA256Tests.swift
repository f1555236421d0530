import Testing
import ContentHash

@Suite("SHA-256")
struct SHA256Tests {
    /// Vectors from FIPS 180-4 and NIST; the UTF-8 one from coreutils sha256sum.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1_000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
        ("Schema Scribe é ✓", "48c83f3a3cae43d7eb1a5c6ea19f85b98c0ea7a834a7ba5c4606a3abe1743f48"),  // coreutils sha256sum
    ])
    func knownDigests(text: String, digest: String) {
        #expect(SHA256.hex(text) == digest)
    }

    @Test func feedingInPiecesGivesTheSameDigest() {
        let text = Array(String(repeating: "0123456789", count: 50).utf8)
        var hasher = SHA256()
        hasher.update(text[0..<7])
        hasher.update(text[7..<200])
        hasher.update(text[200...])
        var bytewise = SHA256()
        for byte in text { bytewise.update([byte]) }
        let whole = { var h = SHA256(); h.update(text); return h.finalize() }()
        #expect(hasher.finalize() == whole)
        #expect(bytewise.finalize() == whole)
    }
}
