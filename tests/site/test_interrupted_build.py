"""A build stopped by Ctrl-C, SIGTERM or kill -9, and builds run at the same time, as a person causes them.

The database is large enough (600 tables) that the render stage lasts long enough to be interrupted in the
middle: the test waits until the staging folder exists, then sends the signal. The site was built before with
another title, so the interrupted build is an incremental one that rewrites every page.
"""
import signal
import sqlite3
import subprocess
import time

import pytest

from conftest import run_scribe, scribe_bin


def make_database(path, tables=600):
    with sqlite3.connect(path) as db:
        for n in range(tables):
            columns = ", ".join(f"c{i} TEXT" for i in range(12))
            db.execute(f"CREATE TABLE t{n:04} (id INTEGER PRIMARY KEY, {columns})")


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def project(tmp_path):
    make_database(tmp_path / "db.sqlite")
    (tmp_path / "site.yml").write_text(
        "sources:\n  - {name: db, kind: sqlite, path: db.sqlite, profile: false}\n", encoding="utf-8")
    result = run_scribe("build", "--config", str(tmp_path / "site.yml"))
    assert result.returncode == 0, result.stderr
    (tmp_path / "_site" / "CNAME").write_text("docs.example.com\n", encoding="utf-8")
    # A new title is on every page, so the next build renders and writes every page again (with nothing
    # changed it would write nothing, and there would be nothing to interrupt).
    (tmp_path / "site.yml").write_text(
        "title: Retitled\nsources:\n  - {name: db, kind: sqlite, path: db.sqlite, profile: false}\n", encoding="utf-8")
    return tmp_path


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if ".scribe-staging-" in p.name or ".scribe-old-" in p.name)


def start_and_wait_for_staging(project):
    process = subprocess.Popen([scribe_bin(), "build", "--config", str(project / "site.yml")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not leftovers(project):
        assert process.poll() is None, "the build ended before it began writing the site"
        assert time.monotonic() < deadline, "no staging folder appeared"
        time.sleep(0.005)
    time.sleep(0.2)  # some pages written, not all
    return process


@pytest.mark.parametrize("sent", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_build_leaves_the_previous_site_and_nothing_else(project, sent):
    before = files(project / "_site")
    process = start_and_wait_for_staging(project)
    process.send_signal(sent)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "interrupted; the previous site is unchanged" in stderr or process.returncode == 128 + sent
    assert leftovers(project) == []
    assert files(project / "_site") == before


def test_after_kill_9_the_next_build_cleans_up_and_keeps_everything(project):
    process = start_and_wait_for_staging(project)
    process.kill()
    process.wait(timeout=30)
    assert leftovers(project), "kill -9 should have left its staging folder"
    result = run_scribe("build", "--config", str(project / "site.yml"))
    assert result.returncode == 0, result.stderr
    assert leftovers(project) == []
    assert (project / "_site" / "CNAME").read_text(encoding="utf-8") == "docs.example.com\n"


def test_builds_at_the_same_time_take_turns(project):
    processes = [subprocess.Popen([scribe_bin(), "build", "--config", str(project / "site.yml")],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in processes]
    assert [code for code, _ in results] == [0, 0, 0], results
    assert any("another scribe-build is writing" in err for _, err in results)
    assert leftovers(project) == []
    assert (project / "_site" / "CNAME").exists()
