"""The child process that applies a bulk load's SQL: errors come back to the parent, and it dies with it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from depesha.errors import StoreError
from depesha.store import apply

pytestmark = pytest.mark.skipif(not apply.available(), reason="the child process needs Linux and fork")


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as file:
            return file.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


def test_apply_commits_each_batch_and_reports_errors(tmp_path):
    import sqlite3

    path = str(tmp_path / "a.db")
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)")
    applier = apply.Applier(path, {})
    applier.send([("INSERT INTO t VALUES (?, ?)", [(1, "a"), (2, "b")])])
    applier.send([("INSERT INTO t VALUES (?, ?)", [(3, "c"), (1, "again")])])  # the second row breaks the key
    with pytest.raises(StoreError, match="rolled back.*UNIQUE"):
        applier.wait()
    applier.close()
    assert not applier.process.is_alive()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT k FROM t ORDER BY k").fetchall() == [(1,), (2,)]  # nothing of the failed batch


def test_apply_child_dies_with_its_parent(tmp_path):
    """`kill -9` of the ingest must not leave a child that commits behind the next run's back."""
    script = (
        "import os, sqlite3, sys, time\n"
        "from depesha.store import apply\n"
        f"sqlite3.connect({str(tmp_path / 'b.db')!r}).execute('CREATE TABLE t (k)')\n"
        f"a = apply.Applier({str(tmp_path / 'b.db')!r}, {{}})\n"
        "print(a.process.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    assert alive(child)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.time() + 10
    while alive(child) and time.time() < deadline:
        time.sleep(0.05)
    assert not alive(child)
