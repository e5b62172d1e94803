"""`depesha eval nerel DIR --out OUT`: run depesha on a NEREL split, write BRAT `.ann` files, score them."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from .gold import BratDoc, format_ann, load_split
from .score import format_report, format_table, score_docs

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "nerel",
        help="score entities and relations on NEREL (BRAT) end to end",
        description="Run depesha on every .txt of a NEREL split, write predictions as BRAT .ann into OUT, "
        "print P/R/F1 per entity and relation type (relaxed: spans overlap; strict: exact) and write OUT/report.json.",
    )
    parser.add_argument("dir", type=Path, help="a NEREL split, e.g. ../shared/data/nerel-1.1/dev")
    parser.add_argument("--out", type=Path, required=True, help="directory for the .ann predictions and report.json")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents (in name order)")
    parser.set_defaults(func=run)


def progress(items: Iterable, total: int) -> Iterable:
    """A tqdm bar on a terminal, the plain iterable otherwise."""
    if not sys.stderr.isatty():
        return items
    try:
        from tqdm import tqdm
    except ImportError:
        return items
    return tqdm(items, total=total, unit="doc")


def predict_docs(golds: list[BratDoc], stats: dict[str, int]) -> Iterator[tuple[BratDoc, BratDoc]]:
    """(gold, prediction) for every document; a failing document yields an empty prediction."""
    from .run import run_doc

    for gold in progress(golds, len(golds)):
        try:
            entities, relations = run_doc(gold.text, stats)
        except Exception as error:  # noqa: BLE001 - one bad document must not stop the evaluation
            log.warning("%s: discarding prediction: %s", gold.id, error)
            stats["failed"] = stats.get("failed", 0) + 1
            entities, relations = [], []
        yield gold, BratDoc(gold.id, gold.text, entities, relations)


def run(args: argparse.Namespace) -> int:
    if not args.dir.is_dir():
        print(f"not a directory: {args.dir}", file=sys.stderr)
        return 2
    golds = list(load_split(args.dir, args.limit))
    if not golds:
        print(f"error: {args.dir} holds no NEREL document (a .txt with its .ann)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    stats: dict[str, int] = {"docs": len(golds)}
    started = time.time()
    pairs = []
    for gold, guess in predict_docs(golds, stats):
        (args.out / f"{gold.id}.ann").write_text(format_ann(guess.entities, guess.relations), encoding="utf-8")
        pairs.append((gold, guess))
    seconds = time.time() - started
    scores = score_docs(pairs)
    print(format_table(scores))
    print(f"{len(golds)} docs in {seconds:.1f}s; " + ", ".join(f"{k} {v}" for k, v in stats.items() if k != "docs"))
    report = {"split": str(args.dir), "stats": stats, "seconds": round(seconds, 1), "scores": format_report(scores)}
    (args.out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0
