import ContentHash
import Foundation

extension Graphviz {
    /// Renders only the graphs whose DOT text is new; the others come from `file`, a pack of SVGs keyed
    /// by the SHA-256 of their DOT text and `version` (graphviz's own, since another release draws differently).
    ///
    /// One file rather than one per diagram: creating thousands of small files costs more than the
    /// rendering it saves. The pack is rewritten (whole, under a temporary name, then renamed) only
    /// when a diagram was added or dropped: after `render`, it holds exactly that build's diagrams; `renderSome`
    /// (some of a site's diagrams) adds the new ones to what it holds.
    public func cached(in file: URL, version: String, hits: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) -> Graphviz {
        let renderer = self
        @Sendable func render(_ graphs: [String], keepingOthers: Bool) throws -> [String] {
            let keys = graphs.map { SHA256.hex(version + "\n" + $0) }
            let stored = DiagramPack.read(file)
            var svgs = keys.map { stored[$0] }
            let missing = svgs.indices.filter { svgs[$0] == nil }
            hits(graphs.count - missing.count, missing.count)
            if !missing.isEmpty {
                for (index, svg) in zip(missing, try renderer.render(missing.map { graphs[$0] })) { svgs[index] = svg }
            }
            var current = Dictionary(zip(keys, svgs.map { $0 ?? "" }), uniquingKeysWith: { first, _ in first })
            if keepingOthers { current.merge(stored) { new, _ in new } }
            if Set(current.keys) != Set(stored.keys) {
                try DiagramPack.write(current, to: file)
            }
            return svgs.map { $0 ?? "" }
        }
        var cached = Graphviz(version: version) { try render($0, keepingOthers: false) }
        cached.renderSome = { try render($0, keepingOthers: true) }
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
    static func read(_ file: URL) -> [String: String] {
        guard let data = try? Data(contentsOf: file) else { return [:] }
        var entries: [String: String] = [:]
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var index = 0
            while index < bytes.count {
                guard let space = bytes[index...].firstIndex(of: 0x20),
                      let newline = bytes[space...].firstIndex(of: 0x0A),
                      let count = Int(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[space + 1..<newline]), as: UTF8.self)),
                      newline + 1 + count <= bytes.count
                else { return }  // A damaged tail only costs re-rendering what it held.
                let key = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[index..<space]), as: UTF8.self)
                entries[key] = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[newline + 1..<newline + 1 + count]), as: UTF8.self)
                index = newline + 1 + count + 1
            }
        }
        return entries
    }

    static func write(_ entries: [String: String], to file: URL) throws {
        var data = Data()
        for key in entries.keys.sorted() {
            let svg = Data((entries[key] ?? "").utf8)
            data.append(contentsOf: Array("\(key) \(svg.count)\n".utf8))
            data.append(svg)
            data.append(0x0A)
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file, options: .atomic)
    }
}
