"""The command line as a user meets it: help, exit codes, messages, and an untouched site on failure."""
import datetime
import json
import os
import subprocess

from conftest import REPO, run_scribe, build_site, sqlite_from_sql


def test_help_explains_every_flag():
    top = run_scribe("--help")
    assert top.returncode == 0
    assert "build" in top.stdout
    build = run_scribe("build", "--help")
    assert build.returncode == 0
    for flag in ("--config", "--output", "--verbose"):
        assert flag in build.stdout


def test_bad_input_exits_non_zero_and_leaves_the_previous_site(tmp_path, chinook_db):
    site = build_site(tmp_path, chinook_db, "Chinook")
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (tmp_path / "site.yml").write_text("title: Chinook\nsources:\n  - {name: db, kind: sqlite, path: nowhere.sqlite}\n")
    result = run_scribe("build", "--config", str(tmp_path / "site.yml"), "--output", str(site))
    assert result.returncode == 1
    assert result.stderr.strip().endswith(
        f"error: [introspect] db: database file {tmp_path / 'nowhere.sqlite'} does not exist; check the source's `path` in site.yml")
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_a_missing_config_says_which_file(tmp_path):
    result = run_scribe("build", "--config", str(tmp_path / "site.yml"))
    assert result.returncode == 1
    assert result.stderr == (f"error: [config] {tmp_path / 'site.yml'}: configuration file not found; "
                             "create one (see README.md) or pass --config PATH\n")


def test_progress_goes_to_standard_error_and_verbose_adds_query_timings(tmp_path, chinook_db):
    build_site(tmp_path, chinook_db, "Chinook")
    result = run_scribe("build", "--config", str(tmp_path / "site.yml"), "--output", str(tmp_path / "site"), "--verbose")
    assert result.returncode == 0
    assert result.stdout == ""
    assert "[introspect] db: 11 tables, 0 views in 5 queries (" in result.stderr
    assert "debug: [introspect] db: columns: 64 rows in" in result.stderr


