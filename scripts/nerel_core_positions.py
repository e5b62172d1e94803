"""How often the core's rule-based positions agree with NEREL gold: the person → title (WORKS_AS) and title →
organisation (WORKPLACE) links that `depesha.eval.nerel.positions.supported` derives from `doc.positions`.

    python scripts/nerel_core_positions.py ../shared/data/nerel-1.1/train [--show 40] [--limit N]

Runs the whole pipeline on each text, maps the stated links to raw offsets and counts those whose arguments overlap
the arguments of a gold link of the same type; `--show` prints that many wrong WORKS_AS links with their sentence.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import depesha
from depesha.eval.nerel.gold import load_split
from depesha.eval.nerel.positions import supported
from depesha.eval.nerel.score import overlaps
from depesha.eval.offsets import OffsetMap
from depesha.extractors.relations_model import load, split_lines


def raw_span(table: OffsetMap | None, start: int, stop: int) -> tuple[int, int]:
    """Offsets in the cleaned text -> offsets in the raw NEREL text."""
    return (table.start(start), table.stop(stop)) if table else (start, stop)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("split", type=Path, help="a NEREL folder of .txt/.ann pairs")
    parser.add_argument("--show", type=int, default=0, help="print this many wrong WORKS_AS links")
    parser.add_argument("--limit", type=int, default=None, help="read only the first N texts")
    args = parser.parse_args(argv)
    model = load()
    counts: Counter[tuple[str, bool]] = Counter()
    wrong = []
    for number, gold in enumerate(load_split(args.split)):
        if args.limit is not None and number >= args.limit:
            break
        doc = split_lines(depesha.extract_doc(depesha.Article(text=gold.text)))
        table = OffsetMap(doc.text, gold.text) if doc.text != gold.text else None
        entities = {entity.id: entity for entity in gold.entities}
        for relation, a, b in supported(doc, model.mentions(doc)):
            links = [((entities[r.arg1].start, entities[r.arg1].stop), (entities[r.arg2].start, entities[r.arg2].stop))
                     for r in gold.relations if r.type == relation and r.arg1 in entities and r.arg2 in entities]
            arg1, arg2 = raw_span(table, a.start, a.stop), raw_span(table, b.start, b.stop)
            right = any(overlaps(arg1, x) and overlaps(arg2, y) for x, y in links)
            counts[relation, right] += 1
            if not right and relation == "WORKS_AS":
                sent = doc.sents[a.sent]
                wrong.append(f"{doc.text[a.start:a.stop]} <- {doc.text[b.start:b.stop]} | "
                             f"{' '.join(doc.text[sent.start:sent.stop].split())[:160]}")
    for relation in ("WORKS_AS", "WORKPLACE"):
        right, total = counts[relation, True], counts[relation, True] + counts[relation, False]
        print(f"{relation}: {right} of {total} stated links right ({right / max(total, 1):.1%})")
    for line in wrong[:args.show]:
        print("  wrong:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
