
/// Every result of a search: the page is a frame the theme's script fills from `search.html?q=…`, so it needs
/// no data of its own and works opened from disk.
struct SearchPage: PageView {
    static let template = "search"
    var frame: PageFrame

    func child(named name: String) -> Any? {
        frame.child(named: name)
    }
}
