"""The site as a person sees it in Chromium: search, keyboard navigation, diagrams, no script from data."""
import json

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait


def search(browser, text):
    """Types into the search box as a user would and returns the result links shown, once every part of the
    index is in (the core answers first; column descriptions arrive after)."""
    box = browser.find_element(By.ID, "search")
    box.clear()
    box.send_keys(text)
    WebDriverWait(browser, 10).until(lambda d: not d.find_element(By.ID, "search-results").get_attribute("hidden")
                                     and d.find_element(By.ID, "search-results").get_attribute("data-complete") == "true")
    return [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#search-results li[role=option] a")]


def test_the_search_finds_every_column_of_chinook(browser, chinook_site):
    browser.get((chinook_site / "index.html").as_uri())
    catalog = json.loads((chinook_site / "catalog.json").read_text(encoding="utf-8"))
    index = {(e["c"], e["n"]): e["p"] for e in json.loads((chinook_site / "search.json").read_text())["entries"]}
    columns = [(t["id"], c["name"]) for t in catalog["sources"][0]["schemas"][0]["tables"] for c in t["columns"]]
    assert len(columns) == 64
    for table, column in columns:
        page, anchor = index[(f"chinook.main.{table['name']}", column)].split("#")
        expected = (chinook_site / page).as_uri() + "#" + anchor
        assert expected in search(browser, column), f"searching {column} does not offer {table['name']}.{column}"


def test_keyboard_navigation_opens_the_chosen_result(browser, chinook_site, screenshots):
    browser.get((chinook_site / "index.html").as_uri())
    links = search(browser, "unitprice")
    assert len(links) == 2  # Track.UnitPrice and InvoiceLine.UnitPrice
    browser.save_screenshot(str(screenshots / "chinook-search.png"))
    box = browser.find_element(By.ID, "search")
    box.send_keys(Keys.ARROW_DOWN)
    selected = browser.find_element(By.CSS_SELECTOR, "#search-results li[aria-selected=true] a").get_attribute("href")
    assert selected == links[1]
    box.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: d.current_url == links[1])
    anchor = links[1].split("#")[1]
    assert browser.find_element(By.ID, anchor).is_displayed()


def test_escape_closes_the_results_and_slash_focuses_the_box(browser, chinook_site):
    browser.get((chinook_site / "chinook" / "main" / "index.html").as_uri())
    browser.find_element(By.TAG_NAME, "body").send_keys("/")
    assert browser.switch_to.active_element.get_attribute("id") == "search"
    search(browser, "album")
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert browser.find_element(By.ID, "search-results").get_attribute("hidden") is not None


def test_diagrams_render_on_table_and_schema_pages(browser, chinook_site, screenshots):
    browser.get((chinook_site / "chinook" / "main" / "tables" / "track.html").as_uri())
    svg = browser.find_element(By.CSS_SELECTOR, "#diagram figure > svg")
    assert svg.size["width"] > 300 and svg.size["height"] > 150
    titles = {t.text for t in browser.find_elements(By.CSS_SELECTOR, "#diagram g.node text") if t.text}
    assert {"Track", "Album", "Genre", "MediaType", "InvoiceLine", "PlaylistTrack"} <= titles
    browser.execute_script("document.getElementById('diagram').scrollIntoView()")
    browser.save_screenshot(str(screenshots / "chinook-track.png"))

    browser.get((chinook_site / "chinook" / "main" / "schema.svg").as_uri())
    assert len(browser.find_elements(By.CSS_SELECTOR, "g.node")) == 11
    box = browser.execute_script("var b = document.querySelector('svg').getBBox(); return [b.width, b.height];")
    assert box[0] > 400 and box[1] > 200
    browser.save_screenshot(str(screenshots / "chinook-schema-erd.png"))


def test_a_diagram_node_opens_its_table_page(browser, chinook_site):
    browser.get((chinook_site / "chinook" / "main" / "tables" / "track.html").as_uri())
    href = "return arguments[0].getAttributeNS('http://www.w3.org/1999/xlink', 'href')"
    album = [a for a in browser.find_elements(By.CSS_SELECTOR, "#diagram g.node a")
             if browser.execute_script(href, a) == "album.html"]
    assert len(album) == 1
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", album[0])
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith("/tables/album.html"))
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Album")


@pytest.mark.parametrize("relative", ["index.html", "hostile/main/index.html"])
def test_hostile_names_never_run_as_script(browser, hostile_site, relative):
    browser.get((hostile_site / relative).as_uri())
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert
    # HTML links only: an inline diagram's SVG links (xlink:href) go to the same table pages.
    for href in [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "main a[href]")][:40]:
        browser.get(href)
        with pytest.raises(NoAlertPresentException):
            browser.switch_to.alert
    results = search_hostile(browser, hostile_site)
    assert results > 0


def search_hostile(browser, site):
    browser.get((site / "index.html").as_uri())
    links = search(browser, "<img")
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert
    return len(links)


def test_every_page_loads_quickly(browser, sample_site):
    slowest = 0
    for page in sorted(sample_site.rglob("*.html")):
        browser.get(page.as_uri())
        timing = browser.execute_script(
            "var t = performance.timing; return t.domContentLoadedEventEnd - t.navigationStart;")
        slowest = max(slowest, timing)
    assert slowest < 2000, f"slowest page took {slowest} ms"


def test_glossary_terms_are_linked_searchable_and_list_where_they_are_used(browser, sample_site, screenshots):
    browser.get((sample_site / "warehouse" / "main" / "tables" / "customer_lifetime_value.html").as_uri())
    term = browser.find_element(By.CSS_SELECTOR, ".desc a[title='Glossary: Lifetime value']")
    assert term.text == "Lifetime value"
    term.click()
    WebDriverWait(browser, 10).until(lambda d: "/glossary/" in d.current_url)
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Lifetime value")
    used = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#used-by a")]
    assert "warehouse.main.customer_lifetime_value" in used
    browser.save_screenshot(str(screenshots / "sample-glossary-term.png"))

    browser.find_element(By.CSS_SELECTOR, "header a.nav").click()
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith("/glossary/index.html"))
    assert len(browser.find_elements(By.CSS_SELECTOR, "dl.glossary dt")) == 4

    links = search(browser, "ltv")
    assert any("/glossary/lifetime-value" in link for link in links)


