"""`depesha eval events GOLD --out OUT`: run depesha on an event gold's documents and score them by EVENTS.md."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from .. import default_data_dir
from ..nerel.cli import progress
from .gold import GoldDoc, attach_texts, load_gold, resolve
from .score import format_table, score_doc, summarize

EXAMPLES = """examples:
  depesha eval events gold/events/gold.json --split test --out out/events
  depesha eval events gold/events/gold.json --texts ../shared/data --split tune --limit 50 --out out/events
  depesha eval events gold.json --texts rucoco=/data/rucoco-train.jsonl.gz --out out/events
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "events",
        help="score events between states on an event gold (../shared/EVENTS.md rules)",
        description="Run depesha on every document of an event gold file, print event recall (also one-to-one), "
        "precision over events with two or more states, false events in negative documents, date / mode / "
        "participant accuracy, people recall and per-category figures, and write OUT/report.json and "
        "OUT/predictions.jsonl.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("gold", type=Path, help="a gold file in the EVENTS.md format, e.g. gold/events/gold.json")
    parser.add_argument("--texts", type=Path, action="append", default=[],
                        help="where the corpora of the gold are: a folder the gold's corpus paths are under "
                        "(default ../shared/data), or NAME=PATH for one corpus; repeatable")
    parser.add_argument("--split", default="all", help="only documents of this split (test, tune; default all)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--out", type=Path, required=True, help="directory for report.json and predictions.jsonl")
    parser.set_defaults(func=run)


def select(docs: list[GoldDoc], split: str, limit: int | None) -> list[GoldDoc]:
    return [doc for doc in docs if split == "all" or doc.split == split][:limit]


def run(args: argparse.Namespace) -> int:
    from .run import predict

    if not args.gold.is_file():
        print(f"error: {args.gold}: no such gold file", file=sys.stderr)
        return 2
    corpora, docs = load_gold(args.gold)
    docs = select(docs, args.split, args.limit)
    if not docs:
        print(f"error: {args.gold}: no document in split {args.split!r}", file=sys.stderr)
        return 2
    missing = list(attach_texts(docs, resolve(corpora, args.texts or [default_data_dir()])))
    for line in missing:
        print(f"error: {line}", file=sys.stderr)
    docs = [doc for doc in docs if doc.text]
    if not docs:
        print(f"error: {args.gold}: no document's text was found; nothing to score", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.time()
    failed: list[str] = []
    counts: Counter[str] = Counter()
    with open(args.out / "predictions.jsonl", "w", encoding="utf-8") as out:
        for gold, pred in progress(predict(docs, failed), len(docs)):
            counts += score_doc(gold, pred)
            out.write(json.dumps({"doc": gold.id, "events": [vars(event) for event in pred.events]},
                                 ensure_ascii=False) + "\n")
    report = summarize(counts)
    seconds = time.time() - started
    print(format_table(report))
    print(f"{len(docs)} docs in {seconds:.1f}s; {len(missing)} without text, {len(failed)} failed")
    report.update(gold=str(args.gold), split=args.split, seconds=round(seconds, 1), missing=len(missing),
                  failed=failed)
    (args.out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 1 if missing or failed else 0
