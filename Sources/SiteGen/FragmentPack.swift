import ContentHash
import Foundation

/// The encoded parts of the files made from the whole catalog (each table's JSON in catalog.json, each table's part
/// of the search index), kept between builds in one file of the cache folder, so that a build where one table
/// changed encodes that table and copies the bytes of every other.
///
/// Each part is filed under its exporter's name and a fingerprint of exactly what it is encoded from, made from the
/// table fingerprints `SiteFingerprints` already has. A part holds only bytes the site publishes (and their
/// lengths): the pack never holds a value, of a personal-data column or any other, that catalog.json and the search
/// files do not already show.
///
/// One file rather than one per part: thousands of small files cost more to create than encoding saves. It is read
/// the first time a part is asked for (a build where nothing changed never reads it), and written whole, under a
/// temporary name then renamed, only when its content changed: it then holds the parts this build used, and every
/// part of an exporter that did not run (its files were unchanged). A pack written by another build of Schema
/// Scribe, or one that is damaged, missing or unreadable, only costs encoding again: every part read is checked
/// against a checksum of its name and bytes, and one that fails is encoded instead.
///
/// Safe to use from several threads at once.
public final class FragmentPack: @unchecked Sendable {
    /// Its name in the cache folder (`paths.cache`), beside `diagrams.pack`.
    public static let fileName = "fragments.pack"

    public let file: URL
    private let lock = NSLock()
    private var stored: Stored?
    /// The parts this build used or encoded, by exporter.
    private var used: [String: [Fingerprint: Part]] = [:]
    private var counts: [String: (reused: Int, encoded: Int)] = [:]

    public init(file: URL) {
        self.file = file
    }

    /// A part: a range of the pack as read, or bytes encoded in this build.
    private enum Part {
        case stored(Range<Int>)
        case encoded([UInt8])
    }

    private struct Stored {
        var data = Data()
        /// Each record's kind, key, checksum and where its bytes are.
        var records: [String: [Fingerprint: (checksum: Fingerprint, bytes: Range<Int>)]] = [:]
    }

    /// Appends the bytes of `kind`'s part `key` to `out` and returns true; false (and `out` untouched) when the pack
    /// has no such part, or has it damaged.
    func append(_ kind: String, _ key: Fingerprint, to out: inout [UInt8]) -> Bool {
        lock.withLock {
            if let part = used[kind]?[key] {
                switch part {
                case .stored(let range):
                    Self.append(storedData()[range], to: &out)
                    counts[kind, default: (0, 0)].reused += 1
                case .encoded(let bytes):
                    // Counted when it was encoded (`keep`, `prepare`).
                    out.append(contentsOf: bytes)
                }
                return true
            }
            guard let range = soundRecord(kind, key) else { return false }
            Self.append(storedData()[range], to: &out)
            used[kind, default: [:]][key] = .stored(range)
            counts[kind, default: (0, 0)].reused += 1
            return true
        }
    }

    /// Makes sure this build has `kind`'s part `key`: the pack's, when it holds it sound, else the bytes `encode`
    /// returns, which count as encoded. For encoding a document's parts on every core before the document is put
    /// together in order (`append` then copies each); `encode` runs outside the lock.
    func prepare(_ kind: String, _ key: Fingerprint, encode: () throws -> [UInt8]) rethrows {
        let present = lock.withLock { () -> Bool in
            if used[kind]?[key] != nil { return true }
            guard let range = soundRecord(kind, key) else { return false }
            used[kind, default: [:]][key] = .stored(range)
            return true
        }
        guard !present else { return }
        // Copied to its length: an encoder's buffer keeps the capacity it reserved, 16 kB a table.
        let bytes = try encode().withUnsafeBufferPointer { Array($0) }
        lock.withLock {
            if used[kind]?[key] == nil { counts[kind, default: (0, 0)].encoded += 1 }
            used[kind, default: [:]][key] = .encoded(bytes)
        }
    }

