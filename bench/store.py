"""Store benchmark (not a test): synthetic corpus -> ingest throughput, store size, query latencies.

    .venv/bin/python bench/store.py                       # 100,000 articles into ./bench-store.db (--bulk)
    .venv/bin/python bench/store.py --per-article          # the same without --bulk
    .venv/bin/python bench/store.py --no-parallel          # --bulk in one process
    .venv/bin/python bench/store.py --articles 20000 --pg postgresql://postgres@127.0.0.1:5432/bench
    .venv/bin/python bench/store.py --extract 40          # also time extraction + ingest of real samples
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from depesha.cli.store import load_records  # noqa: E402
from depesha.errors import StoreError  # noqa: E402
from depesha.store import Summary, open_store  # noqa: E402
from depesha.store.filters import EventFilter  # noqa: E402
from depesha.store.fixtures import PEOPLE, iter_corpus  # noqa: E402
from depesha.store.link import link_followups  # noqa: E402
from depesha.store.queries import fetch, find_events, find_people, search, stats  # noqa: E402

WORDS = ["визит", "климат", "парламентский", "сотрудничество", "искусственный интеллект", "миграция",
         "регулярный встреча", "здравоохранение"]


# INGEST


def write_corpus(path: str, articles: int, seed: int) -> float:
    """The synthetic records as JSONL (what `depesha extract` writes); returns the seconds it took (not counted)."""
    started = time.perf_counter()
    with open(path, "w", encoding="utf-8") as file:
        for record in iter_corpus(articles, seed=seed):
            file.write(json.dumps(record, ensure_ascii=False) + "\n")
    return time.perf_counter() - started


def children_cpu() -> float:
    """CPU seconds of this process's finished child processes (the worker and the SQL writer of --parallel)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def ingest(url: str, corpus: str, batch: int, bulk: bool, parallel: bool | None) -> dict[str, Any]:
    """`depesha ingest --records [--bulk [--no-parallel]]` of the JSONL corpus, timed from reading to the closed
    store (the follow-up pass timed apart)."""
    store = open_store(url)

    started, cpu, children = time.perf_counter(), time.process_time(), children_cpu()
    writer = store.writer(batch=batch, bulk=bulk, parallel=parallel)
    summary = writer.add_all(load_records([corpus], Summary()))  # the lines as `ingest --records` reads them
    ingest_seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu
    started = time.perf_counter()
    links = link_followups(writer)
    link_seconds = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    writer.close()  # what the writer left for the end (the log copied into the file) counts as ingest
    ingest_seconds += time.perf_counter() - started
    cpu_seconds += time.process_time() - cpu
    children = children_cpu() - children
    with store.read() as conn:
        events = fetch(conn, "SELECT count(*) FROM events")[0][0]
        clusters = fetch(conn, "SELECT count(*) FROM clusters")[0][0]
    store.close()
    return {"stored": summary.stored, "duplicates": summary.duplicates, "failed": summary.failed, "reports": events,
            "events": clusters, "followups": links, "seconds": ingest_seconds, "rate": summary.stored / ingest_seconds,
            "cpu_rate": summary.stored / cpu_seconds, "link_seconds": link_seconds,
            "main_us": cpu_seconds / summary.stored * 1e6, "children_us": children / summary.stored * 1e6,
            "mode": ("bulk, parallel" if writer.parallel else "bulk") if bulk else "per article",
            "peak_mb": peak_rss_mb()}


def peak_rss_mb() -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:"))


def extract_and_ingest(url: str, count: int) -> tuple[float, int]:
    """Articles/s of the whole path: read, extract with the core pipeline, store (real sample texts)."""
    from depesha import Article, extract_doc, make_pipeline

    samples = sorted((ROOT / "samples").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in samples]
    pipeline = make_pipeline()
    extract_doc(Article(text=texts[0]), pipeline)  # models loaded before the clock starts
    store = open_store(url)
    started = time.perf_counter()
    failed = 0
    with store.writer() as writer:
        for index in range(count):
            text = texts[index % len(texts)] + f"\n\n(копия {index})"   # a new article each time
            try:
                writer.add(extract_doc(Article(text=text, source=f"bench/{index}"), pipeline).as_record(), raw=text)
            except StoreError as error:  # counted, as `depesha ingest` does
                failed += 1
                print(f"refused: {samples[index % len(samples)].name}: {error}", file=sys.stderr)
    store.close()
    return count / (time.perf_counter() - started), failed


# QUERIES


