"""Follow-up of commitments: a proposal or agreement is fulfilled by a later act of the kind it names, by the bodies
it names, in the direction it names, reported as done."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from depesha.corpus.acts import bodies, destination, place_country, tokens, unrealised

HORIZON_DAYS = 3 * 365
MAX_LINKS = 3
# lemma prefixes in the commitment's sentence -> kinds of event that fulfil it (the first such word after the verb
# of the commitment wins: "на встрече ... попросил организовать поездку" asks for a visit)
EXPECT = [
    (("визит", "посетить", "посещени", "приехать", "прибыть", "поездк", "делегаци", "направить"), ("visit",)),
    (("подписа", "соглашени", "меморандум", "договор"), ("signing",)),
    (("переговор", "консультац"), ("talks", "meeting")),
    (("встреч", "встретиться", "саммит"), ("meeting", "talks")),
    (("заседани", "сесси"), ("session", "meeting")),
    (("звон", "телефон"), ("phone_call",)),
]
DEFAULT_EXPECT: dict[str, tuple[str, ...]] = {"invitation": ("visit",)}
COMMIT_VERBS = ("предлож", "пригла", "попрос", "просьб", "обещ", "пообещ", "договор", "соглас", "готов", "призв",
                "обрат", "выраз")
# a visit asked for is also fulfilled by talks or a meeting held where the visit was to go
VISIT_ALSO = ("talks", "meeting")
# a phone call asked for is also fulfilled by talks the sentence says were by phone ("провели телефонные переговоры")
PHONE_WORD = "телефон"


@dataclass
class Fulfilment:
    """A candidate event that may fulfil a commitment."""

    id: int
    date: str
    kind: str
    countries: frozenset[str]
    summary: str = ""
    place: str | None = None

    # what its sentence says, read once however many commitments it is a candidate for
    @cached_property
    def unrealised(self) -> bool:
        return bool(self.summary) and unrealised(self.summary)

    @cached_property
    def bodies(self) -> frozenset[str]:
        return bodies(self.summary)

    @cached_property
    def went(self) -> str | None:
        """Where it took place or went: its place's country, else the one its sentence goes to."""
        return place_country(self.place) or destination(self.summary)

    @cached_property
    def by_phone(self) -> bool:
        return any(word.startswith(PHONE_WORD) for word in tokens(self.summary))


@dataclass
class Commitment:
    """A commitment: its sentence as words (`tokens` of acts.py) and their lemmas, aligned."""

    id: int
    date: str
    kind: str | None
    countries: frozenset[str]
    lemmas: list[str] = field(default_factory=list)
    summary: str = ""


def expectation(commitment: Commitment) -> tuple[tuple[str, ...], str | None, int]:
    """The kinds of event that would fulfil it, the word that says so and its index (None: nothing to follow)."""
    lemmas = commitment.lemmas
    verb = next((index for index, lemma in enumerate(lemmas) if lemma.startswith(COMMIT_VERBS)), None)
    if verb is None:
        order = list(range(len(lemmas)))
    else:  # what the verb asks for, then the occasion before it, then the verb itself ("договориться": a signing)
        order = [*range(verb + 1, len(lemmas)), *range(verb), verb]
    after = range(verb + 1, len(lemmas)) if verb is not None else range(0)
    signing = next((index for index in after if lemmas[index].startswith("подписа")), None)
    if signing is not None:  # "договорились, что в ходе заседания комиссии подпишут соглашение": the signing is asked
        return ("signing",), lemmas[signing], signing
    for index in order:
        for prefixes, kinds in EXPECT:
            if lemmas[index].startswith(prefixes):
                return kinds, lemmas[index], index
    default = DEFAULT_EXPECT.get(commitment.kind or "")
    return (default, commitment.kind, verb or 0) if default else ((), None, 0)


def expected_kinds(commitment: Commitment) -> tuple[tuple[str, ...], str | None]:
    """The kinds of event that would fulfil it and the word that says so (None: nothing to follow)."""
    kinds, word, _ = expectation(commitment)
    return kinds, word


def fulfils(named: frozenset[str], asked: tuple[str, ...], where: str | None, event: Fulfilment) -> bool:
    """The event is the act asked for: reported as done, by the bodies the commitment names (`named`, when both name
    any), and for a visit, going where the commitment said (talks or a meeting count only when held there)."""
    if event.unrealised:
        return False
    if named and event.bodies and not named & event.bodies:
        return False
    if "phone_call" in asked and event.kind != "phone_call":
        return event.by_phone
    if "visit" in asked:
        if event.kind != "visit":
            return where is not None and event.went == where
        return where is None or event.went is None or event.went == where
    return True


def pair_keys(countries: frozenset[str]) -> list[tuple[str, str]]:
    codes = sorted(countries)
    return [(a, b) for index, a in enumerate(codes) for b in codes[index + 1:]]


@dataclass
class FulfilmentIndex:
    """Events by (country pair, kind), sorted by date, for a bisect per commitment."""

    lists: dict[tuple[tuple[str, str], str], list[tuple[str, int]]] = field(default_factory=lambda: defaultdict(list))
    events: dict[int, Fulfilment] = field(default_factory=dict)

    def add(self, event: Fulfilment) -> None:
        self.events[event.id] = event
        for pair in pair_keys(event.countries):
            self.lists[(pair, event.kind)].append((event.date, event.id))

    def sort(self) -> None:
        for items in self.lists.values():
            items.sort()

    def find(self, commitment: Commitment) -> list[tuple[int, str, str]]:
        """Up to MAX_LINKS (event id, kind, word) fulfilling the commitment, earliest first."""
        asked, word, at = expectation(commitment)
        pairs = pair_keys(commitment.countries)
        if not asked or not pairs or not commitment.date:
            return []
        kinds = asked + VISIT_ALSO if "visit" in asked else asked + ("talks",) if "phone_call" in asked else asked
        where = destination(commitment.summary, at) if "visit" in asked else None
        named = bodies(commitment.summary)
        end = (dt.date.fromisoformat(commitment.date[:10]) + dt.timedelta(days=HORIZON_DAYS)).isoformat()
        found: list[tuple[str, int, str]] = []
        for kind in kinds:
            items = self.lists.get((pairs[0], kind), [])
            taken = 0   # per kind: talks filling the cap must not hide an earlier meeting
            for date, id in items[bisect.bisect_right(items, (commitment.date, 1 << 62)):]:
                if date > end or taken >= MAX_LINKS:
                    break
                if fulfils(named, asked, where, self.events[id]):
                    found.append((date, id, kind))
                    taken += 1
        found.sort()
        return [(id, kind, word or "") for date, id, kind in found[:MAX_LINKS]]
