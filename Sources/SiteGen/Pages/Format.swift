import Catalog
import Foundation

/// How numbers and names read on every page: counts grouped by thousands, sizes in units, shares in percent.
enum Format {
    /// "1,204": digits grouped by threes, whatever the locale, so pages are the same on every machine.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }

    /// "1 view", "1,204 tables".
    static func counted(_ value: Int, _ noun: String) -> String {
        "\(count(value)) \(noun)\(value == 1 ? "" : "s")"
    }

    /// "1 table or view", "12 tables and views".
    static func tablesAndViews(_ value: Int) -> String {
        value == 1 ? "1 table or view" : "\(count(value)) tables and views"
    }

    /// A row count, "~" in front of an estimate; empty when the count is unknown.
    static func rows(_ count: RowCount?) -> String {
        guard let count else { return "" }
        return (count.isExact ? "" : "~") + Self.count(count.value)
    }

    /// Bytes in the largest unit that keeps a number of at least 1, to one decimal: "8 kB", "1.2 GB".
    static func size(_ bytes: Int) -> String {
        let units = ["bytes", "kB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) bytes" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) \(units[unit])" : "\(rounded) \(units[unit])"
    }

    /// A share in whole percent; a share above nothing but below 1% reads "<1%", not "0%".
    static func percent(_ fraction: Double) -> String {
        let value = fraction * 100
        if value > 0, value < 1 { return "<1%" }
        return "\(Int(value.rounded()))%"
    }

    /// A share of a whole in whole percent, as `percent`, except that a share short of the whole never reads
    /// "100%": 999 of 1,000 described is ">99%".
    static func share(_ fraction: Double) -> String {
        fraction < 1 && fraction * 100 >= 99.5 ? ">99%" : percent(fraction)
    }

    /// A confidence in whole percent, rounded plainly: "0%" means the finding is a guess.
    static func confidence(_ fraction: Double) -> String {
        "\(Int((fraction * 100).rounded()))%"
    }

    /// A relationship's confidence as the relationships stage rounds it, to two decimals: "0.82".
    static func score(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    /// A mean or deviation: grouped when large or whole ("1,250"), else to two decimals ("3.14").
    static func decimal(_ value: Double) -> String {
        abs(value) >= 1000 || value == value.rounded() ? count(Int(value.rounded())) : String(format: "%.2f", value)
    }

    /// A profiled column's values in brief: "1 … 9,800; mean 412.50 ± 3.10; 3–12 characters".
    static func range(_ stats: ColumnProfile) -> String {
        var parts: [String] = []
        // Whole numbers grouped like every other count on the page; anything else as the database wrote it,
        // and a withheld column's rounded range (`~3,100`, a year) as the profile stage wrote it.
        func shown(_ value: String) -> String { stats.valuesWithheld ? value : Int(value).map(count) ?? value }
        if let low = stats.minimum, let high = stats.maximum {
            parts.append(low == high ? shown(low) : "\(shown(low)) … \(shown(high))")
        }
        if let mean = stats.mean {
            parts.append("mean \(decimal(mean))" + (stats.standardDeviation.map { " ± \(decimal($0))" } ?? ""))
        }
        if let low = stats.minimumLength, let high = stats.maximumLength {
            parts.append(low == high ? "\(low) characters" : "\(low)–\(high) characters")
        }
        return parts.joined(separator: "; ")
    }

    /// An enum's raw value as words: "primary_key" → "primary key".
    static func words(_ rawValue: String) -> String {
        // Over UTF-8 bytes: Foundation's replacingOccurrences bridged each of 100,000 descriptions' origins to UTF-16.
        guard rawValue.utf8.contains(0x5F) else { return rawValue }
        return String(decoding: rawValue.utf8.map { $0 == 0x5F ? 0x20 : $0 }, as: UTF8.self)
    }
}
