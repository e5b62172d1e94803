"""`depesha extract` and `depesha ingest` over the fuzz corpus: every bad input named on one line, good ones read,
no traceback, no third-party log noise, bounded time and memory (issue #17)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from depesha.cli.common import printable

from .make_corpus import ANY, BAD_LINES, CASES, ERROR, READ, SKIP, make_corpus

ROOT = Path(__file__).resolve().parents[2]
SECONDS = 240           # one run over the whole corpus, on a busy 2-core machine
PEAK_KB = 520_000       # peak RSS of one run: target 500 MB (measured 463 MB extract, 485 MB ingest; the models are 320 MB)

pytestmark = pytest.mark.slow


@dataclass
class Run:
    """A finished child: exit code, output, wall seconds and its own peak RSS in kB."""

    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_kb: int


# The command runs under a small launcher that reports its peak RSS: a child forked straight from this test process
# would count the test process's own memory (Linux's ru_maxrss takes the forked image's high-water mark at exec).
LAUNCHER = """import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[1], "w") as file:
    file.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_measured(args: list[str], cwd: Path, timeout: float = SECONDS) -> Run:
    """Run `python -m depesha.cli.main ARGS` (its process group killed after `timeout`) and read its peak RSS."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".rss") as peak:
        started = time.monotonic()
        child = subprocess.Popen([sys.executable, "-c", LAUNCHER, peak.name, sys.executable, "-m", "depesha.cli.main",
                                  *args], cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                 start_new_session=True)
        timer = threading.Timer(timeout, lambda: os.killpg(child.pid, signal.SIGKILL))
        timer.start()
        child.wait()
        timer.cancel()
        out.seek(0)
        err.seek(0)
        measured = peak.read().strip()
        return Run(child.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                   time.monotonic() - started, int(measured) if measured else 0)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz") / "corpus"
    make_corpus(folder)
    return folder


@pytest.fixture(scope="module")
def extracted(corpus):
    return run_measured(["extract", "corpus", "--format", "jsonl"], corpus.parent)


@pytest.fixture(scope="module")
def ingested(corpus):
    return run_measured(["ingest", "corpus", "--db", "store.db", "--no-link"], corpus.parent)


def records(run: Run) -> dict[str, dict]:
    """The records of a run by input path ('corpus/x.txt', 'corpus/feed.jsonl:1')."""
    return {record["article"]["path"]: record for record in map(json.loads, run.stdout.splitlines())}


def error_lines(run: Run, case_name: str) -> list[str]:
    prefix = f"error: {printable('corpus/' + case_name)}"
    return [line for line in run.stderr.splitlines() if line.startswith(prefix)]


# THE RUNS


@pytest.mark.parametrize("which", ["extracted", "ingested"])
def test_a_run_over_the_corpus_ends_cleanly_in_bounds(which, request):
    run = request.getfixturevalue(which)
    assert run.code == 1, run.stderr[-2000:]                    # inputs were skipped: said by the exit code
    assert "Traceback" not in run.stderr
    assert "\x1b" not in run.stderr and "\x07" not in run.stderr  # names with escape codes are printed escaped
    noise = [line for line in run.stderr.splitlines() if not line.startswith(("error: ", "depesha"))]
    assert noise == []                                          # one line per bad input and a summary, nothing else
    assert run.seconds < SECONDS
    print(f"peak RSS {run.peak_kb:,} kB in {run.seconds:.1f} s")
    assert 200_000 < run.peak_kb < PEAK_KB, f"peak RSS {run.peak_kb:,} kB"   # the models loaded, and no more


# EXTRACT


@pytest.mark.parametrize("case", [case for case in CASES if case.expect in (ERROR, SKIP)], ids=lambda case: repr(case.name))
def test_a_bad_input_is_one_named_line_with_its_reason(extracted, case):
    lines = error_lines(extracted, case.name)
    assert len(lines) == 1, extracted.stderr
    assert case.says in lines[0]


@pytest.mark.parametrize("number, reason", sorted(BAD_LINES.items()))
def test_a_bad_jsonl_line_is_named_with_its_number(extracted, number, reason):
    lines = error_lines(extracted, f"feed-bad.jsonl:{number}:")
    assert len(lines) == 1 and reason in lines[0], extracted.stderr


@pytest.mark.parametrize("case", [case for case in CASES if case.expect == READ], ids=lambda case: repr(case.name))
def test_an_input_a_user_expects_read_is_read(extracted, case):
    found = [record for path, record in records(extracted).items()
             if path == f"corpus/{case.name}" or path.startswith(f"corpus/{case.name}:")]
    assert found, extracted.stderr
    assert all(record["article"]["text"].strip() for record in found)
    assert error_lines(extracted, case.name + ":") == []
    if case.says:
        assert any(case.says in warning for record in found for warning in record["warnings"]), found[0]["warnings"]


def test_wide_encodings_read_the_same_text_as_utf8(extracted):
    texts = {path: record["article"]["text"] for path, record in records(extracted).items()}
    wide = [name for name in texts if "utf16" in name or "utf32" in name or "utf8-bom" in name]
    assert len(wide) == 7 and len({texts[name] for name in wide}) == 1


@pytest.mark.parametrize("case", [case for case in CASES if case.expect == ANY], ids=lambda case: repr(case.name))
def test_every_other_input_is_read_or_named(extracted, case):
    paths = records(extracted)
    read = any(path == f"corpus/{case.name}" or path.startswith(f"corpus/{case.name}:") for path in paths)
    assert read or error_lines(extracted, case.name), extracted.stderr


def test_good_lines_of_a_bad_feed_are_read_and_repairs_said(extracted):
    feed = {path: record for path, record in records(extracted).items() if "feed-bad.jsonl" in path}
    assert sorted(feed) == ["corpus/feed-bad.jsonl:1", "corpus/feed-bad.jsonl:13", "corpus/feed-bad.jsonl:14"]
    assert any("0001-01-01" in warning for warning in feed["corpus/feed-bad.jsonl:13"]["warnings"])
    assert any("surrogate" in warning for warning in feed["corpus/feed-bad.jsonl:14"]["warnings"])


# INGEST


@pytest.mark.parametrize("case", [case for case in CASES if case.expect in (ERROR, SKIP)], ids=lambda case: repr(case.name))
def test_ingest_names_each_bad_input(ingested, case):
    lines = error_lines(ingested, case.name)
    assert len(lines) == 1 and case.says in lines[0], ingested.stderr


def test_ingest_stores_what_extract_reads(extracted, ingested):
    summary = ingested.stderr.splitlines()[-1]
    counts = re.match(r"depesha ingest: (\d+) stored, (\d+) skipped .*, (\d+) failed", summary)
    assert counts, summary
    stored, same_text, failed = map(int, counts.groups())      # a text read in several encodings is stored once
    assert stored + same_text == len(records(extracted)) and failed == extracted.stderr.count("\nerror: ") + 1
