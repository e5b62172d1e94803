"""Stage `entities`: people, organisations, countries and places with all their mentions."""

from __future__ import annotations

import re
from functools import lru_cache

from ..annotate.morph import lemma, parse_word
from ..doc import Doc, Entity, NerSpan, Token
from .chain import chain_end
from .countries import CountryMention, find_countries
from .gazetteer import countries, country_name, regions
from .locorg import place_role
from .match import Matcher
from .names import normalize_name
from .orgs import BodyMention, find_bodies, nominative_phrase
from .spans import (
    Overlaps,
    Piece,
    body_phrase,
    grow_org,
    grow_phrase,
    head_of,
    refined_spans,
    token_before,
    tokens_in,
)

GENDER = {"masc": "masc", "femn": "fem"}
NOT_ORGS = {"сми", "жж", "интернет"}                        # the media at large, not one organisation
PLACES = {"мкс", "международный космический станция"}      # natasha's ORG, a place
BUILDINGS = {"кремль", "белый дом", "капитолий", "вестминстер", "чжуннаньхай"}   # bodies named by their seat
VEHICLES = {"шаттл", "корабль", "челнок", "телескоп", "станция", "спутник", "зонд", "самолет", "судно", "лайнер",
            "модуль", "ракета", "аппарат", "крейсер", "авианосец", "лодка", "яхта", "ледокол", "танкер"}
LIST_GAP = re.compile(r"[»\"“”\s]*(?:,|и|или)[\s«\"“„]*")   # '«Индевор» и «Атлантис»'
FACILITIES = {"аэропорт", "дворец", "дом", "вокзал", "стадион", "космодром", "арена"}
PLACE_PREPS = {"в", "во", "на", "из", "у", "около", "возле", "перед", "над", "под"}
# body nouns that make "<noun> <place in the genitive>" an organisation: "делегации Китая", "мэрии Москвы"
BODY_HEADS = {
    "правительство", "администрация", "мэрия", "парламент", "руководство", "делегация", "представительство",
    "посольство", "министерство", "мид", "ведомство", "кабинет", "кабмин", "канцелярия", "пресс-служба",
    "служба", "госдепартамент", "госдеп", "минобороны", "минфин", "минэкономразвития", "ввс", "вмс", "конгресс",
    "сенат", "прокуратура", "генпрокуратура", "полиция", "сборная", "консульство", "федерация", "орган",
    "совет", "комитет", "комиссия", "суд", "дума", "госдума", "палата", "армия", "спецслужба", "минздрав",
    "минсельхоз", "мчс", "мвд", "фсб", "генштаб", "минюст",
}
# parts of an organisation: "отдела ... HP", "судейский комитет ФИФА"
PART_HEADS = {"отдел", "кафедра", "департамент", "управление", "подразделение", "отделение", "жюри", "президиум",
              "штаб", "федерация", "филиал", "секретариат", "бюро", "институт", "лаборатория"}


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


def add_persons(doc: Doc, index: EntityIndex, pieces: list[Piece]) -> None:
    persons = [piece for piece in pieces if piece.span.type == "PER"]
    owners: dict[tuple[int, int], Entity] = {}
    for piece in sorted((p for p in persons if p.alias is None), key=lambda p: -len(p.span.text.split())):
        entity = add_person(doc, index, piece.span)
        if entity is not None:
            owners[(piece.span.start, piece.span.stop)] = entity
    for piece in persons:
        if piece.alias is not None:
            owner = owners.get((piece.alias.start, piece.alias.stop))
            if owner is not None:
                owner.mentions.append([piece.span.start, piece.span.stop])  # the name again, in another script
            else:
                add_person(doc, index, piece.span)


