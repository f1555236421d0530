"""`scribe-build serve` as a person uses it: a real serve process, a table page open in Chromium, a context
file edited in another window. The page reloads itself with the new text; a broken file shows its error over
the page, which keeps the last good build under it; fixing the file clears the error."""
import re
import signal
import sqlite3
import subprocess
import time
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import scribe_bin

SHOP = """
CREATE TABLE customers (id INTEGER PRIMARY KEY, full_name TEXT NOT NULL);
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id), placed_at TEXT);
INSERT INTO customers VALUES (1, 'Ann Lee'), (2, 'Bo Chen');
INSERT INTO orders VALUES (1, 1, '2024-01-01'), (2, 2, '2024-01-02');
"""


def describe_orders(project, text):
    (project / "content" / "context" / "orders.yml").write_text(
        f"tables:\n  orders:\n    description: {text}\n", encoding="utf-8")


@pytest.fixture()
def served(tmp_path):
    """A shop served on a free port by a real `scribe-build serve`; yields (project folder, base URL, process)."""
    with sqlite3.connect(tmp_path / "shop.sqlite") as db:
        db.executescript(SHOP)
    (tmp_path / "content" / "context").mkdir(parents=True)
    (tmp_path / "site.yml").write_text("title: Shop\nsources:\n  - {name: shop, kind: sqlite, path: shop.sqlite}\n",
                                       encoding="utf-8")
    describe_orders(tmp_path, "One row per order.")
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")
    process = subprocess.Popen([scribe_bin(), "serve", "--port", "0"], cwd=tmp_path, stdout=subprocess.PIPE,
                               stderr=log, text=True)
    line = process.stdout.readline()
    match = re.match(r"serving (http://127\.0\.0\.1:\d+/)", line)
    assert match, f"serve printed {line!r}; its log: {(tmp_path / 'serve.log').read_text()}"
    yield tmp_path, match.group(1), process
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=20)
    log.close()


def wait_for_description(browser, text, timeout=30):
    # Read through a script: an element found before a reload is stale after it.
    WebDriverWait(browser, timeout).until(lambda d: text in d.execute_script(
        "var main = document.querySelector('main'); return main ? main.textContent : ''"))


def test_an_edited_context_file_reloads_the_open_page(browser, served, screenshots):
    project, url, _ = served
    browser.get(url + "shop/main/tables/orders.html")
    wait_for_description(browser, "One row per order.")
    # A mark on the page as loaded: a reload makes a new document without it.
    browser.execute_script("document.body.dataset.before = 'yes'")
    time.sleep(0.5)  # the page's event stream is connected (it hears the current build first)
    started = time.monotonic()
    describe_orders(project, "Every order a customer placed, edited while served.")
    wait_for_description(browser, "Every order a customer placed, edited while served.")
    seconds = time.monotonic() - started
    assert browser.execute_script("return document.body.dataset.before") is None, "the page was reloaded, not patched"
    browser.save_screenshot(str(screenshots / "serve-reloaded.png"))
    print(f"save → reloaded page: {seconds:.2f} s")
    assert "rebuilt in" in (project / "serve.log").read_text(encoding="utf-8")


def test_a_broken_context_file_shows_its_error_over_the_last_good_page(browser, served, screenshots):
    project, url, _ = served
    browser.get(url + "shop/main/tables/orders.html")
    wait_for_description(browser, "One row per order.")
    time.sleep(0.5)
    (project / "content" / "context" / "orders.yml").write_text("tables:\n  orders:\n    descripton: typo\n", encoding="utf-8")
    overlay = WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.ID, "scribe-build-error"))[0]
    assert "content/context/orders.yml:3:5" in overlay.text
    assert "last good build" in overlay.text
    assert "One row per order." in browser.find_element(By.TAG_NAME, "main").text
    browser.save_screenshot(str(screenshots / "serve-error.png"))
    # Another page opened now shows the error too, over the last good site.
    browser.get(url + "shop/main/tables/customers.html")
    WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.ID, "scribe-build-error"))
    browser.get(url + "shop/main/tables/orders.html")
    WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.ID, "scribe-build-error"))
    describe_orders(project, "Fixed again.")
    wait_for_description(browser, "Fixed again.")
    WebDriverWait(browser, 10).until(lambda d: not d.find_elements(By.ID, "scribe-build-error"))


def test_ctrl_c_stops_the_server(served):
    project, url, process = served
    with urllib.request.urlopen(url) as response:
        assert response.status == 200
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=20) == 0
    assert "stopped" in (project / "serve.log").read_text(encoding="utf-8")
    with pytest.raises(OSError):
        urllib.request.urlopen(url, timeout=2)
