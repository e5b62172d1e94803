"""The Spark job: list inputs, read them, extract with one pipeline per Python worker, write Parquet."""

from __future__ import annotations

import json
import logging
import os
import sys
import time
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

from .io import list_inputs, read_input
from .schema import ddl
from .tasks import KINDS, extract_partition

log = logging.getLogger(__name__)

TABLES = ["articles", "entities", "positions", "events", "failures"]
STAGING = ".staging-"        # a run writes under out/.staging-<run> (hidden: Spark's readers skip it), then moves
RUN_FILE = "_RUN"            # in each published table: the id of the run that wrote it
SUMMARY = "_summary.json"    # written last: the id of the last finished run
STAT = ("pid int, host string, loads int, load_seconds double, seconds double, cpu_seconds double, "
        "articles int, peak_rss_mb double")
DEFAULT_CONF = {
    "spark.python.worker.reuse": "true",     # keeps the models loaded between tasks
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.parquet.compression.codec": "zstd",
}


# SESSION


def make_session(master: str | None = None, app_name: str = "depesha-batch",
                 conf: dict[str, str] | None = None) -> Any:
    """A SparkSession whose Python workers run this interpreter (on local masters) and reuse models.

    Without `master`: the one given to spark-submit, else `local[*]`. On a cluster, set
    PYSPARK_PYTHON to the packed environment's python (see docs/batch.md).
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError:  # pragma: no cover - the [spark] extra is missing
        raise ImportError("depesha batch needs the [spark] extra: pip install 'depesha[spark]'") from None
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ   # launched by spark-submit
    master = master or (None if submitted else "local[*]")
    if master and master.startswith("local"):
        os.environ["PYSPARK_PYTHON"] = sys.executable
        os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
        add_pythonpath(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    else:
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    for key, value in {**DEFAULT_CONF, **(conf or {})}.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("WARN")
    return session


def add_pythonpath(path: str) -> None:
    """Local workers import depesha from where the driver did, installed or not."""
    parts = [part for part in os.environ.get("PYTHONPATH", "").split(os.pathsep) if part]
    if path not in parts:
        os.environ["PYTHONPATH"] = os.pathsep.join([path, *parts])


def union_schema() -> Any:
    """`kind` plus one nullable column per kind of row (see `tasks.KINDS`)."""
    from pyspark.sql.types import StructType

    columns = {"articles": ddl("articles"), "entities": ddl("entities"), "positions": ddl("positions"),
               "events": ddl("events"), "failures": ddl("failures"), "skipped": ddl("failures"),
               "jsonl": None, "stat": STAT}
    parts = ["kind string"]
    for kind in KINDS:
        parts.append(f"`{kind}` string" if columns[kind] is None else f"`{kind}` struct<{columns[kind]}>")
    return StructType.fromDDL(", ".join(parts))


# JOB


@dataclass
class Summary:
    """What a batch run did: counts, time and the workers' figures."""

    inputs: int = 0
    processed: int = 0
    skipped: int = 0
    failed: int = 0
    entities: int = 0
    positions: int = 0
    events: int = 0
    seconds: float = 0.0           # from listing the inputs to the last write
    workers: int = 0               # distinct Python worker processes that ran extraction
    model_loads: int = 0           # pipelines built, summed over workers (one per worker expected)
    load_seconds: float = 0.0      # longest model load in a worker
    worker_seconds: float = 0.0    # extraction time summed over partitions
    busiest_seconds: float = 0.0   # extraction time of the busiest Python worker (the critical path)
    worker_cpu_seconds: float = 0.0  # CPU time of the Python workers (model loads included)
    peak_rss_mb: float = 0.0       # largest Python worker resident memory
    partitions: int = 0
    skip_reasons: dict[str, int] = field(default_factory=dict)
    fail_reasons: dict[str, int] = field(default_factory=dict)
    run: str = ""                  # the run's id, in each table's _RUN file

    @property
    def throughput(self) -> float:
        return self.processed / self.seconds if self.seconds else 0.0

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "throughput": round(self.throughput, 2)}