def add_person(doc: Doc, index: EntityIndex, span: NerSpan) -> Entity | None:
    tokens = tokens_in(doc, span.start, span.stop)
    if not tokens:
        return None
    name, gender = normalize_name(tokens)
    entity = index.add("person", person_key(index, name), name, (span.start, span.stop),
                       gender=GENDER.get(gender or ""))
    written = " ".join(token.text for token in tokens if any(ch.isalpha() for ch in token.text))
    nominative = name == written and all(token.feats.get("Case") in ("Nom", None)
                                         for token in tokens if token.pos == "PROPN")
    if nominative and len(name.split()) == len(entity.name.split()) and entity.name != name:
        entity.name = name  # a mention in the nominative is the best spelling of the name
    return entity


def add_surnames(doc: Doc, index: EntityIndex) -> None:
    """A surname alone that natasha left untagged ("Видениус заявил" after "Майкл Видениус") is another
    mention of the person named in full elsewhere in the text."""
    surnames: list[tuple[str, Entity]] = []
    for entity in index.entities:
        if entity.type == "person":
            for start, stop in entity.mentions:
                tokens = tokens_in(doc, start, stop)
                if len(tokens) >= 2 and len(tokens[-1].text) >= 4 and tokens[-1].text[:1].isupper():
                    surnames.append((tokens[-1].text.lower().replace("ё", "е"), entity))
    if not surnames:
        return
    taken = [(span.start, span.stop) for span in doc.ner]
    taken += [(start, stop) for entity in index.entities for start, stop in entity.mentions]
    taken += [(mention.start, mention.stop) for mention in doc.geo] + [(body.start, body.stop) for body in doc.bodies]
    overlaps = Overlaps(taken)
    for token in doc.tokens:
        if len(token.text) < 4 or not token.text[:1].isupper() or not token.text.isalpha() or token.text.isupper():
            continue
        if overlaps(token.start, token.stop):
            continue
        first = parse_word(token.text)
        if first and first[0].is_known and not {"Name", "Surn", "Patr"} & set(str(first[0].tag).replace(" ", ",").split(",")):
            continue   # a common word first ("Адвокат", "Полный"), whatever person it resembles
        word = token.text.lower().replace("ё", "е")
        owners = {id(entity): entity for surname, entity in surnames if same_word(word, surname)}
        if len(owners) == 1:
            next(iter(owners.values())).mentions.append([token.start, token.stop])


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


def lemmas_of(tokens: list[Token]) -> str:
    return " ".join((token.lemma or token.text).lower() for token in tokens)


def vehicle_names(doc: Doc, pieces: list[Piece]) -> set[str]:
    """Lemmas of natasha's ORG spans that follow a kind of craft somewhere in the text ("шаттл «Дискавери»")."""
    names, last = set(), -1
    for piece in pieces:
        if piece.span.type != "ORG":
            continue
        previous = token_before(doc, piece.span.start)
        if previous is not None and previous.text in "«\"“„":
            previous = token_before(doc, previous.start)
        listed = last >= 0 and LIST_GAP.fullmatch(doc.text[last : piece.span.start]) is not None
        if listed or previous is not None and (previous.lemma or "").lower().replace("ё", "е") in VEHICLES:
            names.add(lemmas_of(tokens_in(doc, piece.span.start, piece.span.stop)))
            last = piece.span.stop
    return names


