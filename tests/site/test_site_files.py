"""What every generated site must be, checked on its files: links resolve, nothing escapes, builds repeat."""
import filecmp
import json

import pytest

from conftest import build_site
from sitecheck import broken_links, read_pages


@pytest.mark.parametrize("name", ["chinook_site", "sample_site", "hostile_site"])
def test_every_internal_link_and_anchor_resolves(name, request):
    site = request.getfixturevalue(name)
    problems, pages = broken_links(site)
    assert len(pages) > 5
    assert problems == []


def test_chinook_has_a_page_per_table_and_foreign_keys_link_both_ways(chinook_site):
    catalog = json.loads((chinook_site / "catalog.json").read_text(encoding="utf-8"))
    assert catalog["version"] == 2
    tables = catalog["sources"][0]["schemas"][0]["tables"]
    assert len(tables) == 11
    pages = {p.name: p for p in (chinook_site / "chinook" / "main" / "tables").glob("*.html")}
    assert len(pages) == 11
    page_of = {t["id"]["name"]: f"{t['id']['name'].lower()}.html" for t in tables}
    _, parsed = broken_links(chinook_site)
    links = {path.name: set(page.links) for path, page in parsed.items() if path.parent.name == "tables"}
    foreign_keys = [(t["id"]["name"], fk["referencedTable"]["name"]) for t in tables for fk in t["foreignKeys"]]
    assert len(foreign_keys) == 11
    # Since version 2 the top-level relationships repeat every declared key; Chinook declares them all.
    declared = [(r["from"]["table"]["name"], r["to"]["table"]["name"]) for r in catalog["relationships"]]
    assert declared == foreign_keys and {r["origin"] for r in catalog["relationships"]} == {"declared"}
    for source, target in foreign_keys:
        assert page_of[target] in links[page_of[source]], f"{source} does not link to {target}"
        assert page_of[source] in links[page_of[target]], f"{target} does not link back to {source}"


def test_nothing_from_the_database_becomes_markup(hostile_site):
    for path in hostile_site.rglob("*"):
        if path.suffix in (".html", ".svg"):
            text = path.read_text(encoding="utf-8")
            for raw in ("<script>alert", "<img src=x", "<svg onload", "</td><script>"):
                assert raw not in text, f"{path.relative_to(hostile_site)} carries raw {raw}"
    _, pages = broken_links(hostile_site)
    assert all(page.handlers == [] for page in pages.values())
    shown = "\n".join(" ".join(page.text) for page in pages.values())
    for name in ["../../x", "a/b", "index", "..", "é", "a\"b", "<svg onload=alert(1)>", "t" * 200, "<img src=x onerror=alert(1)>"]:
        assert name in shown, f"{name!r} is never shown"


def test_every_file_stays_inside_the_site(hostile_site):
    root = hostile_site.resolve()
    for path in hostile_site.rglob("*"):
        assert root in path.resolve().parents
    # Beside the site: only what the user configured, and the caches (paths.cache, .scribe/cache by default), with
    # nothing set aside while writing them left behind.
    assert sorted(p.name for p in hostile_site.parent.iterdir()) == [".scribe", "hostile.sqlite", "site", "site.yml"]
    assert sorted(p.name for p in (hostile_site.parent / ".scribe" / "cache").iterdir()) == [
        "build-memo.json", "diagrams.pack", "fragments.pack", "profiles.json", "relationship-candidates.json"]


def test_two_builds_of_the_same_database_are_identical(tmp_path, chinook_db):
    first = build_site(tmp_path / "a", chinook_db, "Chinook", name="chinook")
    second = build_site(tmp_path / "b", chinook_db, "Chinook", name="chinook")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(first, second, files, shallow=False)
    assert mismatch == [] and errors == []
