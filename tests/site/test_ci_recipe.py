"""The CI recipe of examples/github, run as GitHub Actions would run its shell steps, on two commits of a
throwaway git repository: main publishes a site; a pull request builds its own, gets the documentation diff
as one comment (edited, not added, on the next push) and the check's findings. `gh` is a stand-in that keeps
the pull request's comments in a file and applies the script's --jq filters with the real jq."""
import json
import os
import pathlib
import shutil
import sqlite3
import subprocess
import sys

from conftest import REPO, scribe_bin

FAKE_GH = r'''#!/usr/bin/env python3
import json, pathlib, subprocess, sys
state = pathlib.Path(__file__).with_name("comments.json")
comments = json.loads(state.read_text()) if state.exists() else []
args = sys.argv[1:]
with open(pathlib.Path(__file__).with_name("calls.log"), "a") as log:
    log.write(" ".join(a for a in args if not a.startswith("body=")) + "\n")
method = args[args.index("--method") + 1] if "--method" in args else "GET"
path = next(a for a in args if a.startswith("repos/"))
body = next((pathlib.Path(a[len("body=@"):]).read_text() for a in args if a.startswith("body=@")), None)
if method == "GET":
    out = json.dumps(comments)
    if "--jq" in args:
        out = subprocess.run(["jq", "-r", args[args.index("--jq") + 1]], input=out, capture_output=True, text=True, check=True).stdout
    sys.stdout.write(out)
elif method == "POST":
    comments.append({"id": 100 + len(comments), "body": body})
elif method == "PATCH":
    number = int(path.rsplit("/", 1)[1])
    for comment in comments:
        if comment["id"] == number:
            comment["body"] = body
state.write_text(json.dumps(comments))
'''


def git(repo, *args):
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "CI", "GIT_AUTHOR_EMAIL": "ci@example.com",
                        "GIT_COMMITTER_NAME": "CI", "GIT_COMMITTER_EMAIL": "ci@example.com"})


def test_a_pull_request_gets_one_comment_with_the_diff_and_the_checks_findings(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    with sqlite3.connect(repo / "warehouse.sqlite") as db:
        db.executescript((REPO / "sample" / "warehouse.sql").read_text(encoding="utf-8"))
    shutil.copytree(REPO / "content", repo / "content")
    (repo / "site.yml").write_text("title: Warehouse\nsources:\n  - {name: warehouse, kind: sqlite, path: warehouse.sqlite}\n"
                                   "check:\n  - {rule: context_names_exist}\n  - {rule: pii_decided, severity: warning}\n",
                                   encoding="utf-8")
    ci = repo / "ci"
    ci.mkdir()
    shutil.copy(REPO / "examples" / "github" / "scribe-review.sh", ci / "scribe-review.sh")
    (repo / ".gitignore").write_text("_site/\n.scribe/\nscribe-review.md\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Document the warehouse")

    env = {**os.environ, "SCRIBE": scribe_bin()}
    # On main: the publish job's build; Pages then serves _site, whose catalog.json the next pull request reads.
    publish = subprocess.run([scribe_bin(), "build", "--output", "_site", "--strict"], cwd=repo, capture_output=True, text=True, env=env)
    assert publish.returncode == 0, publish.stderr
    published = tmp_path / "pages"
    shutil.copytree(repo / "_site", published)

    # The pull request: a migration adds a table, and the same commit describes it.
    git(repo, "checkout", "-qb", "add-refunds")
    with sqlite3.connect(repo / "warehouse.sqlite") as db:
        db.executescript("CREATE TABLE refunds (refund_id INTEGER PRIMARY KEY, order_id INTEGER REFERENCES orders (order_id), amount NUMERIC);")
    (repo / "content" / "context" / "refunds.yml").write_text(
        "tables:\n  refunds:\n    description: Money given back, one row per refund.\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Add refunds")

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "gh").write_text(FAKE_GH, encoding="utf-8")
    (bin_dir / "gh").chmod(0o755)
    pr_env = {**env, "PATH": f"{bin_dir}:{env['PATH']}", "GITHUB_TOKEN": "t0ken", "GITHUB_REPOSITORY": "acme/warehouse", "PR_NUMBER": "7"}

    def review():
        return subprocess.run([str(ci / "scribe-review.sh"), str(published / "catalog.json")], cwd=repo,
                              capture_output=True, text=True, env=pr_env, timeout=600)

    first = review()
    assert first.returncode == 0, first.stdout + first.stderr  # pii_decided is a warning here
    comments = json.loads((bin_dir / "comments.json").read_text())
    assert len(comments) == 1
    body = comments[0]["body"]
    assert body.startswith("<!-- schema-scribe-review -->\n## Documentation changes\n")
    assert "- added table `refunds`, 3 columns" in body and "“Money given back, one row per refund.”" in body
    assert "::warning title=check pii_decided::" in first.stdout
    assert "t0ken" not in first.stdout + first.stderr + body

    # Another push: the same comment is edited, not a second one added.
    (repo / "content" / "context" / "refunds.yml").write_text(
        "tables:\n  refunds:\n    description: Money given back to a customer, one row per refund.\n", encoding="utf-8")
    git(repo, "commit", "-qam", "Say who gets the money")
    second = review()
    assert second.returncode == 0, second.stderr
    comments = json.loads((bin_dir / "comments.json").read_text())
    assert len(comments) == 1 and "Money given back to a customer" in comments[0]["body"]
    calls = (bin_dir / "calls.log").read_text().splitlines()
    assert [c.split()[2] if "--method" in c else "GET" for c in calls] == ["GET", "POST", "GET", "PATCH"]
    assert calls[-1].startswith("api --method PATCH repos/acme/warehouse/issues/comments/100")

    # A finding of an error rule fails the job, and says where.
    (repo / "content" / "context" / "refunds.yml").write_text(
        "tables:\n  refunds:\n    columns:\n      amout:\n        description: How much.\n", encoding="utf-8")
    third = review()
    assert third.returncode == 1
    assert "::error file=content/context/refunds.yml,line=4,col=7,title=check context_names_exist::" in third.stdout

    # The first pull request, before anything was published: the comment says there is nothing to compare with.
    (bin_dir / "comments.json").unlink()
    fourth = subprocess.run([str(ci / "scribe-review.sh"), str(tmp_path / "nothing.json")], cwd=repo,
                            capture_output=True, text=True, env=pr_env, timeout=600)
    assert "No published catalog.json to compare with yet" in json.loads((bin_dir / "comments.json").read_text())[0]["body"]
