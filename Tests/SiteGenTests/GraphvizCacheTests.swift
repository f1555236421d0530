import Foundation
import Testing
import TestSupport
@testable import SiteGen

@Suite("Diagram cache")
struct GraphvizCacheTests {
    /// A renderer that counts the graphs it is asked to draw.
    final class Counter: @unchecked Sendable {
        var rendered: [String] = []
        var graphviz: Graphviz {
            Graphviz { graphs in
                self.rendered += graphs
                return graphs.map { "<svg>\($0.count)</svg>\n" }
            }
        }
    }

    @Test func onlyNewOrChangedDiagramsAreRendered() throws {
        let folder = try TemporaryFolder()
        let counter = Counter()
        let cached = counter.graphviz.cached(in: folder.path("cache"), version: "dot 1")
        let first = try cached.render(["digraph a {}", "digraph b {}"])
        #expect(counter.rendered == ["digraph a {}", "digraph b {}"])

        let second = try cached.render(["digraph a {}", "digraph bb {}", "digraph b {}"])
        #expect(counter.rendered.count == 3)
        #expect(counter.rendered.last == "digraph bb {}")
        #expect(second == [first[0], "<svg>13</svg>\n", first[1]])
    }

    @Test func anotherGraphvizVersionRendersAgain() throws {
        let folder = try TemporaryFolder()
        let counter = Counter()
        _ = try counter.graphviz.cached(in: folder.path("cache"), version: "dot 1").render(["digraph a {}"])
        _ = try counter.graphviz.cached(in: folder.path("cache"), version: "dot 2").render(["digraph a {}"])
        #expect(counter.rendered.count == 2)
    }
}
