"""The site as a person sees it in Chromium: search, keyboard navigation, diagrams, no script from data."""
import json

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait


def search(browser, text):
    """Types into the search box as a user would and returns the result links shown."""
    box = browser.find_element(By.ID, "search")
    box.clear()
    box.send_keys(text)
    WebDriverWait(browser, 10).until(lambda d: not d.find_element(By.ID, "search-results").get_attribute("hidden"))
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
    for href in [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "main a")][:40]:
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
    shown = [row for row in rows if row.is_displayed()]
    assert shown and all(row.get_attribute("data-kind") == "email" for row in shown)
    assert len(shown) < len(rows)
    browser.save_screenshot(str(screenshots / "pii.png"))
    # The first email row links to the column on its table page, which carries the badge and a masked profile.
    shown[0].find_element(By.CSS_SELECTOR, "a").click()
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
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-page").get_attribute("data-ready"))
    assert browser.find_element(By.ID, "search-count").text == "162 results"
    assert len(browser.find_elements(By.CSS_SELECTOR, "#search-list li")) == 162
    assert browser.find_element(By.ID, "search-query").get_attribute("value") == "item"


def test_the_results_page_filters_by_kind_and_schema_and_pages(browser, search_site, screenshots):
    from selenium.webdriver.support.ui import Select
    browser.get((search_site / "search.html").as_uri() + "?q=item")
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-page").get_attribute("data-ready"))
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
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-page").get_attribute("data-ready"))
    assert browser.find_element(By.ID, "search-count").text == "1\u2013200 of 250 results"
    assert len(browser.find_elements(By.CSS_SELECTOR, "#search-list li")) == 200
    browser.find_element(By.CSS_SELECTOR, "#search-pager button").click()
    assert browser.find_element(By.ID, "search-count").text == "201\u2013250 of 250 results"
    assert len(browser.find_elements(By.CSS_SELECTOR, "#search-list li")) == 50
    assert [b.text for b in browser.find_elements(By.CSS_SELECTOR, "#search-pager button")] == ["\u2190 Previous"]


def test_the_results_page_highlights_hostile_names_as_text(browser, hostile_site, screenshots):
    browser.get((hostile_site / "search.html").as_uri() + "?q=%3Cimg")
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-page").get_attribute("data-ready"))
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert
    strong = browser.find_element(By.CSS_SELECTOR, "#search-list strong")
    assert strong.text == "<img src=x onerror=alert(1)>"
    assert strong.find_element(By.TAG_NAME, "mark").text == "<img"
    assert not browser.find_elements(By.CSS_SELECTOR, "#search-page img, #search-page script, #search-page svg")
    browser.save_screenshot(str(screenshots / "search-results-hostile.png"))
