
extension TablePage {
    struct Index: MustacheParent {
        var name: String
        var parts: [IndexPart]
        var unique: Bool
        /// How the index came to be when not by `CREATE INDEX`: "primary key", "unique constraint".
        var origin: String?
        /// A partial index's `WHERE`.
        var predicate: String?
        /// The access method when not the default, such as "gin".
        var method: String?

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "parts": parts
            case "unique": unique
            case "origin": origin.orBlank
            case "predicate": predicate.orBlank
            case "method": method.orBlank
            default: nil
            }
        }
    }

    /// A column of an index, linked to its row, or an expression.
    struct IndexPart: MustacheParent {
        var name: String
        var href: String?
        var expression: Bool

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "href": href.orBlank
            case "expression": expression
            default: nil
            }
        }
    }

    struct Constraint: MustacheParent {
        var name: String
        var kind: String
        var definition: String

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "kind": kind
            case "definition": definition
            default: nil
            }
        }
    }

    struct Partition: MustacheParent {
        var name: String
        var bound: String
        /// The partition it sits in, when partitions are themselves partitioned.
        var parent: String?
        /// Empty when unknown (a partition that is itself partitioned has no rows of its own).
        var rows: String
        var size: String

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "bound": bound
            case "parent": parent.orBlank
            case "rows": rows
            case "size": size
            default: nil
            }
        }
    }
}
