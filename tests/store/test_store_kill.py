"""`kill -9` of a running `depesha ingest`, then a rerun: the same store as one clean run."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from depesha.store import open_store
from depesha.store.fixtures import make_corpus

from .dump import dump_store

ARTICLES = 400


def ingest(records: Path, db: Path, *options: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "depesha.cli.main", "ingest", "--records", str(records),
                             "--db", str(db), *options], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def kill_when(process: subprocess.Popen, db: Path, at: int) -> int:
    """SIGKILL the process once `at` articles are committed; returns how many there were."""
    deadline = time.time() + 120
    while time.time() < deadline and process.poll() is None:
        if stored(db) >= at:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.01)
    process.wait()
    return stored(db)


@pytest.fixture(scope="module")
def records(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("kill") / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in make_corpus(ARTICLES, seed=11)))
    return path


@pytest.mark.parametrize("options", [(), ("--bulk", "--batch", "25", "--no-parallel"),
                                     ("--bulk", "--batch", "25", "--parallel")],
                         ids=["per-article", "bulk", "bulk-parallel"])
def test_store_kill_and_rerun_equals_clean_run(records: Path, tmp_path: Path, options: tuple[str, ...]):
    """Killed twice and run again (per article, or --bulk with 25 articles per transaction) = one clean
    per-article run."""
    clean = ingest(records, tmp_path / "clean.db")
    assert clean.wait() == 0, clean.stderr.read() if clean.stderr else ""
    expected = dump_store(open_store(str(tmp_path / "clean.db")))

    db = tmp_path / "killed.db"
    killed_at = []
    for at in (40, 160):  # two crashes, then a run that finishes
        process = ingest(records, db, *options)
        killed_at.append(kill_when(process, db, at))
        assert process.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    rerun = ingest(records, db, *options)
    output = rerun.communicate()[1]
    assert rerun.returncode == 0, output
    assert 40 <= killed_at[0] < killed_at[1] < ARTICLES
    assert f"{ARTICLES - killed_at[1]} stored, {killed_at[1]} skipped" in output
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert dump_store(open_store(str(db))) == expected


@pytest.mark.slow
def test_store_kill_during_extraction(tmp_path: Path):
    """The same with the core's readers and extractor at work: `depesha ingest DIR`, killed, run again."""
    root = Path(__file__).resolve().parents[2] / "samples"
    inputs = tmp_path / "in"
    inputs.mkdir()
    for copy in range(2):
        for sample in sorted(root.glob("*.txt")):
            text = sample.read_text(encoding="utf-8")
            (inputs / f"{copy}-{sample.name}").write_text(text + ("" if copy == 0 else f"\n\nИсточник: копия {copy}.\n"))

    def run(db: Path) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "depesha.cli.main", "ingest", str(inputs), "--db", str(db)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    clean = run(tmp_path / "clean.db")
    clean.communicate()
    expected = dump_store(open_store(str(tmp_path / "clean.db")))
    db = tmp_path / "killed.db"
    process = run(db)
    killed_at = kill_when(process, db, 8)
    assert process.returncode == -signal.SIGKILL and 8 <= killed_at < len(expected["articles"])
    rerun = run(db)
    output = rerun.communicate()[1]
    assert f"{killed_at} skipped" in output
    assert dump_store(open_store(str(db))) == expected


@pytest.mark.parametrize("options", [("--bulk", "--batch", "25", "--parallel")], ids=["bulk-parallel"])
def test_store_ctrl_c_stops_cleanly_and_rerun_completes(records: Path, tmp_path: Path, options: tuple[str, ...]):
    """Ctrl-C (SIGINT) during a parallel bulk ingest: exit 130, the batch in flight is committed or not at all,
    no helper process is left, and a rerun gives the clean store."""
    clean = ingest(records, tmp_path / "clean.db")
    assert clean.wait() == 0
    expected = dump_store(open_store(str(tmp_path / "clean.db")))
    db = tmp_path / "interrupted.db"
    process = ingest(records, db, *options)
    deadline = time.time() + 120
    while time.time() < deadline and process.poll() is None and stored(db) < 40:
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=60) == 130, process.stderr.read() if process.stderr else ""
    assert 40 <= stored(db) < ARTICLES and stored(db) % 25 == 0   # whole batches only
    assert not processes_with(str(db))
    rerun = ingest(records, db, *options)
    assert rerun.wait() == 0
    assert dump_store(open_store(str(db))) == expected


def processes_with(argument: str) -> list[int]:
    """Processes whose command line has `argument` (the ingest forks its worker and writer processes)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if argument in (entry / "cmdline").read_bytes().decode(errors="replace"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found
