import ContentHash
import Foundation

extension Graphviz {
    /// Renders only the graphs whose DOT text is new; the others come from `file`, a pack of SVGs keyed
    /// by the SHA-256 of their DOT text and `version` (graphviz's own, since another release draws differently).
    ///
    /// One file rather than one per diagram: creating thousands of small files costs more than the
    /// rendering it saves. A run (`DiagramRun`) indexes the pack once, sets the SVGs it renders aside in a file of
    /// their own, and at its end writes the pack again (whole, under a temporary name, then renamed) only when a
    /// diagram was added or dropped: a run that drew every diagram of a site leaves exactly those, one that drew
    /// some of them (an incremental build) adds the new ones to what the pack holds. `hits` hears, at the end
    /// of each run, how many diagrams came from the pack and how many graphviz rendered.
    public func cached(in file: URL, version: String, hits: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) -> Graphviz {
        let renderer = self
        var cached = Graphviz(version: version) { graphs in
            let run = DiagramStore(file: file, version: version, renderer: renderer, hits: hits)
            let svgs = try run.render(graphs)
            try run.finish(pruning: true)
            return svgs
        }
        cached.startRun = {
            let store = DiagramStore(file: file, version: version, renderer: renderer, hits: hits)
            return DiagramRun(render: { try store.render($0) }, finish: { try store.finish(pruning: $0) })
        }
        return cached
    }

    /// `dot -V`'s line, e.g. "dot - graphviz version 2.43.0 (0)", or "unknown" when it cannot run.
    public static func dotVersion(executable: String = "dot") -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable, "-V"]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return "unknown" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// The diagram cache file: records of `<sha256 hex> <byte count>\n<svg bytes>\n`, sorted by key.
enum DiagramPack {
    /// Where each record's SVG lies in the pack `file` is open on, header by header, skipping the SVGs.
    static func index(_ file: FileHandle) -> [String: Range<Int>] {
        var entries: [String: Range<Int>] = [:]
        var offset = 0
        // A header is `<64 hex digits> <count>\n`: well under 100 bytes.
        while (try? file.seek(toOffset: UInt64(offset))) != nil, let head = try? file.read(upToCount: 100), !head.isEmpty {
            guard let space = head.firstIndex(of: 0x20), let newline = head[space...].firstIndex(of: 0x0A),
                  let count = Int(String(decoding: head[space + 1..<newline], as: UTF8.self)), count >= 0
            else { break }
            let start = offset + newline + 1
            entries[String(decoding: head[..<space], as: UTF8.self)] = start..<start + count
            offset = start + count + 1
        }
        // A damaged tail only costs re-rendering what it held: a record must end where the file does or before.
        let end = (try? file.seekToEnd()).map(Int.init) ?? 0
        return entries.filter { $0.value.upperBound <= end }
    }

    /// The bytes at `range` of the file `handle` is open on.
    static func read(_ range: Range<Int>, from handle: FileHandle) -> Data? {
        guard (try? handle.seek(toOffset: UInt64(range.lowerBound))) != nil,
              let bytes = try? handle.read(upToCount: range.count), bytes.count == range.count else { return nil }
        return bytes
    }

    /// The records of `keys`, in that order, each SVG from `svg`: written to a temporary file a few megabytes at a
    /// time and renamed over `file`, so a pack is never half written and never held whole in memory.
    static func write(_ keys: [String], to file: URL, svg: (String) -> Data?) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).writing-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        manager.createFile(atPath: temporary.path, contents: nil)
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            var buffer = Data()
            for key in keys {
                guard let bytes = svg(key) else { continue }
                buffer.append(contentsOf: Array("\(key) \(bytes.count)\n".utf8))
                buffer.append(bytes)
                buffer.append(0x0A)
                if buffer.count >= 4 << 20 {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try handle.write(contentsOf: buffer)
            try handle.synchronize()
            guard rename(temporary.path, file.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? manager.removeItem(at: temporary)
            throw error
        }
    }
}