def size_of(url: str) -> int:
    if url.startswith("postgresql"):
        store = open_store(url)
        with store.read() as conn:
            return fetch(conn, "SELECT pg_database_size(current_database())")[0][0]
    return sum(os.path.getsize(url + suffix) for suffix in ("", "-wal") if os.path.exists(url + suffix))


def latency(run: Callable[[], Any], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def queries(url: str, repeat: int, seed: int) -> dict[str, tuple[float, float]]:
    rng = random.Random(seed)
    store = open_store(url)
    codes = ["KZ", "MX", "RU", "CN", "TR", "UZ", "DE", "FR", "IN", "BR", "JP", "KG"]
    with store.read() as conn:
        names = [row[0] for row in fetch(conn, "SELECT name FROM entities WHERE type = 'person' AND articles > 1"
                                               " ORDER BY id LIMIT 2000")] or [p.name for p in PEOPLE]
        def pair_year() -> Any:  # one calendar year of a random pair
            year = rng.randint(2019, 2025)
            return find_events(conn, EventFilter(countries=rng.sample(codes, 2), since=f"{year}",
                                                 until=f"{year}").check(), limit=100)

        cases = {
            "events of a country pair over a year": pair_year,
            "a person's history (people NAME)": lambda: find_people(conn, rng.choice(names)),
            "full-text search": lambda: search(conn, rng.choice(WORDS), limit=20),
            "stats page": lambda: stats(conn),
            "events of a person, any spelling": lambda: find_events(conn, EventFilter(
                person=rng.choice(names)).check(), limit=50),
        }
        results = {name: latency(run, repeat) for name, run in cases.items()}
    store.close()
    return results


# MAIN


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000, help="synthetic articles (default 100,000)")
    parser.add_argument("--db", default="bench-store.db", help="SQLite file to create (removed first)")
    parser.add_argument("--pg", help="also benchmark this (empty) PostgreSQL database")
    parser.add_argument("--batch", type=int, default=5000, help="articles per transaction (as ingest --bulk)")
    parser.add_argument("--per-article", action="store_true", help="ingest without --bulk (indexes queried in SQL)")
    parser.add_argument("--parallel", action=argparse.BooleanOptionalAction, default=None,
                        help="--bulk with a worker and a writer process (default: on with 2 or more cores)")
    parser.add_argument("--repeat", type=int, default=100, help="runs of each query")
    parser.add_argument("--extract", type=int, default=0, metavar="N", help="also time extract+ingest of N samples")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--queries-only", action="store_true", help="time the queries of an existing store")
    args = parser.parse_args(argv)

    targets = [("sqlite", args.db)] + ([("postgresql", args.pg)] if args.pg else [])
    corpus = args.db + ".records.jsonl"
    if not args.queries_only:
        seconds = write_corpus(corpus, args.articles, args.seed)
        print(f"{args.articles:,} synthetic records written to {corpus} in {seconds:.0f} s (not counted below)")
    for name, url in targets:
        print(f"\n## {name}: {args.articles:,} articles")
        if name == "sqlite" and not args.queries_only:
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(url + suffix):
                    os.remove(url + suffix)
        if not args.queries_only:
            report_ingest(ingest(url, corpus, args.batch, not args.per_article, args.parallel))
        print(f"store size: {size_of(url) / 1e6:,.0f} MB")
        print("| query | p50 ms | p95 ms |\n|---|---|---|")
        for query, (p50, p95) in queries(url, args.repeat, args.seed).items():
            print(f"| {query} | {p50:.1f} | {p95:.1f} |")
    if args.extract:
        url = args.db + ".extract.db"
        if os.path.exists(url):
            os.remove(url)
        rate, failed = extract_and_ingest(url, args.extract)
        print(f"\nextract + ingest (real samples): {rate:,.1f} articles/s ({failed} refused)")
    return 0


def report_ingest(result: dict[str, Any]) -> None:
    print(f"ingest of pre-extracted records ({result['mode']}): {result['rate']:,.0f} articles/s "
          f"({result['seconds']:.1f} s, peak {result['peak_mb']:,.0f} MB), "
          f"CPU per article {result['main_us']:,.0f} µs in the main process + {result['children_us']:,.0f} µs in "
          f"worker/writer processes; "
          f"{result['duplicates']:,} near-duplicates, {result['reports']:,} event reports in "
          f"{result['events']:,} events; follow-up pass {result['link_seconds']:.1f} s, "
          f"{result['followups']:,} links")


if __name__ == "__main__":
    sys.exit(main())
