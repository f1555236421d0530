import Catalog
import Describe
import Foundation
import Testing
import TestSupport
@testable import Context
@testable import ScribeKit

/// Property: whatever layout people give their context files, `approve` leaves every one of them byte for
/// byte as it was, writes a ledger that reads back, and the next build shows what it approved as approved.
///
/// Layouts are generated from the ways people really write these files: 2- or 4-space indents, CRLF, a
/// byte-order mark, no final newline, comments (own line and trailing), quoted keys, flow mappings, anchors
/// and aliases, explicit `? key` entries, unicode, and CSV files with quoted cells, CRLF, a BOM, and with or
/// without `description` and `status` columns.
@Suite("approve over many layouts")
struct ApproveLayoutPropertyTests {
    static let schema = """
        CREATE TABLE orders (id INTEGER PRIMARY KEY, status TEXT, placed_at TEXT, note TEXT);
        CREATE TABLE payments (id INTEGER PRIMARY KEY, order_id INTEGER REFERENCES orders(id), amount REAL, "Méthode" TEXT);
        CREATE TABLE "order lines" (id INTEGER PRIMARY KEY, order_id INTEGER, qty INTEGER);
        INSERT INTO orders VALUES (1, 'paid', '2026-01-01', NULL), (2, 'shipped', '2026-01-02', 'gift');
        """
    static let columns: [String: [String]] = [
        "orders": ["id", "status", "placed_at", "note"],
        "payments": ["id", "order_id", "amount", "Méthode"],
        "order lines": ["id", "order_id", "qty"],
    ]

    @Test func approveNeverChangesAFileAPersonWrote() async throws {
        let folder = try TemporaryFolder()
        try SQLiteFixture.create(Self.schema, in: folder.url, name: "db.sqlite")
        try Data("sources:\n  - {name: shop, kind: sqlite, path: db.sqlite}\n".utf8).write(to: folder.path("site.yml"))
        let config = folder.path("site.yml").path
        var layouts = 0, humanFiles = 0, approvals = 0, checked = 0
        for seed in SplitMix64.seeds(250) {
            var random = SplitMix64(seed: seed)
            let context = folder.path("content/context")
            let files = try Layout.write(into: context, &random)

            let patterns = random.pick([["main.*"], ["main.orders", "main.orders.*"], ["main.payments.*"], ["*.amount", "main.order lines"],
                                        ["main.orders.status", "main.payments"]])
            let report = try await Approve(today: "2026-12-01").run(configPath: config, patterns: patterns, dryRun: false)
            layouts += 1
            humanFiles += files.count
            approvals += report.changes.count

            // Every file a person wrote is exactly as it was.
            for (name, data) in files {
                #expect(FileManager.default.contents(atPath: context.appendingPathComponent(name).path) == data,
                        "seed \(seed): approve changed \(name)")
            }
            let ledger = try ApprovalLedger.read(folder: context)
            #expect(ledger.entries.count == report.changes.count, "seed \(seed)")

            // What a rebuild shows: every matching entity with text is approved and none is stale.
            let catalog = try await Self.catalogABuildShows(config)
            for table in catalog.allTables {
                let label = "\(table.id.schema).\(table.id.name)"
                var entities = [(label, table.description)]
                entities += table.columns.map { ("\(label).\($0.name)", $0.description) }
                for (name, description) in entities where patterns.contains(where: { TableFilter.matches(name, $0) }) {
                    guard let description else { continue }
                    #expect(description.status == .approved && !description.isStale, "seed \(seed): \(name) is \(description.status)")
                    checked += 1
                }
            }
        }
        print("approve over many layouts: \(layouts) layouts, \(humanFiles) files people wrote, \(approvals) approvals, \(checked) entities checked")
        #expect(layouts == SplitMix64.seeds(250).count && humanFiles > layouts && checked > approvals)
    }

    /// The catalog `build` renders, without rendering it: read, merged, profiled, described, marked stale.
    static func catalogABuildShows(_ configPath: String) async throws -> Catalog {
        let state = try await Build(environment: [:]).run(Pipeline.described, .init(configPath: configPath, strict: true))
        #expect(state.report.findings.isEmpty, "\(state.report.findings)")
        return state.catalog
    }
}

