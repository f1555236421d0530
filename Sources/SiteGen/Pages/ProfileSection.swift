
/// The table page's "Data profile" section: how much was read, and each profiled column's statistics.
struct ProfileSection: MustacheParent {
    /// "Sampled 10,000 of ~2,400,000 rows", "All 412 rows read".
    var read: String
    /// Set when frequent values come from fewer rows than the statistics.
    var valuesRead: String?
    /// Why the profile is incomplete (a timeout), if it is.
    var incomplete: String?
    var columns: [Column]

    func child(named name: String) -> Any? {
        switch name {
        case "read": read
        case "valuesRead": valuesRead.orBlank
        case "incomplete": incomplete.orBlank
        case "columns": columns
        default: nil
        }
    }
}

extension ProfileSection {
    struct Column: MustacheParent {
        var name: String
        /// The column's row in the columns table.
        var href: String
        var pii: PIIBadge?
        var nulls: String
        var distinct: String
        /// "1 … 9,800; mean 412.50 ± 3.10; 3–12 characters".
        var range: String
        var top: [FrequentValue]
        /// Why values are not shown, when they are not.
        var masked: String?
        /// The commonest shapes of the values, with their shares.
        var shapes: String

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "href": href
            case "pii": pii.orBlank
            case "nulls": nulls
            case "distinct": distinct
            case "range": range
            case "top": top
            case "masked": masked.orBlank
            case "shapes": shapes
            default: nil
            }
        }
    }

    /// A frequent value and its bar.
    struct FrequentValue: MustacheParent {
        var value: String
        var share: String
        /// The bar's width in whole percent of the commonest value's: a number we computed, safe in a style.
        var width: Int

        func child(named key: String) -> Any? {
            switch key {
            case "value": value
            case "share": share
            case "width": width
            default: nil
            }
        }
    }
}
