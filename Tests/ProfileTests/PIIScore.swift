import Catalog
import Foundation

/// Recall and precision of PII findings against a fixture's labels, with what was missed and what was
/// flagged wrongly, so a failing benchmark says which columns.
struct PIIScore {
    var name: String
    var truePositives = 0
    var falsePositives: [String] = []
    var missed: [String] = []
    var wrongKind: [String] = []

    init(name: String, catalog: Catalog, labels: [String: String?]) {
        self.name = name
        for table in catalog.allTables {
            for column in table.columns {
                let label = "\(table.name).\(column.name)"
                switch (labels[label] ?? nil, column.pii) {
                case (nil, nil): break
                case (nil, let found?): falsePositives.append("\(label) (\(found.kind.rawValue): \(found.reasons.joined(separator: "; ")))")
                case (let kind?, nil): missed.append("\(label) (\(kind))")
                case (let kind?, let found?):
                    truePositives += 1
                    if found.kind.rawValue != kind { wrongKind.append("\(label): \(found.kind.rawValue), labelled \(kind)") }
                }
            }
        }
    }

    init(overall scores: [PIIScore]) {
        name = "overall"
        truePositives = scores.map(\.truePositives).reduce(0, +)
        falsePositives = scores.flatMap(\.falsePositives)
        missed = scores.flatMap(\.missed)
        wrongKind = scores.flatMap(\.wrongKind)
    }

    var recall: Double { Double(truePositives) / Double(max(1, truePositives + missed.count)) }
    var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives.count)) }

    /// One line the benchmark script reads: `PII benchmark people: recall 1.000 precision 1.000 (20 found, 0 wrong, 0 missed)`.
    var summary: String {
        "PII benchmark \(name): recall \(String(format: "%.3f", recall)) precision \(String(format: "%.3f", precision)) "
            + "(\(truePositives) found, \(falsePositives.count) wrongly, \(missed.count) missed, \(wrongKind.count) of another kind)"
    }
}
