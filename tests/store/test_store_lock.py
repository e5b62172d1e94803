"""One writer at a time on an SQLite file: a second process waits for the first (or gives up, saying why)."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from depesha.errors import StoreError
from depesha.store import lock, open_store

HOLD = """
import sys, time
from depesha.store import lock
lock.acquire(sys.argv[1])
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


def hold(database: Path, seconds: float) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(database), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "locked"
    return child


def test_store_lock_another_process_is_waited_for_or_named(tmp_path):
    database = tmp_path / "s.db"
    child = hold(database, 1.5)
    try:
        with pytest.raises(StoreError, match="another depesha process is writing"):
            lock.acquire(str(database), timeout=0.3)
        start = time.monotonic()
        token = lock.acquire(str(database))          # waits for the child to end
        assert time.monotonic() - start > 0.5
        assert Path(token[0]).read_text().strip() == str(os.getpid())
        lock.release(token)
    finally:
        child.wait()


def test_store_lock_a_process_takes_its_own_lock_again(tmp_path):
    database = str(tmp_path / "s.db")
    first = lock.acquire(database)
    second = lock.acquire(database, timeout=0.1)
    lock.release(second)
    child = subprocess.run([sys.executable, "-c", "import sys; from depesha.store import lock; lock.acquire(sys.argv[1], 0.2)",
                            database], capture_output=True, text=True)
    assert child.returncode != 0 and "another depesha process" in child.stderr    # still held once
    lock.release(first)
    assert subprocess.run([sys.executable, "-c", "import sys; from depesha.store import lock; lock.acquire(sys.argv[1], 0.2)",
                           database]).returncode == 0


def test_store_writer_holds_the_lock_until_closed(tmp_path):
    database = tmp_path / "s.db"
    store = open_store(str(database))
    writer = store.writer()
    code = "import sys; from depesha.store import lock; lock.acquire(sys.argv[1], 0.2)"
    assert subprocess.run([sys.executable, "-c", code, str(database)], capture_output=True).returncode != 0
    writer.close()
    assert subprocess.run([sys.executable, "-c", code, str(database)], capture_output=True).returncode == 0
    store.close()


@pytest.mark.slow
@pytest.mark.parametrize("bulk", [False, True], ids=["per-article", "bulk"])
def test_store_two_ingests_at_once_store_each_article_and_entity_once(tmp_path, bulk):
    samples = Path(__file__).resolve().parents[2] / "samples"
    database = tmp_path / "s.db"
    command = [sys.executable, "-m", "depesha.cli.main", "ingest", str(samples), "--db", str(database)]
    command += ["--bulk"] if bulk else []
    first = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    time.sleep(0.3)
    second = subprocess.run(command, capture_output=True, text=True)
    _, first_err = first.communicate()
    assert first.returncode == 0 and second.returncode == 0, second.stderr
    conn = sqlite3.connect(database)
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    entities, distinct = conn.execute("SELECT count(*), count(DISTINCT type || '|' || name || '|' || coalesce(country, ''))"
                                      " FROM entities").fetchone()
    stored = [int(re.search(r"(\d+) stored", text).group(1)) for text in (first_err, second.stderr)]
    assert articles > 20 and sum(stored) == articles      # the second stored what the first had not, nothing twice
    assert entities == distinct
    assert "Traceback" not in second.stderr


def test_store_writer_that_fails_to_start_gives_the_lock_back(tmp_path, monkeypatch):
    from depesha.store.writer import Writer

    database = tmp_path / "s.db"
    store = open_store(str(database))

    def broken(*args, **kwargs):
        raise OSError("disk on fire")

    monkeypatch.setattr(Writer, "start", broken)
    with pytest.raises(OSError, match="disk on fire"):
        store.writer()
    code = "import sys; from depesha.store import lock; lock.acquire(sys.argv[1], 0.2)"
    assert subprocess.run([sys.executable, "-c", code, str(database)], capture_output=True).returncode == 0
    store.close()


def test_store_lock_another_thread_waits_too(tmp_path):
    import threading

    database = str(tmp_path / "s.db")
    token = lock.acquire(database)
    outcome: list[str] = []

    def other() -> None:
        try:
            lock.release(lock.acquire(database, timeout=0.3))
            outcome.append("took it")
        except StoreError:
            outcome.append("waited, gave up")

    thread = threading.Thread(target=other)
    thread.start()
    thread.join()
    lock.release(token)
    assert outcome == ["waited, gave up"]
    thread = threading.Thread(target=other)
    thread.start()
    thread.join()
    assert outcome[-1] == "took it"


def test_store_opened_while_another_process_creates_it_waits_for_the_schema(tmp_path):
    """A store seen half-migrated (another process is creating it, holding the lock) is waited for, not refused with
    'run depesha db upgrade' (two ingests on a new store hit this in CI)."""
    from depesha.store import migrate

    database = tmp_path / "s.db"
    open_store(str(database)).close()
    with sqlite3.connect(database) as conn:                    # as between two migrations of the creating process
        conn.execute("UPDATE depesha_meta SET value = ? WHERE key = 'version'", (str(migrate.LATEST - 1),))
    creator = ("import sqlite3, sys, time; from depesha.store import lock; token = lock.acquire(sys.argv[1]);"
               " print('locked', flush=True); time.sleep(1.0); c = sqlite3.connect(sys.argv[1]);"
               " c.execute(\"UPDATE depesha_meta SET value = ? WHERE key = 'version'\", (sys.argv[2],)); c.commit()")
    child = subprocess.Popen([sys.executable, "-c", creator, str(database), str(migrate.LATEST)], stdout=subprocess.PIPE,
                             text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "locked"
        store = open_store(str(database))                       # waits for the lock, then sees the finished schema
        assert store.version() == migrate.LATEST
        store.close()
    finally:
        child.wait()