/// Context files in the layouts people write.
enum Layout {
    /// A fresh context folder holding `files`' layouts, for one case of a property.
    static func write(into context: URL, _ random: inout SplitMix64) throws -> [(String, Data)] {
        try? FileManager.default.removeItem(at: context)
        try FileManager.default.createDirectory(at: context.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let files = files(&random)
        for (name, data) in files { try data.write(to: context.appendingPathComponent(name)) }
        return files
    }

    static func files(_ random: inout SplitMix64) -> [(String, Data)] {
        var files: [(String, Data)] = []
        let tables = ["orders", "payments", "order lines"].shuffled(using: &random)
        // Each table is described in one file; some in YAML, some in CSV, some nowhere.
        var yaml: [String] = []
        var csv: [String] = []
        for table in tables {
            switch Int.random(in: 0..<3, using: &random) {
            case 0: yaml.append(table)
            case 1: csv.append(table)
            default: break
            }
        }
        if !yaml.isEmpty {
            var layout = YAMLLayout(random: &random)
            files.append((random.pick(["tables.yml", "sub/Tables.YAML", "ctx.yml"]), encode(layout.file(yaml), &random)))
        }
        if !csv.isEmpty {
            var layout = CSVLayout(random: &random)
            files.append((random.pick(["columns.csv", "sub/context.csv"]), encode(layout.file(csv), &random)))
        }
        return files
    }

    /// Line endings, a byte-order mark and the final newline, as editors leave them.
    static func encode(_ lines: [String], _ random: inout SplitMix64) -> Data {
        let ending = random.chance(0.3) ? "\r\n" : "\n"
        var text = lines.joined(separator: ending)
        if random.chance(0.7) { text += ending }
        var data = Data(text.utf8)
        if random.chance(0.2) { data.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
        return data
    }

    /// A description a person might write: words, punctuation, accents, quotes.
    static func prose(_ random: inout SplitMix64) -> String {
        let words = ["One", "row", "per", "order", "paid", "in", "€", "café", "naïve", "“quoted”", "it's", "#hash", "a: b",
                     "- dash", "50%", "`code`", "**bold**", "日本語", "emoji 🙂", "tab\there", "{brace}", "[list]"]
        return (0..<Int.random(in: 1...7, using: &random)).map { _ in random.pick(words) }.joined(separator: " ")
    }
}

struct YAMLLayout {
    var indent: String
    var quoteKeys: Int
    var comments: Bool
    var random: SplitMix64

    init(random: inout SplitMix64) {
        indent = random.chance(0.5) ? "  " : "    "
        quoteKeys = Int.random(in: 0..<3, using: &random)
        comments = random.chance(0.5)
        self.random = SplitMix64(seed: random.next())
    }

    mutating func key(_ name: String) -> String {
        let plain = name.allSatisfy { $0.isLetter || $0 == "_" } && name.unicodeScalars.allSatisfy(\.isASCII)
        switch quoteKeys {
        case 0 where plain: return name
        case 1: return "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
        default: return YAMLText.quoted(name).hasPrefix("\"") ? YAMLText.quoted(name) : "\"\(name)\""
        }
    }

    /// A description value in one of the scalar styles.
    mutating func value(_ text: String) -> String {
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return YAMLText.quoted(text)
        case 1: return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        default: return YAMLText.quoted(text)
        }
    }

    mutating func trailing() -> String {
        comments && random.chance(0.4) ? "   # note: \(Layout.prose(&random).replacingOccurrences(of: "\t", with: " "))" : ""
    }

    mutating func file(_ tables: [String]) -> [String] {
        var lines: [String] = []
        if comments { lines.append("# Written by the analytics team — edit freely") }
        lines.append("tables:" + trailing())
        var anchored: String?
        for table in tables {
            let style = Int.random(in: 0..<4, using: &random)
            let name = key(random.chance(0.5) ? table : "main.\(table)")
            let text = Layout.prose(&random)
            let status = random.pick(["", "draft", "approved"])
            if style == 0 {
                // A flow mapping on one line.
                let fields = ["description: \(value(text))"] + (status.isEmpty ? [] : ["status: \(status)"])
                lines.append("\(indent)\(name): {\(fields.joined(separator: ", "))}" + trailing())
                continue
            }
            if style == 1 {
                // An explicit key: `? name`, then `:` and the entry as a block under it.
                lines.append("\(indent)? \(name)" + trailing())
                lines.append("\(indent):")
            } else {
                lines.append("\(indent)\(name):" + trailing())
            }
            if anchored == nil, random.chance(0.3) {
                lines.append("\(indent)\(indent)description: &d \(value(text))")
                anchored = text
            } else if anchored != nil, random.chance(0.5) {
                lines.append("\(indent)\(indent)description: *d")
            } else {
                lines.append("\(indent)\(indent)description: \(value(text))" + trailing())
            }
            if !status.isEmpty { lines.append("\(indent)\(indent)status: \(status)") }
            if comments { lines.append("\(indent)\(indent)# columns people know about") }
            let columns = (ApproveLayoutPropertyTests.columns[table] ?? []).filter { _ in random.chance(0.6) }
            if !columns.isEmpty {
                if random.chance(0.3) {
                    let entries = columns.map { "\(key($0)): \(value(Layout.prose(&random)))" }
                    lines.append("\(indent)\(indent)columns: {\(entries.joined(separator: ", "))}")
                } else {
                    lines.append("\(indent)\(indent)columns:")
                    for column in columns {
                        if random.chance(0.4) {
                            lines.append("\(indent)\(indent)\(indent)\(key(column)): \(value(Layout.prose(&random)))" + trailing())
                        } else {
                            lines.append("\(indent)\(indent)\(indent)\(key(column)):")
                            lines.append("\(indent)\(indent)\(indent)\(indent)description: \(value(Layout.prose(&random)))")
                            if random.chance(0.5) { lines.append("\(indent)\(indent)\(indent)\(indent)status: \(random.pick(["draft", "approved"]))") }
                        }
                    }
                }
            }
        }
        return lines
    }
}

struct CSVLayout {
    var random: SplitMix64

