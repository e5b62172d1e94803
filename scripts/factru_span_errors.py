"""Track 1 span errors on a factRuEval folder: every false positive, miss and partial match of the chosen tags.

    python scripts/factru_span_errors.py GOLD_DIR RESPONSE_DIR [--tags per org] [-l] [--below 1.0]

Reads the `.task1` files written by `depesha eval factru` (and the gold in place). A line is
`KIND doc tag quality «response» «gold»` with KIND one of FP (a response no gold took), FN (a scored gold no
response took), PART (a pair of quality below --below); a FP that overlaps a gold mention of another tag
shows that mention as `other=tag«text»` (a mistyped entity).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from depesha.eval.factru.gold import GoldDoc, list_docs, load_doc, read_lines
from depesha.eval.factru.score_t1 import T1Entity, match_doc, parse_task1, quality


def text_of(doc: GoldDoc, entity: T1Entity) -> str:
    tokens = [token for token in doc.tokens if token.id in entity.tokens]
    return " ".join(token.text for token in sorted(tokens, key=lambda t: t.start))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("gold")
    parser.add_argument("response")
    parser.add_argument("--tags", nargs="*", default=["per", "org"])
    parser.add_argument("-l", action="store_true", help="locorg as loc")
    parser.add_argument("--below", type=float, default=1.0, help="list pairs of quality below this")
    args = parser.parse_args()
    counts: Counter[str] = Counter()
    for name in list_docs(args.gold):
        doc = load_doc(args.gold, name)
        path = Path(args.response) / f"{name}.task1"
        items = parse_task1(read_lines(path), name) if path.exists() else []
        golds, guesses, pairs = match_doc(doc, items, args.l)
        gold_of = {j: i for i, j in pairs}
        taken = {i for i, _ in pairs}
        for j, guess in enumerate(guesses):
            if guess.tag not in args.tags:
                continue
            if j not in gold_of:
                other = [g for g in golds if g.tokens & guess.tokens and not g.ignored]
                note = " ".join(f"other={g.tag}«{text_of(doc, g)}»" for g in other)
                print(f"FP\t{name}\t{guess.tag}\t0\t«{text_of(doc, guess)}»\t{note}")
                counts[f"FP {guess.tag}"] += 1
                continue
            gold = golds[gold_of[j]]
            value = quality(gold, guess)
            if not gold.ignored and value < args.below:
                print(f"PART\t{name}\t{guess.tag}\t{value:.2f}\t«{text_of(doc, guess)}»\t«{text_of(doc, gold)}»")
                counts[f"PART {guess.tag}"] += 1
                counts[f"PART-loss {guess.tag}"] += round(1 - value, 2)  # type: ignore[assignment]
        for i, gold in enumerate(golds):
            if gold.tag in args.tags and not gold.ignored and i not in taken:
                other = [g for g in guesses if g.tokens & gold.tokens]
                note = " ".join(f"other={g.tag}«{text_of(doc, g)}»" for g in other)
                print(f"FN\t{name}\t{gold.tag}\t0\t\t«{text_of(doc, gold)}» {note}")
                counts[f"FN {gold.tag}"] += 1
    for key, value in sorted(counts.items()):
        print(f"# {key}: {value}")


if __name__ == "__main__":
    main()
