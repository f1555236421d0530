
/// A table's or view's page: columns, data profile, keys, relationships, indexes, definition and diagram.
struct TablePage: PageView {
    static let template = "table"
    /// Up to this many references print as one list; more fold by schema, so a hub table's page stays readable.
    static let plainReferenceLimit = 20
    var frame: PageFrame
    var name: String
    /// `source.schema.table`.
    var qualifiedName: String
    var kind: String
    var isView: Bool
    var options: [String]
    /// "1,204 rows", "~1,204 rows (estimate)"; nil when unknown.
    var rows: String?
    /// Size on disk, when the database reports it.
    var size: String?
    var columnCount: String
    var description: DescriptionView
    var context: ContextView?
    /// Nil when the table was not profiled.
    var profile: ProfileSection?
    var columns: [Column]
    var primaryKey: PrimaryKey?
    var foreignKeys: [ForeignKey]
    /// The other tables' foreign keys to this one, as a plain list; empty when `referenceGroups` holds them.
    var referencedBy: [Reference]
    /// The same keys grouped by the referencing table's schema, when there are more than `Self.plainReferenceLimit`.
    var referenceGroups: [ReferenceGroup]
    /// Relationships the database does not declare that people vouched for: written in context files, or
    /// suggested and accepted.
    var documented: [Relationship]
    /// Inferred relationships nobody has decided on yet, from this table or to it.
    var suggested: [Suggestion]
    var indexes: [Index]
    var constraints: [Constraint]
    var partitionKey: String?
    var partitions: [Partition]
    /// The tables a view reads, and the views reading this table.
    var reads: [Read]
    var readBy: [Link]
    var viewDefinition: String?
    var diagram: Diagram?

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "qualifiedName": qualifiedName
        case "kind": kind
        case "isView": isView
        case "options": options
        case "rows": rows.orBlank
        case "size": size.orBlank
        case "columnCount": columnCount
        case "description": description
        case "context": context.orBlank
        case "profile": profile.orBlank
        case "columns": columns
        case "primaryKey": primaryKey.orBlank
        case "foreignKeys": foreignKeys
        case "referencedBy": referencedBy
        case "referenceGroups": referenceGroups
        case "isReferenced": !referencedBy.isEmpty || !referenceGroups.isEmpty
        case "documented": documented
        case "suggested": suggested
        case "indexes": indexes
        case "constraints": constraints
        case "partitionKey": partitionKey.orBlank
        case "partitions": partitions
        case "reads": reads
        case "readBy": readBy
        case "viewDefinition": viewDefinition.orBlank
        case "diagram": diagram.orBlank
        default: frame.child(named: key)
        }
    }
}

extension TablePage {
    /// The table's neighbourhood diagram, drawn into the page.
    ///
    /// It answers only its own keys: the `{{name}}` the template prints inside the section is the table's.
    struct Diagram: MustacheParent {
        /// Markup from graphviz, which escaped every name in it.
        var svg: String
        /// Set when the diagram leaves related tables out.
        var note: String?
        /// What its kinds of edge mean; empty when it draws declared foreign keys only.
        var legend: [DiagramLegend]
        /// The name a downloaded SVG takes, `orders` for orders.html.
        var file: String
        /// The depth-2 diagram's markup, from graphviz, for the script to swap in; nil when it would show no more
        /// tables, or too many.
        var depthTwo: String?
        /// "Depth 2 reaches 214 tables, too many to draw here; export it with", when it does.
        var depthTwoTooLarge: String?
        /// The command that exports the depth-2 diagram, when the page does not draw it.
        var exportCommand: String?

        func child(named name: String) -> Any? {
            switch name {
            case "svg": svg
            case "note": note.orBlank
            case "legend": legend
            case "file": file
            case "depthTwo": depthTwo.orBlank
            case "depthTwoTooLarge": depthTwoTooLarge.orBlank
            case "exportCommand": exportCommand.orBlank
            default: nil
            }
        }
    }
}
