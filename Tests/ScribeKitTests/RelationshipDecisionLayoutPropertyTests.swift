import Catalog
import Foundation
import Testing
import TestSupport
@testable import Context
@testable import ScribeKit

/// Property: whatever layout people give their context files, `relationships accept` and `reject` leave
/// every one of them byte for byte as it was, and the next build shows the decision. The layouts are
/// approve's (`Layout`): indents, CRLF, byte-order marks, comments, flow mappings, anchors, CSV.
@Suite("relationships accept and reject over many layouts")
struct RelationshipDecisionLayoutPropertyTests {
    @Test func decidingNeverChangesAFileAPersonWrote() async throws {
        let folder = try TemporaryFolder()
        // `order lines`.order_id joins orders.id but declares nothing: the one suggestion.
        try SQLiteFixture.create(ApproveLayoutPropertyTests.schema, in: folder.url, name: "db.sqlite")
        try Data("sources:\n  - {name: shop, kind: sqlite, path: db.sqlite}\n".utf8).write(to: folder.path("site.yml"))
        let config = folder.path("site.yml").path
        let pair = "main.order lines.order_id → main.orders.id"
        var layouts = 0
        for seed in SplitMix64.seeds(40) {
            var random = SplitMix64(seed: seed)
            let context = folder.path("content/context")
            let files = try Layout.write(into: context, &random)

            let decision = random.pick(RelationshipDecision.allCases)
            let review = RelationshipReview(decidedBy: random.chance(0.5) ? "Ada" : nil, today: "2026-12-01")
            let report = try await review.decide(decision, configPath: config, patterns: [random.pick(["main.order lines.*", "*.order_id", "shop.*"])])
            #expect(report.changes == ["\(pair) (0.90): \(decision.rawValue)"], "seed \(seed)")
            for (name, data) in files {
                #expect(FileManager.default.contents(atPath: context.appendingPathComponent(name).path) == data, "seed \(seed): \(name) changed")
            }
            let state = try await Build(environment: [:]).run(Pipeline.catalog, .init(configPath: config, strict: true))
            #expect(state.report.findings.isEmpty, "seed \(seed): \(state.report.findings)")
            let decided = state.catalog.relationships.filter { RelationshipReview.label($0, namingSources: false) == pair }
            #expect(decided.map(\.status) == [decision.status], "seed \(seed)")
            layouts += 1
        }
        #expect(layouts == SplitMix64.seeds(40).count)
    }
}
