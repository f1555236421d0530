import Foundation

/// Turns any identifier into a file-name part that is safe on every file system and in a URL.
///
/// The readable part keeps `a-z`, digits, `_` and `-`; when that loses information (another
/// character, case, length) a short hash of the exact identifier is appended, so `a/b`, `a?b`
/// and `A_B` never share a file. The result never contains `/`, `.` or `%`, so it can't escape
/// its folder however hostile the name.
public enum FileName {
    static let maxReadableLength = 60

    /// Names some file systems refuse whatever the extension (Windows device names).
    private static let reserved: Set<String> = [
        "con", "prn", "aux", "nul",
        "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ]

    static func readablePart(_ name: String) -> String {
        asciiReadablePart(name) ?? foldedReadablePart(name)
    }

    /// `readablePart` of a name that is all ASCII, as nearly every identifier is, byte by byte: Foundation's
    /// folding bridged each name through NSString, a tenth of a one-change rebuild at 90,000 columns.
    static func asciiReadablePart(_ name: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            guard byte < 0x80 else { return nil }
            let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) || lower == 0x5F {
                out.append(lower)
            } else if out.last != 0x2D {
                out.append(0x2D)
            }
        }
        let trimmable: (UInt8) -> Bool = { $0 == 0x2D || $0 == 0x5F }
        guard let first = out.firstIndex(where: { !trimmable($0) }), let last = out.lastIndex(where: { !trimmable($0) }) else { return "" }
        return String(decoding: out[first...min(last, first + maxReadableLength - 1)], as: UTF8.self)
    }

    static func foldedReadablePart(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var out = ""
        var lastWasDash = false
        for scalar in folded.unicodeScalars {
            let keep = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
            if keep {
                out.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash {
                out.append("-")
                lastWasDash = true
            }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "-_"))
        return String(trimmed.prefix(maxReadableLength))
    }

    /// A file-name part for each of `names` (siblings in one folder), unique among them, by exact spelling:
    /// names that differ only in Unicode normalization (`é`, `e` + U+0301) are two entries with two parts.
    ///
    /// Decided per name from the name alone where possible, so adding a table rarely renames another:
    /// a name that is already plain but for case (`Album`) keeps its readable part unless a sibling
    /// takes the same one (`album`), in which case only the exact spelling keeps it.
    public static func unique(for names: [String], extraReserved: Set<String> = []) -> [ExactName: String] {
        var chosen: [ExactName: String] = [:]
        for name in names.map(ExactName.init) where chosen[name] == nil {
            let readable = readablePart(name.text)
            let plain = !readable.isEmpty && readable.isExactly(name.text.lowercased())
                && !reserved.contains(readable) && !extraReserved.contains(readable)
            chosen[name] = plain ? readable : hashed(readable, name.text)
        }
        var byPart = Dictionary(grouping: chosen.keys, by: { chosen[$0] ?? "" })
        for (part, owners) in byPart where owners.count > 1 {
            for owner in owners where !owner.text.isExactly(part) {
                chosen[owner] = hashed(readablePart(owner.text), owner.text)
            }
        }
        // Two hashed names colliding is astronomically unlikely, but still must not share a file.
        byPart = Dictionary(grouping: chosen.keys, by: { chosen[$0] ?? "" })
        for (part, owners) in byPart where owners.count > 1 {
            for (offset, owner) in owners.sorted().enumerated() where offset > 0 {
                chosen[owner] = "\(part)-\(offset + 1)"
            }
        }
        return chosen
    }

    private static func hashed(_ readable: String, _ name: String) -> String {
        let suffix = shortHash(name)
        return readable.isEmpty ? "x-\(suffix)" : "\(readable)-\(suffix)"
    }

    /// Eight base-36 characters of FNV-1a over the UTF-8 bytes: stable across runs and machines.
    static func shortHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        var out = ""
        for _ in 0..<8 {
            out.append(digits[Int(hash % 36)])
            hash /= 36
        }
        return out
    }
}
