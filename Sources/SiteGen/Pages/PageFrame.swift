
/// What every page shows around its content (`layout.mustache`): the site's title and navigation, and the
/// way back to the root for assets and search.
struct PageFrame: MustacheParent {
    var siteTitle: String
    var pageTitle: String
    /// `../` once per folder of the page's path.
    var root: String
    var home: String
    var searchScript: String
    /// The page's own path from the site's root, which favourites and recent pages remember.
    var path: String
    var breadcrumbs: [Link]
    /// Set when the site has a glossary.
    var glossaryHref: String?
    /// Set when any column holds personal data, so every page links the report.
    var piiHref: String?
    /// The coverage report, which every site has.
    var coverageHref: String

    func child(named name: String) -> Any? {
        switch name {
        case "siteTitle": siteTitle
        case "pageTitle": pageTitle
        case "root": root
        case "home": home
        case "searchScript": searchScript
        case "path": path
        case "breadcrumbs": breadcrumbs
        case "glossaryHref": glossaryHref.orBlank
        case "piiHref": piiHref.orBlank
        case "coverageHref": coverageHref
        default: nil
        }
    }
}
