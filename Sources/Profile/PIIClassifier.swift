import Catalog
import Foundation

/// Decides whether a column holds personal data, from three kinds of evidence: the column's name (common
/// names and abbreviations in English, Spanish, French, German, Portuguese, Dutch, Italian and Japanese),
/// its type, and the sampled values read by validators (`PIIValueEvidence`).
///
/// Neither kind of evidence silently overrules the other. Agreeing evidence makes a strong finding. When
/// they disagree, a value that is proven (a checksum, an email address) wins over a name; a name that is
/// the whole column name (`dob`, `cpf`) wins over values that only have a shape, as long as the values fit
/// what the name promises (dates for `dob`, digits for `cpf`); and a name whose values are plainly
/// something else (timestamps in `last_login_at`, three-digit extensions in `phone_ext`) makes no finding.
public struct PIIClassifier: Sendable {
    /// Findings below this confidence are dropped.
    public static let threshold = 0.5

    /// The day ages are measured from, for birth dates found by their values.
    var today: CalendarDate

    public init(today: Date = Date()) {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: today)
        self.today = CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    public func classify(column: Column, table: Table, values: [String]) -> PIIFinding? {
        let name = PIIColumnName(column.name)
        let family = column.typeFamily
        let checked = Array(values.prefix(1_000))
        var valueFindings = PIIValueEvidence(values: checked, family: family, today: today).findings
        if family == .network {
            valueFindings.append(.init(kind: .ipAddress, confidence: 0.9, reason: "the type \(column.dataType) holds network addresses",
                                       validated: true))
        }
        // Names that say what else the column is (`sha256`, `city`, `created_on`) keep shape-only value evidence out.
        valueFindings.removeAll { !$0.validated && PIINameHints.contradicts(name, $0.kind) }

        let nameMatch = Self.nameRules.lazy.compactMap { $0.accepts(family) ? $0.match(name, table: table) : nil }
            .max { $0.confidence < $1.confidence }
        let nameReason = "the column is named `\(column.name)`"
        let value = valueFindings.max { $0.confidence < $1.confidence }

        guard let nameMatch else {
            guard let value else { return nil }
            return Self.kept(PIIFinding(kind: value.kind, confidence: value.confidence, reasons: [value.reason]))
        }
        if let agreeing = valueFindings.first(where: { $0.kind == nameMatch.kind }) {
            return PIIFinding(kind: nameMatch.kind, confidence: min(0.99, max(agreeing.confidence, nameMatch.confidence) + 0.07),
                              reasons: [agreeing.reason, nameReason])
        }
        let fits = PIIValueFit(checked, family: family).fits(nameMatch.kind)
        if let value, value.validated || !fits {
            // Proven values, or values the name does not fit (emails in `mobile`), say what the column holds.
            return Self.kept(PIIFinding(kind: value.kind, confidence: value.confidence, reasons: [value.reason]))
        }
        // The name, when its values fit it: a shape (dates of people's ages, digits with dots) does not
        // overrule `dob` or `cpf`. Values that plainly are something else make no finding.
        guard fits else { return nil }
        var reasons = [nameReason]
        if let value { reasons.append("its values also look like \(value.kind.rawValue.replacingOccurrences(of: "_", with: " ")); the name decides") }
        return Self.kept(PIIFinding(kind: nameMatch.kind, confidence: nameMatch.confidence, reasons: reasons))
    }

    private static func kept(_ finding: PIIFinding) -> PIIFinding? {
        finding.confidence >= threshold ? finding : nil
    }

    /// Lower-case words of a name: `customerEmail`, `customer_email` and `Customer-Email` all give [customer, email].
    static func tokens(_ name: String) -> [String] { PIIColumnName.tokens(name) }
}