def test_documented_relationships_are_drawn_dashed(browser, sample_site, screenshots):
    browser.get((sample_site / "warehouse" / "main" / "tables" / "monthly_revenue.html").as_uri())
    section = browser.find_element(By.ID, "documented-relationships")
    assert "stores" in section.text and "many-to-one" in section.text.lower()
    dashed = browser.find_elements(By.CSS_SELECTOR, "#diagram g.edge path[stroke-dasharray]")
    assert len(dashed) == 1
    browser.execute_script("document.getElementById('documented-relationships').scrollIntoView()")
    browser.save_screenshot(str(screenshots / "sample-documented-relationship.png"))


def test_suggested_relationships_are_marked_on_pages_and_drawn_dashed(browser, no_keys_site, screenshots):
    tables = no_keys_site / "shop" / "main" / "tables"
    browser.get((tables / "orders.html").as_uri())
    section = browser.find_element(By.ID, "suggested-relationships")
    assert "customer_id probably references customers.id (confidence 0.95)" in section.text
    assert "SUGGESTION" in section.text  # the badge is set in capitals
    # The reasons are folded away until asked for.
    reason = "customer_id is the table name customers and id"  # names set as code, without their backticks
    assert reason not in section.text
    section.find_element(By.TAG_NAME, "summary").click()
    assert reason in section.text
    keys = browser.find_element(By.CSS_SELECTOR, "tr#c-customer_id .key.fk.suggested")
    assert keys.text == "FK?" and keys.get_attribute("title").startswith("suggested relationship (confidence 0.95)")

    # The diagram draws it dashed in the suggestion colour, labelled with its confidence, and explains that.
    dashed = browser.find_elements(By.CSS_SELECTOR, "#diagram g.edge path[stroke-dasharray][stroke='#0d9488']")
    assert len(dashed) == 2  # to customers, and from order_lines
    labels = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "#diagram g.edge text")]
    assert labels == ["0.95", "0.95"]
    assert not browser.find_elements(By.CSS_SELECTOR, "#diagram g.edge path:not([stroke-dasharray])")
    legend = browser.find_element(By.CSS_SELECTOR, "#diagram .legend")
    assert legend.is_displayed() and "suggested by Schema Scribe" in legend.text
    browser.execute_script("document.getElementById('suggested-relationships').scrollIntoView()")
    browser.save_screenshot(str(screenshots / "no-keys-orders-suggestions.png"))

    browser.get((tables / "customers.html").as_uri())
    text = browser.find_element(By.ID, "suggested-relationships").text
    assert "id is probably referenced by orders.customer_id (confidence 0.95)" in text

    # The schema's overview draws the suggestions too, so the tables are not islands.
    browser.get((no_keys_site / "shop" / "main" / "schema.svg").as_uri())
    assert len(browser.find_elements(By.CSS_SELECTOR, "g.edge path[stroke-dasharray][stroke='#0d9488']")) == 3


def test_a_table_is_found_through_a_suggested_relationship(browser, no_keys_site):
    browser.get((no_keys_site / "index.html").as_uri())
    links = search(browser, "customers")
    assert links[0].endswith("/shop/main/tables/customers.html")
    assert any(link.endswith("/shop/main/tables/orders.html") for link in links)


def test_the_personal_data_page_filters_by_kind_and_pages_show_profiles(browser, sample_site, screenshots):
    from selenium.webdriver.support.ui import Select

    browser.get((sample_site / "pii.html").as_uri())
    rows = browser.find_elements(By.CSS_SELECTOR, "#pii-table tbody tr")
    assert len(rows) >= 5
    Select(browser.find_element(By.ID, "pii-kind")).select_by_value("email")
    # The rows are drawn again from the report's data, only those of the kind.
    shown = browser.find_elements(By.CSS_SELECTOR, "#pii-table tbody tr")
    assert shown and all(row.get_attribute("data-kind") == "email" for row in shown)
    assert len(shown) < len(rows)
    browser.save_screenshot(str(screenshots / "pii.png"))
    # The first email row links to the column on its table page, which carries the badge and a masked profile.
    shown[0].find_element(By.CSS_SELECTOR, "td:nth-child(2) a").click()
    assert "PII · EMAIL" in browser.find_element(By.CSS_SELECTOR, "tr:target").text  # the badge is set in capitals
    profile = browser.find_element(By.ID, "profile").text
    assert "All 600 rows read." in profile and "masked: personal data" in profile
    assert "@example" not in browser.page_source.replace("***@", "")


