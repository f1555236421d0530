"""Reads a generated site the way a link checker would: every page, its links, and the ids it defines."""
import html.parser
import os
import pathlib
import urllib.parse


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.ids, self.text, self.handlers = [], set(), [], []

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key in ("href", "src") or (tag == "object" and key == "data"):
                self.links.append(value or "")
            if key == "id":
                self.ids.add(value)
            if key.startswith("on"):
                self.handlers.append(f"{tag} {key}")

    def handle_data(self, data):
        self.text.append(data)


def read_pages(site):
    pages = {}
    for path in sorted(pathlib.Path(site).rglob("*.html")):
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        pages[path] = page
    return pages


def broken_links(site):
    """Every local link that points at a missing file or anchor, or outside the site."""
    site = pathlib.Path(site).resolve()
    pages = read_pages(site)
    problems = []
    for path, page in pages.items():
        for link in page.links:
            parts = urllib.parse.urlsplit(link)
            if parts.scheme or parts.netloc:
                problems.append(f"{path.relative_to(site)}: external link {link}")
                continue
            target = path if not parts.path else (path.parent / urllib.parse.unquote(parts.path)).resolve()
            if site not in target.parents and target != site:
                problems.append(f"{path.relative_to(site)}: {link} leaves the site")
            elif not target.exists():
                problems.append(f"{path.relative_to(site)}: {link} is missing")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else set()
                if parts.fragment not in ids:
                    problems.append(f"{path.relative_to(site)}: {link} has no anchor #{parts.fragment}")
    return problems, pages