def test_an_installed_binary_uses_the_theme_installed_beside_it(tmp_path, chinook_db):
    """PREFIX/bin/scribe-build reads PREFIX/share/schema-scribe/themes/default, not the source checkout."""
    import shutil
    import subprocess
    from conftest import REPO, scribe_bin
    prefix = tmp_path / "prefix"
    (prefix / "bin").mkdir(parents=True)
    shutil.copy2(scribe_bin(), prefix / "bin" / "scribe-build")
    theme = prefix / "share" / "schema-scribe" / "themes" / "default"
    shutil.copytree(REPO / "themes" / "default", theme)
    layout = theme / "templates" / "layout.mustache"
    layout.write_text(layout.read_text(encoding="utf-8").replace("</body>", "<!-- installed theme --></body>"), encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "site.yml").write_text(f"sources:\n  - {{name: db, kind: sqlite, path: {chinook_db}}}\n", encoding="utf-8")
    result = subprocess.run([str(prefix / "bin" / "scribe-build"), "build"], cwd=project, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "<!-- installed theme -->" in (project / "_site" / "index.html").read_text(encoding="utf-8")


def test_relationships_lists_suggestions_and_accept_records_them_in_the_ledger(tmp_path):
    """Keys nobody declared are suggested with their evidence; accepting one writes the tool's ledger, never a person's file."""
    sqlite_from_sql(REPO / "Tests" / "ScribeKitTests" / "Fixtures" / "undeclared-keys.sql", tmp_path / "shop.sqlite")
    (tmp_path / "site.yml").write_text("sources:\n  - {name: shop, kind: sqlite, path: shop.sqlite}\n", encoding="utf-8")
    listed = run_scribe("relationships", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    start = lines.index("main.orders.customer_id → main.customers.id  0.95  suggested")
    assert lines[start + 1].startswith("    ")  # its evidence, indented

    as_json = json.loads(run_scribe("relationships", "main.orders.*", "--format", "json", cwd=tmp_path).stdout)
    assert [(r["from"], r["to"]["table"]["name"], r["origin"], r["status"], r["confidence"]) for r in as_json] == [
        ({"table": {"source": "shop", "schema": "main", "name": "orders"}, "columns": ["customer_id"]},
         "customers", "inferred", "suggested", 0.95)]
    assert as_json[0]["evidence"]

    accepted = run_scribe("relationships", "accept", "main.orders.customer_id", "--by", "Ada Lovelace", cwd=tmp_path)
    assert accepted.returncode == 0, accepted.stderr
    assert accepted.stdout == ("recorded in content/context/_relationships.yml\n"
                               "  main.orders.customer_id → main.customers.id (0.95): accepted\n")
    ledger = tmp_path / "content" / "context" / "_relationships.yml"
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    assert ledger.read_text(encoding="utf-8").endswith(
        'schema_scribe_relationships: "1"\n'
        "relationships:\n"
        "  - from:\n"
        "      source: shop\n"
        "      schema: main\n"
        "      table: orders\n"
        "      columns: [customer_id]\n"
        "    to:\n"
        "      source: shop\n"
        "      schema: main\n"
        "      table: customers\n"
        "      columns: [id]\n"
        "    status: accepted\n"
        '    confidence: "0.95"\n'
        '    decided_by: "Ada Lovelace"\n'
        f'    decided_on: "{today}"\n')
    written = ledger.read_bytes()

    assert "main.orders.customer_id" not in run_scribe("relationships", cwd=tmp_path).stdout
    shown = run_scribe("relationships", "list", "--status", "accepted", cwd=tmp_path)
    assert shown.stdout.startswith("main.orders.customer_id → main.customers.id  0.95  accepted by Ada Lovelace\n")

    wrong = run_scribe("relationships", "reject", "orders.*", cwd=tmp_path)
    assert wrong.returncode == 1
    assert wrong.stderr.splitlines()[-1].startswith("error: [relationships] no relationship matches `orders.*`; patterns are globs")
    assert ledger.read_bytes() == written
    nothing = run_scribe("relationships", "orders.*", cwd=tmp_path)
    assert nothing.returncode == 0 and nothing.stdout.startswith("No suggested relationships match `orders.*`")


def test_diff_tells_a_reviewer_what_a_change_does_to_the_documentation(tmp_path, sample_site, screenshots):
    """Two builds of the sample: the second after a migration (a table and a column more, a column retyped) and
    a context file describing the new table. The report reads as a pull-request comment in GitHub's renderer."""
    import cmarkgfm
    import shutil
    import sqlite3
    after = tmp_path / "after"
    shutil.copytree(sample_site.parent, after, ignore=shutil.ignore_patterns("site"))
    config = after / "site.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(str(sample_site.parent), str(after)), encoding="utf-8")
    with sqlite3.connect(after / "warehouse.sqlite") as db:
        db.executescript("CREATE TABLE refunds (refund_id INTEGER PRIMARY KEY, order_id INTEGER REFERENCES orders (order_id),"
                         " contact_email TEXT, amount NUMERIC);"
                         "ALTER TABLE customers ADD COLUMN loyalty_note TEXT;")
    (after / "content" / "context" / "refunds.yml").write_text(
        "tables:\n  refunds:\n    description: Money given back to a customer, one row per refund.\n", encoding="utf-8")
    built = run_scribe("build", "--config", str(after / "site.yml"), "--output", str(after / "site"))
    assert built.returncode == 0, built.stderr

    # A site folder and a catalog.json are both accepted.
    result = run_scribe("diff", str(sample_site), str(after / "site" / "catalog.json"))
    assert result.returncode == 0, result.stderr
    report = result.stdout
    assert report.startswith("## Documentation changes\n")
    assert "**1 table added · 1 column added" in report
    attention = report.split("### Needs attention", 1)[1].split("<details>", 1)[0]
    assert "`warehouse.main.refunds.contact_email` now holds **email**" in attention
    assert "- added table `refunds`, 4 columns" in report
    assert "- added `customers.loyalty_note`, TEXT" in report
    assert "- `refunds`: new (human, approved)\n  - “Money given back to a customer, one row per refund.”" in report
    assert "`warehouse.main.refunds(order_id)` → `warehouse.main.orders(order_id)`, declared" in report

    # GitHub lets <details> and <summary> through its sanitiser; cmark-gfm's safe mode would drop them.
    html = cmarkgfm.github_flavored_markdown_to_html(report, options=cmarkgfm.Options.CMARK_OPT_UNSAFE)
    assert html.count("<details>") == html.count("</details>") >= 2
    assert "<h3>Needs attention</h3>" in html and "<code>warehouse.main.refunds.contact_email</code>" in html
    page = tmp_path / "comment.html"
    page.write_text("<!doctype html><meta charset=utf-8><body style='font:14px sans-serif;max-width:900px;margin:2em'>"
                    + html.replace("<details>", "<details open>"), encoding="utf-8")
    subprocess.run([str(REPO.parent / "shared" / "tools" / "screenshot"), str(page), str(screenshots / "diff-comment.png")],
                   capture_output=True, timeout=120)

    as_json = json.loads(run_scribe("diff", str(sample_site), str(after / "site"), "--format", "json").stdout)
    assert as_json["version"] == 1 and as_json["changed"] is True
    main = next(s for s in as_json["diff"]["schemas"] if s["schema"] == "main")
    assert [t["table"] for t in main["tablesAdded"]] == ["refunds"]

    same = run_scribe("diff", str(sample_site), str(sample_site), "--fail-on-changes")
    assert same.returncode == 0 and "No change to tables" in same.stdout
    changed = run_scribe("diff", str(sample_site), str(after / "site" / "catalog.json"), "--fail-on-changes", "--output", str(tmp_path / "r.md"))
    assert changed.returncode == 1 and (tmp_path / "r.md").read_text(encoding="utf-8") == report

    missing = run_scribe("diff", str(tmp_path / "nowhere"), str(after / "site"))
    assert missing.returncode == 2 and "nowhere: no such file or folder" in missing.stderr
    (tmp_path / "broken.json").write_text('{"version": 2, "title": ', encoding="utf-8")
    broken = run_scribe("diff", str(tmp_path / "broken.json"), str(after / "site"))
    assert broken.returncode == 2 and "broken.json: not valid JSON" in broken.stderr
    (tmp_path / "future.json").write_text('{"version": 99}', encoding="utf-8")
    future = run_scribe("diff", str(tmp_path / "future.json"), str(after / "site"))
    assert future.returncode == 2 and "newer Schema Scribe" in future.stderr


def test_check_holds_the_documentation_to_the_rules_in_site_yml(tmp_path):
    """The sample with rules a team might choose, and a context entry naming a column that does not exist:
    the findings print per line, as GitHub workflow commands located in the context file, and as JSON."""
    import shutil
    sqlite_from_sql(REPO / "sample" / "warehouse.sql", tmp_path / "warehouse.sqlite")
    shutil.copytree(REPO / "content", tmp_path / "content")
    (tmp_path / "content" / "context" / "typo.yml").write_text(
        "tables:\n  orders:\n    columns:\n      stauts:\n        description: Where the order is.\n", encoding="utf-8")
    rules = ("check:\n"
             "  - {rule: described, min_tables: 0.9}\n"
             "  - {rule: approved, id: half-trusted, min_tables: 0.5, severity: warning}\n"
             "  - {rule: context_names_exist}\n"
             "  - {rule: pii_decided, severity: warning}\n")
    (tmp_path / "site.yml").write_text(
        "title: W\nsources:\n  - {name: warehouse, kind: sqlite, path: warehouse.sqlite}\n" + rules, encoding="utf-8")

    text = run_scribe("check", cwd=tmp_path)
    assert text.returncode == 1, text.stderr
    lines = text.stdout.splitlines()
    assert lines[-1] == "check: 1 error, 11 warnings (4 rules, 1 pass)"
    assert "content/context/typo.yml:4:7: error[context_names_exist]: column `main.orders.stauts` does not exist; did you mean `status`?" in lines
    assert any(line.startswith("warning[half-trusted]: 5 of 21 tables are trusted, 24%") for line in lines)
    assert not (tmp_path / "_site").exists(), "check writes no site"

    github = run_scribe("check", "--format", "github", cwd=tmp_path)
    assert github.returncode == 1
    assert ("::error file=content/context/typo.yml,line=4,col=7,title=check context_names_exist::"
            "column `main.orders.stauts` does not exist; did you mean `status`?") in github.stdout.splitlines()

    report = json.loads(run_scribe("check", "--format", "json", cwd=tmp_path).stdout)
    assert report["failed"] is True
    assert {r["id"]: r["passed"] for r in report["rules"]} == {
        "described": True, "half-trusted": False, "context_names_exist": False, "pii_decided": False}

    (tmp_path / "content" / "context" / "typo.yml").unlink()
    clean = run_scribe("check", cwd=tmp_path)
    assert clean.returncode == 0, clean.stdout  # only warnings left

    (tmp_path / "site.yml").write_text(
        "sources:\n  - {name: warehouse, kind: sqlite, path: warehouse.sqlite}\ncheck:\n  - {rule: describd}\n", encoding="utf-8")
    broken = run_scribe("check", cwd=tmp_path)
    assert broken.returncode == 2 and "site.yml:4:12:" in broken.stderr and "did you mean `described`?" in broken.stderr

def erd_project(folder, chinook_db):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "site.yml").write_text(f"title: Chinook\nsources:\n  - {{name: chinook, kind: sqlite, path: {chinook_db}}}\n",
                                     encoding="utf-8")
    return folder


def test_erd_exports_chosen_tables_as_svg_png_and_pdf(tmp_path, chinook_db):
    import xml.etree.ElementTree as ET
    project = erd_project(tmp_path, chinook_db)
    svg = run_scribe("erd", "main.Track", "--format", "svg", "--output", "track.svg", cwd=project)
    assert svg.returncode == 0, svg.stderr
    assert svg.stdout == "wrote track.svg: 6 tables (1 matching table, depth 1)\n"
    root = ET.parse(project / "track.svg").getroot()
    names = {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert {"Track", "Album", "Genre", "MediaType", "InvoiceLine", "PlaylistTrack"} <= names
    assert "Artist" not in names  # two steps away
    text = (project / "track.svg").read_text(encoding="utf-8")
    assert "href" not in text  # an exported diagram links nowhere

    deeper = run_scribe("erd", "main.Track", "--depth", "2", "--output", "track2.svg", cwd=project)
    assert deeper.returncode == 0, deeper.stderr
    assert "Artist" in {t.text for t in ET.parse(project / "track2.svg").getroot().iter("{http://www.w3.org/2000/svg}text")}

    png = run_scribe("erd", "main.Album", "main.Artist", "--depth", "0", "--format", "png", "-o", "two.png", cwd=project)
    assert png.returncode == 0, png.stderr
    assert (project / "two.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    pdf = run_scribe("erd", "main.*", "--format", "pdf", "--output", str(project / "all.pdf"), cwd=project)
    assert pdf.returncode == 0, pdf.stderr
    assert pdf.stdout.startswith(f"wrote {project / 'all.pdf'}: 11 tables (11 matching tables, depth 1)")
    assert (project / "all.pdf").read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in project.iterdir() if p.is_file()) == ["all.pdf", "site.yml", "track.svg", "track2.svg", "two.png"]


def test_erd_errors_name_what_is_wrong_and_write_nothing(tmp_path, chinook_db):
    project = erd_project(tmp_path, chinook_db)
    typo = run_scribe("erd", "main.Track", "main.Trak", "-o", "x.svg", cwd=project)
    assert typo.returncode == 1
    assert typo.stderr.splitlines()[-1] == (
        "error: [render] no table matches `main.Trak` (did you mean `main.Track`?); patterns are globs on schema.table or "
        "source.schema.table, such as `main.orders` or `main.order*`; nothing was written")
    nowhere = run_scribe("erd", "main.Track", "-o", str(tmp_path / "missing" / "x.svg"), cwd=project)
    assert nowhere.returncode == 1
    assert nowhere.stderr == (f"error: [write] {tmp_path / 'missing' / 'x.svg'}: cannot write the diagram there: "
                              f"the folder {tmp_path / 'missing'} does not exist\n")
    folder = run_scribe("erd", "main.Track", "--format", "svg", "-o", str(tmp_path), cwd=project)
    assert folder.returncode == 1 and "it is a folder; give a file name" in folder.stderr
    bad = run_scribe("erd", "main.Track", "--format", "gif", "-o", "x.gif", cwd=project)
    assert bad.returncode == 64 and "'svg', 'png' or 'pdf'" in bad.stderr
    unknown = run_scribe("erd", "main.Track", "-o", "x.dot", cwd=project)
    assert unknown.returncode == 64 and "Give --format svg, png or pdf" in unknown.stderr
    import os
    import subprocess
    from conftest import scribe_bin
    no_dot = subprocess.run([scribe_bin(), "erd", "main.Track", "-o", "x.svg"], cwd=project, capture_output=True, text=True,
                            timeout=120, env=dict(os.environ, PATH=str(tmp_path / "empty")))
    assert no_dot.returncode == 1
    assert no_dot.stderr.splitlines()[-1] == "error: [render] graphviz's `dot` was not found; install graphviz (Debian: apt-get install graphviz)"
    assert sorted(p.name for p in project.iterdir() if p.is_file()) == ["site.yml"]


def test_erd_help_explains_every_flag():
    help = run_scribe("erd", "--help")
    assert help.returncode == 0
    for flag in ("--depth", "--format", "--output", "--config", "svg, png or pdf", "links"):
        assert flag in help.stdout
    assert "erd" in run_scribe("--help").stdout


def export(sample_site, *args, cwd, env=None):
    if env is None:
        return run_scribe("export", "-c", str(sample_site.parent / "site.yml"), *args, cwd=cwd)
    from conftest import scribe_bin
    return subprocess.run([scribe_bin(), "export", "-c", str(sample_site.parent / "site.yml"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300, env={**os.environ, **env})


def tables_in(catalog):
    return {f"{s['name']}.{sc['name']}.{t['id']['name']}": t for s in catalog["sources"] for sc in s["schemas"] for t in sc["tables"]}


def test_export_json_is_the_sites_catalog_for_the_chosen_tables(tmp_path, sample_site):
    result = export(sample_site, "--format", "json", "--output", "orders.json", "main.order*", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "wrote orders.json: 4 tables as json\n"
    exported = json.loads((tmp_path / "orders.json").read_text(encoding="utf-8"))
    site = json.loads((sample_site / "catalog.json").read_text(encoding="utf-8"))
    assert exported["version"] == site["version"]
    chosen = tables_in(exported)
    assert sorted(chosen) == ["warehouse.main.order_lines", "warehouse.main.order_promotions", "warehouse.main.order_totals",
                              "warehouse.main.orders"]
    # The descriptions are the ones the build shows, from the same describe cache.
    for name, table in chosen.items():
        assert table == tables_in(site)[name]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["orders.json"]


def test_export_markdown_writes_an_index_and_a_page_per_table_that_github_renders(tmp_path, sample_site):
    import cmarkgfm
    from cmarkgfm.cmark import Options
    result = export(sample_site, "--format", "markdown", "--output", "docs", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "wrote docs: 21 tables as markdown (22 files)\n"
    docs = tmp_path / "docs"
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    assert len(pages) == 22 and "README.md" in pages and "warehouse/main/orders.md" in pages
    index = cmarkgfm.github_flavored_markdown_to_html((docs / "README.md").read_text(encoding="utf-8"))
    assert index.count("<li>") == 21 and '<a href="warehouse/main/orders.md">orders</a>' in index
    page = (docs / "warehouse" / "main" / "orders.md").read_text(encoding="utf-8")
    html = cmarkgfm.github_flavored_markdown_to_html(page, options=Options.CMARK_OPT_UNSAFE)
    # One table, a header and a row per column with seven cells each.
    assert html.count("<table>") == 1
    rows = html.split("<tbody>")[1].split("</tbody>")[0].count("<tr>")
    assert rows == 8 and html.count("<td>") == 8 * 7
    assert "<td>order_id</td>" in html and "<td>PK</td>" in html and "<td>human</td>" in html and "<td>approved</td>" in html
    assert '<pre lang="mermaid"><code>erDiagram' in html or '<code class="language-mermaid">erDiagram' in html
    assert '<a href="customers.md">main.customers</a>' in html
    # Every link between the exported files leads to one of them.
    import re
    for path in pages:
        for link in re.findall(r"\]\(([^)]+)\)", (docs / path).read_text(encoding="utf-8")):
            assert (docs / path).parent.joinpath(link).resolve().is_file(), f"{path} → {link}"

    again = export(sample_site, "--format", "markdown", "--output", "docs", "main.orders", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) == ["README.md", "warehouse/main/orders.md"]


def dbt_parse(tmp_path, sources):
    """Runs the real `dbt parse` on a throwaway project holding `sources` under models/; returns its manifest."""
    import os
    import shutil
    project = tmp_path / "dbt_project"
    (project / "models").mkdir(parents=True)
    (project / "dbt_project.yml").write_text(
        "name: scribe_check\nversion: '1.0'\nconfig-version: 2\nprofile: scribe_check\nmodel-paths: [models]\n", encoding="utf-8")
    # parse never connects: the target only has to name an installed adapter.
    (project / "profiles.yml").write_text(
        "scribe_check:\n  target: dev\n  outputs:\n    dev: {type: postgres, host: localhost, user: u, password: p, port: 5432, "
        "dbname: d, schema: s, threads: 1}\n", encoding="utf-8")
    for index, path in enumerate(sources):
        shutil.copy(path, project / "models" / f"sources_{index}.yml")
    dbt = shutil.which("dbt")
    assert dbt, "dbt is not installed; scripts/install-deps --test installs it"
    result = subprocess.run([dbt, "parse", "--no-partial-parse"], cwd=project, capture_output=True, text=True, timeout=300,
                            env=dict(os.environ, DBT_PROFILES_DIR=str(project), DBT_SEND_ANONYMOUS_USAGE_STATS="false"))
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads((project / "target" / "manifest.json").read_text(encoding="utf-8"))


def test_export_dbt_writes_sources_that_dbt_parses(tmp_path, sample_site):
    result = export(sample_site, "--format", "dbt", "--output", "dbt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "wrote dbt: 21 tables as dbt (1 file)\n"
    manifest = dbt_parse(tmp_path, [tmp_path / "dbt" / "warehouse" / "sources.yml"])
    sources = {s["name"]: s for s in manifest["sources"].values()}
    assert len(sources) == 21 and sources["orders"]["schema"] == "main" and sources["orders"]["source_name"] == "warehouse"
    assert sources["orders"]["description"].startswith("One row per order a customer placed")
    assert sources["orders"]["columns"]["order_id"]["data_type"] == "INTEGER"
    site = tables_in(json.loads((sample_site / "catalog.json").read_text(encoding="utf-8")))
    store = next(c for c in site["warehouse.main.orders"]["columns"] if c["name"] == "store_id")
    assert sources["orders"]["columns"]["store_id"]["description"] == store["description"]["text"]
    tests = [n for n in manifest["nodes"].values() if n["resource_type"] == "test"]
    kinds = {(n["test_metadata"]["name"], n.get("column_name")) for n in tests if "orders" in n["unique_id"].split(".")[2]}
    assert {("unique", "order_id"), ("not_null", "order_id"), ("relationships", "customer_id")} <= kinds


def test_export_dbt_of_hostile_names_still_parses(tmp_path):
    import sqlite3
    db = tmp_path / "odd.sqlite"
    with sqlite3.connect(db) as connection:
        connection.executescript(
            'CREATE TABLE "it\'s ""odd"": yes" (id INTEGER PRIMARY KEY, "a|b `c` #d" TEXT);'
            'CREATE TABLE "child: {x}" (id INTEGER PRIMARY KEY, "parent\'s id" INTEGER REFERENCES "it\'s ""odd"": yes"(id));')
    connection.close()
    (tmp_path / "site.yml").write_text(f"title: Odd\nsources:\n  - {{name: odd, kind: sqlite, path: {db}}}\n", encoding="utf-8")
    result = run_scribe("export", "--format", "dbt", "-o", "dbt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    manifest = dbt_parse(tmp_path, [tmp_path / "dbt" / "odd" / "sources.yml"])
    names = {s["name"] for s in manifest["sources"].values()}
    assert names == {'it\'s "odd": yes', "child: {x}"}
    tests = [n for n in manifest["nodes"].values() if n["resource_type"] == "test"]
    # A quoted column is named in its tests as SQL quotes it.
    assert any(n["test_metadata"]["name"] == "relationships" and n.get("column_name") == '"parent\'s id"' for n in tests)
    odd = next(s for s in manifest["sources"].values() if s["name"] == 'it\'s "odd": yes')
    assert odd["quoting"]["identifier"] is True and odd["columns"]["a|b `c` #d"]["quote"] is True


def test_export_errors_name_what_is_wrong_and_write_nothing(tmp_path, sample_site):
    typo = export(sample_site, "--format", "json", "-o", "x.json", "main.ordrs", cwd=tmp_path)
    assert typo.returncode == 1
    assert typo.stderr.splitlines()[-1] == (
        "error: [render] no table matches `main.ordrs` (did you mean `main.orders`?); patterns are globs on schema.table or "
        "source.schema.table, such as `main.orders` or `main.order*`; nothing was written")
    bad = export(sample_site, "--format", "docx", "-o", "x.docx", cwd=tmp_path)
    assert bad.returncode == 64 and "'markdown', 'dbt', 'json' or 'pdf'" in bad.stderr
    nowhere = export(sample_site, "--format", "markdown", "-o", str(tmp_path / "missing" / "docs"), cwd=tmp_path)
    assert nowhere.returncode == 1
    assert nowhere.stderr == (f"error: [write] {tmp_path / 'missing' / 'docs'}: cannot write the export there: "
                              f"the folder {tmp_path / 'missing'} does not exist\n")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    foreign = export(sample_site, "--format", "dbt", "-o", "mine", cwd=tmp_path)
    assert foreign.returncode == 1 and "was not written by Schema Scribe" in foreign.stderr
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["notes.txt"]
    over_site = export(sample_site, "--format", "markdown", "-o", str(sample_site), cwd=tmp_path)
    assert over_site.returncode == 1 and over_site.stderr.endswith("holds a documentation site; give another folder\n")
    assert (sample_site / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine"]


def test_export_markdown_of_hostile_names_renders_as_written(tmp_path):
    import sqlite3
    import cmarkgfm
    hostile = "a|b `c` <img src=x onerror=alert(1)> *d* [e](f) \\| %% x"
    db = tmp_path / "odd.sqlite"
    quoted = hostile.replace('"', '""')
    with sqlite3.connect(db) as connection:
        connection.executescript(f'CREATE TABLE "{quoted}" ("{quoted}" INTEGER PRIMARY KEY, "two\nlines" TEXT);'
                                 f'CREATE TABLE other (id INTEGER PRIMARY KEY, ref INTEGER REFERENCES "{quoted}"("{quoted}"));')
    connection.close()
    (tmp_path / "site.yml").write_text(f"title: Odd\nsources:\n  - {{name: odd, kind: sqlite, path: {db}}}\n", encoding="utf-8")
    result = run_scribe("export", "--format", "markdown", "-o", "docs", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    pages = [p for p in (tmp_path / "docs").rglob("*.md") if p.name not in ("README.md", "other.md")]
    assert len(pages) == 1
    from cmarkgfm.cmark import Options
    # Raw HTML let through, as GitHub lets `<br>` through: any tag the names could inject would show.
    html = cmarkgfm.github_flavored_markdown_to_html(pages[0].read_text(encoding="utf-8"), options=Options.CMARK_OPT_UNSAFE)
    assert html.count("<table>") == 1 and html.count("<td>") == 2 * 7
    import html as html_module
    cells = [html_module.unescape(c.split("</td>")[0]) for c in html.split("<td>")[1:]]
    assert cells[0] == hostile and cells[7] == "two<br>lines"
    assert "<img" not in html and "<em>" not in html.split("<h2>Columns")[1].split("</table>")[0]
    mermaid = html.split("erDiagram")[1].split("</code>")[0]
    assert "<" not in html_module.unescape(mermaid) and "|b" not in mermaid.split("}o")[0]


def test_export_pdf_prints_the_chosen_tables_with_their_diagrams(tmp_path, sample_site):
    result = export(sample_site, "--format", "pdf", "--output", "orders.pdf", "main.orders", "main.customers", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "wrote orders.pdf: 2 tables as pdf\n"
    pdf = tmp_path / "orders.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # Contents, then each table on its own pages: its description with who wrote it, its columns and relationships.
    assert text.index("Contents") < text.index("main.customers") < text.rindex("main.orders")
    assert "One row per order a customer placed" in text and "customer_id" in text and "references main.customers" in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(info.split("Pages:")[1].split()[0]) >= 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["orders.pdf"], "nothing left beside it"

    # Without a browser: a message saying what to install, and the previous PDF as it was.
    before = pdf.read_bytes()
    missing = export(sample_site, "--format", "pdf", "--output", "orders.pdf", "main.orders", cwd=tmp_path,
                     env={"SCRIBE_CHROMIUM": str(tmp_path / "no-chromium")})
    assert missing.returncode == 1 and "could not start" in missing.stderr and pdf.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["orders.pdf"]


def test_export_help_explains_every_format():
    help = run_scribe("export", "--help")
    assert help.returncode == 0
    for text in ("--format", "--output", "--config", "markdown", "dbt", "json", "pdf", "Mermaid", "sources.yml", "PDF", "Chromium"):
        assert text in help.stdout
    assert "export" in run_scribe("--help").stdout


def test_descriptions_written_in_dbt_are_read_as_human_context(tmp_path, sample_site):
    """The sample exported as dbt sources.yml, then built again without its context folder but with
    `dbt: files:` naming the export: every human description comes back, still human; a context file that
    describes a table too wins, with a finding at the dbt file's line; a docs() description is left out."""
    result = export(sample_site, "--format", "dbt", "--output", "dbt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    project = tmp_path / "project"
    project.mkdir()
    sqlite_from_sql(REPO / "sample" / "warehouse.sql", project / "warehouse.sqlite")
    (project / "dbt").mkdir()
    (tmp_path / "dbt" / "warehouse" / "sources.yml").rename(project / "dbt" / "sources.yml")
    (project / "dbt" / "docs.yml").write_text(
        "version: 2\nmodels:\n  - name: stores\n    description: \"{{ doc('stores') }}\"\n"
        "    columns:\n      - name: ghost\n        description: Not a column.\n", encoding="utf-8")
    (project / "content" / "context").mkdir(parents=True)
    (project / "content" / "context" / "orders.yml").write_text(
        "tables:\n  orders:\n    description: Ours, not dbt's.\n", encoding="utf-8")
    (project / "site.yml").write_text(
        "title: W\nsources:\n  - {name: warehouse, kind: sqlite, path: warehouse.sqlite}\n"
        "dbt:\n  files: [dbt/*.yml]\n", encoding="utf-8")

    built = run_scribe("build", "--output", "site", cwd=project)
    assert built.returncode == 0, built.stderr
    before = tables_in(json.loads((sample_site / "catalog.json").read_text(encoding="utf-8")))
    after = tables_in(json.loads((project / "site" / "catalog.json").read_text(encoding="utf-8")))
    human = human_columns = 0
    for key, table in before.items():
        if key == "warehouse.main.orders":
            continue
        if (table.get("description") or {}).get("origin") == "human":
            human += 1
            assert after[key]["description"]["text"] == table["description"]["text"]
            assert after[key]["description"]["origin"] == "human"
        columns = {c["name"]: c for c in after[key]["columns"]}
        for column in table["columns"]:
            if (column.get("description") or {}).get("origin") == "human":
                human_columns += 1
                assert columns[column["name"]]["description"] == {**column["description"], "status": columns[column["name"]]["description"]["status"]}
    assert human > 0 and human_columns > 0
    assert after["warehouse.main.orders"]["description"]["text"] == "Ours, not dbt's."
    assert "content/context/orders.yml:3:5, which wins; the dbt description is not used" in built.stderr
    assert "dbt/docs.yml:4:18: `models[0].description` is Jinja" in built.stderr
    assert "dbt/docs.yml:6:9: dbt model `stores` column `ghost`: column `main.stores.ghost` does not exist" in built.stderr

    (project / "site.yml").write_text(
        "sources:\n  - {name: warehouse, kind: sqlite, path: warehouse.sqlite}\ndbt: {files: [nowhere/*.yml]}\n", encoding="utf-8")
    missing = run_scribe("build", "--output", "site", cwd=project)
    assert missing.returncode != 0
    assert "site.yml:3:15: `dbt.files` names `nowhere/*.yml`, which matches no file" in missing.stderr