def test_pii_colon_in_the_search_box_lists_personal_data(browser, sample_site):
    browser.get((sample_site / "index.html").as_uri())

    def shown(query):
        search(browser, query)
        return [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#search-results li[role=option] a")]

    emails = shown("pii:email")
    assert emails and all("PII" in t for t in emails)
    assert any(t.startswith("COLUMN") and "email" in t and "warehouse.main.customers" in t for t in emails)
    assert all("first_name" not in t for t in emails)
    everything = shown("pii:")
    assert len(everything) > len(emails) and all("PII" in t for t in everything)


def test_typing_while_the_index_loads_is_not_lost(browser, chinook_site):
    # Focus starts loading the index; the first keystrokes arrive before it has: their search must still run.
    browser.get((chinook_site / "index.html").as_uri())
    browser.execute_script("""
        var box = document.getElementById("search");
        box.dispatchEvent(new Event("focus"));
        box.value = "Milliseconds";
        box.dispatchEvent(new Event("input"));
    """)
    WebDriverWait(browser, 10).until(lambda d: not d.find_element(By.ID, "search-results").get_attribute("hidden"))
    assert "Milliseconds" in browser.find_element(By.ID, "search-results").text


def test_the_coverage_page_shows_the_figures_and_its_links_open(browser, sample_site, screenshots):
    browser.get((sample_site / "index.html").as_uri())
    nav = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "header a.nav")]
    assert nav[nav.index("Personal data") + 1] == "Coverage"
    browser.find_element(By.LINK_TEXT, "Coverage").click()
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith("/coverage.html"))
    catalog = json.loads((sample_site / "catalog.json").read_text(encoding="utf-8"))
    figures = catalog["coverage"]["figures"]
    assert browser.find_element(By.ID, "coverage-score").text == f"{round(figures['score'] * 100)}%"
    assert "½ × trusted tables ÷ tables + ½ × trusted columns ÷ columns" in browser.find_element(By.TAG_NAME, "main").text
    row = browser.find_element(By.CSS_SELECTOR, "#coverage-columns tbody tr")
    cells = [td.text for td in row.find_elements(By.TAG_NAME, "td")]
    columns = figures["columns"]
    assert cells == ["warehouse · main"] + [str(columns[k]) for k in (
        "total", "described", "human", "databaseComment", "template", "model", "approved", "stale", "pending")]
    pii = browser.find_element(By.CSS_SELECTOR, "#coverage-summary tbody tr td:last-child a")
    assert pii.text == str(figures["piiColumns"]) and figures["piiColumns"] > 0
    browser.save_screenshot(str(screenshots / "coverage.png"))

    links = {a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "main table a")}
    assert {(sample_site / "warehouse" / "main" / "index.html").as_uri(), (sample_site / "pii.html").as_uri()} == links
    pii.click()
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith("/pii.html"))
    assert len(browser.find_elements(By.CSS_SELECTOR, "#pii-table tbody tr")) == figures["piiColumns"]
    browser.back()
    browser.find_element(By.CSS_SELECTOR, "#coverage-tables tbody tr td:nth-child(3) a").click()
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith("/warehouse/main/index.html"))
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("main")

