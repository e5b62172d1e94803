"""Follow-up links of commitments against labelled pairs (gold/followups/pairs.jsonl): each pair is a commitment
report and a later report, labelled whether the later act fulfils the commitment; depesha stores both in a fresh
store, runs the follow-up pass and is right when it links them exactly when the label says so.

    PYTHONPATH=. python -m depesha.eval.followups [gold/followups/pairs.jsonl]
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

GOLD = Path(__file__).resolve().parents[2] / "gold" / "followups" / "pairs.jsonl"


def read_pairs(path: Path = GOLD) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def linked(pair: dict[str, Any]) -> tuple[bool, list[str]]:
    """Whether depesha links an event of the commitment report to a later event of the second report, and the
    rules of those links."""
    import depesha
    from depesha.store import open_store
    from depesha.store.link import link_followups

    first = depesha.extract(pair["commitment"], source=f"{pair['id']}-commitment", published=pair["commitment_date"])
    second = depesha.extract(pair["later"], source=f"{pair['id']}-later", published=pair["later_date"])
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "pair.db"))
        try:
            with store.writer() as writer:
                writer.add_many([first, second])
            with store.writer() as writer:
                link_followups(writer)
            with store.read() as conn:
                from depesha.store.queries import fetch

                rows = fetch(conn, "SELECT f.rule, ca.id, cb.id FROM followups f"
                                   " JOIN events a ON a.cluster = f.commitment JOIN articles ca ON ca.num = a.article"
                                   " JOIN events b ON b.cluster = f.event JOIN articles cb ON cb.num = b.article")
        finally:
            store.close()
    ids = (first["article"]["id"], second["article"]["id"])
    rules = sorted({rule for rule, a, b in rows if (a, b) == ids})
    return bool(rules), rules


def score(pairs: list[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], bool, list[str]]]:
    for pair in pairs:
        found, rules = linked(pair)
        yield pair, found, rules


def summary(results: list[tuple[dict[str, Any], bool, list[str]]]) -> dict[str, Any]:
    tp = sum(1 for pair, found, _ in results if found and pair["follows"])
    fp = sum(1 for pair, found, _ in results if found and not pair["follows"])
    fn = sum(1 for pair, found, _ in results if not found and pair["follows"])
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return {"pairs": len(results), "gold_links": tp + fn, "predicted_links": tp + fp, "true_positives": tp,
            "precision": precision, "recall": recall}


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    pairs = read_pairs(Path(args[0]) if args else GOLD)
    results = list(score(pairs))
    for pair, found, rules in results:
        mark = "ok " if found == pair["follows"] else "ERR"
        print(f"{mark} {pair['id']} gold={pair['follows']!s:5} linked={found!s:5} {'; '.join(rules)}")
    print(json.dumps(summary(results), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