def run_batch(spark: Any, inputs: list[str], out: str, partitions: int | None = None,
              jsonl: bool = False, max_bytes: int = 1_000_000, russian_only: bool = False) -> Summary:
    """Extract every article under `inputs` and write the tables (Parquet) under `out`.

    Args:
        spark: a SparkSession, e.g. from `make_session`.
        inputs: files or directories of JSONL (.gz/.bz2), text/HTML and WARC files.
        out: output directory (local path or any Hadoop URL); tables are overwritten.
        partitions: extraction tasks; default 4 per core of the cluster.
        jsonl: also write the records as JSONL under `out/jsonl`.
        max_bytes: inputs (articles, JSONL lines, WARC payloads) larger than this fail.
        russian_only: skip articles with few Cyrillic letters (CC-NEWS is mostly other languages).

    Returns:
        The Summary, also written to `out/_summary.json` when `out` is a local path.
    """
    from pyspark import StorageLevel

    started = time.perf_counter()
    context = spark.sparkContext
    units = list_inputs(inputs)
    partitions = partitions or max(1, context.defaultParallelism * 4)
    rows = (
        context.parallelize(units, max(1, min(len(units), partitions)))
        .flatMap(lambda unit: read_input(unit[0], unit[1], max_bytes, russian_only))
        .repartition(partitions)
        .mapPartitions(lambda items: extract_partition(items, jsonl, russian_only))
    )
    frame = spark.createDataFrame(rows, union_schema(), verifySchema=False)
    frame = frame.persist(StorageLevel.MEMORY_AND_DISK)
    counts = {row["kind"]: row["count"] for row in frame.groupBy("kind").count().collect()}
    run = uuid.uuid4().hex
    staging = join(out, f"{STAGING}{run}")
    names = write_tables(frame, staging, jsonl)
    summary = summarize(frame, counts, len(units), partitions)
    summary.seconds = time.perf_counter() - started
    summary.run = run
    frame.unpersist()
    publish(spark, staging, out, names, run)
    write_summary(summary, out)
    return summary


def write_tables(frame: Any, out: str, jsonl: bool) -> list[str]:
    """Write every table under `out` (the run's staging directory); returns their names."""
    for table in TABLES:
        part = frame.where(frame.kind == table).select(f"`{table}`.*")
        if table == "failures":
            part = part.coalesce(1)
        part.write.mode("overwrite").parquet(join(out, table))
    if jsonl:
        frame.where(frame.kind == "jsonl").select("jsonl").write.mode("overwrite").text(join(out, "jsonl"))
    return [*TABLES, *(["jsonl"] if jsonl else [])]


def publish(spark: Any, staging: str, out: str, names: list[str], run: str) -> None:
    """Move a finished run's tables from its staging directory into `out` (renames: Hadoop's FileSystem, local or
    HDFS), each with a `_RUN` file naming the run. The table a run replaces is first moved into the staging directory,
    and deleted with it only when every new table is in place. A job killed before this leaves only a hidden staging
    directory beside the last finished run's tables; killed during it, the tables name two runs (`check_run` says so)
    and the replaced ones are still in the staging directory. Staging directories left by killed runs that began
    before this one are removed."""
    jvm = spark.sparkContext._jvm
    Path = jvm.org.apache.hadoop.fs.Path
    root = Path(out)
    fs = root.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    begun = fs.getFileStatus(Path(staging)).getModificationTime()
    fs.delete(Path(join(out, SUMMARY)), False)
    for name in names:
        stream = fs.create(Path(join(staging, name) + "/" + RUN_FILE), True)
        stream.write(bytearray(run.encode()))
        stream.close()
        target = Path(join(out, name))
        if fs.exists(target) and not fs.rename(target, Path(join(staging, f"replaced-{name}"))):
            raise RuntimeError(f"cannot move the old {join(out, name)} aside")
        if not fs.rename(Path(join(staging, name)), target):
            raise RuntimeError(f"cannot move {join(staging, name)} to {join(out, name)}")
    for status in fs.listStatus(root):  # this run's staging directory and those left by runs killed before it
        path = status.getPath()
        if path.getName().startswith(STAGING) and (path.getName() == f"{STAGING}{run}"
                                                   or status.getModificationTime() <= begun):
            fs.delete(path, True)