def add_orgs(doc: Doc, index: EntityIndex, geo: list[CountryMention], pieces: list[Piece]) -> None:
    tokens = doc.tokens
    found = doc.bodies
    agency_stop = doc.dateline.stop if doc.dateline and doc.dateline.agency else 0
    for body in found:
        if body.stop <= agency_stop:
            continue
        country = body_country(body, geo, tokens)
        fixed = body.body.country not in ("*", "")
        written = tokens[body.first : body.last]
        abbreviation = all(token.text.isupper() for token in written)
        name = body.body.name if fixed or abbreviation else nominative_phrase(written, singular=True)
        key = body.body.name.lower() + "|" + (country or "")
        index.add("organization", key, name, (body.start, body.stop), country=country, sector=body.body.sector or None)
    vehicles = vehicle_names(doc, pieces)
    for piece in pieces:
        span = piece.span
        if span.type != "ORG" or span.stop <= agency_stop:
            continue
        if lemmas_of(tokens_in(doc, span.start, span.stop)) in vehicles:
            continue  # шаттл «Дискавери», корабль «Союз»: a craft, not an organisation
        owner = next((entity for entity in index.entities if entity.type == "organization"
                      and any(inside(span, a, b) for a, b in entity.mentions)), None)
        if owner is not None:
            continue
        span_tokens = tokens_in(doc, span.start, span.stop)
        if not span_tokens or lemmas_of(span_tokens) in NOT_ORGS:
            continue
        name = nominative_phrase(span_tokens)
        if lemmas_of(span_tokens) in PLACES:
            index.add("location", name.lower(), name, (span.start, span.stop))
            continue
        alias = piece.alias and next((entity for entity in index.entities if entity.type == "organization"
                                      and any(inside(piece.alias, a, b) for a, b in entity.mentions)), None)
        if alias:
            alias.mentions.append([span.start, span.stop])  # "Организация ... (ОДКБ)"
            continue
        inner = [mention.iso for mention in geo if span.start <= mention.start and mention.stop <= span.stop]
        index.add("organization", name.lower(), name, (span.start, span.stop), country=inner[0] if inner else None)


def add_locations(doc: Doc, index: EntityIndex, geo: list[CountryMention], pieces: list[Piece]) -> None:
    taken = [(mention.start, mention.stop) for mention in geo if mention.kind != "adj"]
    taken += [(body.start, body.stop) for body in doc.bodies]   # "ЕС", "Кремль" are bodies, not places
    for piece in pieces:
        span = piece.span
        if span.type != "LOC" or any(inside(span, start, stop) for start, stop in taken):
            continue
        tokens = tokens_in(doc, span.start, span.stop)
        if not tokens:
            continue
        name = nominative_phrase(tokens)
        index.add("location", name.lower(), name, (span.start, span.stop))
    add_regions(doc, index, taken)


def add_regions(doc: Doc, index: EntityIndex, taken: list[tuple[int, int]]) -> None:
    """Parts of the world the NER model missed ("чемпион Европы", "страны Азии"), by their lemmas, capitalised.
    Only a capitalised word that begins like a region is lemmatized (a token's lemma is computed on demand)."""
    tokens = doc.tokens
    matcher, prefixes, longest = region_matcher()
    known: list[tuple[int, int]] | None = None
    at = 0
    while at < len(tokens):
        token = tokens[at]
        if not token.text[:1].isupper() or token.text[:3].lower().replace("ё", "е") not in prefixes:
            at += 1
            continue
        lemmas = [(t.lemma or t.text).lower().replace("ё", "е") for t in tokens[at:at + longest]]
        hit = next(matcher.at(lemmas, 0), None)
        if hit is None:
            at += 1
            continue
        length, name = hit
        start, stop = token.start, tokens[at + length - 1].stop
        if known is None:
            known = taken + [(a, b) for entity in index.entities for a, b in entity.mentions]
        quoted = at and tokens[at - 1].text in QUOTES   # 'зоны "Центральная Азия"': a name of something
        if not quoted and not any(a < stop and start < b for a, b in known):
            index.add("location", name.lower(), name, (start, stop))
        at += length


QUOTES = {"«", '"', "„", "“", "'"}


@lru_cache(maxsize=1)
def region_matcher() -> tuple[Matcher[str], frozenset[str], int]:
    """The regions by lemmas, the first three letters of their first words (a cheap test before lemmas), and the
    most words a region has."""
    table = regions()
    return Matcher(table), frozenset(key[0][:3] for key in table), max(map(len, table))


# kinds of organisation that introduce a quoted name: "движение «Солидарность»", "ГУП «Водоканал»"
DESCRIPTORS = {
    "движение", "партия", "газета", "еженедельник", "журнал", "издание", "радиостанция", "телеканал", "радио",
    "агентство", "институт", "театр", "центр", "компания", "корпорация", "концерн", "холдинг", "фонд", "клуб",
    "банк", "общество", "союз", "организация", "ассоциация", "объединение", "фирма", "завод", "комбинат",
    "музей", "университет", "издательство", "телекомпания", "портал", "команда", "коалиция", "блок",
    "профсоюз", "федерация", "академия", "лаборатория", "гуп", "фгуп", "оао", "зао", "ооо", "пао", "ао",
}


