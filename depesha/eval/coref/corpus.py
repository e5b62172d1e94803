"""Read RuCoCo's JSON lines: id, text, chains of [start, stop] spans and split antecedents."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .. import default_data_dir
from .split import split_of

Chain = list[tuple[int, int]]


@dataclass
class CorefDoc:
    """One RuCoCo document: its text and gold chains (`includes[i]`: the chains chain i is made of)."""

    id: str
    text: str
    chains: list[Chain]
    includes: list[list[int]] = field(default_factory=list)

    @property
    def split(self) -> str:
        return split_of(self.id)


def default_corpus() -> Path:
    return default_data_dir() / "rucoco" / "rucoco-train.jsonl.gz"


def read_corpus(path: str | Path, split: str | None = None, limit: int | None = None) -> Iterator[CorefDoc]:
    """Documents of the corpus file (gzip or plain), optionally only one split, at most `limit`."""
    opener = gzip.open if str(path).endswith(".gz") else open
    count = 0
    with opener(path, "rt", encoding="utf-8") as lines:  # type: ignore[operator]
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                entities = item["entities"]
                includes = item.get("includes", [])
                chains = json.loads(entities) if isinstance(entities, str) else entities
                includes = json.loads(includes) if isinstance(includes, str) else includes
                doc = CorefDoc(id=str(item["id"]), text=str(item["text"]),
                               chains=[[(int(a), int(b)) for a, b in chain] for chain in chains],
                               includes=[list(map(int, parts)) for parts in includes or []])
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(f"{path}:{number}: not a RuCoCo record ({error})") from error
            if split is not None and doc.split != split:
                continue
            yield doc
            count += 1
            if limit is not None and count >= limit:
                return
