"""Track 1 span refinements: split "A (B)" and lists, trim edges, retag, grow bodies to "правительство Китая"."""

from __future__ import annotations

import re

from ..doc import Doc, Token
from .factru_format import Mention

EDGE = set(" \t\n«»\"“”„'.,;:—–-•·*()[]/")
SPLIT = {"per": re.compile(r"[()•;]|,\s|\s[—–-]\s"), "org": re.compile(r"[()•;]"), "loc": re.compile(r"[()•;]|,\s"),
         "locorg": re.compile(r"[()•;]|,\s")}
# lemmas (joined by space) that factRuEval tags as organisations or as places whatever the core says
ORG_LEMMAS = {"ес", "евросоюз", "европейский союз", "еврокомиссия", "европейский комиссия", "кремль",
              "белый дом", "нато", "оон", "юнеско", "оопн", "мвф", "вто", "опек", "обсе", "магатэ", "пасе"}
LOC_LEMMAS = {"мкс", "международный космический станция"}
DROP_LEMMAS = {"сми", "жж", "интернет", "рф."}
# heads that make "<head> <place in the genitive>" an organisation: "правительства Китая", "мэрии Москвы"
BODY_HEADS = {
    "правительство", "администрация", "мэрия", "парламент", "руководство", "делегация", "представительство",
    "посольство", "министерство", "мид", "ведомство", "кабинет", "кабмин", "канцелярия", "пресс-служба",
    "служба", "госдепартамент", "госдеп", "минобороны", "минфин", "минэкономразвития", "ввс", "вмс", "конгресс",
    "сенат", "прокуратура", "генпрокуратура", "полиция", "сборная", "консульство", "федерация", "орган",
    "совет", "комитет", "комиссия", "суд", "дума", "госдума", "палата", "армия", "спецслужба", "минздрав",
    "минсельхоз", "мчс", "мвд", "фсб", "генштаб", "минюст", "власть",
}
PLACE_TAGS = {"loc", "locorg"}


# TOKENS


def tokens_in(doc: Doc, start: int, stop: int) -> list[Token]:
    return [token for token in doc.tokens if start <= token.start and token.stop <= stop]


def lemmas(tokens: list[Token]) -> str:
    return " ".join((token.lemma or token.text).lower() for token in tokens)


def head_of(tokens: list[Token]) -> Token | None:
    ids = {token.id for token in tokens}
    outside = [token for token in tokens if token.head_id not in ids]
    return outside[0] if outside else (tokens[0] if tokens else None)


def token_before(doc: Doc, start: int) -> Token | None:
    before = [token for token in doc.tokens if token.stop <= start]
    return before[-1] if before else None


# SPLIT AND TRIM


def trim(text: str, start: int, stop: int) -> tuple[int, int]:
    while start < stop and text[start] in EDGE:
        start += 1
    while stop > start and text[stop - 1] in EDGE:
        stop -= 1
    return start, stop


def split_mention(text: str, mention: Mention) -> list[Mention]:
    """'Джошуа Вольфа (Joshua Wolf)' -> two mentions; bullets and, for persons, commas split too."""
    tag, start, stop = mention
    pieces, last = [], start
    for match in SPLIT[tag].finditer(text, start, stop):
        pieces.append((last, match.start()))
        last = match.end()
    pieces.append((last, stop))
    result = []
    for a, b in pieces:
        a, b = trim(text, a, b)
        if any(char.isalnum() for char in text[a:b]):
            result.append((tag, a, b))
    return result


# RETAG AND DROP


def retag(doc: Doc, mention: Mention) -> Mention | None:
    tag, start, stop = mention
    tokens = tokens_in(doc, start, stop)
    key = lemmas(tokens)
    if key in DROP_LEMMAS or not tokens:
        return None
    if key in ORG_LEMMAS:
        return ("org", start, stop)
    if key in LOC_LEMMAS:
        return ("loc", start, stop)
    if tag == "org" and len(tokens) == 1 and tokens[0].text.islower() and len(tokens[0].text) > 3:
        return None                                   # a bare descriptor such as "парламент"
    return mention


# GROW ORGANISATIONS


def left_adjectives(doc: Doc, start: int, inside: set[str]) -> int:
    """Extend over adjectives right before `start` that modify a token of the mention."""
    while True:
        token = token_before(doc, start)
        if token is None or token.pos != "ADJ" or token.head_id not in inside or token.rel != "amod":
            return start
        if not doc.text[token.stop:start].isspace():
            return start
        start = token.start
        inside.add(token.id)


def body_org(doc: Doc, mention: Mention) -> Mention | None:
    """'<body noun> <place>' with the place in the genitive -> an org over both."""
    tag, start, stop = mention
    tokens = tokens_in(doc, start, stop)
    head = head_of(tokens)
    governor = token_before(doc, start)
    if head is None or governor is None or head.head_id != governor.id:
        return None
    if head.feats.get("Case") != "Gen" or governor.lemma.lower() not in BODY_HEADS:
        return None
    if not doc.text[governor.stop:start].isspace():
        return None
    begin = left_adjectives(doc, governor.start, {governor.id})
    return ("org", begin, stop)


def grow_org(doc: Doc, mention: Mention, places: list[Mention]) -> Mention:
    """Org + adjacent genitive place depending on it ('МИД России'), and modifying adjectives before it."""
    tag, start, stop = mention
    tokens = tokens_in(doc, start, stop)
    ids = {token.id for token in tokens}
    for _, a, b in sorted(places, key=lambda m: m[1]):
        if a < stop or not doc.text[stop:a].isspace():
            continue
        head = head_of(tokens_in(doc, a, b))
        if head is not None and head.head_id in ids and head.feats.get("Case") == "Gen":
            stop = b
        break
    start = left_adjectives(doc, start, ids)
    return (tag, start, stop)


def refine_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """All refinements in order; offsets stay in doc.text."""
    text = doc.text
    split = [piece for mention in mentions for piece in split_mention(text, mention)]
    tagged = [m for m in (retag(doc, mention) for mention in split) if m is not None]
    places = [m for m in tagged if m[0] in PLACE_TAGS]
    result = [grow_org(doc, m, places) if m[0] == "org" else m for m in tagged]
    orgs = [(m[1], m[2]) for m in result if m[0] == "org"]
    for place in places:
        body = body_org(doc, place)
        if body is not None and not any(a <= body[1] and body[2] <= b for a, b in orgs):
            result.append(body)
    return result
