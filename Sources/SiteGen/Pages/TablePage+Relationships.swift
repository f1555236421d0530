import Mustache

extension TablePage {
    struct PrimaryKey: MustacheParent {
        var columns: [NamedLink]

        func child(named name: String) -> Any? {
            name == "columns" ? columns : nil
        }
    }

    /// A foreign key this table declares.
    struct ForeignKey: MustacheParent {
        var columns: [NamedLink]
        var target: Link
        var targetColumns: [NamedLink]
        /// "on delete cascade", "deferrable"; nil when every action is the default.
        var actions: String?

        func child(named name: String) -> Any? {
            switch name {
            case "columns": columns
            case "target": target
            case "targetColumns": targetColumns
            case "actions": actions.orBlank
            default: nil
            }
        }
    }

    /// A foreign key of another table that points at this one.
    struct Reference: MustacheParent {
        var source: Link
        var columns: [NamedLink]
        var targetColumns: [NamedLink]
        var actions: String?

        func child(named name: String) -> Any? {
            switch name {
            case "source": source
            case "columns": columns
            case "targetColumns": targetColumns
            case "actions": actions.orBlank
            default: nil
            }
        }
    }

    /// A relationship written in a context file.
    struct Relationship: MustacheParent {
        var from: Link
        var fromColumns: [NamedLink]
        var to: Link
        var toColumns: [NamedLink]
        var cardinality: String?
        var join: String?
        var descriptionHTML: String?

        func child(named name: String) -> Any? {
            switch name {
            case "from": from
            case "fromColumns": fromColumns
            case "to": to
            case "toColumns": toColumns
            case "cardinality": cardinality.orBlank
            case "join": join.orBlank
            case "descriptionHTML": descriptionHTML.orBlank
            default: nil
            }
        }
    }

    /// A table a view reads, and which of its columns.
    struct Read: MustacheParent {
        var table: Link
        var columns: [NamedLink]

        func child(named name: String) -> Any? {
            switch name {
            case "columns": columns
            default: table.child(named: name)
            }
        }
    }
}
