"""A site of 2,000 generated tables (about 33,000 columns, a hub table referenced by 300), as a person
meets it in Chromium: every kind of page stays small in the DOM however big the schema, and search, typo
tolerance and the schema list work at that size. Timings are for bench/browse and bench/search, which print
them; a test on a shared machine asserts only what does not depend on its load.
"""
import importlib.util
import json
import pathlib

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, run_scribe
from test_browser import search

TABLES = 2000
HUB_FACTS = 300
# The bound for any page at first paint.
DOM_LIMIT = 10_000


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("generate", REPO / "bench" / "generate_sqlite_schema.py")
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    folder = tmp_path_factory.mktemp("large")
    generate.generate(folder / "large.sqlite", TABLES - HUB_FACTS - 1)
    # A hub as reporting databases have them: a calendar every fact table references.
    import sqlite3
    with sqlite3.connect(folder / "large.sqlite") as db:
        db.executescript("CREATE TABLE calendar_day (id INTEGER PRIMARY KEY, day TEXT);\n" + "".join(
            f"CREATE TABLE fact_{n} (id INTEGER PRIMARY KEY, day_id INTEGER REFERENCES calendar_day (id), amount NUMERIC);\n"
            for n in range(HUB_FACTS)))
    (folder / "site.yml").write_text(
        f"title: Large\nsources:\n  - {{name: big, kind: sqlite, path: {folder / 'large.sqlite'}}}\n", encoding="utf-8")
    result = run_scribe("build", "--config", str(folder / "site.yml"), "--output", str(folder / "site"))
    assert result.returncode == 0, result.stderr
    return folder / "site"


def elements(browser):
    return browser.execute_script("return document.getElementsByTagName('*').length")


def busiest(site):
    index = json.loads((site / "search.json").read_text(encoding="utf-8"))
    tables = [e for e in index["entries"] if e["k"] == "table"]
    return max(tables, key=lambda e: len((e.get("r") or "").split(",")))


def test_every_kind_of_page_stays_small_in_the_dom(browser, large_site):
    hub = busiest(large_site)
    assert hub["n"] == "calendar_day" and len(hub["r"].split(",")) == HUB_FACTS
    pages = [large_site / "index.html", large_site / "big" / "main" / "index.html", large_site / hub["p"],
             large_site / "coverage.html", large_site / "pii.html", large_site / "glossary" / "index.html"]
    pages += sorted((large_site / "big" / "main").glob("areas/*.html"))
    sizes = {}
    for page in pages:
        if page.exists():
            browser.get(page.as_uri())
            sizes[page.relative_to(large_site).as_posix()] = elements(browser)
    browser.get((large_site / "search.html").as_uri() + "?q=attribute")
    WebDriverWait(browser, 20).until(lambda d: d.find_element(By.ID, "search-page").get_attribute("data-ready") == "true")
    sizes["search.html?q=attribute"] = elements(browser)
    assert "1\u2013200 of" in browser.find_element(By.ID, "search-count").text
    too_big = {page: n for page, n in sizes.items() if n > DOM_LIMIT}
    assert not too_big, f"pages over {DOM_LIMIT} elements: {too_big}"
    assert {"index.html", "big/main/index.html", hub["p"], "coverage.html"} <= set(sizes)


def test_the_schema_list_filters_sorts_and_pages_two_thousand_tables(browser, large_site):
    from selenium.webdriver.support.ui import Select
    browser.get((large_site / "big" / "main" / "index.html").as_uri())
    rows = browser.find_elements(By.CSS_SELECTOR, "#browse-table tbody tr")
    assert len(rows) == 100
    assert browser.find_element(By.ID, "browse-count").text == "Showing 1–100 of 2,000"
    box = browser.find_element(By.ID, "browse-filter")
    box.send_keys("ledger_1")
    shown = [r.find_element(By.CSS_SELECTOR, "td a").text for r in browser.find_elements(By.CSS_SELECTOR, "#browse-table tbody tr")]
    assert shown and all("ledger_1" in name for name in shown)
    box.clear()
    box.send_keys(" ")
    Select(browser.find_element(By.ID, "browse-sort")).select_by_value("refs")
    first = browser.find_element(By.CSS_SELECTOR, "#browse-table tbody tr td a").text
    assert first == busiest(large_site)["n"], "sorted by references, the busiest table comes first"


def test_search_finds_names_typos_and_counts_every_match_at_size(browser, large_site):
    browser.get((large_site / "index.html").as_uri())
    links = search(browser, "custmer_10")
    assert links[0].endswith("/tables/customer_10.html"), "the name one typo away first"
    assert all("/tables/customer_" in link for link in links[:5])
    search(browser, "attribute_3")
    count = browser.find_element(By.CSS_SELECTOR, "#search-results .count").text
    index = json.loads((large_site / "search.json").read_text(encoding="utf-8"))
    exact = sum(1 for e in index["entries"] if e["n"] == "attribute_3")
    assert exact > 1000 and count.startswith("50 of ")
    top = browser.find_elements(By.CSS_SELECTOR, "#search-results li[role=option] strong")
    assert {t.text for t in top} == {"attribute_3"}, "exact names first"
    assert int(count.split(" of ")[1].split(" ")[0].replace(",", "")) >= exact
