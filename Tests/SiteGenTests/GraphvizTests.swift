import Testing
@testable import SiteGen

@Suite("Rendering DOT with graphviz")
struct GraphvizTests {
    @Test func manyGraphsInFewProcessesComeBackInOrder() throws {
        let graphs = (0..<7).map { "digraph g\($0) { n\($0) [label=\"node \($0) <&>\"]; }\n" }
        let svgs = try Graphviz.dot(processes: 2, graphsPerProcess: 3).render(graphs)
        #expect(svgs.count == 7)
        for (index, svg) in svgs.enumerated() {
            #expect(svg.hasPrefix("<?xml"))
            #expect(svg.hasSuffix("</svg>\n"))
            #expect(svg.contains("node \(index) &lt;&amp;&gt;"))
        }
    }

    @Test func aBrokenGraphIsAnErrorWithGraphvizsMessage() {
        let error = #expect(throws: RenderError.self) { try Graphviz.dot().render(["digraph { -> }\n"]) }
        guard case .graphvizFailed(let message)? = error?.reason else {
            Issue.record("expected graphvizFailed, got \(String(describing: error))")
            return
        }
        #expect(message.contains("syntax error"))
    }
}
