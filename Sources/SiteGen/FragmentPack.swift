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
/// One file rather than one per part: thousands of small files cost more to create than encoding saves. Nothing of
/// it is held in memory but where each part lies: the pack is indexed the first time a part is asked for (a build
/// where nothing changed never reads it), and each part is read when it is copied. Parts encoded in this build go to
/// a file of their own beside the pack as they are made (at 20,000 tables the parts are 250 MB, which held in memory
/// were a fifth of the build's peak); `save` then adds the parts of the pack still wanted to that file and renames it
/// over the pack, only when the content changed. The pack then holds the parts this build used, and every part of
/// an exporter that did not run (its files were unchanged). A pack written by another build of Schema Scribe, or
/// one that is damaged, missing or unreadable, only costs encoding again: every part read is checked against a
/// checksum of its name and bytes, and one that fails is encoded instead.
///
/// Safe to use from several threads at once.
public final class FragmentPack: @unchecked Sendable {
    /// Its name in the cache folder (`paths.cache`), beside `diagrams.pack`.
    public static let fileName = "fragments.pack"

    public let file: URL
    private let lock = NSLock()
    /// The pack as this build found it, indexed on first use.
    private var stored: PackFile?
    /// The parts encoded in this build, in the file they are written to as they are made; nil until the first.
    private var added: PackFile?
    /// Where the parts this build used or encoded are, by exporter.
    private var used: [String: [Fingerprint: Location]] = [:]
    private var counts: [String: (reused: Int, encoded: Int)] = [:]
    /// Why a part encoded in this build could not be kept, for `save` to report.
    private var failure: (any Error)?

    public init(file: URL) {
        self.file = file
    }

    deinit {
        // A build that failed or was interrupted before `save` leaves nothing behind.
        added?.remove()
    }

    /// A part in the pack as read, or in the file of parts added in this build.
    private enum Location {
        case stored(PackFile.Record)
        case added(PackFile.Record)
    }

    /// Appends the bytes of `kind`'s part `key` to `out` and returns true; false (and `out` untouched) when the pack
    /// has no such part, or has it damaged.
    func append(_ kind: String, _ key: Fingerprint, to out: inout [UInt8]) -> Bool {
        lock.withLock {
            switch used[kind]?[key] {
            case .added(let record):
                // Counted when it was encoded (`keep`, `prepare`).
                return added?.read(record, kind, key, into: &out) ?? false
            case .stored(let record):
                guard readStored().read(record, kind, key, into: &out) else {
                    used[kind]?[key] = nil
                    return false
                }
                counts[kind, default: (0, 0)].reused += 1
                return true
            case nil:
                guard let record = readStored().records[kind]?[key], readStored().read(record, kind, key, into: &out) else { return false }
                used[kind, default: [:]][key] = .stored(record)
                counts[kind, default: (0, 0)].reused += 1
                return true
            }
        }
    }

    /// Makes sure this build has `kind`'s part `key`: the pack's, when it holds it, else the bytes `encode` returns,
    /// which count as encoded. For encoding a document's parts on every core before the document is put together in
    /// order (`append` then copies each); `encode` runs outside the lock. A part of the pack found damaged only when
    /// it is copied is encoded then, in order.
    func prepare(_ kind: String, _ key: Fingerprint, encode: () throws -> [UInt8]) rethrows {
        let present = lock.withLock { () -> Bool in
            if used[kind]?[key] != nil { return true }
            guard let record = readStored().records[kind]?[key] else { return false }
            used[kind, default: [:]][key] = .stored(record)
            return true
        }
        guard !present else { return }
        try encode().withUnsafeBufferPointer { keep(kind, key, $0) }
    }

    /// The bytes of `kind`'s part `key` as a new array, or nil (see `append`).
    func bytes(_ kind: String, _ key: Fingerprint) -> [UInt8]? {
        var out: [UInt8] = []
        return append(kind, key, to: &out) ? out : nil
    }

