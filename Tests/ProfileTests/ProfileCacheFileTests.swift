import Catalog
import Foundation
import Testing
@testable import Profile

/// The profile cache is read and written by code of its own, for speed: whatever the file holds must come back as
/// exactly what `JSONDecoder` would make of it, and what it writes is JSON that `JSONDecoder` reads the same way.
@Suite("Reading and writing the profile cache")
struct ProfileCacheFileTests {
    static let entries: [String: ProfileCache.Entry] = [
        "k1": ProfileCache.Entry(key: "k1", table: TableProfile(rowsRead: 1_000, isSampled: true, valuesRead: 250, incomplete: nil), columns: [
            ProfileCache.ColumnEntry(name: "id", profile: ColumnProfile(), finding: nil),
            ProfileCache.ColumnEntry(name: "café \"quoted\" \\ / tab\there\nline 😀 \u{1}", profile: ColumnProfile(
                nullFraction: 0.1, distinct: 7, distinctIsEstimate: true, minimum: "-1.5e-7", maximum: "zzz",
                minimumLength: 0, maximumLength: 42, mean: 1.0 / 3.0, standardDeviation: 1e300,
                topValues: [.init(value: "open", count: 9), .init(value: "é", count: -3)],
                patterns: [.init(pattern: "email", share: 0.25)], samples: ["a", "", "\u{7F}\u{2028}"],
                isMasked: true, valuesWithheld: true), finding: PIIFinding(kind: .email, confidence: 0.9, reasons: ["named `email`"])),
            ProfileCache.ColumnEntry(name: "e\u{301}", profile: nil, finding: nil),
        ]),
        "k2": ProfileCache.Entry(key: "k2", table: TableProfile(rowsRead: 0, isSampled: false, valuesRead: 0, incomplete: "timed out"), columns: []),
    ]

    static func decoded(_ text: String) -> [String: ProfileCache.Entry]? {
        try? JSONDecoder().decode([String: ProfileCache.Entry].self, from: Data(text.utf8))
    }

    @Test func whatTheCacheWritesIsReadBackAsJSONDecoderReadsIt() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(Self.entries)
        #expect(ProfileCache.read(data) == Self.entries)
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        #expect(ProfileCache.read(try encoder.encode(Self.entries)) == Self.entries)
    }

    @Test func whatTheCacheWritesIsJSONThatReadsBackAsTheEntries() throws {
        let data = try ProfileCache.encoded(Self.entries)
        #expect(try JSONDecoder().decode([String: ProfileCache.Entry].self, from: data) == Self.entries)
        #expect(ProfileCache.read(data) == Self.entries)
        #expect(try ProfileCache.encoded([:]) == Data("{}".utf8))
    }

    /// As `JSONEncoder` does, a number JSON cannot hold fails the write (and the build goes on without a cache).
    @Test func aNumberJSONCannotHoldIsNotWritten() {
        var entries = Self.entries
        entries["k1"]?.columns[1].profile?.mean = .nan
        #expect(throws: (any Error).self) { try ProfileCache.encoded(entries) }
        entries["k1"]?.columns[1].profile?.mean = .infinity
        #expect(throws: (any Error).self) { try ProfileCache.encoded(entries) }
    }

    @Test func escapesUnknownKeysAndNullsAreReadAsJSONDecoderReadsThem() {
        let text = #"""
            {"k": {"key": "k", "extra": [1, {"a": null}, "x", true], "table": {"rowsRead": 5, "isSampled": false, "valuesRead": 2, "incomplete": null},
              "columns": [{"name": "\u00e9\ud83d\ude00\/\b\f\r", "finding": null, "profile": {"nullFraction": 1E-2, "distinct": -0,
                "distinctIsEstimate": false, "mean": -0.5e+3, "topValues": [], "patterns": [], "samples": ["\\"], "isMasked": false,
                "valuesWithheld": false, "minimum": null}}]}}
            """#
        let expected = Self.decoded(text)
        #expect(expected != nil)
        #expect(ProfileCache.read(Data(text.utf8)) == expected)
    }

    @Test func aFileTheReaderDoesNotExpectGetsJSONDecodersAnswer() {
        for text in [
            #"{"k": {"key": "k", "table": {"rowsRead": 1.0, "isSampled": false, "valuesRead": 2}, "columns": []}}"#,
            #"{"k": {"key": "k", "table": {"rowsRead": 1, "isSampled": false}, "columns": []}}"#,
            #"{"k": {"key": "k", "table": {"rowsRead": 1, "isSampled": false, "valuesRead": 2}, "columns": []}"#,
            #"{"k": {"key": "k", "table": {"rowsRead": 1, "isSampled": false, "valuesRead": 2}, "columns": []}} trailing"#,
            #"{"k": {"key": "\ud800", "table": {"rowsRead": 1, "isSampled": false, "valuesRead": 2}, "columns": []}}"#,
            "",
        ] {
            #expect(ProfileCache.read(Data(text.utf8)) == Self.decoded(text), "\(text)")
        }
    }
}
