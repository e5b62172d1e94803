"""factRuEval Occupation `where` values: the body or place of a post as written in the text."""

from __future__ import annotations

import re
from itertools import takewhile

from ...doc import Doc, Position, Token
from ...extractors.gazetteer import country_name, lemma_key, positions
from .occupation_title import body_noun, evidence, mentions_in, word_lemma
from .values import normalize_value

PLACE_TYPES = {"country", "location"}
PARENS = re.compile(r"\([^)]*\)?")
STATE_SECTORS = {"GOV", "LEG", "MIL", "JUD", "COP", "SPY"}
LOCAL_TITLES = {"губернатор", "вице-губернатор", "мэр", "вице-мэр", "аким", "хоким", "префект", "бургомистр",
                "градоначальник"}     # their place is a region or a city, never the country
NOT_PLACES = {"новый", "бывший", "нынешний", "прежний", "действующий", "временный", "первый", "избранный",
              "будущий", "опальный", "популярный", "известный", "молодой", "старый"}
HONORIFICS = {"политик", "шейх"}     # GOV in the lexicon, but a calling or an honorific, not a post of a country
PLACE_NOUNS = {"государство", "страна", "республика", "область", "край", "город", "район", "оппозиция"}


def where_value(doc: Doc, position: Position, title_stop: int) -> tuple[str, str]:
    """(value, key): an organisation named in the evidence with the words around it that name it too
    ('московского отделения движения «Солидарность»'), else a place as written, else entity names."""
    start, stop = evidence(position)
    org = doc.entity(position.organization) if position.organization else None
    found = [item for item in mentions_in(doc, start, stop, {"organization"}) if item[0] >= title_stop]
    if found:
        a, b, entity = found[0]
        return tidy(body_phrase(doc, title_stop, a, b, stop)), entity.id
    body = lower_body(doc, title_stop, stop)
    if body:
        return body, normalize_value(body)
    places = mentions_in(doc, start, stop, PLACE_TYPES)
    if places:
        a, b, entity = places[0]
        return doc.text[a:b], entity.id
    if org is not None:
        return org.name, org.id
    if position.title.split()[0] in LOCAL_TITLES:
        return local_adjective(doc, start)
    if not state_title(position.title):
        return "", ""       # a country by nationality alone: "нидерландский предприниматель", "журналист"
    adjective = next((m for m in doc.geo if m.kind == "adj" and m.iso == position.country
                      and 0 <= start - m.stop <= 1), None)
    place = next((e for e in doc.entities if e.type == "country" and e.country == position.country), None)
    if place is not None:       # as written where it was last named ("РФ", "Беларуси"), else where next named
        before = [(a, b) for a, b in place.mentions if b <= start]
        a, b = max(before) if before else min(place.mentions)
        return doc.text[a:b], place.id
    if adjective is not None:       # "британский премьер" in a text that never names Britain
        return adjective.text, adjective.iso
    return (country_name(position.country), position.country) if position.country else ("", "")


def local_adjective(doc: Doc, start: int) -> tuple[str, str]:
    """"подмосковного губернатора": the adjective right before a local title names its region or city."""
    before = [token for token in doc.tokens if token.stop <= start][-1:]
    if before and before[0].pos == "ADJ" and before[0].text.islower() and start - before[0].stop <= 1 \
            and word_lemma(before[0]) not in NOT_PLACES:
        return before[0].text, normalize_value(before[0].text)
    return "", ""


def state_title(title: str) -> bool:
    """A post of the state (government, legislature, army, courts, police, intelligence), by the lexicon's
    sector of the title's longest known beginning."""
    if title in HONORIFICS or title.split()[0] in LOCAL_TITLES:
        return False
    key = lemma_key(title)
    table = positions()
    sector = next((table[key[:size]][1] for size in range(len(key), 0, -1) if key[:size] in table), "")
    return sector in STATE_SECTORS


def lower_body(doc: Doc, title_stop: int, stop: int) -> str:
    """A body without a name right after the title ("глава | палестинской делегации"), with the place that
    follows it ("правительства Израиля"); not "государства", "страны", which stand for the country."""
    tokens = list(takewhile(lambda token: token.stop <= stop, (t for t in doc.tokens if t.start >= title_stop)))
    size = next((n for n, token in enumerate(tokens) if token.pos != "ADJ" or not token.text.islower()), len(tokens))
    if size == len(tokens) or not body_noun(tokens[size]) or word_lemma(tokens[size]) in PLACE_NOUNS \
            or not tokens[size].text.islower():
        return ""
    end = tokens[size].stop
    following = takewhile(lambda t: t.pos == "NOUN" and t.text.islower() and t.feats.get("Case") == "Gen", tokens[size + 1:])
    end = max([end, *(token.stop for token in following)])      # "муниципального собрания района | Отрадное"
    places = mentions_in(doc, end, stop, PLACE_TYPES)
    if places and not doc.text[end:places[0][0]].strip():
        end = places[0][1]
    return doc.text[tokens[0].start:end]


def body_phrase(doc: Doc, title_stop: int, start: int, stop: int, limit: int) -> str:
    """The organisation mention [start, stop) widened to the phrase after the title: from the title on
    ('московского отделения движения «Солидарность»') up to a preposition that leaves the name ('от штата
    Аризона', 'в регионе'). A phrase opening with a preposition ('от ОБСЕ') is just the mention."""
    if not 0 < title_stop <= start:
        return doc.text[start:stop]
    names = [(a, b) for a, b, _ in mentions_in(doc, title_stop, limit, {"organization", "country", "location"})]
    tokens = [token for token in doc.tokens if title_stop <= token.start and token.stop <= limit
              and not any(a <= token.start < b for a, b in names)]
    if tokens and tokens[0].start < start and tokens[0].pos == "ADP":
        return doc.text[start:stop]
    begin = body_start([token for token in tokens if token.start < start], start)
    cut = next((token.start for token in tokens if leaves_name(token)), limit)
    if cut >= stop:
        return doc.text[begin:cut]
    phrase = doc.text[begin:cut].strip()
    return phrase if phrase[:1].isupper() else doc.text[start:stop]


def body_start(tokens: list[Token], start: int) -> int:
    """Where the body's words begin before its name: at a capital or a body noun and the adjectives before
    it ("московского отделения движения «…»"), not at a word the title governs ("балета | Большого театра")."""
    first = next((n for n, token in enumerate(tokens) if not token.text.islower() or body_noun(token)), len(tokens))
    while first and tokens[first - 1].pos == "ADJ":
        first -= 1
    return tokens[first].start if first < len(tokens) else start


def leaves_name(token: Token) -> bool:
    """Punctuation, or a preposition that does not link parts of a name ("при", "по" do)."""
    if token.pos == "ADP":
        return token.text.lower() not in ("при", "по")
    return token.text in (",", "(", ")", ";", ":", "—", "–") or token.pos in ("VERB", "AUX", "PRON")


def tidy(text: str) -> str:
    """No parenthesised parts, no edge punctuation: 'фронта (ОФДД), ' -> 'фронта'."""
    return PARENS.sub(" ", text).strip(" ,.;«»\"-—–")
