@testable import Catalog
import Testing
@testable import SiteGen

@Suite("Safe, unique file names for any identifier")
struct FileNameTests {
    static let hostile = [
        "../../x", "a/b", "index", "..", ".", "\u{E9}", "e\u{301}", "É", "Album", "album", "a\"b", "con", "%2e%2e", "line\nbreak",
        "<script>alert(1)</script>", String(repeating: "t", count: 200), String(repeating: "t", count: 199) + "u", "",
    ]

    @Test func plainNamesKeepTheirSpelling() {
        let names = FileName.unique(for: ["orders", "order_lines", "Customers", "t1"])
        #expect(names.count == 4)
        #expect(names["orders"] == "orders" && names["order_lines"] == "order_lines")
        #expect(names["Customers"] == "customers" && names["t1"] == "t1")
    }

    @Test func everyHostileNameGetsASafeDistinctName() {
        let names = FileName.unique(for: Self.hostile)
        #expect(Set(names.values).count == Self.hostile.count)
        for (original, name) in names {
            #expect(!name.isEmpty, "empty file name for \(String(reflecting: original))")
            #expect(name.count <= FileName.maxReadableLength + 9, "\(name) is too long")
            #expect(name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" },
                    "\(name.debugDescription) has an unsafe character")
            #expect(!["con", "..", "."].contains(name))  // `index` is fine: tables live in a folder of their own
        }
    }

    @Test func namesDifferingOnlyInCaseDoNotShareAFile() {
        let names = FileName.unique(for: ["Album", "album"])
        #expect(names["album"] == "album")
        #expect(names["Album"]?.hasPrefix("album-") == true)
    }

    @Test func theNameOfATableDoesNotDependOnItsNeighbours() {
        let alone = FileName.unique(for: ["../../x"])
        let crowded = FileName.unique(for: ["../../x", "x", "y", "a/b"])
        #expect(alone["../../x"] == crowded["../../x"])
        #expect(alone["../../x"] == "x-" + FileName.shortHash("../../x"))
    }

    /// Databases compare names byte for byte; `String` would take these two for one name.
    @Test func namesDifferingOnlyInUnicodeNormalizationDoNotShareAFile() {
        let composed = "\u{E9}", decomposed = "e\u{301}"
        let names = FileName.unique(for: [composed, decomposed])
        #expect(Set(names.values).count == 2)
        // Each keeps the part it has alone, so neither depends on the other being there.
        #expect(names[composed] == "e-" + FileName.shortHash(composed))
        #expect(names[decomposed] == "e-" + FileName.shortHash(decomposed))
    }

    /// The byte-by-byte path for ASCII names must give what Foundation's folding gives: file names are links.
    @Test func asciiNamesGetTheSamePartWithoutFoundation() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array((0..<128).compactMap(Unicode.Scalar.init).map(Character.init))
        var names = Self.hostile.filter { $0.utf8.allSatisfy { $0 < 0x80 } } + ["__a__", "-_-", "A-B_c", "\r\n", "OrderID", "_", ""]
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...70, using: &generator)
            names.append(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for name in names {
            #expect(FileName.asciiReadablePart(name) == FileName.foldedReadablePart(name), "\(name.debugDescription)")
        }
        #expect(FileName.asciiReadablePart("caf\u{E9}") == nil)
    }
}
