import Catalog
import ContentHash
import Foundation

/// Fingerprints of the catalog's parts, from which each file's inputs are fingerprinted (`SiteFolder.write(_:inputs:_:)`):
/// a file whose fingerprint is unchanged since the last build is neither rendered nor written.
///
/// Each table is fingerprinted once, through its `Codable` form (every field, so a field added later is covered the
/// day it is added); a page's fingerprint combines those of the parts it is rendered from. Where a page's exact
/// inputs would be costly to name, it depends on more than it needs (a schema page on every table of its schema):
/// rendering a page too many is the price, never a stale one. `IncrementalSiteTests` checks, over random edits, that a
/// site brought up to date this way is byte for byte the site a clean build writes.
public struct SiteFingerprints: Sendable {
    /// Each table's own fingerprint: everything the catalog holds about it.
    let tables: [TableID: Fingerprint]
    /// How other pages point at each table: its page's path and its columns' anchors.
    let addresses: [TableID: Fingerprint]
    /// Each schema's tables, how others relate to them, and how they are reached.
    let schemas: [SitePlan.SchemaKey: Fingerprint]
    /// Everything: for the pages that summarize the whole catalog (home, coverage, personal data, glossary) and the
    /// search index and catalog.json.
    let catalog: Fingerprint
    /// What every page shares: the theme, the site's title, the glossary its Markdown
    /// links to, and the links every page's frame has (`framed(theme:input:)`).
    private(set) var frame: Fingerprint

    init(_ input: ExportInput) {
        let catalog = input.catalog
        let plan = input.plan
        let tables = catalog.allTables
        let own = (try? Parallel.map(count: tables.count, chunkSize: 32) { index, _ in
            tables[index].fingerprint
        }) ?? []
        var byID: [TableID: Fingerprint] = [:]
        var addresses: [TableID: Fingerprint] = [:]
        for (table, fingerprint) in zip(tables, own) {
            byID[table.id] = fingerprint
            var hasher = FingerprintHasher()
            hasher.combine(plan.tablePage(table.id) ?? "")
            for column in table.columns {
                hasher.combine(column.name)
                hasher.combine(plan.columnAnchor(table.id, column.name) ?? "")
            }
            addresses[table.id] = hasher.finalize()
        }
        self.tables = byID
        self.addresses = addresses

        let index = input.index
        var schemas: [SitePlan.SchemaKey: Fingerprint] = [:]
        var everything = FingerprintHasher()
        everything.combine(catalog.title)
        for source in catalog.sources {
            everything.combine(source.name)
            everything.combine(source.kind.rawValue)
            for schema in source.schemas {
                var hasher = FingerprintHasher()
                hasher.combine(plan.schemaPage(source: source.name, schema: schema.name))
                for table in schema.tables {
                    hasher.combine(byID[table.id] ?? Fingerprint(high: 0, low: 0))
                    hasher.combine(addresses[table.id] ?? Fingerprint(high: 0, low: 0))
                    // Lists of tables count what relates to each.
                    hasher.combine(index.referencing(table.id).count)
                    hasher.combine(index.views(reading: table.id).count)
                    for relationship in index.undeclaredRelationships(of: table.id) {
                        FingerprintEncoder.combine(relationship, into: &hasher)
                    }
                }
                let fingerprint = hasher.finalize()
                schemas[SitePlan.SchemaKey(source: source.name, schema: schema.name)] = fingerprint
                everything.combine(schema.name)
                everything.combine(fingerprint)
            }
        }
        // Rejected suggestions are in no schema's list, but catalog.json carries them.
        FingerprintEncoder.combine(catalog.relationships, into: &everything)
        FingerprintEncoder.combine(catalog.glossary, into: &everything)
        self.schemas = schemas
        self.catalog = everything.finalize()

        frame = Fingerprint(high: 0, low: 0)
    }

    /// The same with the frame of pages rendered with `theme`.
    func framed(theme: Fingerprint, input: ExportInput) -> SiteFingerprints {
        let catalog = input.catalog
        var frame = FingerprintHasher()
        frame.combine(theme)
        frame.combine(catalog.title)
        frame.combine(catalog.sources.count)
        frame.combine(catalog.allTables.contains { $0.columns.contains { $0.pii != nil } })
        FingerprintEncoder.combine(catalog.glossary, into: &frame)
        for term in catalog.glossary { frame.combine(input.plan.termPage(term.term) ?? "") }
        var framed = self
        framed.frame = frame.finalize()
        return framed
    }

