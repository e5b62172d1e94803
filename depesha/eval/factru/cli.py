"""`depesha eval factru DIR --out OUT`: run depesha on factRuEval-2016, write and score the responses."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

EPILOG = """examples:
  depesha eval factru ../shared/data/factrueval-2016/devset --out out/factru
  depesha eval factru ../shared/data/factrueval-2016/devset --out out/factru --limit 10 -l
  depesha eval factru ../shared/data/factrueval-2016/devset --out out/factru --score-only -m
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "factru", help="factRuEval-2016 track 1 (NER) and track 3 (facts)", epilog=EPILOG,
        description="Write book_N.task1 / book_N.task3 for every document of DIR into OUT, score them "
                    "and save OUT/report.json.", formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("gold", metavar="DIR", help="a gold folder: devset/ or testset/")
    parser.add_argument("--out", required=True, help="response folder (created)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("-l", dest="locorg_as_loc", action="store_true", help="print track 1 with locorg merged into loc only")
    parser.add_argument("-m", dest="hard", action="store_true", help="print track 3 in the hard mode only")
    parser.add_argument("--score-only", action="store_true", help="score the responses already in OUT")
    parser.add_argument("--core-only", action="store_true",
                        help="map the core's Doc as is, without depesha.eval's span and fact refinements")
    parser.add_argument("--cache", default=None, help="pickle extracted Docs here and reuse them (development aid)")
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    from .eval import score_folder
    from .gold import list_docs, load_gold
    from .run import write_responses

    gold = Path(args.gold)
    if not gold.is_dir() or not list_docs(gold):
        print(f"error: {gold} holds no book_N.txt")
        return 2
    if not args.score_only:
        failed = write_responses(gold, args.out, args.limit, args.cache, refine=not args.core_only)
        if failed:
            print(f"warning: {len(failed)} documents failed and got empty responses: {' '.join(failed)}")
    report = score_folder(load_gold(gold, args.limit), args.out, gold)
    for error_doc, errors in report["gold_errors"].items():
        print(f"WARNING: gold {error_doc}: {'; '.join(errors)}")
    keys = [("t1_l" if args.locorg_as_loc else "t1"), ("t3_m" if args.hard else "t3")]
    if not (args.locorg_as_loc or args.hard):
        keys = ["t1", "t1_l", "t3", "t3_m"]
    for key in keys:
        print(report["tables"][key], end="\n\n")
    path = Path(args.out) / "report.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"report: {path}")
    return 0
