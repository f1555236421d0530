import ContentHash
import Foundation

extension Graphviz {
    /// Renders only the graphs whose DOT text is new: each SVG is kept in `folder` under the SHA-256
    /// of its DOT text and `version` (graphviz's own version, since another release draws differently).
    ///
    /// A rebuild where few tables changed starts few `dot` processes, or none.
    public func cached(in folder: URL, version: String, hits: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) -> Graphviz {
        let renderer = self
        return Graphviz { graphs in
            let keys = graphs.map { SHA256.hex(version + "\n" + $0) }
            var svgs = keys.map { key -> String? in
                (try? Data(contentsOf: Self.file(folder, key))).map { String(decoding: $0, as: UTF8.self) }
            }
            let missing = svgs.indices.filter { svgs[$0] == nil }
            hits(graphs.count - missing.count, missing.count)
            if !missing.isEmpty {
                let rendered = try renderer.render(missing.map { graphs[$0] })
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for (index, svg) in zip(missing, rendered) {
                    svgs[index] = svg
                    // Written whole under a temporary name, then renamed: a crash never leaves half an SVG.
                    let target = Self.file(folder, keys[index])
                    let temporary = target.appendingPathExtension("tmp-\(ProcessInfo.processInfo.processIdentifier)")
                    try Data(svg.utf8).write(to: temporary)
                    _ = try? FileManager.default.removeItem(at: target)
                    try FileManager.default.moveItem(at: temporary, to: target)
                }
            }
            return svgs.map { $0 ?? "" }
        }
    }

    private static func file(_ folder: URL, _ key: String) -> URL {
        folder.appendingPathComponent("\(key).svg")
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
