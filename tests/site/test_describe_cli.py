"""The describe engine through the CLI, against tests/fake_llm/server.py: kill -9 mid-run loses no answer."""
import json
import os
import pathlib
import signal
import sqlite3
import subprocess
import time
import urllib.request

import pytest

from conftest import REPO, scribe_bin


@pytest.fixture()
def model_server():
    process = subprocess.Popen(["python3", str(REPO / "tests" / "fake_llm" / "server.py"), "--port", "0"],
                               stdout=subprocess.PIPE, text=True)
    port = int(process.stdout.readline().split()[1])

    def call(path, payload=None):
        data = None if payload is None else json.dumps(payload).encode()
        with urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data), timeout=10) as r:
            return json.load(r)

    yield port, call
    process.kill()


def make_site(folder: pathlib.Path, port: int, tables: int):
    db = sqlite3.connect(folder / "db.sqlite")
    db.executescript("\n".join(f"CREATE TABLE t{i} (pk INTEGER PRIMARY KEY, note TEXT, amount REAL);" for i in range(tables)))
    db.close()
    (folder / "site.yml").write_text(
        "sources:\n  - {name: db, kind: sqlite, path: db.sqlite}\n"
        f"describe: {{provider: openai, model: m, base_url: 'http://127.0.0.1:{port}/v1', api_key_env: SCRIBE_TEST_KEY, concurrency: 2}}\n")


def test_killing_a_build_mid_describe_loses_no_answer_already_received(tmp_path, model_server):
    port, call = model_server
    make_site(tmp_path, port, tables=30)
    call("/__script", {"steps": [], "latency": 0.3})
    env = dict(os.environ, SCRIBE_TEST_KEY="sk-never-printed-42")
    build = subprocess.Popen([scribe_bin(), "build", "--config", str(tmp_path / "site.yml")], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while call("/__stats")["requests"] < 10 and time.time() < deadline:
        time.sleep(0.05)
    build.send_signal(signal.SIGKILL)
    build.wait()
    answered = call("/__stats")["requests"]
    cached = [p for p in (tmp_path / ".scribe" / "cache" / "descriptions").rglob("*.json") if p.parent.name != "latest"]
    # Every answer the build had received is on disk; at most the two in flight were lost with it.
    assert answered - 2 <= len(cached) <= answered
    assert not list((tmp_path / ".scribe").rglob("*.tmp*")), "a half-written cache file was left behind"
    for path in cached:
        assert "sk-never-printed-42" not in path.read_text()

    call("/__script", {"steps": [], "latency": 0})
    before = call("/__stats")["requests"]
    result = subprocess.run([scribe_bin(), "build", "--config", str(tmp_path / "site.yml")], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert call("/__stats")["requests"] - before == 30 - len(cached)
    assert f"30 tables to describe with openai: {len(cached)} from the cache" in result.stderr
    assert "sk-never-printed-42" not in result.stderr
    catalog = json.loads((tmp_path / "_site" / "catalog.json").read_text())
    tables = catalog["sources"][0]["schemas"][0]["tables"]
    assert all(t["description"]["origin"] == "model" for t in tables)


def test_a_missing_api_key_variable_is_a_clear_error(tmp_path, model_server):
    port, _ = model_server
    make_site(tmp_path, port, tables=1)
    env = {k: v for k, v in os.environ.items() if k != "SCRIBE_TEST_KEY"}
    result = subprocess.run([scribe_bin(), "build", "--config", str(tmp_path / "site.yml")], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().endswith(
        f"error: [describe] {tmp_path / 'site.yml'}: describe.api_key_env names SCRIBE_TEST_KEY, which is not set; "
        "export it, or use provider: offline")


def test_refresh_asks_again_for_matching_tables_only(tmp_path, model_server):
    port, call = model_server
    make_site(tmp_path, port, tables=5)
    env = dict(os.environ, SCRIBE_TEST_KEY="k")
    command = [scribe_bin(), "build", "--config", str(tmp_path / "site.yml")]
    assert subprocess.run(command, env=env, capture_output=True, timeout=60).returncode == 0
    assert call("/__stats")["requests"] == 5
    assert subprocess.run(command, env=env, capture_output=True, timeout=60).returncode == 0
    assert call("/__stats")["requests"] == 5, "a rebuild with nothing changed made a call"
    result = subprocess.run(command + ["--refresh", "main.t1", "--refresh", "*.t3"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert call("/__stats")["requests"] == 7
    assert "5 tables to describe with openai: 3 from the cache, 2 described in 2 calls" in result.stderr


def test_describe_with_a_hint_prints_old_and_new_text_and_edits_nothing(tmp_path, model_server):
    port, call = model_server
    make_site(tmp_path, port, tables=2)
    env = dict(os.environ, SCRIBE_TEST_KEY="sk-never-printed-42")
    config = str(tmp_path / "site.yml")
    assert subprocess.run([scribe_bin(), "build", "--config", config], env=env, capture_output=True).returncode == 0
    site = {p: p.read_bytes() for p in (tmp_path / "_site").rglob("*") if p.is_file()}
    result = subprocess.run([scribe_bin(), "describe", "--config", config, "main.t1", "--hint", "Amounts are in euros."],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    # The fake model answers the same words again, so there is no "was:" line, only the new text.
    assert result.stdout.splitlines() == [
        "main.t1", "  now: Description of the table.",
        "main.t1.pk", "  now: Description of pk.",
        "main.t1.note", "  now: Description of note.",
        "main.t1.amount", "  now: Description of amount.",
    ]
    prompt = call("/__stats")["bodies"][-1]["request"]["messages"][-1]["content"]
    assert "Amounts are in euros." in prompt and "These descriptions were written before" in prompt
    assert {p: p.read_bytes() for p in (tmp_path / "_site").rglob("*") if p.is_file()} == site
    assert "sk-never-printed-42" not in result.stdout + result.stderr
