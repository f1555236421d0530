import Testing
@testable import SiteGen

@Suite("Safe, unique file names for any identifier")
struct FileNameTests {
    static let hostile = [
        "../../x", "a/b", "index", "..", ".", "é", "É", "Album", "album", "a\"b", "con", "%2e%2e", "line\nbreak",
        "<script>alert(1)</script>", String(repeating: "t", count: 200), String(repeating: "t", count: 199) + "u", "",
    ]

    @Test func plainNamesKeepTheirSpelling() {
        let names = FileName.unique(for: ["orders", "order_lines", "Customers", "t1"])
        #expect(names == ["orders": "orders", "order_lines": "order_lines", "Customers": "customers", "t1": "t1"])
    }

    @Test func everyHostileNameGetsASafeDistinctName() {
        let names = FileName.unique(for: Self.hostile)
        #expect(Set(names.values).count == Self.hostile.count)
        for (original, name) in names {
            #expect(!name.isEmpty, "empty file name for \(original.debugDescription)")
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
}