def quoted_names(doc: Doc) -> list[tuple[int, int]]:
    """«Name» right after a kind of organisation: (start, stop) of the name inside the quotes."""
    tokens, found = doc.tokens, []
    for index, token in enumerate(tokens[1:-1], 1):
        if token.text != "«" or (tokens[index - 1].lemma or "").lower() not in DESCRIPTORS:
            continue
        close = next((n for n in range(index + 1, min(index + 9, len(tokens))) if tokens[n].text == "»"), None)
        if close is None or close == index + 1 or not tokens[index + 1].text[:1].isupper():
            continue
        found.append((tokens[index + 1].start, tokens[close - 1].stop))
    return found


def add_quoted_orgs(doc: Doc, index: EntityIndex) -> None:
    taken = [(start, stop) for entity in index.entities if entity.type in ("person", "organization")
             for start, stop in entity.mentions]
    for start, stop in quoted_names(doc):
        if any(start < b and a < stop for a, b in taken):
            continue
        name = doc.text[start:stop]
        inner = [entity.country for entity in index.entities if entity.type == "country"
                 and any(start <= a and b <= stop for a, b in entity.mentions)]
        index.add("organization", name.lower(), name, (start, stop), country=inner[0] if inner else None)


# SPANS AND ROLES


def place_mentions(index: EntityIndex) -> list[tuple[int, int, Entity]]:
    return [(start, stop, entity) for entity in index.entities if entity.type in ("country", "location")
            for start, stop in entity.mentions]


def grow_orgs(doc: Doc, index: EntityIndex) -> None:
    """"МИД России", "японского МИДа": an organisation's mention takes in its genitive place and adjectives."""
    places = sorted((start, stop) for start, stop, _ in place_mentions(index))
    for entity in index.entities:
        if entity.type == "organization":
            grown = [list(grow_org(doc, start, stop, places)) for start, stop in entity.mentions]
            grown = [[start, grow_phrase(doc, start, stop, {"при", "по"})] for start, stop in grown]
            entity.mentions = [span for n, span in enumerate(grown) if span not in grown[:n]]


def add_body_phrases(doc: Doc, index: EntityIndex) -> None:
    """"делегации Китая", "мэрии Москвы", "президентского совета ФИДЕ": a body noun with a place or an
    organisation in the genitive is an organisation (of that country, or a part of that organisation)."""
    orgs = [(start, stop) for entity in index.entities if entity.type == "organization" for start, stop in entity.mentions]
    owners = place_mentions(index) + [(start, stop, entity) for entity in list(index.entities)
                                      if entity.type == "organization" for start, stop in entity.mentions]
    for start, stop, place in owners:
        heads = BODY_HEADS if place.type != "organization" else BODY_HEADS | PART_HEADS
        found = body_phrase(doc, start, stop, heads)
        if found is None or any(a <= found[1].start < b for a, b in orgs):
            continue
        begin = found[0]
        words = nominative_phrase(tokens_in(doc, begin, found[1].stop), singular=True)
        name = f"{words} {doc.text[start:stop]}"
        country = place.country if place.type in ("country", "organization") else None
        orgs.append((begin, stop))
        if place.type == "organization":
            if kind_of(found[1], place):   # "шахматной федерации ФИДЕ": ФИДЕ itself, one mention
                place.mentions = [span for span in place.mentions if span != [start, stop]] + [[begin, stop]]
            else:
                index.add("organization", name.lower(), name, (begin, stop), country=country)
            continue
        index.add("organization", name.lower(), name, (begin, stop), country=country)
        for a, b, other in conjunct_places(doc, start, stop, owners):   # "органами Китая, Малайзии и Таиланда"
            if any(x < b and a < y for x, y in orgs):
                continue
            name = f"{words} {doc.text[a:b]}"
            index.add("organization", name.lower(), name, (a, b), country=other.country)
            orgs.append((a, b))


