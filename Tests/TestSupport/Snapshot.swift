import Foundation

/// Golden files: text a test produced, compared with `Snapshots/<name>` beside the test.
///
/// A missing snapshot, or any run with `SCRIBE_RECORD_SNAPSHOTS=1`, writes the file and reports
/// a mismatch, so a new snapshot is always looked at before it is trusted.
public enum Snapshot {
    /// nil when `actual` matches the snapshot; otherwise a message with the first differing lines.
    public static func mismatch(_ actual: String, named name: String, testFile: String = #filePath) -> String? {
        let url = URL(fileURLWithPath: testFile).deletingLastPathComponent()
            .appendingPathComponent("Snapshots").appendingPathComponent(name)
        let record = ProcessInfo.processInfo.environment["SCRIBE_RECORD_SNAPSHOTS"] == "1"
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            return "recorded snapshot \(name); review it, then run the tests again"
        }
        guard expected != actual else { return nil }
        return "\(name) differs from its snapshot (re-record with SCRIBE_RECORD_SNAPSHOTS=1):\n" + diff(expected, actual)
    }

    /// A short line diff: the first few lines that differ, with their numbers.
    static func diff(_ expected: String, _ actual: String) -> String {
        let a = expected.components(separatedBy: "\n")
        let b = actual.components(separatedBy: "\n")
        var out: [String] = []
        for index in 0..<max(a.count, b.count) where out.count < 12 {
            let left = index < a.count ? a[index] : "<end of snapshot>"
            let right = index < b.count ? b[index] : "<end of output>"
            if left != right {
                out.append("  line \(index + 1):\n    - \(left)\n    + \(right)")
            }
        }
        return out.joined(separator: "\n")
    }
}