    /// The inputs of a file made from the whole catalog, whatever the theme: the search index, catalog.json.
    func whole(_ kind: String) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.combine(kind)
        hasher.combine(catalog)
        return hasher.finalize()
    }

    /// The program that renders, by the bytes of its executable: a page rendered by another build of Schema Scribe
    /// may differ. Kept once in the manifest rather than in each file's fingerprint, so that the manifest of the
    /// same site built by two builds of the same source differs in that one line (`SiteManifest.software`).
    public static let software: Fingerprint = {
        var hasher = FingerprintHasher()
        hasher.combine(String(Catalog.formatVersion))
        let path = FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : (Bundle.main.executablePath ?? "")
        // Mapped, not read: the executable is tens of megabytes, and copying it was a tenth of an unchanged rebuild.
        if let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) {
            data.withUnsafeBytes { hasher.combine(bytes: $0.bindMemory(to: UInt8.self)) }
        }
        return hasher.finalize()
    }()

    /// A fingerprint made of `kind` (what sort of file), the frame, and `parts`.
    func page(_ kind: String, _ parts: (inout FingerprintHasher) -> Void) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.combine(kind)
        hasher.combine(frame)
        parts(&hasher)
        return hasher.finalize()
    }

    /// The inputs of a table's page apart from its diagrams: the table, what points at it and what it points at
    /// (by address), the relationships nobody declared that touch it, and the views that read it.
    func table(_ table: Table, index: CatalogIndex, plan: SitePlan) -> (inout FingerprintHasher) -> Void {
        { hasher in
            hasher.combine(plan.tablePage(table.id) ?? "")
            hasher.combine(tables[table.id] ?? Fingerprint(high: 0, low: 0))
            var mentioned: [TableID] = table.foreignKeys.map(\.referencedTable) + table.reads.map(\.table)
            for link in index.referencing(table.id) {
                FingerprintEncoder.combine(link.from, into: &hasher)
                FingerprintEncoder.combine(link.key, into: &hasher)
                mentioned.append(link.from)
            }
            for relationship in index.undeclaredRelationships(of: table.id) {
                FingerprintEncoder.combine(relationship, into: &hasher)
                mentioned += [relationship.from.table, relationship.to.table]
            }
            for reader in index.views(reading: table.id) {
                FingerprintEncoder.combine(reader, into: &hasher)
                mentioned.append(reader)
            }
            for id in mentioned {
                hasher.combine(addresses[id] ?? Fingerprint(high: 1, low: 1))
            }
        }
    }

    /// The inputs of a table's diagrams, without drawing them: the tables it is drawn with (each whole, with where it
    /// links to and how connected it is, which decides who is drawn beside a hub), and what its page offers at depth 2:
    /// for a drawn depth-2 diagram every table within two steps and the relationships nobody declared among them.
    func diagram(of id: TableID, depthTwo: HTMLPagesExporter.DepthTwoPlan, erd: ERDiagram) -> (inout FingerprintHasher) -> Void {
        { hasher in
            let index = erd.index
            func combine(_ other: TableID) {
                hasher.combine(tables[other] ?? Fingerprint(high: 2, low: 2))
                hasher.combine(addresses[other] ?? Fingerprint(high: 2, low: 2))
                hasher.combine(index.referencing(other).count)
                hasher.combine(index.undeclaredRelationships(of: other).count)
            }
            for other in erd.reach(from: [id], depth: 1) { combine(other) }
            if depthTwo.chosen.contains(id) {
                hasher.combine("depth 2 drawn")
                for other in erd.reach(from: [id], depth: 2) {
                    combine(other)
                    for relationship in index.undeclaredRelationships(of: other) { FingerprintEncoder.combine(relationship, into: &hasher) }
                }
            } else {
                switch depthTwo.offer(id) {
                case .tooLarge(let count): hasher.combine("too large"); hasher.combine(count)
                case .overBudget(let count, let budget): hasher.combine("over budget"); hasher.combine(count); hasher.combine(budget)
                case .drawn, nil: hasher.combine("none")
                }
            }
        }
    }
}