def list_names(browser):
    return [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#browse-table tbody tr td:first-child a")]


def test_the_schema_page_lists_tables_first_and_filters_sorts_and_facets(browser, sample_site, screenshots):
    from selenium.webdriver.support.ui import Select

    browser.get((sample_site / "warehouse" / "main" / "index.html").as_uri())
    sections = [s.get_attribute("id") for s in browser.find_elements(By.CSS_SELECTOR, "main section")]
    assert sections.index("tables") < sections.index("diagram")
    everything = list_names(browser)
    assert len(everything) == 21 and everything == sorted(everything)
    assert browser.find_element(By.ID, "browse-count").text == "Showing 1–21 of 21"

    box = browser.find_element(By.ID, "browse-filter")
    box.send_keys("ORDER")
    names = list_names(browser)
    assert names and all("order" in name for name in names)
    assert "of 21 in all" not in browser.find_element(By.ID, "browse-count").text
    assert browser.find_element(By.ID, "browse-count").text.endswith("(21 in all)")
    box.clear()
    box.send_keys(" ")  # clear() sends no input event; a space is trimmed away
    assert len(list_names(browser)) == 21

    Select(browser.find_element(By.ID, "browse-sort")).select_by_value("rows")
    rows = [int(td.text.replace(",", "") or -1)
            for td in browser.find_elements(By.CSS_SELECTOR, "#browse-table tbody tr td:nth-child(4)")]
    assert rows == sorted(rows, reverse=True) and rows[0] == 7500
    Select(browser.find_element(By.ID, "browse-sort")).select_by_value("refs")
    refs = [int(td.text) for td in browser.find_elements(By.CSS_SELECTOR, "#browse-table tbody tr td:nth-child(5)")]
    assert refs == sorted(refs, reverse=True) and refs[0] > refs[-1]
    Select(browser.find_element(By.ID, "browse-sort")).select_by_value("columns")
    columns = [int(td.text) for td in browser.find_elements(By.CSS_SELECTOR, "#browse-table tbody tr td:nth-child(3)")]
    assert columns == sorted(columns, reverse=True)

    Select(browser.find_element(By.ID, "browse-kind")).select_by_value("view")
    kinds = {td.text for td in browser.find_elements(By.CSS_SELECTOR, "#browse-table tbody tr td:nth-child(2)")}
    assert kinds == {"view"}
    Select(browser.find_element(By.ID, "browse-kind")).select_by_value("")
    browser.find_element(By.ID, "browse-pii").click()
    pii = list_names(browser)
    assert set(pii) == {"addresses", "customer_lifetime_value", "customers", "employees", "suppliers"}
    assert all(row.find_elements(By.CSS_SELECTOR, ".badge.pii")
               for row in browser.find_elements(By.CSS_SELECTOR, "#browse-table tbody tr"))
    browser.save_screenshot(str(screenshots / "schema-list-pii.png"))
    browser.find_element(By.ID, "browse-pii").click()
    Select(browser.find_element(By.ID, "browse-described")).select_by_value("no")
    undescribed = browser.find_elements(By.CSS_SELECTOR, "#browse-table tbody tr")
    assert all(row.find_elements(By.CSS_SELECTOR, ".missing") for row in undescribed)
    Select(browser.find_element(By.ID, "browse-described")).select_by_value("yes")
    described = browser.find_elements(By.CSS_SELECTOR, "#browse-table tbody tr")
    assert len(described) + len(undescribed) == 21
    assert not any(row.find_elements(By.CSS_SELECTOR, ".missing") for row in described)


def test_personal_data_rows_link_their_tables(browser, sample_site):
    browser.get((sample_site / "pii.html").as_uri())
    link = browser.find_element(By.CSS_SELECTOR, "#pii-table tbody tr td:first-child a")
    assert link.text == "main.addresses"
    link.click()
    assert browser.current_url.endswith("/warehouse/main/tables/addresses.html")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("addresses")


@pytest.fixture(scope="module")
def long_lists_site(tmp_path_factory):
    """340 contact tables, each with an email and a phone column (680 personal-data findings), described by a
    context file that mentions the glossary term "Contact point" in every table's description."""
    import sqlite3
    from conftest import run_scribe
    folder = tmp_path_factory.mktemp("long-lists")
    with sqlite3.connect(folder / "db.sqlite") as db:
        db.executescript("".join(f"CREATE TABLE contact_{n:03} (id INTEGER PRIMARY KEY, email TEXT, phone TEXT);\n"
                                 for n in range(340)))
    (folder / "content" / "context").mkdir(parents=True)
    (folder / "content" / "context" / "glossary.yml").write_text(
        "glossary:\n  - term: Contact point\n    definition: A way to reach someone.\n", encoding="utf-8")
    (folder / "content" / "context" / "tables.yml").write_text("tables:\n" + "".join(
        f"  contact_{n:03}:\n    description: Contact point number {n}.\n" for n in range(340)), encoding="utf-8")
    (folder / "site.yml").write_text(
        f"title: Long lists\nsources:\n  - {{name: db, kind: sqlite, path: {folder / 'db.sqlite'}}}\n", encoding="utf-8")
    result = run_scribe("build", "--config", str(folder / "site.yml"), "--output", str(folder / "site"))
    assert result.returncode == 0, result.stderr
    return folder / "site"


def test_a_long_personal_data_report_prints_one_page_and_pages_through_every_row(browser, long_lists_site, screenshots):
    html = (long_lists_site / "pii.html").read_text(encoding="utf-8")
    assert html.count('<tr data-kind="') == 100, "the HTML holds the first page only"
    assert "And 580 more columns" in html  # what a reader without JavaScript is told
    browser.get((long_lists_site / "pii.html").as_uri())
    rows = browser.find_elements(By.CSS_SELECTOR, "#pii-table tbody tr")
    assert len(rows) == 100
    assert browser.find_element(By.ID, "pii-count").text == "Showing 1–100 of 680"
    assert not browser.find_element(By.ID, "pii-more").is_displayed()
    browser.find_element(By.CSS_SELECTOR, "#pii-pager button[data-page='6']").click()
    rows = browser.find_elements(By.CSS_SELECTOR, "#pii-table tbody tr")
    assert len(rows) == 80 and browser.find_element(By.ID, "pii-count").text == "Showing 601–680 of 680"
    link = rows[-1].find_element(By.CSS_SELECTOR, "td:first-child a")
    assert link.text == "main.contact_339"
    from selenium.webdriver.support.ui import Select
    Select(browser.find_element(By.ID, "pii-kind")).select_by_value("email")
    assert browser.find_element(By.ID, "pii-count").text == "Showing 1–100 of 340 (680 in all)"
    assert {r.get_attribute("data-kind") for r in browser.find_elements(By.CSS_SELECTOR, "#pii-table tbody tr")} == {"email"}
    assert browser.execute_script("return document.getElementsByTagName('*').length") < 2000
    browser.save_screenshot(str(screenshots / "pii-long.png"))
    link = browser.find_element(By.CSS_SELECTOR, "#pii-table tbody tr td:nth-child(2) a")
    link.click()
    assert "/tables/contact_000.html#c-email" in browser.current_url


def test_a_term_used_by_hundreds_of_descriptions_lists_them_a_page_at_a_time(browser, long_lists_site):
    term = next((long_lists_site / "glossary").glob("contact-point*.html"))
    html = term.read_text(encoding="utf-8")
    printed = html.split('id="used-by-list"', 1)[1].split("</ul>", 1)[0]
    assert printed.count("<li>") == 100 and "And 240 more uses" in html, "the HTML holds the first page only"
    browser.get(term.as_uri())
    uses = browser.find_elements(By.CSS_SELECTOR, "#used-by-list li")
    assert len(uses) == 100
    assert browser.find_element(By.ID, "used-by-count").text == "Showing 1–100 of 340"
    box = browser.find_element(By.ID, "used-by-filter")
    box.send_keys("contact_33")
    labels = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#used-by-list li")]
    assert labels == [f"db.main.contact_33{n}" for n in range(10)]
    assert browser.find_element(By.ID, "used-by-count").text == "Showing 1–10 of 10 (340 in all)"
    browser.find_element(By.CSS_SELECTOR, "#used-by-list a").click()
    assert browser.current_url.endswith("/tables/contact_330.html")


def test_tables_can_be_starred_and_the_home_page_lists_starred_and_recent(browser, sample_site, screenshots):
    tables = sample_site / "warehouse" / "main" / "tables"
    browser.get((sample_site / "index.html").as_uri())
    browser.execute_script("localStorage.clear(); window.name = '';")
    browser.get((sample_site / "index.html").as_uri())
    assert not browser.find_element(By.ID, "personal").is_displayed()

    browser.get((tables / "customers.html").as_uri())
    star = browser.find_element(By.ID, "star")
    assert star.get_attribute("aria-pressed") == "false"
    star.click()
    assert star.get_attribute("aria-pressed") == "true" and "Starred" in star.text
    browser.get((tables / "orders.html").as_uri())
    browser.get((tables / "customers.html").as_uri())
    assert browser.find_element(By.ID, "star").get_attribute("aria-pressed") == "true"  # remembered across pages

    browser.get((sample_site / "index.html").as_uri())
    starred = browser.find_elements(By.CSS_SELECTOR, "#starred a")
    recent = browser.find_elements(By.CSS_SELECTOR, "#recent a")
    assert [a.text for a in starred] == ["warehouse.main.customers"]
    assert [a.text for a in recent] == ["warehouse.main.customers", "warehouse.main.orders"]
    browser.save_screenshot(str(screenshots / "home-starred.png"))
    starred[0].click()
    assert browser.current_url.endswith("/warehouse/main/tables/customers.html")
    browser.find_element(By.ID, "star").click()  # unstar
    browser.get((sample_site / "index.html").as_uri())
    assert not browser.find_element(By.ID, "starred-box").is_displayed()
    assert browser.find_elements(By.CSS_SELECTOR, "#recent a")


def test_without_storage_the_pages_still_work(browser, sample_site):
    """Storage that throws (a browser's privacy setting) leaves the star working and no error on the page."""
    browser.get((sample_site / "index.html").as_uri())
    added = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        Object.defineProperty(window, 'localStorage', {get: function () { throw new Error('denied'); }});
        window.__errors = []; window.addEventListener('error', function (e) { window.__errors.push(e.message); });
    """})
    try:
        browser.get((sample_site / "warehouse" / "main" / "tables" / "orders.html").as_uri())
        star = browser.find_element(By.ID, "star")
        star.click()
        assert star.get_attribute("aria-pressed") == "true"
        browser.get((sample_site / "warehouse" / "main" / "index.html").as_uri())
        assert len(list_names(browser)) == 21
        assert browser.execute_script("return window.__errors") == []
    finally:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]})
        browser.get((sample_site / "index.html").as_uri())
        browser.execute_script("window.name = '';")


def test_a_schema_of_two_thousand_tables_pages_its_list(browser, many_tables_site, screenshots):
    from selenium.webdriver.support.ui import Select

    page = many_tables_site / "many" / "main" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert html.count("<tr><td><a href=") == 100  # the first page is in the HTML; the rest waits in the JSON
    browser.get(page.as_uri())
    nodes = browser.execute_script("return document.getElementsByTagName('*').length")
    loaded = browser.execute_script(
        "var t = performance.timing; return t.domContentLoadedEventEnd - t.navigationStart;")
    print(f"2,001 tables: {nodes} elements at load, DOMContentLoaded after {loaded} ms")
    assert nodes <= 10000
    assert loaded <= 1000
    assert len(list_names(browser)) == 100
    assert browser.find_element(By.ID, "browse-count").text == "Showing 1–100 of 2,001"
    browser.find_element(By.CSS_SELECTOR, "#browse-pager button[data-page='1']").click()
    assert list_names(browser)[0] == "t0100"
    assert browser.find_element(By.ID, "browse-count").text == "Showing 101–200 of 2,001"
    browser.find_element(By.CSS_SELECTOR, "#browse-pager button[data-page='20']").click()
    assert list_names(browser) == ["v_first"]
    browser.save_screenshot(str(screenshots / "many-last-page.png"))
    box = browser.find_element(By.ID, "browse-filter")
    box.send_keys("T1")
    assert len(list_names(browser)) == 100 and browser.find_element(By.ID, "browse-pager").is_displayed()
    assert browser.find_element(By.ID, "browse-count").text == "Showing 1–100 of 1,000 (2,001 in all)"
    box.send_keys("99")
    assert list_names(browser) == [f"t199{i}" for i in range(10)]
    assert not browser.find_element(By.ID, "browse-pager").is_displayed()
    Select(browser.find_element(By.ID, "browse-kind")).select_by_value("view")
    assert list_names(browser) == [] and browser.find_element(By.ID, "browse-count").text.startswith("No table")

    # 200 of the tables hold an email column: the personal-data report shows them 100 at a time.
    browser.get((many_tables_site / "pii.html").as_uri())
    shown = [r for r in browser.find_elements(By.CSS_SELECTOR, "#pii-table tbody tr") if r.is_displayed()]
    assert len(shown) == 100 and shown[0].text.startswith("main.t0003")
    assert browser.find_element(By.ID, "pii-count").text == "Showing 1–100 of 200"
    browser.find_element(By.CSS_SELECTOR, "#pii-pager button[data-page='1']").click()
    shown = [r for r in browser.find_elements(By.CSS_SELECTOR, "#pii-table tbody tr") if r.is_displayed()]
    assert len(shown) == 100 and shown[-1].text.startswith("main.t1993")


def names(browser, selector="#search-results li[role=option] a strong"):
    return [e.text for e in browser.find_elements(By.CSS_SELECTOR, selector)]


def test_exact_names_come_before_prefixes_before_words_before_the_rest(browser, search_site):
    browser.get((search_site / "index.html").as_uri())
    search(browser, "order")
    # Exact; prefixes, shorter first; a word of the name (snake or camel); inside a name.
    found = names(browser)
    assert found[:7] == ["order", "orders", "order_id", "order_lines", "shop_order", "PurchaseOrder", "reorder_rules"]
    # Then what matches only by where it is: the columns of those tables.
    assert set(found[7:]) == {"id", "line_no"}


def test_a_typo_still_finds_the_name(browser, search_site, sample_site):
    browser.get((search_site / "index.html").as_uri())
    search(browser, "custmer")
    assert names(browser)[0] == "customer"
    search(browser, "ordres")   # a transposition
    assert names(browser)[0] == "orders"
    browser.get((sample_site / "index.html").as_uri())
    search(browser, "custmer")
    found = names(browser)
    assert "customer_id" in found and "customers" in found


def test_the_core_of_the_index_answers_by_name_and_the_shards_add_description_matches(browser, sample_site, tmp_path):
    # "unknown" is in column descriptions only ("…; empty when unknown."), which live in the shards.
    browser.get((sample_site / "index.html").as_uri())
    search(browser, "unknown")
    described = browser.find_elements(By.CSS_SELECTOR, "#search-results li[role=option] .kind")
    assert described and {k.text.lower() for k in described} == {"column"}
    assert "so far" not in browser.find_element(By.CSS_SELECTOR, "#search-results .count").text

    # Without the shards (a partial upload, a file blocked) names are still found, and nothing breaks.
    import shutil
    partial = tmp_path / "site"
    shutil.copytree(sample_site, partial)
    shutil.rmtree(partial / "search")
    browser.get((partial / "index.html").as_uri())
    assert search(browser, "order_id")
    assert not search(browser, "unknown")
    assert browser.find_element(By.CSS_SELECTOR, "#search-results li.empty").is_displayed()


def test_the_dropdown_counts_every_result_and_links_them_all(browser, search_site, screenshots):
    browser.get((search_site / "index.html").as_uri())
    links = search(browser, "item")
    assert len(links) == 50
    more = browser.find_element(By.CSS_SELECTOR, "#search-results li.more")
    # 80 item_N tables and their id columns (found by where they are), the view item_view and its column item_total.
    assert more.find_element(By.CLASS_NAME, "count").text == "50 of 162 results"
    browser.save_screenshot(str(screenshots / "search-dropdown.png"))
    more.find_element(By.LINK_TEXT, "see all results").click()
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith("search.html?q=item"))
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-page").get_attribute("data-ready") == "true")
    assert browser.find_element(By.ID, "search-count").text == "162 results"
    assert len(browser.find_elements(By.CSS_SELECTOR, "#search-list li")) == 162
    assert browser.find_element(By.ID, "search-query").get_attribute("value") == "item"


def test_the_results_page_filters_by_kind_and_schema_and_pages(browser, search_site, screenshots):
    from selenium.webdriver.support.ui import Select
    browser.get((search_site / "search.html").as_uri() + "?q=item")
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-page").get_attribute("data-ready") == "true")
    kinds = Select(browser.find_element(By.ID, "search-kind"))
    assert [o.text for o in kinds.options] == ["every kind", "column (81)", "table (80)", "view (1)"]
    kinds.select_by_visible_text("view (1)")
    assert names(browser, "#search-list strong") == ["item_view"]
    kinds.select_by_index(0)
    schemas = Select(browser.find_element(By.ID, "search-schema"))
    assert [o.text for o in schemas.options] == ["every schema", "shop.main (122)", "archive.main (40)"]
    schemas.select_by_visible_text("archive.main (40)")
    assert browser.find_element(By.ID, "search-count").text == "40 results"
    assert all(e.text.startswith("archive.main") for e in browser.find_elements(By.CSS_SELECTOR, "#search-list .where"))
    kinds.select_by_visible_text("table (80)")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#search-list li")) == 20
    marks = browser.find_elements(By.CSS_SELECTOR, "#search-list strong mark")
    assert marks and all(m.text == "item" for m in marks)
    schemas.select_by_index(0)
    browser.save_screenshot(str(screenshots / "search-results-page.png"))

    # A broad query keeps the page small: 200 rows at a time.
    browser.get((search_site / "search.html").as_uri() + "?q=note")
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-page").get_attribute("data-ready") == "true")
    assert browser.find_element(By.ID, "search-count").text == "1\u2013200 of 250 results"
    assert len(browser.find_elements(By.CSS_SELECTOR, "#search-list li")) == 200
    browser.find_element(By.CSS_SELECTOR, "#search-pager button").click()
    assert browser.find_element(By.ID, "search-count").text == "201\u2013250 of 250 results"
    assert len(browser.find_elements(By.CSS_SELECTOR, "#search-list li")) == 50
    assert [b.text for b in browser.find_elements(By.CSS_SELECTOR, "#search-pager button")] == ["\u2190 Previous"]


def test_the_results_page_highlights_hostile_names_as_text(browser, hostile_site, screenshots):
    browser.get((hostile_site / "search.html").as_uri() + "?q=%3Cimg")
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-page").get_attribute("data-ready") == "true")
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert
    strong = browser.find_element(By.CSS_SELECTOR, "#search-list strong")
    assert strong.text == "<img src=x onerror=alert(1)>"
    assert strong.find_element(By.TAG_NAME, "mark").text == "<img"
    assert not browser.find_elements(By.CSS_SELECTOR, "#search-page img, #search-page script, #search-page svg")
    browser.save_screenshot(str(screenshots / "search-results-hostile.png"))


# ---- Interactive diagrams (diagram.js) ----------------------------------------------------------------------

def table_page(browser, site, name):
    browser.get((site / "chinook" / "main" / "tables" / f"{name}.html").as_uri())
    WebDriverWait(browser, 10).until(lambda d: d.execute_script(
        "var f = document.querySelector('figure.erd'); return f && f.getAttribute('data-erd') === 'ready'"))
    browser.execute_script("document.getElementById('diagram').scrollIntoView()")
    return browser.find_element(By.CSS_SELECTOR, "figure.erd")


def view_box(browser):
    return [float(n) for n in browser.find_element(By.CSS_SELECTOR, "figure.erd > svg").get_dom_attribute("viewBox").split()]


def node(browser, label):
    """The g.node whose table is `label`, found by its bold title text."""
    for g in browser.find_elements(By.CSS_SELECTOR, "figure.erd > svg g.node"):
        texts = [t.get_attribute("textContent") for t in g.find_elements(By.TAG_NAME, "text")]
        if texts and texts[0] == label:
            return g
    raise AssertionError(f"no node {label}")


def node_classes(browser):
    return browser.execute_script("""
        var out = {};
        document.querySelectorAll('figure.erd > svg g.node').forEach(function (g) {
          out[g.querySelector('text').textContent] = g.getAttribute('class');
        });
        return out;""")


def tool(browser, label):
    return browser.find_element(By.XPATH, f"//div[@class='erd-tools']//button[normalize-space()='{label}']")


def test_the_toolbar_wheel_and_keys_zoom_and_reset_the_diagram(browser, chinook_site):
    from selenium.webdriver.common.action_chains import ActionChains
    figure = table_page(browser, chinook_site, "album")
    home = view_box(browser)
    tool(browser, "+").click()
    zoomed = view_box(browser)
    assert zoomed[2] == pytest.approx(home[2] / 1.25, rel=1e-3) and zoomed[3] == pytest.approx(home[3] / 1.25, rel=1e-3)
    tool(browser, "−").click()
    assert view_box(browser) == pytest.approx(home, abs=0.02)
    browser.execute_script("arguments[0].focus()", figure)
    ActionChains(browser).send_keys("+").perform()
    assert view_box(browser)[2] < home[2]
    figure.send_keys("0")
    assert view_box(browser) == pytest.approx(home, abs=0.02)
    # The wheel zooms around the pointer: the point under it stays where it was.
    browser.execute_script("""
        var svg = arguments[0].querySelector('svg'), r = svg.getBoundingClientRect();
        svg.dispatchEvent(new WheelEvent('wheel', {deltaY: -200, ctrlKey: true, bubbles: true, cancelable: true,
                                                   clientX: r.left + r.width * 0.25, clientY: r.top + r.height * 0.5}));""", figure)
    wheeled = view_box(browser)
    assert wheeled[2] < home[2]
    assert wheeled[0] + wheeled[2] * 0.25 == pytest.approx(home[0] + home[2] * 0.25, abs=0.5)
    # Without ctrl and without focus, the wheel leaves the diagram alone and scrolls the page.
    tool(browser, "Reset").click()
    browser.execute_script("document.activeElement.blur()")
    browser.execute_script("arguments[0].querySelector('svg').dispatchEvent(new WheelEvent('wheel', {deltaY: -200, bubbles: true}))", figure)
    assert view_box(browser) == pytest.approx(home, abs=0.02)


def test_dragging_pans_and_a_drag_over_a_table_does_not_open_it(browser, chinook_site):
    from selenium.webdriver.common.action_chains import ActionChains
    table_page(browser, chinook_site, "album")
    url = browser.current_url
    home = view_box(browser)
    svg = browser.find_element(By.CSS_SELECTOR, "figure.erd > svg")
    ActionChains(browser).move_to_element_with_offset(svg, -svg.size["width"] // 2 + 10, 0).click_and_hold() \
        .move_by_offset(40, 0).move_by_offset(40, 10).release().perform()
    moved = view_box(browser)
    assert moved[0] < home[0] and moved[1] < home[1] and moved[2] == pytest.approx(home[2])
    ActionChains(browser).click_and_hold(node(browser, "Artist")).move_by_offset(30, 0).move_by_offset(30, 0).release().perform()
    assert browser.current_url == url
    assert view_box(browser)[0] < moved[0]


def test_hovering_a_table_highlights_its_relationships_and_neighbours(browser, chinook_site):
    from selenium.webdriver.common.action_chains import ActionChains
    figure = table_page(browser, chinook_site, "track")
    ActionChains(browser).move_to_element(node(browser, "Album")).perform()
    assert "erd-focus" in figure.get_attribute("class")
    classes = node_classes(browser)
    assert "erd-active" in classes["Album"].split()
    assert "erd-neighbour" in classes["Track"].split()
    for other in ("Genre", "MediaType", "InvoiceLine", "PlaylistTrack"):
        assert "erd-neighbour" not in classes[other].split()
    edges = browser.execute_script("""
        return Array.prototype.map.call(document.querySelectorAll('figure.erd > svg g.edge'), function (g) {
          return [g.querySelector('title').textContent, g.classList.contains('erd-active'), getComputedStyle(g).opacity];
        });""")
    active = [title for title, on, _ in edges if on]
    assert len(active) == 1 and active[0].startswith("t0:") and "->t" in active[0]
    assert all(float(opacity) < 0.5 for _, on, opacity in edges if not on)
    ActionChains(browser).move_to_element(node(browser, "Track")).perform()
    classes = node_classes(browser)
    assert all("erd-neighbour" in classes[name].split() for name in ("Album", "Genre", "MediaType", "InvoiceLine", "PlaylistTrack"))
    ActionChains(browser).move_to_element(browser.find_element(By.ID, "diagram").find_element(By.TAG_NAME, "h2")).perform()
    assert "erd-focus" not in figure.get_attribute("class")


def test_a_table_can_be_hidden_with_its_edges_and_shown_again(browser, chinook_site):
    from selenium.webdriver.common.action_chains import ActionChains
    table_page(browser, chinook_site, "track")
    genre = node(browser, "Genre")
    ActionChains(browser).move_to_element(genre).perform()
    close = genre.find_element(By.CSS_SELECTOR, ".erd-close")
    ActionChains(browser).move_to_element(close).click().perform()
    assert not genre.is_displayed()
    hidden_edges = browser.find_elements(By.CSS_SELECTOR, "figure.erd > svg g.edge.erd-hidden")
    assert len(hidden_edges) == 1 and not hidden_edges[0].is_displayed()
    assert browser.current_url.endswith("/track.html")
    # Alt-click hides too, and never follows the table's link.
    ActionChains(browser).key_down(Keys.ALT).click(node(browser, "MediaType")).key_up(Keys.ALT).perform()
    assert browser.current_url.endswith("/track.html")
    assert not node(browser, "MediaType").is_displayed()
    assert len([g for g in browser.find_elements(By.CSS_SELECTOR, "figure.erd > svg g.node") if g.is_displayed()]) == 4
    show_all = tool(browser, "Show all")
    assert show_all.is_displayed()
    show_all.click()
    assert len([g for g in browser.find_elements(By.CSS_SELECTOR, "figure.erd > svg g.node") if g.is_displayed()]) == 6
    assert not show_all.is_displayed()


def test_depth_two_swaps_in_the_tables_two_steps_away(browser, chinook_site):
    table_page(browser, chinook_site, "album")
    assert len(browser.find_elements(By.CSS_SELECTOR, "template.erd-depth")) == 1
    names = lambda: set(node_classes(browser))
    assert names() == {"Album", "Artist", "Track"}
    tool(browser, "2").click()
    assert names() == {"Album", "Artist", "Track", "Genre", "MediaType", "InvoiceLine", "PlaylistTrack"}
    assert tool(browser, "2").get_attribute("aria-pressed") == "true"
    assert len(browser.find_elements(By.CSS_SELECTOR, "figure.erd > svg")) == 1
    tool(browser, "+").click()  # the new diagram zooms too
    assert view_box(browser)[2] < float(browser.find_element(By.CSS_SELECTOR, "figure.erd > svg").get_dom_attribute("width")[:-2]) * 1.34
    tool(browser, "1").click()
    assert names() == {"Album", "Artist", "Track"}


def test_download_builds_an_svg_file_from_the_diagram_shown(browser, chinook_site):
    import xml.etree.ElementTree as ET
    from selenium.webdriver.common.action_chains import ActionChains
    table_page(browser, chinook_site, "album")
    tool(browser, "2").click()
    ActionChains(browser).key_down(Keys.ALT).click(node(browser, "Genre")).key_up(Keys.ALT).perform()
    # Stop the browser saving the file; the link's own handler has run by then.
    browser.execute_script("window.addEventListener('click', function (e) { if (e.target.closest('a.erd-download')) e.preventDefault(); })")
    link = browser.find_element(By.CSS_SELECTOR, "figure.erd a.erd-download")
    link.click()
    href = link.get_attribute("href")
    assert href.startswith("blob:")
    assert link.get_attribute("download") == "album-depth-2.svg"
    text = browser.execute_async_script(
        "var done = arguments[1]; fetch(arguments[0]).then(function (r) { return r.text(); }).then(done, function (e) { done(String(e)); });", href)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')
    root = ET.fromstring(text)
    names = {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert {"Album", "Artist", "Track", "MediaType"} <= names and "Genre" not in names and "×" not in names
    links = [a.get("{http://www.w3.org/1999/xlink}href") for a in root.iter("{http://www.w3.org/2000/svg}a")]
    assert links and all(link.startswith("file:///") and link.endswith(".html") for link in links)


def test_clicking_a_table_in_the_diagram_opens_its_page(browser, chinook_site, screenshots):
    from selenium.webdriver.common.action_chains import ActionChains
    table_page(browser, chinook_site, "album")
    browser.execute_script("document.querySelector('figure.erd').scrollIntoView({block: 'center'})")
    ActionChains(browser).move_to_element(node(browser, "Track")).perform()
    browser.save_screenshot(str(screenshots / "chinook-album-diagram.png"))
    node(browser, "Artist").find_element(By.TAG_NAME, "text").click()
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith("/tables/artist.html"))
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Artist")

def svg_pixels(svg):
    """The width and height graphviz gives an SVG, in CSS pixels (it writes points)."""
    def px(value):
        return float(value[:-2]) * 4 / 3 if value.endswith("pt") else float(value)
    return px(svg.get_attribute("width")), px(svg.get_attribute("height"))


def test_a_large_schema_is_a_map_of_subject_areas_that_open(browser, subjects_site, screenshots):
    page = subjects_site / "erp" / "main" / "index.html"
    browser.get(page.as_uri())
    nodes = browser.execute_script("return document.getElementsByTagName('*').length")
    assert nodes <= 10000
    areas = browser.find_elements(By.CSS_SELECTOR, "#areas li a")
    assert 6 <= len(areas) <= 12, [a.text for a in areas]
    assert "Shared tables" in [a.text for a in areas]  # the calendar every table references joins no area
    svg = browser.find_element(By.CSS_SELECTOR, "#diagram figure.erd > svg")
    assert len(svg.find_elements(By.CSS_SELECTOR, "g.node")) == len(areas)
    assert "subject areas" in browser.find_element(By.CSS_SELECTOR, "#diagram .note").text
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#diagram figcaption a")]
    assert all(link.endswith("/schema.svg") for link in links) and len(links) == 2
    browser.execute_script("document.getElementById('diagram').scrollIntoView()")
    browser.save_screenshot(str(screenshots / "subjects-area-map.png"))

    # An area's node on the map opens the area's page: its diagram, its tables, a way back.
    node = svg.find_elements(By.CSS_SELECTOR, "g.node a")[0]
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", node)
    WebDriverWait(browser, 10).until(lambda d: "/areas/" in d.current_url)
    assert "subject area" in browser.find_element(By.TAG_NAME, "h1").text.lower()
    rows = browser.find_elements(By.CSS_SELECTOR, "#tables tbody tr")
    drawn = browser.find_elements(By.CSS_SELECTOR, "#diagram figure.erd > svg g.node")
    assert rows and len(drawn) >= len(rows)
    browser.save_screenshot(str(screenshots / "subjects-area.png"))
    browser.find_element(By.PARTIAL_LINK_TEXT, "Back to the map").click()
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith("/erp/main/index.html#diagram"))


def test_a_hub_tables_diagram_groups_its_neighbours_and_fits_a_screen(browser, subjects_site, screenshots):
    browser.get((subjects_site / "erp" / "main" / "tables" / "calendar.html").as_uri())
    svg = browser.find_element(By.CSS_SELECTOR, "#diagram figure.erd > svg")
    width, height = svg_pixels(svg)
    print(f"calendar, referenced by 240 tables: diagram {width:.0f} × {height:.0f} px")
    assert width < 2000 and height < 2000
    texts = [t.text for t in svg.find_elements(By.CSS_SELECTOR, "g.node text")]
    assert "referenced by 228 tables in main" in texts
    assert "grouped (referenced by 228 tables in main)" in browser.find_element(By.CSS_SELECTOR, "#diagram .note").text
    group = [a for a in svg.find_elements(By.CSS_SELECTOR, "g.node a")
             if browser.execute_script("return arguments[0].getAttributeNS('http://www.w3.org/1999/xlink', 'href')", a) == "#referenced-by"]
    assert len(group) == 1
    browser.execute_script("document.getElementById('diagram').scrollIntoView()")
    browser.save_screenshot(str(screenshots / "subjects-hub.png"))
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", group[0])
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith("#referenced-by"))
