"""Fixtures for the site tests: the scribe-build binary, generated sites, and a headless Chromium.

Sites are built by running the real CLI, the way a user would; the browser is Debian's chromium driven
by Selenium with the system chromedriver, so nothing is downloaded.
"""
import os
import pathlib
import shutil
import sqlite3
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
DATASETS = pathlib.Path(os.environ.get("SCRIBE_DATASETS", REPO.parent / "shared" / "datasets"))


def scribe_bin():
    return os.environ.get("SCRIBE_BIN", str(REPO / ".build" / "debug" / "scribe-build"))


def run_scribe(*args, cwd=None):
    return subprocess.run([scribe_bin(), *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def build_site(folder, sqlite_path, title, name="db"):
    """Writes a site.yml for one SQLite file into folder and builds it into folder/site."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "site.yml").write_text(
        f"title: {title}\nsources:\n  - name: {name}\n    kind: sqlite\n    path: {sqlite_path}\n", encoding="utf-8")
    result = run_scribe("build", "--config", str(folder / "site.yml"), "--output", str(folder / "site"))
    assert result.returncode == 0, result.stderr
    return folder / "site"


def site_from_sql(tmp_path_factory, sql, title, name):
    """Builds a site from a SQLite database made of `sql` in a new temporary folder."""
    folder = tmp_path_factory.mktemp(name)
    db = folder / f"{name}.sqlite"
    with sqlite3.connect(db) as connection:
        connection.executescript(sql)
    connection.close()
    return build_site(folder, db, title, name=name)


def sqlite_from_sql(sql_file, target):
    target.unlink(missing_ok=True)
    with sqlite3.connect(target) as db:
        db.executescript(sql_file.read_text(encoding="utf-8"))
    return target


@pytest.fixture(scope="session")
def chinook_db():
    path = DATASETS / "chinook" / "Chinook_Sqlite.sqlite"
    assert path.exists(), f"the Chinook dataset is missing at {path}; set SCRIBE_DATASETS to the datasets folder"
    return path


@pytest.fixture(scope="session")
def chinook_site(tmp_path_factory, chinook_db):
    return build_site(tmp_path_factory.mktemp("chinook"), chinook_db, "Chinook", name="chinook")


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The bundled sample with its context folder, as the README's first command builds it."""
    folder = tmp_path_factory.mktemp("sample")
    db = sqlite_from_sql(REPO / "sample" / "warehouse.sql", folder / "warehouse.sqlite")
    shutil.copytree(REPO / "content", folder / "content")
    return build_site(folder, db, "Warehouse", name="warehouse")


def many_tables_sql(count):
    """A schema of `count` tables in a chain of foreign keys, some holding an email column, one a view."""
    lines = []
    for i in range(count):
        columns = [f"id INTEGER PRIMARY KEY", f"label_{i % 7} TEXT"]
        if i % 10 == 3:
            columns.append("email TEXT")
        if i:
            columns.append(f"parent_id INTEGER REFERENCES t{i - 1:04d}(id)")
        lines.append(f"CREATE TABLE t{i:04d} ({', '.join(columns)});")
    lines.append("CREATE VIEW v_first AS SELECT id FROM t0000;")
    return "\n".join(lines)


@pytest.fixture(scope="session")
def many_tables_site(tmp_path_factory):
    """2,000 empty tables in one schema: the schema page must stay small and fast however long its list."""
    return site_from_sql(tmp_path_factory, many_tables_sql(2000), "Many", name="many")


def subjects_sql():
    """Three subjects of 80 tables (`sales_`, `stock_`, `staff_`), each a chain of foreign keys, every one of them
    referencing a `calendar` dimension, and 20 tables related to nothing: 261 tables in one schema."""
    lines = ["CREATE TABLE calendar (id INTEGER PRIMARY KEY, day TEXT NOT NULL);"]
    for subject in ("sales", "stock", "staff"):
        for i in range(80):
            columns = ["id INTEGER PRIMARY KEY", "amount NUMERIC", "calendar_id INTEGER REFERENCES calendar(id)"]
            if i:
                columns.append(f"previous_id INTEGER REFERENCES {subject}_t{i - 1}(id)")
            lines.append(f"CREATE TABLE {subject}_t{i} ({', '.join(columns)});")
    lines += [f"CREATE TABLE log_{i} (line TEXT);" for i in range(20)]
    return "\n".join(lines)


@pytest.fixture(scope="session")
def subjects_site(tmp_path_factory):
    """A schema too large for one diagram, with a hub table referenced by 240 others."""
    return site_from_sql(tmp_path_factory, subjects_sql(), "Subjects", name="erp")


NO_KEYS_SQL = """
CREATE TABLE customers (id INTEGER PRIMARY KEY, full_name TEXT NOT NULL);
CREATE TABLE products (product_id INTEGER PRIMARY KEY, title TEXT NOT NULL);
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, placed_at TEXT NOT NULL);
CREATE TABLE order_lines (order_id INTEGER NOT NULL, line_no INTEGER NOT NULL, product_id INTEGER NOT NULL,
                          quantity INTEGER NOT NULL, PRIMARY KEY (order_id, line_no));
INSERT INTO customers VALUES (1, 'Ann Lee'), (2, 'Bo Chen'), (3, 'Cy Diaz');
INSERT INTO products VALUES (1, 'Pen'), (2, 'Ink'), (3, 'Pad');
INSERT INTO orders VALUES (1, 1, '2024-01-01'), (2, 2, '2024-01-02'), (3, 1, '2024-01-05');
INSERT INTO order_lines VALUES (1, 1, 1, 2), (1, 2, 2, 1), (2, 1, 3, 5), (3, 1, 1, 1);
"""


@pytest.fixture(scope="session")
def no_keys_site(tmp_path_factory):
    """A shop whose database declares no foreign key at all: every relationship in it is a suggestion."""
    return site_from_sql(tmp_path_factory, NO_KEYS_SQL, "No declared keys", name="shop")


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    db = sqlite_from_sql(REPO / "Tests" / "IntrospectTests" / "Fixtures" / "hostile.sql", folder / "hostile.sqlite")
    return build_site(folder, db, "<script>alert('title')</script>", name="hostile")


@pytest.fixture(scope="session")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000",
                 "--allow-file-access-from-files"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def screenshots():
    """Where the tests leave screenshots for a person to look at."""
    folder = pathlib.Path(os.environ.get("SCRIBE_SCREENSHOTS", REPO / ".build" / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def postgres_url():
    """The test server's URL for a database, from scripts/test; required in CI, skipped elsewhere without it."""
    url = os.environ.get("SCRIBE_TEST_PG_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("SCRIBE_TEST_PG_URL is not set: CI must run scripts/test, which starts PostgreSQL")
        pytest.skip("no PostgreSQL test server; run scripts/test")
    return lambda database: url.rsplit("/", 1)[0] + "/" + database


@pytest.fixture(scope="session")
def multi_source_site(tmp_path_factory, postgres_url, chinook_db):
    """Two PostgreSQL databases and a SQLite file in one site, the URLs taken from the environment."""
    folder = tmp_path_factory.mktemp("multi")
    (folder / "site.yml").write_text(
        "title: Everything\n"
        "sources:\n"
        "  - {name: pagila, kind: postgres, url: \"${PAGILA_URL}\", exclude: ['public.*_list']}\n"
        "  - {name: adventureworks, kind: postgres, url: \"${AW_URL}\", include: ['person.*', 'sales.*']}\n"
        f"  - {{name: chinook, kind: sqlite, path: {chinook_db}}}\n", encoding="utf-8")
    env = dict(os.environ, PAGILA_URL=postgres_url("pagila"), AW_URL=postgres_url("adventureworks"))
    result = subprocess.run([scribe_bin(), "build", "--config", str(folder / "site.yml"), "--output", str(folder / "site")],
                            capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr
    return folder / "site", result


RANKING_SQL = """
CREATE TABLE "order" (id INTEGER PRIMARY KEY);
CREATE TABLE orders (id INTEGER PRIMARY KEY);
CREATE TABLE order_lines (order_id INTEGER, line_no INTEGER);
CREATE TABLE shop_order (id INTEGER PRIMARY KEY);
CREATE TABLE "PurchaseOrder" (id INTEGER PRIMARY KEY);
CREATE TABLE reorder_rules (id INTEGER PRIMARY KEY);
CREATE TABLE customer (id INTEGER PRIMARY KEY, full_name TEXT);
CREATE VIEW item_view AS SELECT 1 AS item_total;
""" + "".join(f"CREATE TABLE item_{n} (id INTEGER PRIMARY KEY);\n" for n in range(1, 61))


@pytest.fixture(scope="session")
def search_site(tmp_path_factory):
    """Names that show the search's ranking and typo tolerance, in two sources so results have two schemas:
    shop (orders, customer, a view and 60 item_N tables) and archive (20 more item_N tables, and a log of 250
    note_N columns)."""
    folder = tmp_path_factory.mktemp("search")
    with sqlite3.connect(folder / "shop.sqlite") as db:
        db.executescript(RANKING_SQL)
    with sqlite3.connect(folder / "archive.sqlite") as db:
        db.executescript("".join(f"CREATE TABLE item_{n} (id INTEGER PRIMARY KEY);\n" for n in range(100, 120)) +
                         "CREATE TABLE log (" + ", ".join(f"note_{n} TEXT" for n in range(1, 251)) + ");")
    (folder / "site.yml").write_text(
        "title: Search\nsources:\n"
        f"  - {{name: shop, kind: sqlite, path: {folder / 'shop.sqlite'}}}\n"
        f"  - {{name: archive, kind: sqlite, path: {folder / 'archive.sqlite'}}}\n", encoding="utf-8")
    result = run_scribe("build", "--config", str(folder / "site.yml"), "--output", str(folder / "site"))
    assert result.returncode == 0, result.stderr
    return folder / "site"
