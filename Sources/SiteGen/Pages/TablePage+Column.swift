import Mustache

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
        /// The columns (or tables) this column's foreign keys point to.
        var references: [Link]
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
}
