import Foundation
import Testing
import TestSupport

/// Recall and precision on the labelled fixtures, printed for `bench/pii-detection` and held to 0.95.
@Suite("PII benchmark")
struct PIIBenchmarkTests {
    @Test func recallAndPrecisionOnEveryFixture() throws {
        let folder = try TemporaryFolder()
        let people = try PIIFixture(in: folder.url)
        let multilingual = try MultilingualPIIFixture(in: folder.url)
        let scores = [
            PIIScore(name: "people", catalog: try PIIDetectionTests.profiled(url: people.url), labels: people.labels),
            PIIScore(name: "multilingual", catalog: try PIIDetectionTests.profiled(url: multilingual.url), labels: multilingual.labels),
        ]
        let overall = PIIScore(overall: scores)
        // The same tables with every name hidden: what the values alone find. Postal codes of five digits and
        // lone surnames cannot be told by value, so recall is lower here; precision must not be.
        let hidden = try Self.withNamesHidden(multilingual)
        for score in scores + [overall, hidden] {
            print(score.summary)
            for line in score.missed { print("  missed: \(line)") }
            for line in score.falsePositives { print("  flagged wrongly: \(line)") }
            for line in score.wrongKind { print("  another kind: \(line)") }
        }
        for score in scores + [overall] {
            #expect(score.recall >= 0.95, "\(score.summary); missed: \(score.missed)")
            #expect(score.precision >= 0.95, "\(score.summary); flagged wrongly: \(score.falsePositives)")
        }
        #expect(overall.wrongKind.isEmpty, "\(overall.wrongKind)")
        #expect(hidden.precision >= 0.95, "\(hidden.summary); flagged wrongly: \(hidden.falsePositives)")
        #expect(hidden.recall >= 0.85, "\(hidden.summary); missed: \(hidden.missed)")
    }

    /// Tables become `t1`, `t2`…, columns `c1`, `c2`… in order of their `table.column` label.
    static func withNamesHidden(_ fixture: MultilingualPIIFixture) throws -> PIIScore {
        let order = fixture.labels.keys.sorted()
        var opaque: [String: String] = [:]
        var tables: [String: String] = [:]
        for (index, label) in order.enumerated() {
            let table = String(label.prefix { $0 != "." })
            tables[table] = tables[table] ?? "t\(tables.count + 1)"
            opaque[label] = "c\(index + 1)"
        }
        let catalog = try PIIDetectionTests.profiled(url: fixture.url) { table, column in
            column.map { opaque["\(table).\($0)"] ?? $0 } ?? tables[table] ?? table
        }
        var labels: [String: String?] = [:]
        for label in order {
            let table = String(label.prefix { $0 != "." })
            labels["\(tables[table] ?? table).\(opaque[label] ?? label)"] = fixture.labels[label] ?? nil
        }
        var score = PIIScore(name: "multilingual, names hidden", catalog: catalog, labels: labels)
        // Report columns by their real names.
        var real: [String: String] = [:]
        for label in order { real["\(tables[String(label.prefix { $0 != "." })] ?? "").\(opaque[label] ?? "")"] = label }
        func named(_ line: String) -> String {
            let hidden = String(line.prefix { $0 != " " })
            return real[hidden].map { "\($0) as \(hidden)" + line.dropFirst(hidden.count) } ?? line
        }
        score.missed = score.missed.map(named)
        score.falsePositives = score.falsePositives.map(named)
        return score
    }
}
