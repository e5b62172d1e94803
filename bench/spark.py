"""Benchmark of `depesha batch`: single process vs Spark local[1] and local[2] on a synthetic corpus.

    python bench/spark.py                     # 20,000 articles (about an hour on two free cores)
    python bench/spark.py --articles 2000     # a smaller run for a shared machine

Prints single-process articles/s, Spark local[1] and local[2] articles/s once started, the scaling
efficiency local[2] / (2 x local[1]), Spark's fixed start-up cost and peak memory per Python worker.
Throughput once started and the fixed cost come from two runs per master (a small and the full
corpus, each in a fresh session): T = fixed + articles / rate.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# PySpark runs its Python workers with OMP_NUM_THREADS = task cpus (1); the single-process run gets
# the same, or numpy's threads make it up to 3x slower on a busy machine (measured, docs/batch.md)
os.environ.setdefault("OMP_NUM_THREADS", "1")

from depesha import Article, extract_doc, make_pipeline  # noqa: E402
from depesha.read import Failure, load_articles  # noqa: E402

SOURCES = [ROOT / "samples", ROOT / "tests" / "data" / "batch"]
DAY = re.compile(r"\b([12]?\d) (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)")
FILES = 8


# CORPUS


def load_bases() -> list[Article]:
    paths = [str(path) for path in SOURCES if path.exists()]
    bases = [item for item in load_articles(paths) if not isinstance(item, Failure)]
    if not bases:
        raise SystemExit("no sample articles found under samples/ or tests/data/batch/")
    return bases


def first_paragraph(text: str) -> str:
    return next((part for part in text.split("\n\n") if len(part) > 80), text[:400])


def vary(bases: list[Article], index: int) -> dict:
    """Article `index`: a base text with its day numbers changed and another base's paragraph added."""
    base = bases[index % len(bases)]
    other = bases[(index * 7 + 3) % len(bases)]
    day = index % 28 + 1
    text = DAY.sub(lambda match: f"{day} {match.group(2)}", base.text)
    text = f"{text}\n\n{first_paragraph(other.text)}\n\nМатериал № {index}."
    return {"id": f"b{index}", "text": text, "published": base.published, "title": base.title, "url": base.url}


