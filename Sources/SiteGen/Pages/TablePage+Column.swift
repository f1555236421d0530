
extension TablePage {
    /// A row of the columns table.
    struct Column: MustacheParent {
        var name: String
        var anchor: String
        var position: Int
        var type: String
        /// "identity, generated always", "domain over text", "one of 'a', 'b'".
        var typeNotes: [String]
        /// "generated, stored: price * quantity".
        var generated: String?
        var hidden: Bool
        var nullable: Bool
        var defaultValue: String?
        /// "PK", or "PK 2" for the second column of a composite key.
        var keyLabel: String?
        /// The columns (or tables) this column's foreign keys point to, declared or not.
        var references: [ColumnReference]
        var description: DescriptionView
        var context: ContextView?
        var pii: PIIBadge?

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "anchor": anchor
            case "position": position
            case "type": type
            case "typeNotes": typeNotes
            case "generated": generated.orBlank
            case "hidden": hidden
            case "nullable": nullable
            case "default": defaultValue.orBlank
            case "keyLabel": keyLabel.orBlank
            case "references": references
            case "description": description
            case "context": context.orBlank
            case "pii": pii.orBlank
            default: nil
            }
        }
    }

    /// What one of a column's keys points at, marked by its kind: a declared foreign key, a relationship
    /// people vouched for, or a suggestion.
    struct ColumnReference: MustacheParent {
        /// The referenced column ("customers.id"), or its table when the key names no column.
        var target: Link
        /// "FK", or "FK?" for a suggestion.
        var marker: String
        /// The class that marks it beside `key fk`: nil for a declared key, else `documented` or `suggested`.
        var style: String?
        /// "documented relationship", "suggested relationship (confidence 0.82): …"; nil for a declared key.
        var title: String?

        func child(named name: String) -> Any? {
            switch name {
            case "target": target
            case "marker": marker
            case "style": style.orBlank
            case "title": title.orBlank
            default: nil
            }
        }
    }
}
