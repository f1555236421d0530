/// Whether a column of dates looks like people's birth dates, whatever the column is called.
///
/// A person is 0 to about 110 years old, and the people of one table are born over decades, so birth dates
/// spread wide and sit years in the past. Event dates (orders, logins, sign-ups, releases) cluster within a
/// few years of today, carry a time of day, or lie in the future (due dates, expiry). The thresholds are
/// about people, not about any fixture: a table of adults has ages spread over 20 years or more, and a
/// median age between 16 and 90.
struct BirthDateDistribution: Sendable {
    var today: CalendarDate

    /// The share of values that must be dates for the column to be judged at all.
    static let dateShare = 0.9

    /// Why the dates look like birth dates, or nil when they do not.
    func judge(_ dates: [CalendarDate], of checked: Int) -> String? {
        guard dates.count >= 10, Double(dates.count) >= Self.dateShare * Double(checked) else { return nil }
        // Birth dates have no time of day; a stored midnight is no time.
        guard dates.allSatisfy({ !$0.hasTime }) else { return nil }
        let now = today.dayNumber
        let ages = dates.map { Double(now - $0.dayNumber) / 365.25 }.sorted()
        // Nobody is born tomorrow: future dates make these due dates or expiries. Placeholders such as
        // 1900-01-01 are common in real birth-date columns, so a few very old dates are let through.
        guard let youngest = ages.first, youngest >= 0, Double(ages.filter { $0 > 120 }.count) <= 0.02 * Double(ages.count) else { return nil }
        let median = ages[ages.count / 2]
        let spread = ages[ages.count * 9 / 10] - ages[ages.count / 10]
        guard spread >= 20, (16...90).contains(median) else { return nil }
        return "\(dates.count) of the \(checked) values checked are dates of people's ages (median \(Int(median)) years, "
            + "the middle 80% spread over \(Int(spread)) years), none in the future"
    }
}
