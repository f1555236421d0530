import Catalog
import Foundation
import Introspect

/// The profile stage: samples in, a Catalog with column profiles and PII findings out.
///
/// This is the only place raw values exist. PII is decided here, from the values, and the values of a PII
/// column are masked (or dropped) before the Catalog leaves the stage, so no later stage — the describer's
/// prompts, its cache, the pages, the search index, catalog.json, the logs — can see them.
public struct ProfileStage: Sendable {
    /// `pii.publish_samples`: what is kept of a PII column's values.
    public enum SamplePolicy: String, Sendable, CaseIterable {
        /// Nothing: no samples, top values, minimum or maximum.
        case none
        /// Shape-keeping masks: `j***@e***.com`.
        case masked
    }

    public var policy: SamplePolicy
    public var classifier = PIIClassifier()
    /// Values shown per column, and most frequent values kept.
    public static let sampleCount = 5
    public static let topCount = 5

    public init(policy: SamplePolicy = .masked) {
        self.policy = policy
    }

    /// Profiles from `samples`, or from `cached` for tables that were not sampled again.
    public func apply(_ samples: [TableSample], cached: [TableID: ProfileCache.Entry] = [:], to catalog: Catalog) -> Catalog {
        var byTable: [TableID: TableSample] = [:]
        for sample in samples { byTable[sample.table] = sample }
        return catalog.updatingTablesInParallel { table in
            if byTable[table.id] == nil, let entry = cached[table.id] {
                table = restored(table, entry)
            } else if let sample = byTable[table.id] {
                table = profiled(table, sample)
            } else {
                table = classifyByName(table)
            }
        }
    }

    /// The same from tables already profiled, each from its sample as it was read (`profile(_:from:)`).
    public func apply(profiled: [TableID: Table], cached: [TableID: ProfileCache.Entry] = [:], to catalog: Catalog) -> Catalog {
        catalog.updatingTablesInParallel { table in
            if let done = profiled[table.id] {
                table = done
            } else if let entry = cached[table.id] {
                table = restored(table, entry)
            } else {
                table = classifyByName(table)
            }
        }
    }

    /// `table` with the profiles and findings its sample makes: the values stay here, masked where they are PII.
    public func profile(_ table: Table, from sample: TableSample) -> Table {
        profiled(table, sample)
    }

    /// A table that was not profiled (a view, or profiling is off) still gets findings from names and types.
    func classifyByName(_ table: Table) -> Table {
        var table = table
        for index in table.columns.indices {
            table.columns[index].pii = decide(table.columns[index], in: table, values: [])
        }
        return table
    }

    func profiled(_ table: Table, _ sample: TableSample) -> Table {
        var table = table
        let valuesRead = sample.values.first?.count ?? 0
        table.profile = TableProfile(rowsRead: sample.rowsRead, isSampled: sample.isSampled, valuesRead: valuesRead, incomplete: sample.incomplete)
        let positions = Dictionary(sample.columns.enumerated().map { (ExactName($1), $0) }, uniquingKeysWith: { first, _ in first })
        for index in table.columns.indices {
            let column = table.columns[index]
            guard let position = positions[column.name], position < sample.aggregates.count else {
                table.columns[index].pii = decide(column, in: table, values: [])
                continue
            }
            let values = position < sample.values.count ? sample.values[position].compactMap { $0 } : []
            var profile = Self.summary(sample.aggregates[position], values: values, rowsRead: sample.rowsRead,
                                       isSampled: sample.isSampled)
            let pii = decide(column, in: table, values: values)
            profile = pii != nil ? masked(profile) : published(profile, of: column, in: table, values: values)
            table.columns[index].profile = profile
            table.columns[index].pii = pii
        }
        return table
    }

