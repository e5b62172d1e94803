"""Resolution of entities across articles: one id per real person, body, country or place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from .names import PersonName, body_key, compatible_given, parse_person


@dataclass
class Candidate:
    """A stored entity as resolution sees it."""

    id: int
    type: str
    name: str
    key: str
    skey: str
    country: str | None = None
    gender: str | None = None
    person: PersonName | None = None


@dataclass
class Mention:
    """An entity of one record, to be resolved."""

    type: str
    name: str
    country: str | None = None
    gender: str | None = None
    canonical: str | None = None


Loader = Callable[[str, str], list[Candidate]]   # (type, skey) -> stored candidates
Creator = Callable[[Candidate], int]             # stores a new entity, returns its id
Updater = Callable[[Candidate], None]            # stores a fuller name found for an entity


def make_keys(mention: Mention) -> tuple[str, str, PersonName | None]:
    """(key, skey, parsed name) of a mention; persons key on surname + given name, others on the name."""
    return keys_of(mention.type, mention.name, mention.country, mention.canonical)


@lru_cache(maxsize=200_000)
def keys_of(type: str, name: str, country: str | None, canonical: str | None) -> tuple[str, str, PersonName | None]:
    if type == "person":
        person = parse_person(name)
        return person.key, person.surname, person
    if type == "country" and country:
        return country, country, None
    key = body_key(name, canonical)
    return key, key, None


def same_person(candidate: Candidate, person: PersonName, mention: Mention) -> bool:
    """Conservative: countries and genders must not contradict, given names must agree."""
    if candidate.country and mention.country and candidate.country != mention.country:
        return False
    if candidate.gender and mention.gender and candidate.gender != mention.gender:
        return False
    return candidate.person is not None and compatible_given(candidate.person, person)


@dataclass
class Resolver:
    """Finds or creates the entity id of each mention; caches what it has seen, the database is the truth."""

    load: Loader
    create: Creator
    update: Updater | None = None
    cache: dict[tuple[str, str], list[Candidate]] = field(default_factory=dict)
    # (type, skey) -> mention as written -> the id it matched; dropped when an entity of that skey is made or changed
    known: dict[tuple[str, str], dict[tuple[str, str | None, str | None, str | None], int]] = field(default_factory=dict)

    def candidates(self, type: str, skey: str) -> list[Candidate]:
        if (type, skey) not in self.cache:
            found = self.load(type, skey)
            for candidate in found:
                if candidate.type == "person":
                    candidate.person = parse_person(candidate.name)
            self.cache[(type, skey)] = found
        return self.cache[(type, skey)]

    def resolve(self, mention: Mention) -> int:
        key, skey, person = make_keys(mention)
        written = (mention.name, mention.country, mention.gender, mention.canonical)
        known = self.known.get((mention.type, skey))
        if known is not None and written in known:  # nothing of this skey changed since: the same answer
            return known[written]
        candidates = self.candidates(mention.type, skey)
        if person is None:
            match = [c for c in candidates if c.key == key and (c.country or None) == (mention.country or None)]
            match = match or [c for c in candidates if c.key == key and mention.type == "country"]
        else:
            match = [c for c in candidates if same_person(c, person, mention)]
            exact = [c for c in match if c.key == key and c.country == mention.country]
            match = exact if len(exact) == 1 else match
        if len(match) == 1:
            if self.complete(match[0], mention, key, person):
                self.known.pop((mention.type, skey), None)
            self.known.setdefault((mention.type, skey), {})[written] = match[0].id
            return match[0].id
        candidate = Candidate(0, mention.type, mention.name, key, skey, mention.country, mention.gender, person)
        candidate.id = self.create(candidate)
        candidates.append(candidate)
        self.known.pop((mention.type, skey), None)
        return candidate.id

    def complete(self, candidate: Candidate, mention: Mention, key: str, person: PersonName | None) -> bool:
        """A partial name ('Кошанов') learns the given name and country of a fuller mention; True if it did."""
        if person is None or candidate.person is None:
            return False
        fuller = (person.given or person.initial) and not candidate.person.given
        if fuller and len(person.given or "") >= len(candidate.person.initial or ""):
            candidate.name, candidate.key, candidate.person = mention.name, key, person
            candidate.country = candidate.country or mention.country
            candidate.gender = candidate.gender or mention.gender
            if self.update:
                self.update(candidate)
            return True
        return False

    def clear(self) -> None:
        self.cache.clear()
        self.known.clear()


def make_memory_resolver() -> tuple[Resolver, list[Candidate]]:
    """A resolver over a plain list, for evaluation and tests."""
    stored: list[Candidate] = []

    def load(type: str, skey: str) -> list[Candidate]:
        return [c for c in stored if c.type == type and c.skey == skey]

    def create(candidate: Candidate) -> int:
        stored.append(candidate)
        return len(stored)

    return Resolver(load, create), stored