    init(random: inout SplitMix64) {
        self.random = SplitMix64(seed: random.next())
    }

    static func cell(_ text: String, always: Bool) -> String {
        always || text.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    mutating func file(_ tables: [String]) -> [String] {
        let withDescription = random.chance(0.8)
        let withStatus = random.chance(0.5)
        let quoteAll = random.chance(0.3)
        var header = ["table", "column"] + (withDescription ? ["description"] : []) + ["owner"] + (withStatus ? ["status"] : [])
        if random.chance(0.3) { header = header.map { $0.uppercased() } }
        var lines = [header.joined(separator: ",")]
        for table in tables {
            for column in [""] + (ApproveLayoutPropertyTests.columns[table] ?? []) where random.chance(0.6) {
                var row = [Self.cell(table, always: quoteAll), Self.cell(column, always: quoteAll)]
                if withDescription {
                    var text = Layout.prose(&random)
                    if random.chance(0.2) { text += "\nsecond line, \"quoted\"" }
                    row.append(Self.cell(text, always: quoteAll))
                }
                row.append(Self.cell(random.chance(0.3) ? "Team Ø" : "", always: quoteAll))
                if withStatus { row.append(random.pick(["", "draft", "approved"])) }
                lines.append(row.joined(separator: ","))
            }
        }
        return lines
    }
}
