"""Executor-side extraction: failures and skips become rows, the pipeline is built once per process."""

from __future__ import annotations

import pytest

from depesha import Article
from depesha.batch import tasks

RU = "Президент Чили встретился в Сантьяго с премьер-министром Перу."
EN = "The president of Chile met the prime minister of Peru in Santiago."


def run(items, **options) -> list[tuple[str, object]]:
    return list(tasks.extract_items(items, **options))


@pytest.mark.parametrize("items, options, expected", [
    ([("article", "a", Article(RU))], {}, ["articles", "stat"]),
    ([("article", "a", Article(EN))], {"russian_only": True}, ["skipped", "stat"]),
    ([("article", "a", Article(RU))], {"jsonl": True}, ["articles", "jsonl", "stat"]),
    ([("failure", "f:2", "malformed JSON")], {}, ["failures", "stat"]),
    ([("skipped", "e", "empty file")], {}, ["skipped", "stat"]),
    ([("article", "boom", Article("BOOM " + RU)), ("article", "a", Article(RU))], {}, ["failures", "articles", "stat"]),
])
def test_batch_tasks_rows(items, options, expected, monkeypatch, pipeline_record):
    original = tasks.extract_doc

    def extract_doc(article, pipeline=None):
        if article.text.startswith("BOOM"):
            raise RuntimeError("injected")
        return original(article, pipeline)

    monkeypatch.setattr(tasks, "extract_doc", extract_doc)
    kinds = [kind for kind, _ in run(items, **options) if kind not in ("entities", "positions", "events")]
    assert kinds == expected


def test_batch_tasks_failure_row(monkeypatch, pipeline_record):
    monkeypatch.setattr(tasks, "extract_doc", lambda article, pipeline=None: 1 / 0)
    rows = run([("article", "in.jsonl:7", Article(RU))])
    assert rows[0] == ("failures", ("in.jsonl:7", "extract", "ZeroDivisionError: division by zero"))


def test_batch_tasks_pipeline_loaded_once(pipeline_record):
    """In a process that already built the pipeline, a partition builds none."""
    stat = run([("article", "a", Article(RU)), ("article", "b", Article(RU))])[-1][1]
    pid, host, loads, load_seconds, seconds, cpu_seconds, articles, peak = stat
    assert (loads, articles) == (0, 2) and peak > 50 and 0 < cpu_seconds


def test_batch_tasks_tag_rows():
    rows = list(tasks.tag_rows([("failures", ("x", "read", "bad")), ("stat", (1,))]))
    assert rows[0][0] == "failures" and rows[0][tasks.KINDS.index("failures") + 1] == ("x", "read", "bad")
    assert all(len(row) == len(tasks.KINDS) + 1 for row in rows)
    assert sum(value is not None for value in rows[1]) == 2
