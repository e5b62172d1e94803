"""`depesha eval coref CORPUS --split test --out OUT`: chains on RuCoCo scored by LEA and CoNLL, beside two baselines."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from ...doc import Doc
from ..nerel.cli import progress
from .corpus import CorefDoc, default_corpus, read_corpus
from .split import SPLITS

EXAMPLES = """examples:
  depesha eval coref ../shared/data/rucoco/rucoco-train.jsonl.gz --split test --out out/coref
  depesha eval coref ../shared/data/rucoco/rucoco-train.jsonl.gz --split dev --limit 50 --out out/coref
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "coref",
        help="score coreference chains on RuCoCo (LEA, MUC, B3, CEAF-e, CoNLL) against two baselines",
        description="Annotate every document of a RuCoCo split with depesha's natasha stage, build chains with the "
        "shipped coreference model and with two baselines (names with the same text; mentions with the same head "
        "lemma), and print LEA, MUC, B3, CEAF-e and CoNLL F1 for each (micro-averaged, exact span match). "
        "Writes OUT/report.json and OUT/chains.jsonl. The split is fixed by document id: train, dev, test "
        "(sealed: the model and its threshold were chosen without it).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("corpus", type=Path, nargs="?", default=default_corpus(),
                        help="RuCoCo JSON lines, gzip or plain (default ../shared/data/rucoco/rucoco-train.jsonl.gz)")
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="test", help="which documents (default test)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents of the split")
    parser.add_argument("--out", type=Path, required=True, help="directory for report.json and chains.jsonl")
    parser.set_defaults(func=run)


def annotated(docs: list[CorefDoc], failed: list[str]) -> Iterator[tuple[Doc, list[list[tuple[int, int]]]]]:
    from ...stages import annotator

    for gold in progress(docs, len(docs)):
        try:
            doc = annotator()(Doc(text=gold.text, language="ru"))
        except Exception as error:  # noqa: BLE001 - one bad document must not end the run
            print(f"error: {gold.id}: {type(error).__name__}: {error}", file=sys.stderr)
            failed.append(gold.id)
            continue
        doc.id = gold.id
        yield doc, gold.chains


def format_table(report: dict[str, dict[str, dict[str, float]]]) -> str:
    lines = [f"{'system':<12} {'LEA R':>6} {'LEA P':>6} {'LEA F1':>7} {'MUC F1':>7} {'B3 F1':>6} {'CEAFe F1':>8} "
             f"{'CoNLL F1':>8}"]
    for name, m in report.items():
        lines.append(f"{name:<12} {m['lea']['recall']:>6.3f} {m['lea']['precision']:>6.3f} {m['lea']['f1']:>7.3f} "
                     f"{m['muc']['f1']:>7.3f} {m['b3']['f1']:>6.3f} {m['ceafe']['f1']:>8.3f} {m['conll']['f1']:>8.3f}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from .run import SYSTEMS, evaluate

    if not args.corpus.is_file():
        print(f"error: {args.corpus}: no such corpus file", file=sys.stderr)
        return 2
    try:
        docs = list(read_corpus(args.corpus, None if args.split == "all" else args.split, args.limit))
    except (OSError, ValueError, EOFError) as error:
        print(f"error: {args.corpus}: {error}", file=sys.stderr)
        return 2
    if not docs:
        print(f"error: {args.corpus}: no document in split {args.split!r}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.time()
    failed: list[str] = []
    pairs = list(annotated(docs, failed))
    report = evaluate(pairs)
    with open(args.out / "chains.jsonl", "w", encoding="utf-8") as out:
        for doc, _ in pairs:
            out.write(json.dumps({"id": doc.id, "chains": SYSTEMS["model"](doc)}) + "\n")
    seconds = time.time() - started
    print(format_table(report))
    print(f"{len(pairs)} docs of split {args.split} in {seconds:.1f}s; {len(failed)} failed")
    summary = {"corpus": str(args.corpus), "split": args.split, "docs": len(pairs), "failed": len(failed),
               "seconds": round(seconds, 1), "systems": report}
    (args.out / "report.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 1 if failed else 0
