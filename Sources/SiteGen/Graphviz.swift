import Foundation

/// Renders DOT text to SVG. A struct of one closure, so tests can render without graphviz.
public struct Graphviz: Sendable {
    /// Takes DOT graphs and returns one SVG document per graph, in the same order: every diagram of a site.
    public var render: @Sendable ([String]) throws -> [String]
    /// Graphviz's version, part of each diagram file's fingerprint since another release draws differently.
    public var version: String
    /// How a cache starts a run; nil for a plain renderer, whose runs are its `render`.
    var startRun: (@Sendable () -> DiagramRun)?

    public init(version: String = "", render: @escaping @Sendable ([String]) throws -> [String]) {
        self.render = render
        self.version = version
    }

    /// A build's diagrams in several batches (`DiagramRun`), so that no more than a batch of SVG text is held at once.
    public func run() -> DiagramRun {
        startRun?() ?? DiagramRun(render: render, finish: { _ in })
    }

    /// Runs graphviz's `dot`, many graphs per process: starting `dot` costs about 14 ms, laying out a
    /// small graph about 0.5 ms, so one process per diagram would dominate the build.
    public static func dot(executable: String = "dot", processes: Int = 2, graphsPerProcess: Int = 400) -> Graphviz {
        Graphviz { graphs in
            guard !graphs.isEmpty else { return [] }
            let batches = batches(graphs: graphs.count, processes: processes, graphsPerProcess: graphsPerProcess).map {
                Array(graphs[$0])
            }
            let results = ResultSlots(count: batches.count)
            let queue = OperationQueue()
            queue.maxConcurrentOperationCount = max(1, processes)
            for (index, batch) in batches.enumerated() {
                queue.addOperation {
                    results.set(index, Result { try runDot(executable: executable, graphs: batch) })
                }
            }
            queue.waitUntilAllOperationsAreFinished()
            return try results.values().flatMap { try $0.get() }
        }
    }

    /// The graphs each `dot` process lays out: at most `graphsPerProcess`, in as many batches as keep every process
    /// busy (a multiple of `processes`, or one per graph when there are fewer), of sizes that differ by one at most.
    /// 133 area diagrams in one batch of 400 had one core lay them all out while the other waited.
    static func batches(graphs: Int, processes: Int, graphsPerProcess: Int) -> [Range<Int>] {
        guard graphs > 0 else { return [] }
        let workers = max(1, processes), limit = max(1, graphsPerProcess)
        let needed = (graphs + limit - 1) / limit
        let count = min(graphs, (needed + workers - 1) / workers * workers)
        let (size, extra) = graphs.quotientAndRemainder(dividingBy: count)
        var start = 0
        return (0..<count).map { index in
            let end = start + size + (index < extra ? 1 : 0)
            defer { start = end }
            return start..<end
        }
    }

    private static func runDot(executable: String, graphs: [String]) throws -> [String] {
        let svg = try run(executable: executable, arguments: ["-Tsvg"], input: Data(graphs.joined().utf8))
        let documents = splitDocuments(svg)
        guard documents.count == graphs.count else {
            throw RenderError(.graphvizFailed("expected \(graphs.count) diagrams from dot, got \(documents.count)"))
        }
        return documents
    }

    /// Runs `dot` with `arguments` on `input` (DOT text, through a temporary file) and returns what it wrote.
    static func run(executable: String, arguments: [String], input dot: Data) throws -> Data {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("scribe-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        let input = base.appendingPathExtension("dot")
        let errorLog = base.appendingPathExtension("log")
        try dot.write(to: input)
        try Data().write(to: errorLog)
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: errorLog)
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments + [input.path]
        let output = Pipe()
        process.standardOutput = output
        // Errors go to a file: two pipes read one after the other could block dot on the unread one.
        process.standardError = try FileHandle(forWritingTo: errorLog)
        do {
            try process.run()
        } catch {
            throw RenderError(.graphvizMissing)
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            if process.terminationStatus == 127 { throw RenderError(.graphvizMissing) }
            let message = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
            throw RenderError(.graphvizFailed(message.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return data
    }

    /// dot writes one complete SVG document per input graph, back to back.
    /// A literal `</svg>` can only be a closing tag: text inside is escaped as `&lt;/svg&gt;`.
    /// Splits bytes, not a String: Foundation's `components(separatedBy:)` took a sixth of a cold build's CPU.
    static func splitDocuments(_ output: Data) -> [String] {
        let closing = Array("</svg>".utf8)
        return output.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> [String] in
            var documents: [String] = []
            var start = 0
            var index = 0
            let end = bytes.count - closing.count
            while index <= end {
                if bytes[index] == 0x3C, bytes[index + 1] == 0x2F,  // "</"
                   closing.indices.allSatisfy({ bytes[index + $0] == closing[$0] }) {
                    var first = start
                    while first < index, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[first]) { first += 1 }
                    documents.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[first..<index + closing.count]), as: UTF8.self) + "\n")
                    index += closing.count
                    start = index
                } else {
                    index += 1
                }
            }
            return documents
        }
    }
}

/// One build's diagrams, rendered a batch at a time: `render` each batch, then `finish` once. Through a cache
/// (`Graphviz.cached`), the cache file is read once and written once, and SVGs rendered are set aside on disk
/// until then, so memory holds one batch of SVG text whatever the size of the site.
public struct DiagramRun: Sendable {
    public var render: @Sendable ([String]) throws -> [String]
    /// `pruning`: this run drew every diagram of the site, so a cache keeps exactly those.
    public var finish: @Sendable (_ pruning: Bool) throws -> Void

    public init(render: @escaping @Sendable ([String]) throws -> [String], finish: @escaping @Sendable (_ pruning: Bool) throws -> Void) {
        self.render = render
        self.finish = finish
    }
}

/// Results of parallel work, each written once by its own operation.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<[String], Error>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ result: Result<[String], Error>) { lock.withLock { slots[index] = result } }
    func values() -> [Result<[String], Error>] {
        lock.withLock { slots.map { $0 ?? .failure(RenderError(.graphvizFailed("a batch did not finish"))) } }
    }
}