    /// Keeps `bytes`, just encoded, as `kind`'s part `key`, for the next build. A part that cannot be written (the
    /// cache folder full or read-only) is not kept, and `save` reports why: the build's files do not depend on it.
    func keep(_ kind: String, _ key: Fingerprint, _ bytes: UnsafeBufferPointer<UInt8>) {
        let checksum = PackFile.checksum(kind, key, bytes)
        lock.withLock {
            if case .added = used[kind]?[key] { return }
            counts[kind, default: (0, 0)].encoded += 1
            do {
                if added == nil { added = try PackFile.creating(beside: file) }
                used[kind, default: [:]][key] = .added(try added!.append(kind, key, checksum: checksum, bytes))
            } catch {
                used[kind]?[key] = nil
                failure = failure ?? error
            }
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
            if let failure { throw failure }
            guard !used.isEmpty else { return false }
            let stored = readStored()
            // Changed when a part was added, or one the pack holds was not wanted (a table gone).
            let dropped = used.contains { kind, parts in parts.count != stored.records[kind]?.count }
            guard added != nil || dropped else { return false }
            let pack = try added ?? PackFile.creating(beside: file)
            added = nil
            do {
                // Parts of the pack still wanted follow those just added: the ones this build used, and every part of
                // an exporter that did not run (its files are unchanged, so they are still the ones to reuse).
                for kind in Set(stored.records.keys).union(used.keys).sorted() {
                    let wanted: [(Fingerprint, PackFile.Record)] = if let parts = used[kind] {
                        parts.compactMap { key, location in
                            if case .stored(let record) = location { (key, record) } else { nil }
                        }
                    } else {
                        Array(stored.records[kind] ?? [:])
                    }
                    for (key, record) in wanted.sorted(by: { $0.0 < $1.0 }) {
                        try pack.copy(record, kind, key, from: stored)
                    }
                }
                try pack.finish(replacing: file)
            } catch {
                pack.remove()
                throw error
            }
            // The pack is now this file: a later use or save starts from it.
            self.stored = pack
            used = [:]
            return true
        }
    }

    /// The pack as read, indexed once; empty when there is none or it is not this program's.
    private func readStored() -> PackFile {
        if let stored { return stored }
        let read = PackFile.indexing(file)
        stored = read
        return read
    }
}

/// A file of the fragment pack's format, for reading (the pack as a build found it) or being written (the parts a
/// build adds, then the pack it becomes). Read a record at a time, never mapped: mapped pages count as the
/// process's memory once touched, and a pack cut short by someone else while mapped would bring the build down.
///
/// The format: a header line (`header`), then records of `<kind> <key> <checksum> <byte count>\n<bytes>\n`.
final class PackFile {
    /// Where one record's bytes are, and their checksum.
    struct Record {
        var checksum: Fingerprint
        var bytes: Range<Int>
    }

    let url: URL
    private let descriptor: Int32
    /// Each record's kind and key, and where it is.
    private(set) var records: [String: [Fingerprint: Record]] = [:]
    /// The length of a file being written.
    private var length = 0

