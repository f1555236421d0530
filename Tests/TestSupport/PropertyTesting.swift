import Foundation

/// A small, fast, seeded generator (SplitMix64), so fixtures and property-test cases are the same on every
/// machine; a failing case names its seed so it can be run again alone (`SCRIBE_PROPERTY_SEED=…`).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The seeds a property runs over: `count` of them, or the one in `SCRIBE_PROPERTY_SEED`.
    public static func seeds(_ count: Int) -> [UInt64] {
        if let one = ProcessInfo.processInfo.environment["SCRIBE_PROPERTY_SEED"].flatMap(UInt64.init) { return [one] }
        return (0..<UInt64(count)).map { $0 &* 7919 &+ 1 }
    }

    public mutating func pick<T>(_ choices: [T]) -> T {
        choices[Int.random(in: 0..<choices.count, using: &self)]
    }

    public mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }

    /// Text of 1…`maxLength` characters drawn from everything identifiers and descriptions hold in the
    /// wild: ASCII words, YAML and CSV syntax, quotes, accents in NFC and NFD, CJK, emoji, and the
    /// characters readers treat specially (tab, CR, LF, DEL, C1 controls, NEL, U+2028/2029, BOM, U+FFFE).
    public mutating func text(maxLength: Int = 12, allowNewlines: Bool = true) -> String {
        let pools: [[Unicode.Scalar]] = [
            Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_".unicodeScalars),
            Array(" .,:;#-?![]{}&*|>%@`'\"\\/=+~$^()<>".unicodeScalars),
            ["\u{E9}", "e", "\u{301}", "\u{F1}", "\u{DF}", "\u{4E2D}", "\u{6587}", "\u{1F600}", "\u{30C7}", "\u{A0}"],
            ["\t", "\u{7F}", "\u{80}", "\u{9F}", "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFE}", "\u{1}", "\u{1B}"]
                + (allowNewlines ? ["\n", "\r"] : []),
        ]
        let length = Int.random(in: 1...maxLength, using: &self)
        var out = String.UnicodeScalarView()
        for _ in 0..<length {
            // Mostly word characters, as real names are; the rest often enough to meet every combination.
            let pool = pick([0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 3])
            out.append(pick(pools[pool]))
        }
        return String(out)
    }
}