    /// A table's profile from the cache, with context files' `pii:` applied as they are now.
    func restored(_ table: Table, _ entry: ProfileCache.Entry) -> Table {
        var table = table
        table.profile = entry.table
        for index in table.columns.indices {
            // The entry's key covers the column names in order, so the entry's columns line up with the table's.
            let cached = index < entry.columns.count && entry.columns[index].name.isExactly(table.columns[index].name)
                ? entry.columns[index] : nil
            table.columns[index].profile = cached?.profile
            table.columns[index].pii = decide(table.columns[index]) { cached?.finding }
            // Declared PII that was not detected when the entry was made: mask what the cache kept.
            if table.columns[index].pii != nil, let profile = table.columns[index].profile, !profile.isMasked {
                table.columns[index].profile = masked(profile)
            }
        }
        return table
    }

    /// What the profile stage keeps of a profiled table for the next build (masked values only).
    public static func entry(for table: Table, key: String) -> ProfileCache.Entry? {
        guard let profile = table.profile, profile.incomplete == nil else { return nil }
        let columns = table.columns.map { column in
            ProfileCache.ColumnEntry(name: column.name, profile: column.profile, finding: column.pii?.origin == .detected ? column.pii : nil)
        }
        return ProfileCache.Entry(key: key, table: profile, columns: columns)
    }

    /// The classifier's finding, unless a context file says otherwise.
    func decide(_ column: Column, in table: Table, values: [String]) -> PIIFinding? {
        decide(column) { classifier.classify(column: column, table: table, values: values) }
    }

    /// What a context file declares (`pii: none`, `pii: email`), else what `detected` finds.
    func decide(_ column: Column, detected: () -> PIIFinding?) -> PIIFinding? {
        guard let declared = column.context?.pii else { return detected() }
        guard let kind = PIIFinding.Kind(rawValue: declared) else { return nil }  // `none`
        return PIIFinding(kind: kind, confidence: 1, reasons: ["a context file says `pii: \(declared)`"], origin: .context)
    }