/// One run over the diagram pack: the pack as it was (indexed by key), and the SVGs rendered in this run,
/// appended to a file beside it until `finish` merges both into a new pack.
final class DiagramStore: @unchecked Sendable {
    private let file: URL
    private let version: String
    private let renderer: Graphviz
    private let hits: @Sendable (Int, Int) -> Void
    private let lock = NSLock()
    /// The pack as the run found it, and where each SVG lies in it. Read a record at a time, not mapped: mapped pages
    /// count as the process's memory once touched, and writing the pack again touches them all.
    private let stored: FileHandle?
    private let storedIndex: [String: Range<Int>]
    /// SVGs rendered in this run, in a file of their own.
    private let added: URL
    private var addedHandle: FileHandle?
    private var addedIndex: [String: Range<Int>] = [:]
    private var addedLength = 0
    /// Every key asked for in this run, and how many came from the pack.
    private var used: Set<String> = []
    private var fromPack = 0
    private var rendered = 0

    init(file: URL, version: String, renderer: Graphviz, hits: @escaping @Sendable (Int, Int) -> Void) {
        self.file = file
        self.version = version
        self.renderer = renderer
        self.hits = hits
        stored = try? FileHandle(forReadingFrom: file)
        storedIndex = stored.map(DiagramPack.index) ?? [:]
        added = file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).adding-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
    }

    deinit {
        try? stored?.close()
        try? addedHandle?.close()
        try? FileManager.default.removeItem(at: added)
    }

    func render(_ graphs: [String]) throws -> [String] {
        let keys = graphs.map { SHA256.hex(version + "\n" + $0) }
        var svgs: [String?] = lock.withLock {
            used.formUnion(keys)
            return keys.map { svg(for: $0) }
        }
        let missing = svgs.indices.filter { svgs[$0] == nil }
        if !missing.isEmpty {
            let fresh = try renderer.render(missing.map { graphs[$0] })
            try lock.withLock {
                for (index, svg) in zip(missing, fresh) {
                    svgs[index] = svg
                    try add(svg, for: keys[index])
                }
            }
        }
        lock.withLock {
            fromPack += graphs.count - missing.count
            rendered += missing.count
        }
        return svgs.map { $0 ?? "" }
    }

    private func svg(for key: String) -> String? {
        if let range = storedIndex[key], let stored, let bytes = DiagramPack.read(range, from: stored) {
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let range = addedIndex[key] else { return nil }
        try? addedHandle?.synchronize()
        guard let reader = try? FileHandle(forReadingFrom: added) else { return nil }
        defer { try? reader.close() }
        return DiagramPack.read(range, from: reader).map { String(decoding: $0, as: UTF8.self) }
    }

    private func add(_ svg: String, for key: String) throws {
        guard addedIndex[key] == nil else { return }
        if addedHandle == nil {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: added.path, contents: nil)
            addedHandle = try FileHandle(forWritingTo: added)
        }
        let bytes = Data(svg.utf8)
        try addedHandle?.write(contentsOf: bytes)
        addedIndex[key] = addedLength..<addedLength + bytes.count
        addedLength += bytes.count
    }

    /// Writes the pack again when its keys change: every key this run used (`pruning`), or those it held and
    /// those added.
    func finish(pruning: Bool) throws {
        try lock.withLock {
            hits(fromPack, rendered)
            try addedHandle?.close()
            addedHandle = nil
            defer { try? FileManager.default.removeItem(at: added) }
            let keys = pruning ? used : Set(storedIndex.keys).union(addedIndex.keys)
            guard keys != Set(storedIndex.keys) else { return }
            let fresh = addedIndex.isEmpty ? nil : try FileHandle(forReadingFrom: added)
            defer { try? fresh?.close() }
            try DiagramPack.write(keys.sorted(), to: file) { key in
                if let range = storedIndex[key], let stored { return DiagramPack.read(range, from: stored) }
                if let range = addedIndex[key], let fresh { return DiagramPack.read(range, from: fresh) }
                return nil
            }
        }
    }
}
