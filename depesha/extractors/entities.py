"""Stage `entities`: people, organisations, countries and places with all their mentions."""

from __future__ import annotations

from ..doc import Doc, Entity, NerSpan, Token
from .chain import chain_end
from .countries import CountryMention, find_countries
from .gazetteer import countries, country_name
from .names import normalize_name
from .orgs import BodyMention, find_bodies, nominative_phrase

GENDER = {"masc": "masc", "femn": "fem"}


class EntityIndex:
    """Entities of one Doc, merged by key as mentions arrive."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.by_key: dict[tuple[str, str], Entity] = {}

    def add(self, type: str, key: str, name: str, span: tuple[int, int], **fields: object) -> Entity:
        entity = self.by_key.get((type, key))
        if entity is None:
            entity = Entity(id=f"e{len(self.entities) + 1}", type=type, name=name, **fields)  # type: ignore[arg-type]
            self.entities.append(entity)
            self.by_key[(type, key)] = entity
        if list(span) not in entity.mentions:
            entity.mentions.append(list(span))
        for field_name, value in fields.items():
            if getattr(entity, field_name) is None and value is not None:
                setattr(entity, field_name, value)
        return entity


def tokens_in(doc: Doc, start: int, stop: int) -> list[Token]:
    return [token for token in doc.tokens if token.start >= start and token.stop <= stop]


def inside(span: NerSpan, start: int, stop: int) -> bool:
    return span.start < stop and start < span.stop


def same_word(a: str, b: str) -> bool:
    """Two forms of one name word: equal, or the same stem with short inflected endings."""
    if a == b:
        return True
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= 3 and len(a) - common <= 3 and len(b) - common <= 3 and common >= min(len(a), len(b)) - 2


def person_key(index: EntityIndex, name: str) -> str:
    """Another case of the same name, a surname alone, or another word order joins an earlier person."""
    words = name.lower().replace("ё", "е").split()
    for entity in index.entities:
        if entity.type != "person":
            continue
        known = entity.name.lower().replace("ё", "е").split()
        if len(words) == len(known) and all(any(same_word(w, k) for k in known) for w in words):
            return entity.name.lower()
        if len(words) == 1 and any(same_word(words[0], k) for k in known[1:] + known[:1]):
            return entity.name.lower()
    return name.lower()


def add_persons(doc: Doc, index: EntityIndex) -> None:
    spans = sorted((span for span in doc.ner if span.type == "PER"), key=lambda span: -len(span.text.split()))
    for span in spans:
        tokens = tokens_in(doc, span.start, span.stop)
        if not tokens:
            continue
        name, gender = normalize_name(tokens)
        entity = index.add("person", person_key(index, name), name, (span.start, span.stop),
                           gender=GENDER.get(gender or ""))
        written = " ".join(token.text for token in tokens if any(ch.isalpha() for ch in token.text))
        nominative = name == written and all(token.feats.get("Case") in ("Nom", None)
                                             for token in tokens if token.pos == "PROPN")
        if nominative and len(name.split()) == len(entity.name.split()) and entity.name != name:
            entity.name = name  # a mention in the nominative is the best spelling of the name


def add_countries(doc: Doc, index: EntityIndex, mentions: list[CountryMention]) -> None:
    for mention in mentions:
        if mention.kind in ("name", "abbr"):
            index.add("country", mention.iso, country_name(mention.iso), (mention.start, mention.stop), country=mention.iso)
        elif mention.kind == "capital":
            capital = countries()[mention.iso].capital if mention.iso in countries() else mention.text
            index.add("location", capital.lower(), capital, (mention.start, mention.stop), country=mention.iso)


def body_country(body: BodyMention, geo: list[CountryMention], tokens: list[Token]) -> str | None:
    """A fixed country, or one named inside, right after (genitive) or right before (adjective) the body."""
    if body.body.country == "-":
        return None  # an international body belongs to no one country
    if body.body.country not in ("*", ""):
        return body.body.country
    end = max(chain_end(tokens, body.last), body.last + 1)
    for mention in geo:
        if body.first - 2 <= mention.first and mention.last <= end:
            return mention.iso
    return None


def add_orgs(doc: Doc, index: EntityIndex, geo: list[CountryMention]) -> None:
    tokens = doc.tokens
    found = find_bodies(tokens)
    doc.bodies = found
    agency_stop = doc.dateline.stop if doc.dateline and doc.dateline.agency else 0
    for body in found:
        country = body_country(body, geo, tokens)
        fixed = body.body.country not in ("*", "")
        written = tokens[body.first : body.last]
        abbreviation = all(token.text.isupper() for token in written)
        name = body.body.name if fixed or abbreviation else nominative_phrase(written, singular=True)
        key = body.body.name.lower() + "|" + (country or "")
        index.add("organization", key, name, (body.start, body.stop), country=country, sector=body.body.sector or None)
    for span in doc.ner:
        if span.type != "ORG" or span.stop <= agency_stop:
            continue
        if any(inside(span, body.start, body.stop) for body in found):
            continue
        span_tokens = tokens_in(doc, span.start, span.stop)
        if not span_tokens:
            continue
        name = nominative_phrase(span_tokens)
        inner = [mention.iso for mention in geo if span.start <= mention.start and mention.stop <= span.stop]
        index.add("organization", name.lower(), name, (span.start, span.stop), country=inner[0] if inner else None)


def add_locations(doc: Doc, index: EntityIndex, geo: list[CountryMention]) -> None:
    taken = [(mention.start, mention.stop) for mention in geo if mention.kind != "adj"]
    for span in doc.ner:
        if span.type != "LOC" or any(inside(span, start, stop) for start, stop in taken):
            continue
        tokens = tokens_in(doc, span.start, span.stop)
        if not tokens:
            continue
        name = nominative_phrase(tokens)
        index.add("location", name.lower(), name, (span.start, span.stop))


def extract_entities(doc: Doc) -> Doc:
    """Stage `entities`: fills doc.entities, doc.geo and doc.bodies."""
    geo = find_countries(doc.tokens, doc.text)
    doc.geo = geo
    index = EntityIndex()
    add_persons(doc, index)
    add_countries(doc, index, geo)
    add_orgs(doc, index, geo)
    add_locations(doc, index, geo)
    for entity in index.entities:
        entity.mentions.sort()
    index.entities.sort(key=lambda entity: entity.mentions[0][0])
    for number, entity in enumerate(index.entities, 1):
        entity.id = f"e{number}"
    doc.entities = index.entities
    return doc