def write_corpus(folder: Path, bases: list[Article], count: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    files = [open(folder / f"part-{number}.jsonl", "w", encoding="utf-8") for number in range(FILES)]
    for index in range(count):
        files[index % FILES].write(json.dumps(vary(bases, index), ensure_ascii=False) + "\n")
    for file in files:
        file.close()
    return [str(folder)]


# MEASURE


def peak_rss_mb(pid: int | str = "self") -> float:
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:"))


def cpu_seconds(pid: int | str = "self") -> float:
    """User + system CPU time of a process so far (Linux)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def bench_single(paths: list[str], limit: int) -> dict:
    started = time.perf_counter()
    pipeline = make_pipeline()
    load = time.perf_counter() - started
    articles = [item for item in load_articles(paths) if not isinstance(item, Failure)][:limit]
    started, cpu = time.perf_counter(), cpu_seconds()
    for article in articles:
        extract_doc(article, pipeline).as_record()
    seconds = time.perf_counter() - started
    return {"articles": len(articles), "seconds": seconds, "rate": len(articles) / seconds, "load_seconds": load,
            "cpu_per_article": (cpu_seconds() - cpu) / len(articles), "peak_rss_mb": peak_rss_mb()}


def bench_spark_run(master: str, paths: list[str], out: str, partitions: int) -> dict:
    from depesha.batch import make_session, run_batch

    started = time.perf_counter()
    spark = make_session(master, "depesha-bench", {"spark.ui.enabled": "false", "spark.driver.memory": "1g"})
    session = time.perf_counter() - started
    try:
        jvm = spark.sparkContext._jvm.java.lang.ProcessHandle.current().pid()
        jvm_cpu = cpu_seconds(jvm)
        summary = run_batch(spark, paths, out, partitions)
        jvm_cpu = cpu_seconds(jvm) - jvm_cpu
        jvm_peak = peak_rss_mb(jvm)
    finally:
        spark.stop()
    total = time.perf_counter() - started
    return {"master": master, "articles": summary.processed, "failed": summary.failed, "session_seconds": session,
            "job_seconds": summary.seconds, "total_seconds": total, "workers": summary.workers,
            "worker_seconds": summary.worker_seconds, "busiest_seconds": summary.busiest_seconds,
            "worker_cpu_seconds": summary.worker_cpu_seconds, "jvm_cpu_seconds": jvm_cpu,
            "model_loads": summary.model_loads, "load_seconds": summary.load_seconds,
            "worker_peak_rss_mb": summary.peak_rss_mb, "jvm_peak_rss_mb": jvm_peak}


def start_jvm() -> float:
    """Start (and keep) the JVM once, so that every measured run starts only a SparkContext."""
    from depesha.batch import make_session, run_batch

    started = time.perf_counter()
    spark = make_session("local[1]", "depesha-bench-warmup", {"spark.ui.enabled": "false", "spark.driver.memory": "1g"})
    seconds = time.perf_counter() - started
    run_batch(spark, [str(ROOT / "tests" / "data" / "batch")], tempfile.mkdtemp(prefix="depesha-warmup-"), 2)
    spark.stop()   # the JVM stays, warmed up (classes loaded, JIT); each measured run starts a new context
    return seconds


def bench_spark(master: str, small: list[str], full: list[str], tmp: Path, partitions: int) -> dict:
    runs = [bench_spark_run(master, paths, str(tmp / f"out-{master[6]}-{name}"), partitions)
            for name, paths in (("small", small), ("full", full))]
    (first, second) = runs
    rate = (second["articles"] - first["articles"]) / (second["total_seconds"] - first["total_seconds"])
    fixed = first["total_seconds"] - first["articles"] / rate   # JVM start excluded (start_jvm)
    full_run = runs[1]
    worker_rate = full_run["articles"] / (full_run["busiest_seconds"] - full_run["load_seconds"])
    (small_run, _) = runs
    cpu = [run["worker_cpu_seconds"] + run["jvm_cpu_seconds"] for run in runs]
    cpu_per_article = (cpu[1] - cpu[0]) / (full_run["articles"] - small_run["articles"])
    return {"master": master, "rate": rate, "fixed_seconds": fixed, "runs": runs, "worker_rate": worker_rate,
            "cpu_per_article": cpu_per_article,
            "jvm_cpu_share": (runs[1]["jvm_cpu_seconds"] - runs[0]["jvm_cpu_seconds"]) / (cpu[1] - cpu[0]),
            "wall_rate": full_run["articles"] / full_run["total_seconds"],
            "worker_peak_rss_mb": max(run["worker_peak_rss_mb"] for run in runs),
            "jvm_peak_rss_mb": max(run["jvm_peak_rss_mb"] for run in runs)}


# REPORT


def report(args: argparse.Namespace, single: dict, spark: dict[str, dict]) -> str:
    one, two = spark["local[1]"], spark["local[2]"]
    peak = max(one["worker_peak_rss_mb"], two["worker_peak_rss_mb"])
    jvm = max(one["jvm_peak_rss_mb"], two["jvm_peak_rss_mb"])
    lines = [
        f"corpus: {args.articles:,} articles (small run {args.small:,}), {os.cpu_count()} cores visible,"
        f" load average {args.load_before:.1f} before, {os.getloadavg()[0]:.1f} after",
        f"single process:  {single['rate']:7.1f} articles/s  ({single['articles']:,} articles,"
        f" model load {single['load_seconds']:.1f} s, peak {single['peak_rss_mb']:.0f} MB)",
        "spark, once started (wall clock, T = fixed + N / rate from the small and the full run):",
        f"  local[1]: {one['rate']:7.1f} articles/s = {one['rate'] / single['rate']:.2f} x single  (target >= 0.9)",
        f"  local[2]: {two['rate']:7.1f} articles/s",
        f"  scaling efficiency local[2] / (2 x local[1]): {two['rate'] / (2 * one['rate']):.2f}  (target >= 0.85)",
        "spark, extraction inside the Python workers (busiest worker's time, model load excluded):",
        f"  local[1]: {one['worker_rate']:7.1f} articles/s = {one['worker_rate'] / single['rate']:.2f} x single",
        f"  local[2]: {two['worker_rate']:7.1f} articles/s, efficiency {two['worker_rate'] / (2 * one['worker_rate']):.2f}",
        "CPU time per article (Python workers + JVM, marginal; robust to other load on the machine):",
        f"  single {single['cpu_per_article'] * 1000:.0f} ms, local[1] {one['cpu_per_article'] * 1000:.0f} ms"
        f" (JVM {one['jvm_cpu_share']:.0%}), local[2] {two['cpu_per_article'] * 1000:.0f} ms"
        f" (JVM {two['jvm_cpu_share']:.0%})",
        f"  -> on dedicated cores: local[1] {single['cpu_per_article'] / one['cpu_per_article']:.2f} x single,"
        f" efficiency local[2] {one['cpu_per_article'] / two['cpu_per_article']:.2f}",
        f"spark, whole full run incl. start: local[1] {one['wall_rate']:.1f}, local[2] {two['wall_rate']:.1f} articles/s",
        f"fixed start-up cost: local[1] {one['fixed_seconds'] + args.jvm_seconds:.1f} s,"
        f" local[2] {two['fixed_seconds'] + args.jvm_seconds:.1f} s"
        f"  (JVM start {args.jvm_seconds:.1f} s, context start {one['runs'][1]['session_seconds']:.1f} s,"
        f" model load in a worker {one['runs'][1]['load_seconds']:.1f} s)",
        f"peak memory per Python worker: {peak:.0f} MB (target <= 600); driver+executor JVM (local mode): {jvm:.0f} MB",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20_000, help="corpus size (default 20,000)")
    parser.add_argument("--small", type=int, help="size of the small run (default 5%% of --articles)")
    parser.add_argument("--single", type=int, help="articles for the single-process run (default all)")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    parser.add_argument("--keep", help="build the corpus and outputs here and keep them")
    args = parser.parse_args(argv)
    args.small = args.small or max(40, args.articles // 20)
    args.load_before = os.getloadavg()[0]
    tmp = Path(args.keep or tempfile.mkdtemp(prefix="depesha-bench-"))
    bases = load_bases()
    full = write_corpus(tmp / "full", bases, args.articles)
    small = write_corpus(tmp / "small", bases, args.small)
    print(f"{len(bases)} base articles varied into {args.articles:,}; working in {tmp}", file=sys.stderr)
    single = bench_single(full, args.single or args.articles)
    print(f"single process: {single['rate']:.1f} articles/s", file=sys.stderr)
    args.jvm_seconds = start_jvm()
    spark = {}
    for master, partitions in (("local[1]", 4), ("local[2]", 8)):
        spark[master] = bench_spark(master, small, full, tmp, partitions)
        print(f"{master}: {spark[master]['rate']:.1f} articles/s", file=sys.stderr)
    print(report(args, single, spark))
    if args.json:
        Path(args.json).write_text(json.dumps({"articles": args.articles, "small": args.small, "single": single,
                                               "jvm_seconds": args.jvm_seconds, "spark": spark}, indent=2),
                                    encoding="utf-8")
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
