
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

    /// The references from one schema's tables, folded under "sales — 412 tables" on a hub table's page.
    struct ReferenceGroup: MustacheParent {
        /// "sales", or "warehouse.sales" when the schema is in another source.
        var schema: String
        /// "sales — 412 tables": the schema and how many of its tables reference this one.
        var summary: String
        var references: [Reference]

        func child(named name: String) -> Any? {
            switch name {
            case "schema": schema
            case "summary": summary
            case "references": references
            default: nil
            }
        }
    }

    /// A relationship people vouched for that the database does not declare: written in a context file, or
    /// inferred and then accepted.
    struct Relationship: MustacheParent {
        var from: Link
        var fromColumns: [NamedLink]
        var to: Link
        var toColumns: [NamedLink]
        var cardinality: String?
        var join: String?
        var descriptionHTML: String?
        /// "inferred, accepted by ana" for an accepted suggestion; nil for a documented one.
        var note: String?

        func child(named name: String) -> Any? {
            switch name {
            case "from": from
            case "fromColumns": fromColumns
            case "to": to
            case "toColumns": toColumns
            case "cardinality": cardinality.orBlank
            case "join": join.orBlank
            case "descriptionHTML": descriptionHTML.orBlank
            case "note": note.orBlank
            default: nil
            }
        }
    }

    /// A relationship the relationships stage inferred and nobody has accepted yet, seen from this table:
    /// "`customer_id` probably references customers.`id` (confidence 0.82)", or the other way round.
    struct Suggestion: MustacheParent {
        /// Whether this table holds the referencing columns; else the other table references this one.
        var isReferencing: Bool
        /// This table's columns in it, and the other table's.
        var columns: [NamedLink]
        var other: Link
        var otherColumns: [NamedLink]
        /// Whether the other side is several columns, written `table.(a, b)`.
        var isComposite: Bool
        /// "0.82"; nil when the stage gave none.
        var confidence: String?
        /// Why the stage believes it, one reason each, as HTML (`evidenceHTML`: escaped, names as code).
        var evidenceHTML: [String]
        var cardinality: String?

        func child(named name: String) -> Any? {
            switch name {
            case "isReferencing": isReferencing
            case "columns": columns
            case "other": other
            case "otherColumns": otherColumns
            case "isComposite": isComposite
            case "confidence": confidence.orBlank
            case "evidenceHTML": evidenceHTML
            case "cardinality": cardinality.orBlank
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