def check_run(out: str, names: list[str] = TABLES) -> str:
    """The run id of a local batch output whose tables all come from one finished run.

    Raises:
        RuntimeError: no finished run there, or tables of two runs (a job was killed while publishing).
    """
    root = out.removeprefix("file://")
    try:
        with open(os.path.join(root, SUMMARY), encoding="utf-8") as file:
            run = json.load(file).get("run", "")
    except (OSError, ValueError):
        raise RuntimeError(f"{out}: no finished batch run ({SUMMARY} missing or unreadable): run `depesha batch` again") from None
    for name in names:
        try:
            with open(os.path.join(root, name, RUN_FILE), encoding="utf-8") as file:
                found = file.read().strip()
        except OSError:
            found = ""
        if found != run:
            raise RuntimeError(f"{out}: table {name} is not from the last finished run (a job was killed while writing):"
                               " run `depesha batch` again")
    return run


def summarize(frame: Any, counts: dict[str, int], inputs: int, partitions: int) -> Summary:
    stats = [row.asDict() for row in frame.where(frame.kind == "stat").select("stat.*").collect()]
    working = [stat for stat in stats if stat["articles"]]
    return Summary(
        inputs=inputs, processed=counts.get("articles", 0), skipped=counts.get("skipped", 0),
        failed=counts.get("failures", 0), entities=counts.get("entities", 0),
        positions=counts.get("positions", 0), events=counts.get("events", 0),
        workers=len({(stat["host"], stat["pid"]) for stat in working}),
        model_loads=sum(stat["loads"] for stat in stats),
        load_seconds=max((stat["load_seconds"] for stat in stats), default=0.0),
        worker_seconds=sum(stat["seconds"] for stat in stats),
        busiest_seconds=busiest(stats),
        worker_cpu_seconds=sum(stat["cpu_seconds"] for stat in stats),
        peak_rss_mb=max((stat["peak_rss_mb"] for stat in stats), default=0.0),
        partitions=partitions,
        skip_reasons=reasons(frame, "skipped"), fail_reasons=reasons(frame, "failures"),
    )


def busiest(stats: list[dict[str, Any]]) -> float:
    per_worker: dict[tuple[str, int], float] = {}
    for stat in stats:
        key = (stat["host"], stat["pid"])
        per_worker[key] = per_worker.get(key, 0.0) + stat["seconds"]
    return max(per_worker.values(), default=0.0)


def reasons(frame: Any, kind: str, limit: int = 10) -> dict[str, int]:
    """The most frequent errors of one kind, first words only (ids stripped)."""
    from pyspark.sql import functions as F

    short = F.substring_index(F.col(f"`{kind}`.error"), ":", 1)
    rows = (frame.where(frame.kind == kind).groupBy(short.alias("reason")).count()
            .orderBy(F.desc("count")).limit(limit).collect())
    return {row["reason"]: row["count"] for row in rows}


def join(out: str, name: str) -> str:
    return f"{out.rstrip('/')}/{name}"


def write_summary(summary: Summary, out: str) -> None:
    """`_summary.json`, written last (a temporary file renamed): its run id marks the output finished."""
    if "://" in out and not out.startswith("file://"):
        return
    path = out.removeprefix("file://")
    os.makedirs(path, exist_ok=True)
    temporary = os.path.join(path, f".{SUMMARY}.tmp")
    with open(temporary, "w", encoding="utf-8") as file:
        json.dump(summary.as_json(), file, ensure_ascii=False, indent=2)
    os.replace(temporary, os.path.join(path, SUMMARY))
