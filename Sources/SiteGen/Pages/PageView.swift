
/// A page's view model: every value its template prints, already worded, and the template that prints it.
///
/// Templates are logic-less, so every decision is made when the view model is built (`PageContext`). Each view
/// model answers the keys its templates read from typed fields, in one `child(named:)`; nil fields answer
/// `Blank`, never nil, so no key falls through to an enclosing row or the page (see `Blank`). Unknown names
/// fall through to `frame`, the layout's values.
protocol PageView: MustacheParent {
    /// The template's name in the theme: `table` for `templates/table.mustache`.
    static var template: String { get }
    var frame: PageFrame { get }
}
