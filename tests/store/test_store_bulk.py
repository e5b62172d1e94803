"""Bulk ingest (lookup indexes in memory, rows written per batch) stores exactly what per-article ingest stores."""

from __future__ import annotations

import copy
import json

import pytest

from depesha.store.fixtures import make_record
from depesha.store.link import link_followups
from depesha.store.queries import fetch

from .dump import dump_store


def load(store, records, *, batch: int = 50, bulk: bool = False, parallel: bool | None = None, lines: bool = False):
    """Store records (as JSONL lines when `lines`, as `ingest --records` reads them) and link follow-ups."""
    with store.writer(batch=batch, bulk=bulk, parallel=parallel) as writer:
        if lines:
            summary = writer.add_all((json.dumps(r, ensure_ascii=False), None, f"r.jsonl:{n}")
                                     for n, r in enumerate(records, 1))
        else:
            summary = writer.add_many(records)
        link_followups(writer)
    return summary


PARALLEL = [pytest.param(False, id="one-process"), pytest.param(True, id="parallel")]


@pytest.mark.parametrize("parallel", PARALLEL)
def test_store_bulk_same_as_per_article(store, corpus, tmp_path, parallel):
    """Also with the worker and the child process of `parallel` (JSONL lines, so the worker checks them)."""
    from depesha.store import open_store

    reference = open_store(str(tmp_path / "reference.db"))
    expected = load(reference, corpus, batch=1)
    summary = load(store, corpus, bulk=True, parallel=parallel, lines=parallel)
    assert (summary.stored, summary.duplicates, summary.failed) == (expected.stored, expected.duplicates, 0)
    assert summary.duplicates > 0
    assert dump_store(store) == dump_store(reference)
    reference.close()


@pytest.mark.parametrize("parallel", PARALLEL)
def test_store_bulk_continues_a_store(store, corpus, tmp_path, parallel):
    """Bulk into a store filled before (its indexes are read back) = one run over everything."""
    from depesha.store import open_store

    reference = open_store(str(tmp_path / "reference.db"))
    load(reference, corpus)
    half = len(corpus) // 2
    load(store, corpus[:half])
    again = load(store, corpus, bulk=True, parallel=parallel)
    assert (again.stored, again.skipped) == (len(corpus) - half, half)
    assert dump_store(store) == dump_store(reference)
    with store.writer() as writer:  # per-article ingest after a bulk one: PostgreSQL's sequence was moved on
        assert writer.add(make_record(visit=True, date="2027-01-05")).status == "stored"
    reference.close()


@pytest.mark.parametrize("parallel", PARALLEL)
def test_store_bulk_skips_bad_record_keeps_the_rest(sqlite_store, corpus, parallel):
    bad = copy.deepcopy(corpus[3])
    bad["entities"][0]["mentions"].append([5, 10_000_000])
    bad["article"]["id"] = "a-broken"
    records = corpus[:10] + [bad] + corpus[10:20]
    summary = load(sqlite_store, records, bulk=True, parallel=parallel, lines=True)
    assert (summary.stored, summary.failed) == (20, 1)
    assert summary.failures[0][0] == bad["article"]["source"]
    assert "outside the text" in summary.failures[0][1]
    with sqlite_store.read() as conn:
        assert fetch(conn, "SELECT count(*) FROM articles")[0][0] == 20


def test_store_bulk_rollback_forgets_uncommitted(sqlite_store, monkeypatch):
    """After a failed batch the in-memory index is read again: nothing of the lost batch is 'already stored'."""
    first, second = make_record(), make_record(visit=True)
    with sqlite_store.writer(batch=10, bulk=True) as writer:
        writer.add(first)
        writer.rollback()
        assert writer.add(first).status == "stored"
        assert writer.add(second).status == "stored"
    with sqlite_store.read() as conn:
        assert fetch(conn, "SELECT count(*) FROM articles")[0][0] == 2


def test_store_bulk_parallel_names_a_line_that_is_not_json(sqlite_store, corpus):
    items = [(json.dumps(r, ensure_ascii=False), None, f"r.jsonl:{n}") for n, r in enumerate(corpus[:5], 1)]
    items.insert(2, ('{"article": ', None, "r.jsonl:99"))
    items.append((corpus[5], None, "a record, not a line"))  # mixed input: prepared in the main process
    with sqlite_store.writer(batch=2, bulk=True, parallel=True) as writer:
        summary = writer.add_all(items)
    assert (summary.stored, summary.failed) == (6, 1)
    assert summary.failures[0][0] == "r.jsonl:99" and summary.failures[0][1].startswith("not JSON")


def test_store_bulk_parallel_followup_pass_is_one_transaction(sqlite_store, corpus, monkeypatch):
    """The follow-up pass after a parallel load runs in one transaction of the main connection: a failure in
    the middle leaves the links as they were."""
    import depesha.store.link as link

    with sqlite_store.writer(batch=50, bulk=True, parallel=True) as writer:
        writer.add_many(corpus[:120])
        before = link.link_followups(writer)
        assert before > 0

        def broken(*args, **kwargs):
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(writer, "executemany", broken)  # the links are deleted, then the insert fails
        with pytest.raises(RuntimeError):
            link.link_followups(writer)
        monkeypatch.undo()
    with sqlite_store.read() as conn:
        assert fetch(conn, "SELECT count(*) FROM followups")[0][0] == before


def test_store_bulk_of_nothing_closes_cleanly(store):
    """A bulk writer that stored nothing (an empty input) closes without error, on both databases."""
    with store.writer(batch=50, bulk=True) as writer:
        summary = writer.add_many([])
    assert summary.stored == 0
