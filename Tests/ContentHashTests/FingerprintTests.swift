import ContentHash
import Testing

@Suite("Fingerprints of what a file is made from")
struct FingerprintTests {
    struct Page: Encodable {
        var title: String
        var note: String?
        var rows: [[Int]]
        var ratio: Double
    }

    @Test func theSameValueHasTheSameFingerprintInEveryProcess() {
        let page = Page(title: "orders", note: nil, rows: [[1], [2, 3]], ratio: 0.5)
        #expect(FingerprintEncoder.fingerprint(of: page) == FingerprintEncoder.fingerprint(of: page))
        // Written down once: a change to the hasher or the encoder changes every site's manifest, so it must be deliberate.
        #expect(Fingerprint.of("orders").description == "4559b7988317f217b95700c21fd1f370")
        #expect(Fingerprint(Fingerprint.of("orders").description) == Fingerprint.of("orders"))
        #expect(Fingerprint("not a fingerprint") == nil)
    }

    @Test func everyFieldAndTheShapeOfTheValueCount() {
        let base = Page(title: "orders", note: nil, rows: [[1], [2, 3]], ratio: 0.5)
        var variants: [Page] = []
        for change in 0..<6 {
            var page = base
            switch change {
            case 0: page.title = "order"
            case 1: page.note = ""
            case 2: page.rows = [[1, 2], [3]]
            case 3: page.rows = [[1], [2], [3]]
            case 4: page.ratio = 0.25
            default: page.rows = [[1], [3, 2]]
            }
            variants.append(page)
        }
        let prints = Set(([base] + variants).map { FingerprintEncoder.fingerprint(of: $0) })
        #expect(prints.count == 7)
    }

    @Test func partsAreFedWithTheirLengths() {
        #expect(Fingerprint.of("ab", "c") != Fingerprint.of("a", "bc"))
        #expect(Fingerprint.of("") != Fingerprint.of())
        // Lengths that are not a multiple of eight bytes, and multi-byte characters.
        #expect(Fingerprint.of("abcdefghi") != Fingerprint.of("abcdefgh"))
        #expect(Fingerprint.of("é") != Fingerprint.of("e\u{301}"))
    }
}