    private init(url: URL, descriptor: Int32) {
        self.url = url
        self.descriptor = descriptor
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The first line of a pack: its format and the program that wrote it (`SiteFingerprints.software`), since
    /// another build of Schema Scribe may encode the same table into other bytes.
    static var header: String { "Schema Scribe fragment pack 1 \(SiteFingerprints.software)\n" }

    /// The pack at `url`, indexed header by header (its parts' bytes are skipped, not read). A damaged record ends
    /// the index: the parts before it are still used, those after it are encoded again. Empty when there is no pack,
    /// it cannot be read or another program wrote it.
    static func indexing(_ url: URL) -> PackFile {
        let file = PackFile(url: url, descriptor: open(url.path, O_RDONLY | O_CLOEXEC))
        file.index()
        return file
    }

    private func index() {
        guard descriptor >= 0 else { return }
        let size = Int(lseek(descriptor, 0, SEEK_END))
        let head = Array(Self.header.utf8)
        var offset = head.count
        guard size > offset, let first = read(0..<offset), first == head else { return }
        // Headers are read in windows of 64 kB, several parts' worth; a part's bytes are skipped by moving past them.
        var window: [UInt8] = []
        var windowStart = 0
        while offset < size {
            if offset < windowStart || offset >= windowStart + window.count || window[(offset - windowStart)...].firstIndex(of: 0x0A) == nil {
                guard let bytes = read(offset..<min(size, offset + 64 << 10)) else { return }
                window = bytes
                windowStart = offset
            }
            let start = offset - windowStart
            guard let newline = window[start...].firstIndex(of: 0x0A) else { return }
            let fields = window[start..<newline].split(separator: 0x20, omittingEmptySubsequences: false)
            let body = windowStart + newline + 1
            guard fields.count == 4, let key = Fingerprint(hex: fields[1]), let checksum = Fingerprint(hex: fields[2]),
                  let count = Self.decimal(fields[3]), body + count < size
            else { return }
            let kind = String(decoding: fields[0], as: UTF8.self)
            records[kind, default: [:]][key] = Record(checksum: checksum, bytes: body..<body + count)
            offset = body + count + 1
        }
        // The newline after each part is checked when the part is read (`read(_:_:_:into:)`).
    }

    /// A new, empty file beside `pack` for the parts a build adds, under a name no other build uses.
    static func creating(beside pack: URL) throws -> PackFile {
        let folder = pack.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(
            ".\(pack.lastPathComponent).adding-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path]) }
        let file = PackFile(url: url, descriptor: descriptor)
        try file.write(Array(header.utf8))
        return file
    }

    /// Appends `kind`'s part `key` and returns where its bytes are.
    func append(_ kind: String, _ key: Fingerprint, checksum: Fingerprint, _ bytes: UnsafeBufferPointer<UInt8>) throws -> Record {
        var record = Array("\(kind) \(key) \(checksum) \(bytes.count)\n".utf8)
        let start = length + record.count
        record.append(contentsOf: bytes)
        record.append(0x0A)
        try write(record)
        let stored = Record(checksum: checksum, bytes: start..<start + bytes.count)
        records[kind, default: [:]][key] = stored
        return stored
    }

    /// Appends a record of `source`, checked as it is read: a damaged part is left out.
    func copy(_ record: Record, _ kind: String, _ key: Fingerprint, from source: PackFile) throws {
        var bytes: [UInt8] = []
        guard source.read(record, kind, key, into: &bytes) else { return }
        _ = try bytes.withUnsafeBufferPointer { try append(kind, key, checksum: record.checksum, $0) }
    }

    /// Appends `record`'s bytes to `out` when they are all there, followed by their newline, and match their checksum.
    func read(_ record: Record, _ kind: String, _ key: Fingerprint, into out: inout [UInt8]) -> Bool {
        let start = out.count
        let count = record.bytes.count
        out.append(contentsOf: repeatElement(0, count: count + 1))
        let complete = out.withUnsafeMutableBufferPointer { buffer -> Bool in
            let target = UnsafeMutableBufferPointer(rebasing: buffer[start...])
            guard readFully(into: UnsafeMutableRawBufferPointer(target), at: record.bytes.lowerBound),
                  target[count] == 0x0A else { return false }
            return Self.checksum(kind, key, UnsafeBufferPointer(rebasing: target[..<count])) == record.checksum
        }
        out.removeLast(complete ? 1 : count + 1)
        return complete
    }

    /// Renames this file, complete, over `pack`.
    func finish(replacing pack: URL) throws {
        guard fsync(descriptor) == 0, rename(url.path, pack.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: pack.path])
        }
    }

    /// Removes a file being written (a build that failed or did not save).
    func remove() {
        unlink(url.path)
    }

    private func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let wrote = pwrite(descriptor, raw.baseAddress! + done, raw.count - done, off_t(length + done))
                if wrote < 0, errno == EINTR { continue }
                guard wrote > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
                done += wrote
            }
        }
        length += bytes.count
    }

    private func read(_ range: Range<Int>) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: range.count)
        let complete = bytes.withUnsafeMutableBytes { readFully(into: $0, at: range.lowerBound) }
        return complete ? bytes : nil
    }

    private func readFully(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
        guard descriptor >= 0 else { return false }
        var done = 0
        while done < buffer.count {
            let read = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if read < 0, errno == EINTR { continue }
            guard read > 0 else { return false }
            done += read
        }
        return true
    }

    /// A count as the pack writes it: decimal digits only, at most 18 of them.
    private static func decimal(_ digits: ArraySlice<UInt8>) -> Int? {
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
}
