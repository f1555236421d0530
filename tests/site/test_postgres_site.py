"""A site of several PostgreSQL and SQLite sources, as a user configures it in site.yml."""
import json

from sitecheck import broken_links


def test_sources_are_kept_apart_in_urls_pages_and_search(multi_source_site):
    site, _ = multi_source_site
    assert sorted(p.name for p in site.iterdir() if p.is_dir()) == ["adventureworks", "assets", "chinook", "pagila", "search"]
    entries = json.loads((site / "search.json").read_text())["entries"]
    sources = {e["c"].split(".")[0] for e in entries}
    assert sources == {"pagila", "adventureworks", "chinook"}
    for entry in entries:
        assert entry["p"].startswith(entry["c"].split(".")[0] + "/")


def test_include_and_exclude_patterns_choose_the_tables(multi_source_site):
    site, _ = multi_source_site
    catalog = json.loads((site / "catalog.json").read_text())
    by_source = {s["name"]: s for s in catalog["sources"]}
    pagila = [t["id"]["name"] for s in by_source["pagila"]["schemas"] for t in s["tables"]]
    assert "actor" in pagila and "customer_list" not in pagila and "film_list" not in pagila
    assert sorted(s["name"] for s in by_source["adventureworks"]["schemas"]) == ["person", "sales"]


def test_every_link_resolves_and_comments_are_shown(multi_source_site):
    site, _ = multi_source_site
    problems, pages = broken_links(site)
    assert problems == []
    person = pages[site / "adventureworks" / "person" / "tables" / "person.html"]
    text = " ".join(person.text)
    assert "Human beings involved with AdventureWorks" in text
    assert "database comment" in text


def test_a_partitioned_table_has_one_page_listing_its_partitions(multi_source_site):
    site, _ = multi_source_site
    tables = site / "pagila" / "public" / "tables"
    assert (tables / "payment.html").exists()
    assert not any(p.name.startswith("payment_p2022") for p in tables.iterdir())
    page = (tables / "payment.html").read_text()
    assert page.count("<code>payment_p2022_") == 7
    assert "FOR VALUES FROM (&#39;2022-01-01 00:00:00+00&#39;)" in page


def test_the_password_never_reaches_the_output(multi_source_site, postgres_url):
    site, result = multi_source_site
    password = postgres_url("x").split("://", 1)[1].split("@", 1)[0].split(":", 1)[1]
    assert password not in result.stderr and password not in result.stdout
    for path in site.rglob("*"):
        if path.is_file():
            assert password.encode() not in path.read_bytes(), f"{path} holds the password"


def test_a_wrong_password_fails_clearly_and_writes_nothing(tmp_path, postgres_url):
    import os
    import subprocess
    from conftest import scribe_bin

    good = postgres_url("pagila")
    password = good.split("://", 1)[1].split("@", 1)[0].split(":", 1)[1]
    (tmp_path / "site.yml").write_text('sources:\n  - {name: pagila, kind: postgres, url: "${PAGILA_URL}"}\n')
    env = dict(os.environ, PAGILA_URL=good.replace(password, "wrong-password-123"))
    result = subprocess.run([scribe_bin(), "build", "--config", str(tmp_path / "site.yml")],
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 1
    port = good.rsplit(":", 1)[1].split("/", 1)[0]
    assert result.stderr.startswith(f"error: [introspect] pagila: could not connect to 127.0.0.1:{port}/pagila (")
    assert 'password authentication failed for user "scribe_admin"' in result.stderr
    assert "wrong-password-123" not in result.stderr and password not in result.stderr
    assert not (tmp_path / "_site").exists()
