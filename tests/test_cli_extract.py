"""`depesha extract` end to end: formats, stdin, bad inputs counted, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "02-uz-kz-presidents-phone.txt"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "depesha.cli.main", "extract", *args], input=stdin,
                          capture_output=True, text=True, timeout=300, cwd=ROOT)


@pytest.fixture(scope="module")
def bad_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "good.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_text("")
    (folder / "feed.jsonl").write_text('{"text": "МОСКВА, 1 марта. /ТАСС/. Текст."}\n{broken\n', encoding="utf-8")
    return folder


def test_one_input_is_pretty_json_with_a_quiet_stderr():
    result = run(str(SAMPLE))
    assert result.returncode == 0
    record = json.loads(result.stdout)
    assert record["schema"].startswith("depesha/") and record["events"]
    assert result.stderr == ""


def test_several_inputs_go_on_after_failures(bad_dir):
    result = run(str(bad_dir))
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2
    assert "empty.txt: empty input" in result.stderr
    assert "feed.jsonl:2: malformed JSON" in result.stderr
    assert "depesha: 2 ok, 2 failed" in result.stderr


@pytest.mark.parametrize("fmt, check", [
    ("plover", lambda out: all({"id", "date", "actor", "event", "text_info"} <= set(json.loads(line))
                               for line in out.splitlines()) and out.strip()),
    ("csv", lambda out: out.startswith("article_id,published,source,event_id,category") and out.count("\n") > 1),
])
def test_formats(fmt, check):
    result = run(str(SAMPLE), "--format", fmt)
    assert result.returncode == 0 and check(result.stdout)


def test_stdin():
    result = run("-", "--format", "jsonl", stdin=SAMPLE.read_text(encoding="utf-8"))
    assert result.returncode == 0
    assert json.loads(result.stdout)["article"]["path"] == "<stdin>"
