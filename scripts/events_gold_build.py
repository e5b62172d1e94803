"""Assemble the event gold from the annotators' files: `gold/events/raw/bNN.jsonl` -> `gold/events/gold.json`.

    python scripts/events_gold_build.py

A document annotated once takes that annotation; a document annotated twice (the agreement sample) takes its
adjudicated line from `gold/events/raw/adjudicated.jsonl`. Each document keeps the split of the manifest.
"""

from __future__ import annotations

import json
from pathlib import Path

GOLD = Path("gold/events")
FIELDS = ("negative", "note", "events", "acceptable", "people")


def read_lines(path: Path) -> dict[str, dict]:
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as lines:
        return {item["doc"]: item for item in map(json.loads, filter(str.strip, lines))}


def main() -> None:
    manifest = json.loads((GOLD / "manifest.json").read_text(encoding="utf-8"))
    annotated: dict[str, list[dict]] = {}
    for path in sorted((GOLD / "raw").glob("b*.jsonl")):
        for key, item in read_lines(path).items():
            annotated.setdefault(key, []).append(item | {"annotator": path.stem})
    adjudicated = read_lines(GOLD / "raw" / "adjudicated.jsonl")
    docs, missing = {}, []
    for doc in manifest["docs"]:
        lines = annotated.get(doc["id"], [])
        line = adjudicated.get(doc["id"]) or (lines[0] if lines else None)
        if line is None:
            missing.append(doc["id"])
            continue
        docs[doc["id"]] = {"corpus": doc["corpus"], "file": doc["file"], "split": doc["split"],
                           "annotators": [item["annotator"] for item in lines]
                           + (["adjudicated"] if doc["id"] in adjudicated else [])} \
            | {name: line[name] for name in FIELDS}
    gold = {"version": 1,
            "description": "depesha event corpus: events between states by ../shared/EVENTS.md in real Russian news "
                           "(RuCoCo, NEREL, factRuEval-2016 dev); standoff, short evidence quotes only",
            "corpora": manifest["corpora"], "docs": docs}
    (GOLD / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(docs)} documents written, {len(missing)} not annotated yet")


if __name__ == "__main__":
    main()
