import Testing
@testable import ContentHash

/// `ReflectedFingerprint`: every stored property counts, and dictionaries and sets count by their entries, not
/// the order Swift happens to keep them in (which changes from one process to the next).
@Suite("Fingerprints by reflection")
struct ReflectedFingerprintTests {
    enum Provider: Equatable { case offline, model(name: String) }

    struct Settings {
        var title: String
        var limits: [String: Int]
        var tags: Set<String>
        var provider: Provider
        var timeout: Double?
    }

    static let settings = Settings(title: "Shop", limits: ["calls": 10, "tokens": 2000, "retries": 3],
                                   tags: ["a", "b", "c"], provider: .model(name: "small"), timeout: 60)

    @Test func theSameValueBuiltInAnotherOrderHasTheSameFingerprint() {
        var other = Settings(title: "Shop", limits: [:], tags: [], provider: .model(name: "small"), timeout: 60)
        for key in ["retries", "tokens", "calls"] { other.limits[key] = Self.settings.limits[key] }
        for tag in ["c", "a", "b"] { other.tags.insert(tag) }
        #expect(ReflectedFingerprint.of(other) == ReflectedFingerprint.of(Self.settings))
    }

    @Test(arguments: [
        { (settings: inout Settings) in settings.title = "Shop!" },
        { (settings: inout Settings) in settings.limits["calls"] = 11 },
        { (settings: inout Settings) in settings.limits["seconds"] = 0 },
        { (settings: inout Settings) in settings.tags.remove("b") },
        { (settings: inout Settings) in settings.provider = .offline },
        { (settings: inout Settings) in settings.provider = .model(name: "large") },
        { (settings: inout Settings) in settings.timeout = nil },
        { (settings: inout Settings) in settings.timeout = 60.5 },
    ] as [@Sendable (inout Settings) -> Void])
    func anyPropertyChangedChangesTheFingerprint(change: @Sendable (inout Settings) -> Void) {
        var changed = Self.settings
        change(&changed)
        #expect(ReflectedFingerprint.of(changed) != ReflectedFingerprint.of(Self.settings))
    }

    @Test func keysAndValuesAreNotInterchangeable() {
        #expect(ReflectedFingerprint.of(["a": "b"]) != ReflectedFingerprint.of(["b": "a"]))
        #expect(ReflectedFingerprint.of(["a", "b"]) != ReflectedFingerprint.of(["b", "a"]), "an array's order counts")
    }
}
