import Foundation
import Testing
import TestSupport
@testable import SiteGen

@Suite("Diagram cache")
struct GraphvizCacheTests {
    /// The pack's records, read as a run reads them.
    static func records(_ file: URL) -> [String: String] {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return [:] }
        defer { try? handle.close() }
        return DiagramPack.index(handle).compactMapValues { DiagramPack.read($0, from: handle).map { String(decoding: $0, as: UTF8.self) } }
    }

    /// A renderer that counts the graphs it is asked to draw.
    final class Counter: @unchecked Sendable {
        var rendered: [String] = []
        var graphviz: Graphviz {
            Graphviz { graphs in
                self.rendered += graphs
                return graphs.map { "<svg>\($0.count) é\n</svg>\n" }
            }
        }
    }

    @Test func onlyNewOrChangedDiagramsAreRendered() throws {
        let folder = try TemporaryFolder()
        let counter = Counter()
        let cached = counter.graphviz.cached(in: folder.path("cache/diagrams.pack"), version: "dot 1")
        let first = try cached.render(["digraph a {}", "digraph b {}"])
        #expect(counter.rendered == ["digraph a {}", "digraph b {}"])

        let second = try cached.render(["digraph a {}", "digraph bb {}", "digraph b {}"])
        #expect(counter.rendered.count == 3)
        #expect(counter.rendered.last == "digraph bb {}")
        #expect(second == [first[0], "<svg>13 é\n</svg>\n", first[1]])

        _ = try cached.render(["digraph a {}", "digraph bb {}", "digraph b {}"])
        #expect(counter.rendered.count == 3, "a rebuild with nothing changed rendered again")
    }

    @Test func thePackKeepsExactlyTheLastBuildsDiagrams() throws {
        let folder = try TemporaryFolder()
        let file = folder.path("diagrams.pack")
        let cached = Counter().graphviz.cached(in: file, version: "dot 1")
        _ = try cached.render(["digraph a {}", "digraph b {}"])
        _ = try cached.render(["digraph b {}"])
        #expect(Self.records(file).values.sorted() == ["<svg>12 é\n</svg>\n"])
    }

    /// An incremental build asks for the diagrams of the pages it renders again: the others stay in the pack for
    /// the next build that needs them; a build that asks for every diagram leaves exactly those.
    @Test func someOfASitesDiagramsAddToThePackAndAllOfThemPruneIt() throws {
        let folder = try TemporaryFolder()
        let file = folder.path("diagrams.pack")
        let counter = Counter()
        let cached = counter.graphviz.cached(in: file, version: "dot 1")
        _ = try cached.render(["digraph a {}", "digraph b {}"])
        func renderSome(_ graphs: [String]) throws {
            let run = cached.run()
            _ = try run.render(graphs)
            try run.finish(false)
        }
        try renderSome(["digraph cc {}"])
        #expect(Self.records(file).count == 3)
        try renderSome(["digraph b {}"])
        #expect(counter.rendered.count == 3, "b came from the pack")
        _ = try cached.render(["digraph cc {}"])
        #expect(Self.records(file).values.sorted() == ["<svg>13 é\n</svg>\n"])
    }

    /// A build draws its diagrams a slice of pages at a time: the pack is written once, at the end, and comes out as
    /// one call for all of them would leave it; a diagram a later slice repeats is not rendered twice.
    @Test func aRunOfSeveralBatchesLeavesThePackOneCallWould() throws {
        let folder = try TemporaryFolder()
        let counter = Counter()
        _ = try counter.graphviz.cached(in: folder.path("one.pack"), version: "v").render(["digraph a {}", "digraph b {}", "digraph c {}"])
        let run = counter.graphviz.cached(in: folder.path("run.pack"), version: "v").run()
        #expect(try run.render(["digraph a {}"]) == ["<svg>12 é\n</svg>\n"])
        #expect(try run.render(["digraph b {}", "digraph a {}", "digraph c {}"]) == ["<svg>12 é\n</svg>\n", "<svg>12 é\n</svg>\n", "<svg>12 é\n</svg>\n"])
        #expect(!FileManager.default.fileExists(atPath: folder.path("run.pack").path), "the pack is written at the end")
        try run.finish(true)
        #expect(counter.rendered.count == 6, "the second a came from the run")
        #expect(try Data(contentsOf: folder.path("run.pack")) == Data(contentsOf: folder.path("one.pack")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["one.pack", "run.pack"],
                "nothing set aside is left behind")
    }

    @Test func anotherGraphvizVersionRendersAgain() throws {
        let folder = try TemporaryFolder()
        let counter = Counter()
        _ = try counter.graphviz.cached(in: folder.path("d.pack"), version: "dot 1").render(["digraph a {}"])
        _ = try counter.graphviz.cached(in: folder.path("d.pack"), version: "dot 2").render(["digraph a {}"])
        #expect(counter.rendered.count == 2)
    }

    @Test func aDamagedPackOnlyCostsRenderingAgain() throws {
        let folder = try TemporaryFolder()
        let file = folder.path("d.pack")
        let counter = Counter()
        _ = try counter.graphviz.cached(in: file, version: "v").render(["digraph a {}"])
        let data = try Data(contentsOf: file)
        try data.prefix(data.count - 5).write(to: file)
        #expect(try counter.graphviz.cached(in: file, version: "v").render(["digraph a {}"]) == ["<svg>12 é\n</svg>\n"])
        #expect(counter.rendered.count == 2)
    }
}
