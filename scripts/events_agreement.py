"""Agreement between the two independent annotations of the double-annotated documents of the event corpus.

    PYTHONPATH=. python scripts/events_agreement.py

Each annotation is scored against the other by the rules of ../shared/EVENTS.md (depesha.eval.events.score):
one annotator's `events` are the predictions, the other's `events` and `acceptable` the gold, both ways round.
The mean F1 of the two directions is the ceiling a system can expect on this corpus.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from depesha.eval.events.gold import parse_doc
from depesha.eval.events.score import DocPrediction, Predicted, PredictedPerson, score_doc, summarize

RAW = Path("gold/events/raw")


def as_prediction(line: dict) -> DocPrediction:
    events = [Predicted(e["category"], e["countries"], e.get("date"), e.get("mode"), e.get("participants") or [])
              for e in line["events"]]
    people = [PredictedPerson(p["name"], [(p["position"], p.get("country"))], p.get("country")) for p in line["people"]]
    return DocPrediction(events, people)


def main() -> None:
    manifest = json.loads(Path("gold/events/manifest.json").read_text(encoding="utf-8"))
    corpus = {doc["id"]: doc for doc in manifest["docs"]}
    lines: dict[str, list[dict]] = {}
    for path in sorted(RAW.glob("b*.jsonl")):
        for line in map(json.loads, filter(str.strip, path.read_text(encoding="utf-8").splitlines())):
            lines.setdefault(line["doc"], []).append(line)
    pairs = [(key, found) for key, found in lines.items() if len(found) == 2]
    directions = []
    for first, second in ((0, 1), (1, 0)):
        counts: Counter = Counter()
        for key, found in pairs:
            gold = parse_doc(key, corpus[key] | found[first])
            counts += score_doc(gold, as_prediction(found[second]))
        directions.append(summarize(counts))
    for name, report in zip(("B against A", "A against B"), directions, strict=True):
        print(f"{name}: gold events {report['gold_events']}, recall {report['recall']}, precision "
              f"{report['precision']}, F1 {report['f1']}, people recall {report['people_recall']}")
    negative = sum(found[0]["negative"] == found[1]["negative"] for _, found in pairs)
    mean = round(sum(report["f1"] or 0 for report in directions) / 2, 4)
    print(f"{len(pairs)} documents annotated twice: event F1 {mean} (mean of both directions); "
          f"negative flag agrees on {negative} of {len(pairs)}")


if __name__ == "__main__":
    main()