    /// Where the pack as read holds `kind`'s part `key`, if it does and its bytes match their checksum. Under the lock.
    private func soundRecord(_ kind: String, _ key: Fingerprint) -> Range<Int>? {
        let stored = readStored()
        guard let record = stored.records[kind]?[key] else { return nil }
        let valid = stored.data.withUnsafeBytes { raw in
            Self.checksum(kind, key, UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[record.bytes])) == record.checksum
        }
        return valid ? record.bytes : nil
    }

    /// The bytes of `kind`'s part `key` as a new array, or nil (see `append`).
    func bytes(_ kind: String, _ key: Fingerprint) -> [UInt8]? {
        var out: [UInt8] = []
        return append(kind, key, to: &out) ? out : nil
    }

    /// Keeps `bytes`, just encoded, as `kind`'s part `key`, for the next build.
    func keep(_ kind: String, _ key: Fingerprint, _ bytes: UnsafeBufferPointer<UInt8>) {
        let copy = Array(bytes)
        lock.withLock {
            used[kind, default: [:]][key] = .encoded(copy)
            counts[kind, default: (0, 0)].encoded += 1
        }
    }

    func keep(_ kind: String, _ key: Fingerprint, _ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { keep(kind, key, $0) }
    }

    /// How many of `kind`'s parts this build copied from the pack and how many it encoded.
    public func counts(_ kind: String) -> (reused: Int, encoded: Int) {
        lock.withLock { counts[kind] ?? (0, 0) }
    }

    /// Writes the pack if this build changed what it holds; returns whether it did. A pack that was never used
    /// (no exporter that keeps parts ran) is left as it is.
    @discardableResult
    public func save() throws -> Bool {
        try lock.withLock {
            guard !used.isEmpty else { return false }
            let stored = readStored()
            // An exporter that did not run keeps its parts: its files are unchanged, so they are still the ones to reuse.
            let kinds = Set(stored.records.keys).union(used.keys).sorted()
            let changed = kinds.contains { kind in
                guard let parts = used[kind] else { return false }
                return parts.count != stored.records[kind]?.count
                    || parts.values.contains { if case .encoded = $0 { true } else { false } }
            }
            guard changed else { return false }
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = file.deletingLastPathComponent()
                .appendingPathComponent(".\(file.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
                  let handle = FileHandle(forWritingAtPath: temporary.path) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
            }
            do {
                // Written in pieces of a few megabytes: the pack is as large as catalog.json and the search index together.
                var buffer = Array(Self.header.utf8)
                func flush(_ force: Bool) throws {
                    guard force || buffer.count >= 4 << 20 else { return }
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
                for kind in kinds {
                    let parts: [(Fingerprint, Fingerprint, Part)] = if let parts = used[kind] {
                        parts.map { key, part in
                            switch part {
                            case .stored: (key, stored.records[kind]?[key]?.checksum ?? Fingerprint(high: 0, low: 0), part)
                            case .encoded(let bytes): (key, bytes.withUnsafeBufferPointer { Self.checksum(kind, key, $0) }, part)
                            }
                        }
                    } else {
                        (stored.records[kind] ?? [:]).map { ($0.key, $0.value.checksum, Part.stored($0.value.bytes)) }
                    }
                    for (key, checksum, part) in parts.sorted(by: { $0.0 < $1.0 }) {
                        let count = switch part {
                        case .stored(let range): range.count
                        case .encoded(let bytes): bytes.count
                        }
                        buffer += Array("\(kind) \(key) \(checksum) \(count)\n".utf8)
                        switch part {
                        case .stored(let range): Self.append(stored.data[range], to: &buffer)
                        case .encoded(let bytes): buffer += bytes
                        }
                        buffer.append(0x0A)
                        try flush(false)
                    }
                }
                try flush(true)
                try handle.close()
                guard rename(temporary.path, file.path) == 0 else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
                }
            } catch {
                try? handle.close()
                try? FileManager.default.removeItem(at: temporary)
                throw error
            }
            return true
        }
    }

    /// The first line of a pack: its format and the program that wrote it (`SiteFingerprints.software`), since
    /// another build of Schema Scribe may encode the same table into other bytes.
    static var header: String { "Schema Scribe fragment pack 1 \(SiteFingerprints.software)\n" }

    private func storedData() -> Data { readStored().data }

    /// The pack as read, parsed once; empty when there is none or it is not this program's. A damaged record ends
    /// the reading: the parts before it are still used, those after it are encoded again.
    private func readStored() -> Stored {
        if let stored { return stored }
        var parsed = Stored()
        // Read, not mapped: a pack cut short by someone else while a build reads it must not bring the build down.
        if let data = try? Data(contentsOf: file), data.starts(with: Array(Self.header.utf8)) {
            parsed.data = data
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let bytes = raw.bindMemory(to: UInt8.self)
                var index = Self.header.utf8.count
                while index < bytes.count {
                    guard let newline = bytes[index...].firstIndex(of: 0x0A) else { return }
                    // Split as bytes: a String per record line was most of a one-change build's search index.
                    let fields = bytes[index..<newline].split(separator: 0x20, omittingEmptySubsequences: false)
                    guard fields.count == 4, let key = Fingerprint(hex: fields[1]), let checksum = Fingerprint(hex: fields[2]),
                          let count = Self.decimal(fields[3]), newline + 1 + count < bytes.count, bytes[newline + 1 + count] == 0x0A
                    else { return }
                    let kind = String(decoding: UnsafeBufferPointer(rebasing: fields[0]), as: UTF8.self)
                    parsed.records[kind, default: [:]][key] = (checksum, newline + 1..<newline + 1 + count)
                    index = newline + 1 + count + 1
                }
            }
        }
        stored = parsed
        return parsed
    }

    /// A count as the pack writes it: decimal digits only, at most 18 of them.
    private static func decimal(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for byte in digits {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// What a record's bytes are checked against: its kind, its key and its bytes.
    static func checksum(_ kind: String, _ key: Fingerprint, _ bytes: UnsafeBufferPointer<UInt8>) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.combine(kind)
        hasher.combine(key)
        hasher.combine(bytes: bytes)
        return hasher.finalize()
    }

    private static func append(_ data: Data, to out: inout [UInt8]) {
        data.withUnsafeBytes { out.append(contentsOf: $0.bindMemory(to: UInt8.self)) }
    }
}
