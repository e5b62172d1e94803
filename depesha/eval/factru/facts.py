"""factRuEval track 3 facts on both sides: gold facts with accepted values, response blocks."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from itertools import permutations

from .gold import GoldChain, GoldDoc, GoldFact, GoldValue
from .values import normalize_value

log = logging.getLogger(__name__)

FACT_TYPES = ["occupation", "meeting", "deal", "ownership"]
WEIGHTS = {"who": 1.0, "where": 1.0, "position": 0.5, "participant": 1.0, "type": 1.0,
           "owner": 1.0, "property": 1.0, "фаза": 0.5}
ALIASES = {"job": "position"}
UNSCORED_ARGS = {"модальность", "сложность"}
HARD_MODALITIES = {"возможность", "будущее", "отрицание"}
PERSON_KEYS = ["firstname", "lastname", "patronymic", "nickname"]


@dataclass
class FactArg:
    name: str
    weight: float
    values: frozenset[str]          # gold: every accepted normalised value; response: the one value


@dataclass
class Fact:
    type: str
    args: list[FactArg]
    ignored: bool = False           # gold only: attached response facts leave In Test.
    id: str = ""


def arg_name(name: str) -> str:
    name = name.strip().lower()
    return ALIASES.get(name, name)


# GOLD VALUES


def person_names(chain: GoldChain) -> set[str]:
    """Every ordering of every subset of first name / last name / patronymic / nickname."""
    groups = [[v for k, v in chain.keys if k.rstrip("0123456789") == key] for key in PERSON_KEYS]
    groups = [group for group in groups if group]
    names: set[str] = set()

    def walk(chosen: list[str], rest: list[list[str]]) -> None:
        if chosen:
            names.update(" ".join(order) for order in permutations(chosen))
        for index, group in enumerate(rest):
            for value in group:
                walk([*chosen, value], rest[index + 1:])

    walk([], groups)
    return names


def org_names(chain: GoldChain) -> set[str]:
    names = {v for k, v in chain.keys if k == "name"}
    descriptors = {v for k, v in chain.keys if k == "descriptor"}
    combos = {f"{d} {n}" for d in descriptors for n in names} | {f"{n} {d}" for d in descriptors for n in names}
    return names | combos


class GoldValues:
    """Accepted values of gold references: chains (objN) and position spans (spanN)."""

    def __init__(self, doc: GoldDoc, jobs: dict[str, str]):
        self.doc = doc
        self.jobs = jobs
        self.chains = {chain.id: chain for chain in doc.chains}
        self.objects = {obj.id: obj for obj in doc.objects}
        self.links = part_links(doc.facts)

    def mention_texts(self, span_ids: list[int]) -> set[str]:
        spans = [span for id in span_ids for span in self.doc.spans.get(id, [])]
        if not spans:
            return set()
        token_ids = sorted({t for span in spans for t in span.token_ids})
        tokens = [self.doc.token(t) for t in token_ids]
        raw = self.doc.text[min(s.start for s in spans):max(s.stop for s in spans)]
        return {" ".join(t.text for t in sorted(tokens, key=lambda t: t.start)), raw}

    def chain_values(self, id: int) -> set[str]:
        chain = self.chains.get(id)
        if chain is None:
            return set()
        values = person_names(chain) | org_names(chain)
        for obj_id in chain.object_ids:
            if obj_id in self.objects:
                values |= self.mention_texts(self.objects[obj_id].span_ids)
        return values

    def span_values(self, id: int) -> set[str]:
        values = self.mention_texts([id])
        return values | {self.jobs[v.lower()] for v in values if v.lower() in self.jobs}

    def accepted(self, name: str, values: list[GoldValue]) -> frozenset[str]:
        texts: set[str] = set()
        for value in values:
            texts.update(value.texts)
            if value.ref and value.ref.startswith("obj"):
                id = int(value.ref[3:])
                texts |= self.chain_values(id)
                if name == "where":
                    for other in self.links.get(id, ()):
                        texts |= self.chain_values(other)
            elif value.ref and value.ref.startswith("span"):
                texts |= self.span_values(int(value.ref[4:]))
        texts |= {self.jobs[t.lower()] for t in list(texts) if name == "position" and t.lower() in self.jobs}
        return frozenset(normalize_value(text) for text in texts if text.strip())


def part_links(facts: list[GoldFact]) -> dict[int, set[int]]:
    """Objects tied by isPartOf facts (both directions)."""
    links: dict[int, set[int]] = {}
    for fact in facts:
        if fact.type.lower() != "ispartof":
            continue
        ids = [int(v.ref[3:]) for arg in fact.args for v in arg.values if v.ref and v.ref.startswith("obj")]
        for id in ids:
            links.setdefault(id, set()).update(other for other in ids if other != id)
    return links


def gold_facts(doc: GoldDoc, jobs: dict[str, str], hard: bool = False) -> list[Fact]:
    """Scored gold facts; easy mode marks `Сложность повышенная` ignored and drops `Фаза`."""
    values = GoldValues(doc, jobs)
    facts = []
    for fact in doc.facts:
        type = fact.type.lower()
        if type not in FACT_TYPES:
            continue
        meta = {arg_name(arg.name): " ".join(t for v in arg.values for t in v.texts).lower() for arg in fact.args}
        if hard and meta.get("модальность") in HARD_MODALITIES:
            continue
        args = []
        for arg in fact.args:
            name = arg_name(arg.name)
            if name in UNSCORED_ARGS or (name == "фаза" and not hard):
                continue
            args.append(FactArg(name, WEIGHTS.get(name, 1.0), values.accepted(name, arg.values)))
        ignored = not hard and meta.get("сложность") == "повышенная"
        facts.append(Fact(type, args, ignored, fact.id))
    return facts


# RESPONSE


def parse_task3(lines: list[str], name: str = "") -> list[Fact]:
    """Blocks of 'type' + 'arg : value' lines; a bad block drops the rest, as the official loader does."""
    facts: list[Fact] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line.strip())
            continue
        if not block:
            continue
        fact = parse_block(block)
        if fact is None:
            log.warning("task3 %s: malformed block, it and the rest of the file are dropped: %r", name, block)
            break
        facts.append(fact)
        block = []
    return facts


def parse_block(block: list[str]) -> Fact | None:
    type = block[0].strip().rstrip(":").strip().lower()
    if type not in FACT_TYPES:
        return None
    args = []
    for line in block[1:]:
        parts = line.split(":")
        if len(parts) != 2:
            return None
        name = arg_name(parts[0])
        args.append(FactArg(name, WEIGHTS.get(name, 1.0), frozenset([normalize_value(parts[1])])))
    return Fact(type, args)

