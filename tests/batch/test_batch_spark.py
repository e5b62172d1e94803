"""The Spark job on local[2]: Parquet records identical to single-process extraction; failures counted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import depesha
from depesha.batch import read_records, run_batch
from depesha.read import Failure, load_articles

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def batch(spark, corpus, tmp_path_factory):
    out = str(tmp_path_factory.mktemp("batch") / "out")
    summary = run_batch(spark, corpus, out, partitions=5, jsonl=True)
    return out, summary


@pytest.fixture(scope="module")
def expected(corpus) -> dict[str, dict]:
    """Single-process `depesha.extract` output for the same inputs, by article id."""
    records = [depesha.extract_doc(item).as_record() for item in load_articles(corpus) if not isinstance(item, Failure)]
    return {record["article"]["id"]: record for record in records}


def test_batch_spark_records_identical(spark, batch, expected):
    out, _ = batch
    records = {record["article"]["id"]: record for record in read_records(spark, out)}
    assert len(expected) == 9
    assert sorted(records) == sorted(expected)
    for article_id, record in expected.items():
        assert records[article_id] == record, article_id


def test_batch_spark_jsonl_identical(batch, expected):
    out, _ = batch
    lines = [line for path in sorted(Path(out, "jsonl").glob("part-*")) for line in path.read_text("utf-8").splitlines()]
    assert {json.loads(line)["article"]["id"]: json.loads(line) for line in lines} == expected


def test_batch_spark_summary(batch):
    out, summary = batch
    counts = (summary.inputs, summary.processed, summary.skipped, summary.failed)
    assert counts == (10, 9, 2, 2)
    assert summary.fail_reasons == {"malformed JSON": 1, "broken WARC record": 1}
    assert summary.skip_reasons == {"empty file": 2}
    assert summary.throughput > 0 and summary.peak_rss_mb > 50
    assert json.loads(Path(out, "_summary.json").read_text())["processed"] == 9


def test_batch_spark_models_load_once_per_worker(batch):
    _, summary = batch
    # 5 partitions ran on at most 2 reused Python workers: one pipeline per worker, not per partition
    assert 1 <= summary.workers <= 2
    assert summary.model_loads == summary.workers


def test_batch_spark_failures_table(spark, batch, corpus):
    out, _ = batch
    rows = sorted(tuple(row) for row in spark.read.parquet(f"{out}/failures").collect())
    assert [(Path(input_id).name, stage, error.split(":")[0]) for input_id, stage, error in rows] == [
        ("feed.jsonl:2", "read", "malformed JSON"),
        (rows[1][0].rsplit("/", 1)[-1], "read", "broken WARC record"),
    ]
    assert rows[1][0].startswith(os.path.join(os.path.dirname(corpus[1]), "news.warc.gz@"))


def test_batch_spark_tables(spark, batch):
    out, summary = batch
    sizes = {table: spark.read.parquet(f"{out}/{table}").count() for table in ("entities", "positions", "events")}
    assert sizes == {"entities": summary.entities, "positions": summary.positions, "events": summary.events}
    assert summary.events >= 5
    titles = {row.url: row.published for row in spark.read.parquet(f"{out}/articles").where("url like '%/warc/%'").collect()}
    assert titles == {"https://news.example.test/warc/1": "2025-08-11", "https://news.example.test/warc/2": "2025-08-12"}


def test_batch_spark_extraction_error_is_a_failure(spark, tmp_path, monkeypatch):
    """An article that makes the pipeline raise is a failure row; the others are written."""
    texts = tmp_path / "in"
    texts.mkdir()
    (texts / "ok.txt").write_text("Президент Чили встретился с премьер-министром Перу.", encoding="utf-8")
    (texts / "boom.txt").write_text("BOOM Президент Чили встретился с премьер-министром Перу.", encoding="utf-8")
    monkeypatch.setenv("DEPESHA_TEST_FAIL_ON", "BOOM")   # read by the workers through sitecustomize below
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(FAIL_HOOK, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", f"{site}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")
    # a fresh session would be needed for new worker env; instead run the job through the CLI in a subprocess
    out = tmp_path / "out"
    db = tmp_path / "cli.db"
    result = subprocess.run([sys.executable, "-m", "depesha.cli.main", "batch", str(texts), "--out", str(out),
                             "--master", "local[1]", "--conf", "spark.ui.enabled=false", "--load", f"sqlite:///{db}"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "processed 1  skipped 0  failed 1" in result.stdout
    assert "stored 1  already there 0  failed 0" in result.stdout
    summary = json.loads((out / "_summary.json").read_text())
    assert summary["fail_reasons"] == {"RuntimeError": 1}


FAIL_HOOK = '''
import os
if os.environ.get("DEPESHA_TEST_FAIL_ON"):
    import depesha.api as api
    original = api.extract_doc
    def extract_doc(article, pipeline=None):
        if article.text.startswith(os.environ["DEPESHA_TEST_FAIL_ON"]):
            raise RuntimeError("injected failure")
        return original(article, pipeline)
    api.extract_doc = extract_doc
'''


def test_batch_spark_load_idempotent(spark, batch, tmp_path):
    """Loading the same output twice (a rerun after a crash) stores every article exactly once."""
    pytest.importorskip("sqlalchemy")
    from depesha.batch import load_records
    from depesha.store import open_store

    out, _ = batch
    url = f"sqlite:///{tmp_path / 'corpus.db'}"
    first = load_records(url, read_records(spark, out))
    again = load_records(url, read_records(spark, out))
    assert (first.stored, first.failed, again.stored, again.skipped) == (9, 0, 0, 9)
    store = open_store(url)
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM articles").scalar() == 9
    store.close()


def test_batch_spark_output_is_one_finished_run(spark, corpus, tmp_path):
    """A run writes under a hidden staging directory and moves its tables in at the end: a killed run leaves the last
    finished run's tables (its leftovers are removed by the next run); tables of two runs are refused by name."""
    from depesha.batch.spark import RUN_FILE, STAGING, check_run

    out = tmp_path / "out"
    first = run_batch(spark, corpus[:1], str(out), partitions=2)
    assert first.run and check_run(str(out)) == first.run
    assert json.loads((out / "_summary.json").read_text())["run"] == first.run
    assert not [p for p in out.iterdir() if p.name.startswith(STAGING)]
    leftover = out / f"{STAGING}killed" / "events"                  # what a job killed mid-write leaves
    leftover.mkdir(parents=True)
    (leftover / "_SUCCESS").write_text("")
    old = os.stat(out / f"{STAGING}killed").st_mtime - 60
    os.utime(out / f"{STAGING}killed", (old, old))                    # it began before the next run
    second = run_batch(spark, corpus[:1], str(out), partitions=2)
    assert second.run != first.run and check_run(str(out)) == second.run
    assert not (out / f"{STAGING}killed").exists()
    (out / "entities" / RUN_FILE).write_text(first.run)            # killed between two tables' moves
    with pytest.raises(RuntimeError, match="table entities is not from the last finished run"):
        read_records(spark, str(out))                                 # at once, before a store is opened
    (out / "_summary.json").unlink()                                 # killed before the summary
    with pytest.raises(RuntimeError, match="no finished batch run"):
        check_run(str(out))


