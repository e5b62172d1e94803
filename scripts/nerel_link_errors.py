"""Error analysis of NEREL links: missed and false WORKS_AS / WORKPLACE links of a `depesha eval nerel` output.

    python scripts/nerel_link_errors.py ../shared/data/nerel-1.1/dev out/nerel [--relation WORKPLACE] [--show 40]

Each gold link is classed as found, both arguments found (a pairing miss, same sentence or not), or an argument
missed (which one, and its gold type); each false link as joining two found gold entities or not. Prints counts
and examples with the sentence text. Reads gold dev only: for tuning, not for reporting.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from depesha.eval.nerel.gold import BratDoc, BratEntity, load_split, parse_entity, parse_relation
from depesha.eval.nerel.score import overlaps


def load_pred(path: Path, gold: BratDoc) -> BratDoc:
    entities, relations = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            entities.append(parse_entity(line))
        elif line.startswith("R"):
            relations.append(parse_relation(line))
    return BratDoc(gold.id, gold.text, entities, relations)


def span(e: BratEntity) -> tuple[int, int]:
    return (e.start, e.stop)


def sentence(text: str, start: int, stop: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right = min([i for i in (text.find(". ", stop), text.find("\n", stop)) if i >= 0] or [len(text)])
    return " ".join(text[left:right + 1].split())


def found(entity: BratEntity, pred: BratDoc) -> BratEntity | None:
    return next((e for e in pred.entities if overlaps(span(e), span(entity))), None)


def classify(gold: BratDoc, pred: BratDoc, relation: str):
    ge = {e.id: e for e in gold.entities}
    pe = {e.id: e for e in pred.entities}
    plinks = [(pe[r.arg1], pe[r.arg2]) for r in pred.relations if r.type == relation]
    glinks = [(ge[r.arg1], ge[r.arg2]) for r in gold.relations if r.type == relation and r.arg1 in ge and r.arg2 in ge]
    misses, falses = [], []
    for a, b in glinks:
        if any(overlaps(span(a), span(x)) and overlaps(span(b), span(y)) for x, y in plinks):
            continue
        fa, fb = found(a, pred), found(b, pred)
        gap = gold.text[min(a.stop, b.stop):max(a.start, b.start)]
        where = "cross" if ("." in gap and len(gap) > 2) or "\n" in gap else "same"
        kind = f"both found ({where})" if fa and fb else f"arg1 {a.type} missed" if not fa else f"arg2 {b.type} missed"
        misses.append((kind, a, b, fa, fb))
    for x, y in plinks:
        if any(overlaps(span(a), span(x)) and overlaps(span(b), span(y)) for a, b in glinks):
            continue
        real = any(overlaps(span(e), span(x)) for e in gold.entities) and any(overlaps(span(e), span(y)) for e in gold.entities)
        falses.append(("between gold entities" if real else "a spurious entity", x, y))
    return misses, falses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path)
    parser.add_argument("pred", type=Path)
    parser.add_argument("--relation", default="WORKS_AS")
    parser.add_argument("--show", type=int, default=30)
    parser.add_argument("--kind", default="", help="show examples of this kind only (substring)")
    args = parser.parse_args()
    misses, falses = [], []
    for gold in load_split(args.gold):
        pred = load_pred(args.pred / f"{gold.id}.ann", gold)
        m, f = classify(gold, pred, args.relation)
        misses += [(gold, *x) for x in m]
        falses += [(gold, *x) for x in f]
    print(f"{args.relation}: {len(misses)} missed, {len(falses)} false")
    print("missed:", dict(Counter(x[1] for x in misses).most_common()))
    print("false:", dict(Counter(x[1] for x in falses).most_common()))
    random.seed(0)
    shown = [x for x in misses if args.kind in x[1]]
    for gold, kind, a, b, fa, fb in random.sample(shown, min(args.show, len(shown))):
        got = f" | found [{fa.text if fa else '-'}] [{fb.text if fb else '-'}]"
        print(f"- MISS {kind}: [{a.text}] -> [{b.text}]{got}\n    {sentence(gold.text, min(a.start, b.start), max(a.stop, b.stop))[:300]}")
    shown_f = [x for x in falses if args.kind in x[1]] if args.kind else falses
    for gold, kind, x, y in random.sample(shown_f, min(args.show // 2, len(shown_f))):
        print(f"- FALSE {kind}: [{x.text}] -> [{y.text}]\n    {sentence(gold.text, min(x.start, y.start), max(x.stop, y.stop))[:300]}")


if __name__ == "__main__":
    main()
