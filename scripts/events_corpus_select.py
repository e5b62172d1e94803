"""Choose the documents of the event corpus and seal its test split (run once; the output is committed).

    python scripts/events_corpus_select.py ../shared/data > gold/events/manifest.json

A document qualifies when the country gazetteer finds two or more states in it by name or adjective (so a
document without an act between states is a real negative: foreign states are named). Drawn with a fixed seed:
270 RuCoCo `world`/`russia` documents and 90 NEREL train/dev documents of at most 5,000 characters, and every
factRuEval dev document with a Meeting fact or two or more states. Then 120 documents are sealed as the test
split, and 60 of those are marked for a second, independent annotation (the agreement sample).
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
from pathlib import Path

from depesha.data import COUNTRY_FORMS, load_table

SEED = 20261207
MAX_CHARS = 5000
WORD = re.compile(r"[А-Яа-яЁёA-Za-z-]+")


def gazetteer() -> dict[str, tuple[str, bool]]:
    """Country names, adjectives and abbreviations (lower case) -> (iso2, exact capitalisation only)."""
    forms = {}
    for row in load_table(COUNTRY_FORMS, 4):
        form, iso2, kind, flags = row
        if kind in ("name", "adj", "abbr"):
            forms[form] = (iso2, "cs" in flags)
    return forms


def states(text: str, forms: dict[str, tuple[str, bool]]) -> set[str]:
    found = set()
    for word in WORD.findall(text):
        hit = forms.get(word.lower())
        if hit and (not hit[1] or word == word.upper()):
            found.add(hit[0])
    return found


def candidates(data: Path, forms: dict[str, tuple[str, bool]]) -> dict[str, list[dict]]:
    pools: dict[str, list[dict]] = {"rucoco": [], "nerel": [], "factru": []}
    with gzip.open(data / "rucoco" / "rucoco-train.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            if doc["id"].split("_")[1] in ("world", "russia") and len(doc["text"]) <= MAX_CHARS \
                    and len(states(doc["text"], forms)) >= 2:
                pools["rucoco"].append({"id": "rucoco:" + doc["id"], "corpus": "rucoco", "file": doc["id"]})
    for split in ("train", "dev"):
        for path in sorted((data / "nerel-1.1" / split).glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            if len(text) <= MAX_CHARS and len(states(text, forms)) >= 2:
                name = f"{split}/{path.name}"
                pools["nerel"].append({"id": "nerel:" + name[:-4], "corpus": "nerel", "file": name})
    for path in sorted((data / "factrueval-2016" / "devset").glob("book_*.txt"), key=lambda p: int(p.stem[5:])):
        text = path.read_text(encoding="utf-8")
        meeting = "Meeting" in path.with_suffix(".facts").read_text(encoding="utf-8")
        if meeting or len(states(text, forms)) >= 2:
            pools["factru"].append({"id": "factru:" + path.stem, "corpus": "factru", "file": path.name})
    return pools


def main() -> None:
    data = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
    rng = random.Random(SEED)
    pools = candidates(data, gazetteer())
    docs = rng.sample(pools["rucoco"], 270) + rng.sample(pools["nerel"], 90) + pools["factru"]
    docs.sort(key=lambda doc: doc["id"])
    sealed = set(rng.sample([doc["id"] for doc in docs], 120))
    twice = set(rng.sample(sorted(sealed), 60))
    for doc in docs:
        doc["split"] = "test" if doc["id"] in sealed else "tune"
        doc["double"] = doc["id"] in twice
    manifest = {
        "description": "depesha event corpus: documents and the sealed test split (scripts/events_corpus_select.py)",
        "seed": SEED,
        "corpora": {"rucoco": "rucoco/rucoco-train.jsonl.gz", "nerel": "nerel-1.1", "factru": "factrueval-2016/devset"},
        "pool_sizes": {name: len(pool) for name, pool in pools.items()},
        "docs": docs,
    }
    json.dump(manifest, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
