"""Follow-up of commitments: a proposal or agreement is fulfilled by a later event of the kind it names."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

HORIZON_DAYS = 3 * 365
MAX_LINKS = 3
# lemma prefixes in the commitment's sentence -> kinds of event that fulfil it (first match wins)
EXPECT = [
    (("визит", "посетить", "посещени", "приехать", "прибыть"), ("visit",)),
    (("подписа", "соглашени", "меморандум", "договор"), ("signing",)),
    (("переговор", "консультац"), ("talks", "meeting")),
    (("встреч", "встретиться", "саммит"), ("meeting", "talks")),
    (("звон", "телефон"), ("phone_call",)),
]
DEFAULT_EXPECT: dict[str, tuple[str, ...]] = {"invitation": ("visit",)}


@dataclass
class Fulfilment:
    """A candidate event that may fulfil a commitment."""

    id: int
    date: str
    kind: str
    countries: frozenset[str]


@dataclass
class Commitment:
    id: int
    date: str
    kind: str | None
    countries: frozenset[str]
    lemmas: list[str] = field(default_factory=list)


def expected_kinds(commitment: Commitment) -> tuple[tuple[str, ...], str | None]:
    """The kinds of event that would fulfil it and the word that says so (None: nothing to follow)."""
    for prefixes, kinds in EXPECT:
        for lemma in commitment.lemmas:
            if lemma.startswith(prefixes):
                return kinds, lemma
    default = DEFAULT_EXPECT.get(commitment.kind or "")
    return (default, commitment.kind) if default else ((), None)


def pair_keys(countries: frozenset[str]) -> list[tuple[str, str]]:
    codes = sorted(countries)
    return [(a, b) for index, a in enumerate(codes) for b in codes[index + 1:]]


@dataclass
class FulfilmentIndex:
    """Events by (country pair, kind), sorted by date, for a bisect per commitment."""

    lists: dict[tuple[tuple[str, str], str], list[tuple[str, int]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, event: Fulfilment) -> None:
        for pair in pair_keys(event.countries):
            self.lists[(pair, event.kind)].append((event.date, event.id))

    def sort(self) -> None:
        for items in self.lists.values():
            items.sort()

    def find(self, commitment: Commitment) -> list[tuple[int, str, str]]:
        """Up to MAX_LINKS (event id, kind, word) fulfilling the commitment, earliest first."""
        kinds, word = expected_kinds(commitment)
        pairs = pair_keys(commitment.countries)
        if not kinds or not pairs or not commitment.date:
            return []
        end = (dt.date.fromisoformat(commitment.date[:10]) + dt.timedelta(days=HORIZON_DAYS)).isoformat()
        found: list[tuple[str, int, str]] = []
        for kind in kinds:
            items = self.lists.get((pairs[0], kind), [])
            for date, id in items[bisect.bisect_right(items, (commitment.date, 1 << 62)):]:
                if date > end or len(found) >= MAX_LINKS * len(kinds):
                    break
                found.append((date, id, kind))
        found.sort()
        return [(id, kind, word or "") for date, id, kind in found[:MAX_LINKS]]
