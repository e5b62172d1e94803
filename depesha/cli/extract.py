"""`depesha extract`: articles in, one JSON record (or PLOVER events, or CSV rows) per article out."""

from __future__ import annotations

import argparse
import json
import sys
from itertools import chain, islice
from typing import Any

from .common import Summary, add_input_options, extract_record, progress

EPILOG = """\
examples:
  depesha extract samples/01-*.txt --format json      one article, pretty JSON
  depesha extract samples/ > records.jsonl             a directory, one record per line
  depesha extract feed.jsonl --format plover           PLOVER events, one per line
  cat article.txt | depesha extract -                  standard input
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract", help="extract records from articles (text, HTML, JSONL, directories, stdin)",
        description="Read articles and print what depesha finds in each: the article's metadata, people with "
        "their positions, organisations, countries and events, every fact with character offsets.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (recursive) or - for stdin")
    parser.add_argument("--format", choices=["json", "jsonl", "plover", "csv"], default=None,
                        help="json: pretty (default for one input); jsonl: one record per line (default for "
                        "several); plover: PLOVER event lines; csv: one row per event")
    add_input_options(parser)
    parser.set_defaults(func=run)


def emit(record: dict[str, Any], fmt: str, first: bool) -> None:
    if fmt == "json":
        print(json.dumps(record, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        print(json.dumps(record, ensure_ascii=False))
    elif fmt == "plover":
        from ..export.plover import format_plover

        for row in format_plover(record):
            print(json.dumps(row, ensure_ascii=False))
    else:
        from ..export.csv import format_csv

        sys.stdout.write(format_csv([record], header=first))


def run(args: argparse.Namespace) -> int:
    from .. import make_pipeline
    from ..read import Failure, load_articles

    items = load_articles(args.paths, max_bytes=args.max_bytes)      # streamed: one article in memory at a time
    first = list(islice(items, 2))
    fmt = args.format or ("json" if len(first) == 1 else "jsonl")
    summary = Summary()
    pipeline = make_pipeline()
    for item in progress(chain(first, items), "extract"):
        if isinstance(item, Failure):
            summary.fail(item.source, item.reason)
            continue
        record = extract_record(item, pipeline, summary.fail)
        if record is None:
            continue
        emit(record, fmt, summary.ok == 0)
        summary.ok += 1
    return summary.report()
