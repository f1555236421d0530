"""A rebuild costs what changed, through the real binary: with nothing changed it writes nothing, and after one
context file changed it rewrites that table's page and the index parts that hold its text, and the site is the
one a clean build writes."""
import shutil

import pytest

from conftest import REPO, run_scribe, sqlite_from_sql


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def stamps(folder):
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


@pytest.fixture()
def project(tmp_path):
    sqlite_from_sql(REPO / "sample" / "warehouse.sql", tmp_path / "warehouse.sqlite")
    shutil.copytree(REPO / "content", tmp_path / "content")
    (tmp_path / "site.yml").write_text(
        "title: Northwind\nsources:\n  - {name: warehouse, kind: sqlite, path: warehouse.sqlite}\n", encoding="utf-8")
    result = run_scribe("build", "--config", str(tmp_path / "site.yml"))
    assert result.returncode == 0, result.stderr
    assert "(written whole)" in result.stderr
    return tmp_path


def test_a_rebuild_with_nothing_changed_writes_nothing(project):
    before = stamps(project / "_site")
    result = run_scribe("build", "--config", str(project / "site.yml"))
    assert result.returncode == 0, result.stderr
    assert "(nothing changed)" in result.stderr
    assert stamps(project / "_site") == before, "a file was rewritten"
    assert sorted(p.name for p in project.iterdir() if ".scribe-" in p.name) == []


def test_one_changed_description_rewrites_its_page_and_the_index_and_matches_a_clean_build(project):
    orders = project / "content" / "context" / "sales" / "orders.yml"
    orders.write_text(orders.read_text(encoding="utf-8").replace(
        "One row per order a customer placed", "One row per order that a customer placed"), encoding="utf-8")
    before = files(project / "_site")
    result = run_scribe("build", "--config", str(project / "site.yml"))
    assert result.returncode == 0, result.stderr
    after = files(project / "_site")
    changed = sorted(path for path in after if before.get(path) != after[path])
    assert "warehouse/main/tables/orders.html" in changed
    assert {"search-index.js", "search.json", "catalog.json", ".schema-scribe-site"} <= set(changed)
    assert [path for path in changed if "/tables/" in path] == ["warehouse/main/tables/orders.html"]
    assert f"({len(changed) - 1} written)" in result.stderr, (changed, result.stderr)

    clean = run_scribe("build", "--config", str(project / "site.yml"), "--output", str(project / "clean"))
    assert clean.returncode == 0, clean.stderr
    assert files(project / "clean") == after
