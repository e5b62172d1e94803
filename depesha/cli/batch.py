"""`depesha batch`: extract large archives on Apache Spark into Parquet (and JSONL), optionally load them."""

from __future__ import annotations

import argparse
import sys

EPILOG = """\
examples:
  depesha batch samples/ --out out/batch
  depesha batch feed.jsonl.bz2 CC-NEWS-*.warc.gz --out out/ccnews --partitions 64 --jsonl --russian-only
  depesha batch archive/ --out out/a --load sqlite:///depesha.db
  spark-submit --master yarn --archives depesha-env.tar.gz#env ... \\
      "$(python -m depesha.batch.submit --path)" /data/news/ --out hdfs:///depesha/out   (docs/batch.md)

outputs under --out: articles/ entities/ positions/ events/ failures/ (Parquet), jsonl/ (with --jsonl),
_summary.json. A record that fails is written to failures/ with its input id and error; the job goes on.
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "batch",
        help="extract many articles on Apache Spark (local or cluster) into Parquet",
        description="Read JSONL (.gz/.bz2), text/HTML directories and WARC files, extract every article "
        "with the natasha models loaded once per Python worker, and write Parquet tables.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    group = parser.add_argument_group("input / output")
    group.add_argument("inputs", nargs="+", metavar="INPUT", help="files or directories")
    group.add_argument("--out", required=True, help="output directory (overwritten table by table)")
    group.add_argument("--jsonl", action="store_true", help="also write the records as JSONL under OUT/jsonl")
    group.add_argument("--load", metavar="URL", help="then load the records into the store at URL (idempotent)")
    group.add_argument("--max-bytes", type=int, default=1_000_000, help="largest article or JSONL line")
    group.add_argument("--russian-only", action="store_true",
                       help="skip articles that are not mostly Cyrillic (e.g. for CC-NEWS, all languages mixed)")
    group = parser.add_argument_group("spark")
    group.add_argument("--master", help="local[*] (default; under spark-submit: its --master), spark://..., yarn, k8s://...")
    group.add_argument("--partitions", type=int, help="extraction tasks (default: 4 per core)")
    group.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE", help="extra Spark setting")
    parser.set_defaults(func=handle_batch)


def parse_conf(pairs: list[str]) -> dict[str, str]:
    conf = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise SystemExit(f"depesha batch: --conf expects KEY=VALUE, got {pair!r}")
        conf[key.strip()] = value.strip()
    return conf


def format_summary(summary) -> str:
    lines = [
        f"processed {summary.processed:,}  skipped {summary.skipped:,}  failed {summary.failed:,}"
        f"  (inputs {summary.inputs:,})",
        f"entities {summary.entities:,}  positions {summary.positions:,}  events {summary.events:,}",
        f"time {summary.seconds:.1f} s  throughput {summary.throughput:.1f} articles/s"
        f"  partitions {summary.partitions}",
        f"workers {summary.workers}  model loads {summary.model_loads}  load {summary.load_seconds:.1f} s"
        f"  peak worker memory {summary.peak_rss_mb:.0f} MB",
    ]
    for title, reasons in (("skipped", summary.skip_reasons), ("failed", summary.fail_reasons)):
        lines += [f"  {title}: {count:,} {reason}" for reason, count in reasons.items()]
    return "\n".join(lines)


def handle_batch(args: argparse.Namespace) -> int:
    from depesha import DepeshaError

    try:
        from depesha.batch import load_records, make_session, read_records, run_batch
    except ImportError as error:
        print(f"depesha batch: {error}", file=sys.stderr)
        return 2
    spark = make_session(args.master, conf=parse_conf(args.conf))
    try:
        summary = run_batch(spark, args.inputs, args.out, args.partitions, args.jsonl, args.max_bytes,
                            args.russian_only)
        print(format_summary(summary))
        if args.load:
            try:
                loaded = load_records(args.load, read_records(spark, args.out))
            except (RuntimeError, DepeshaError) as error:
                print(f"depesha batch: {error}", file=sys.stderr)
                return 2
            print(f"loaded into {args.load}: stored {loaded.stored:,}  already there {loaded.skipped:,}"
                  f"  failed {loaded.failed:,}")
    finally:
        spark.stop()
    return 0 if summary.processed or not summary.failed else 1
