"""A build into a full disk says so in words, leaves no staging folder, and keeps the previous site.

The disk is a 300 KB tmpfs mounted for the test (CI runs as root; elsewhere the test is skipped, saying
why).
"""
import os
import shutil
import subprocess

import pytest

from conftest import REPO, run_scribe, sqlite_from_sql


@pytest.fixture()
def tiny_disk(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    mount = tmp_path / "disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", str(mount)], check=True)
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_is_named_and_nothing_is_left_behind(tmp_path, tiny_disk):
    db = sqlite_from_sql(REPO / "sample" / "warehouse.sql", tmp_path / "warehouse.sqlite")
    (tmp_path / "site.yml").write_text(
        f"sources:\n  - {{name: warehouse, kind: sqlite, path: {db}}}\n", encoding="utf-8")
    # A small previous site fits; the whole sample does not.
    previous = tiny_disk / "site"
    previous.mkdir()
    (previous / ".schema-scribe-site").write_text("old\n", encoding="utf-8")
    (previous / "index.html").write_text("previous\n", encoding="utf-8")

    result = run_scribe("build", "--config", str(tmp_path / "site.yml"), "--output", str(previous))
    assert result.returncode == 1
    assert "no space left on the device" in result.stderr, result.stderr
    assert "NSCocoaErrorDomain" not in result.stderr and "Error Domain" not in result.stderr
    assert sorted(os.listdir(tiny_disk)) == ["site"]
    assert (previous / "index.html").read_text(encoding="utf-8") == "previous\n"