def kind_of(noun: Token, body: Entity) -> bool:
    """The noun names the kind of the body: its lemma is a word of the body's name ("федерации" of ФИДЕ,
    the Международная шахматная федерация)."""
    return (noun.lemma or "").lower().replace("ё", "е") in {lemma(word) for word in body.name.split()}


def merge_adjacent(doc: Doc, index: EntityIndex) -> None:
    """"Международная федерация футбола ФИФА": two mentions of one organisation (same name) side by side are
    one mention."""
    orgs = [entity for entity in index.entities if entity.type == "organization"]
    for entity in orgs:
        for other in orgs:
            if other is entity or other.name.lower() != entity.name.lower() or not other.mentions:
                continue
            for first in list(entity.mentions):
                second = next((span for span in other.mentions
                               if span[0] > first[1] and doc.text[first[1] : span[0]].isspace()), None)
                if second is not None:
                    entity.mentions.remove(first)
                    other.mentions.remove(second)
                    other.mentions.append([first[0], second[1]])


def conjunct_places(doc: Doc, start: int, stop: int,
                    places: list[tuple[int, int, Entity]]) -> list[tuple[int, int, Entity]]:
    """The places in the genitive joined to the place at start:stop ("Китая, Малайзии и Таиланда")."""
    head = head_of(tokens_in(doc, start, stop))
    if head is None:
        return []
    found = []
    for a, b, place in places:
        other = head_of(tokens_in(doc, a, b))
        if place.type == "organization" or other is None or a <= start:
            continue
        if other.rel == "conj" and other.head_id == head.id and other.feats.get("Case") == "Gen":
            found.append((a, b, place))
    return found


def seat_role(doc: Doc, start: int, stop: int) -> str:
    """"в Белом доме", "во Дворце молодёжи" are buildings, "Белый дом заявил" the body."""
    tokens = tokens_in(doc, start, stop)
    head = next((token for token in tokens if token.pos in ("NOUN", "PROPN")), None)
    facility = head is not None and (head.lemma or "").lower() in FACILITIES
    if lemmas_of(tokens) not in BUILDINGS and not facility:
        return "organization"
    before = token_before(doc, start)
    return "place" if before is not None and before.text.lower() in PLACE_PREPS else "organization"


def add_roles(doc: Doc, index: EntityIndex) -> None:
    """Each mention of a country or place: `place`, or `organization` when it acts as a body ("Россия заявила");
    of an organisation: `organization`, or `place` for the seat that names it ("в Белом доме")."""
    for entity in index.entities:
        if entity.type == "organization":
            entity.roles = [seat_role(doc, start, stop) for start, stop in entity.mentions]
        if entity.type in ("country", "location"):
            facility = entity.name.lower() in PLACES   # a space station does not act as a body
            entity.roles = ["place" if facility else place_role(doc, start, stop) for start, stop in entity.mentions]


def extract_entities(doc: Doc) -> Doc:
    """Stage `entities`: fills doc.entities, doc.geo and doc.bodies."""
    geo = find_countries(doc.tokens, doc.text)
    doc.geo = geo
    index = EntityIndex()
    doc.bodies = find_bodies(doc.tokens)
    pieces = refined_spans(doc, [(body.start, body.stop) for body in doc.bodies])
    add_persons(doc, index, pieces)
    add_countries(doc, index, geo)
    add_orgs(doc, index, geo, pieces)
    add_locations(doc, index, geo, pieces)
    add_quoted_orgs(doc, index)
    add_surnames(doc, index)
    merge_adjacent(doc, index)
    grow_orgs(doc, index)
    add_body_phrases(doc, index)
    index.entities = [entity for entity in index.entities if entity.mentions]
    for entity in index.entities:
        entity.mentions.sort()
    add_roles(doc, index)
    index.entities.sort(key=lambda entity: entity.mentions[0][0])
    for number, entity in enumerate(index.entities, 1):
        entity.id = f"e{number}"
    doc.entities = index.entities
    return doc
