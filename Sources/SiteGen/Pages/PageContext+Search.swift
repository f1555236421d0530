extension PageContext {
    /// The full results page the search box's "see all results" opens.
    func searchPage() -> SearchPage {
        SearchPage(frame: frame(path: SitePlan.searchPage, title: "Search",
                                crumbs: [(catalog.title, SitePlan.indexPage), ("Search", nil)]))
    }
}