    static func summary(_ aggregates: TableSample.Aggregates, values: [String], rowsRead: Int, isSampled: Bool) -> ColumnProfile {
        var profile = ColumnProfile(
            nullFraction: rowsRead > 0 ? Double(rowsRead - aggregates.nonNull) / Double(rowsRead) : 0,
            distinct: aggregates.distinct, distinctIsEstimate: isSampled,
            minimum: aggregates.minimum, maximum: aggregates.maximum,
            minimumLength: aggregates.minimumLength, maximumLength: aggregates.maximumLength,
            mean: aggregates.mean, standardDeviation: aggregates.standardDeviation)
        var counts: [String: Int] = [:]
        var firstSeen: [String] = []
        for value in values {
            if counts[value] == nil { firstSeen.append(value) }
            counts[value, default: 0] += 1
        }
        // Most frequent first; ties in the order the values came (the sample is repeatable, so this is stable).
        let order = Dictionary(firstSeen.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        profile.topValues = counts.sorted { $0.value != $1.value ? $0.value > $1.value : order[$0.key, default: 0] < order[$1.key, default: 0] }
            .prefix(topCount).filter { $0.value > 1 || counts.count <= topCount }
            .map { ColumnProfile.ValueCount(value: String($0.key.prefix(80)), count: $0.value) }
        profile.samples = firstSeen.prefix(sampleCount).map { String($0.prefix(80)) }
        var shapes: [String: Int] = [:]
        let looked = values.prefix(2_000)
        for value in looked { for shape in ValueCheck.shapes(of: value) { shapes[shape, default: 0] += 1 } }
        profile.patterns = shapes.map { ColumnProfile.PatternShare(pattern: $0.key, share: Double($0.value) / Double(looked.count)) }
            .filter { $0.share >= 0.05 }.sorted { $0.share != $1.share ? $0.share > $1.share : $0.pattern < $1.pattern }
        if let low = aggregates.minimumLength, low == aggregates.maximumLength, low > 0 {
            profile.patterns.append(.init(pattern: "fixed_length_\(low)", share: 1))
        }
        return profile
    }

    /// Columns whose values may be published as read have at most this many distinct values.
    public static let categoricalLimit = 20

    /// What may be published of a column no PII was found in: its values only when it is categorical — few
    /// distinct values, and only those that repeat — and the detector finds nothing personal in them even when
    /// a context file has declared the column `pii: none`.
    /// Any other column publishes its shape: lengths, patterns, and a rounded range for numbers and dates.
    func published(_ profile: ColumnProfile, of column: Column, in table: Table, values: [String]) -> ColumnProfile {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        let repeated = Set(counts.filter { $0.value >= 2 }.keys)
        let categorical = !values.isEmpty && counts.count <= Self.categoricalLimit && values.count >= 2 * counts.count
        // Without a declaration the detector has already looked at these values and found nothing.
        let declared = column.context?.pii != nil
        if categorical, !(declared && Self.looksPersonal(Array(repeated), column: column, table: table, classifier: classifier)) {
            var profile = profile
            profile.topValues = profile.topValues.filter { repeated.contains($0.value) }
            profile.samples = profile.samples.filter { repeated.contains($0) }
            if let low = profile.minimum, let high = profile.maximum, !(repeated.contains(low) && repeated.contains(high)) {
                (profile.minimum, profile.maximum) = (Self.rounded(low, column), Self.rounded(high, column))
            }
            return profile
        }
        guard !values.isEmpty || profile.minimum != nil else { return profile }
        var profile = profile
        profile.valuesWithheld = true
        profile.topValues = []
        profile.samples = []
        profile.minimum = profile.minimum.flatMap { Self.rounded($0, column) }
        profile.maximum = profile.maximum.flatMap { Self.rounded($0, column) }
        return profile
    }

    /// What the detector makes of the column and these values, whatever a context file declares: `pii: none`
    /// takes the badge away, but values that look personal by name or by value are still not published.
    static func looksPersonal(_ values: [String], column: Column, table: Table, classifier: PIIClassifier) -> Bool {
        guard !values.isEmpty else { return false }
        var undeclared = column
        undeclared.context = nil
        return classifier.classify(column: undeclared, table: table, values: values) != nil
    }

    /// A number to two significant figures (`~3,100`) and a date or time to its year: the range a reader
    /// needs, never one row's value. Text has no such form, so nil.
    static func rounded(_ value: String, _ column: Column) -> String? {
        switch DataTypeFamily(dataType: column.domainBaseType ?? column.dataType) {
        case .number:
            guard let number = Double(value), number.isFinite else { return nil }
            if number.magnitude < 100 { return "~\(Int(number.rounded()))" }
            let scale = pow(10, floor(log10(number.magnitude)) - 1)
            let formatter = NumberFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.numberStyle = .decimal
            formatter.usesGroupingSeparator = true
            formatter.groupingSeparator = ","
            formatter.maximumFractionDigits = 0
            return "~" + (formatter.string(from: NSNumber(value: (number / scale).rounded() * scale)) ?? "")
        case .temporal:
            let year = value.prefix(4)
            return year.count == 4 && year.allSatisfy(\.isNumber) ? String(year) : nil
        default:
            return nil
        }
    }

    func masked(_ profile: ColumnProfile) -> ColumnProfile {
        var profile = profile
        profile.isMasked = true
        switch policy {
        case .none:
            profile.topValues = []
            profile.samples = []
            profile.minimum = nil
            profile.maximum = nil
        case .masked:
            var merged: [String: Int] = [:]
            var order: [String] = []
            for top in profile.topValues {
                let mask = Mask.value(top.value)
                if merged[mask] == nil { order.append(mask) }
                merged[mask, default: 0] += top.count
            }
            profile.topValues = order.map { ColumnProfile.ValueCount(value: $0, count: merged[$0, default: 0]) }
            profile.samples = profile.samples.map(Mask.value)
            profile.minimum = profile.minimum.map(Mask.value)
            profile.maximum = profile.maximum.map(Mask.value)
        }
        return profile
    }
}
