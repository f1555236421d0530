"""The command line as a user meets it: help, exit codes, messages, and an untouched site on failure."""
from conftest import run_scribe, build_site


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