def batch_command(corpus: list[str], out: Path) -> list[str]:
    return [sys.executable, "-m", "depesha.cli.main", "batch", *corpus, "--out", str(out), "--partitions", "4",
            "--master", "local[2]"]


def records_by_id(spark, out) -> dict[str, dict]:
    return {record["article"]["id"]: record for record in read_records(spark, str(out))}


@pytest.mark.parametrize("seconds", [5.0, 15.0])   # while the JVM starts; while extracting (a run takes ~40-60 s)
def test_batch_spark_killed_and_rerun_equals_a_clean_run(spark, batch, corpus, tmp_path, seconds):
    """`depesha batch` killed with SIGKILL (its whole process group: driver, JVM, workers) at a moment of the run, then
    run again: the output holds the same records as a clean run, none lost, none twice; a killed first run leaves
    nothing that reads as finished."""
    import signal
    import time

    clean, _ = batch
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parents[2]),
                                                        os.environ.get("PYTHONPATH", "")])}
    child = subprocess.Popen(batch_command(corpus, out), env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(seconds)
    if child.poll() is None:
        os.killpg(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL        # killed before it finished: no output reads as finished
    with pytest.raises(RuntimeError, match="finished"):
        read_records(spark, str(out))
    again = subprocess.run(batch_command(corpus, out), env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode in (0, 1), again.stderr[-2000:]   # 1: the corpus holds bad inputs on purpose
    rerun, expected = records_by_id(spark, out), records_by_id(spark, clean)
    assert sorted(rerun) == sorted(expected) and len(rerun) > 5
    assert all(rerun[id]["events"] == expected[id]["events"] for id in expected)
