"""Mention spans: natasha's spans split at brackets and lists and trimmed; organisations grown to their full name."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..annotate.morph import parse_word
from ..doc import Doc, NerSpan, Token
from .gazetteer import country_forms
from .gazetteer import words as gazetteer_words

EDGE = set(" \t\n«»\"“”„'.,;:—–-•·*()[]/")
SPLIT = {"PER": re.compile(r"[()•;]|,\s|\s[—–-]\s"), "ORG": re.compile(r"[()•;]"), "LOC": re.compile(r"[()•;]|,\s")}
ALIAS_TYPES = ("PER", "ORG")   # "Джошуа Вольф (Joshua Wolf)", "Организация ... (ОДКБ)": one entity, two mentions


@dataclass
class Piece:
    """A refined natasha span; `alias` is the piece it spells again in brackets, if any."""

    span: NerSpan
    alias: NerSpan | None = None


# SPLIT AND TRIM


def trim(text: str, start: int, stop: int) -> tuple[int, int]:
    while start < stop and text[start] in EDGE:
        start += 1
    while stop > start and text[stop - 1] in EDGE:
        stop -= 1
    return start, stop


def split_span(text: str, span: NerSpan) -> list[Piece]:
    """'Джошуа Вольфа (Joshua Wolf)' -> two pieces, the second an alias; bullets and, for persons, commas split too."""
    bounds, last, brackets = [], span.start, []
    for match in SPLIT.get(span.type, SPLIT["ORG"]).finditer(text, span.start, span.stop):
        bounds.append((last, match.start()))
        brackets.append(match.group() == "(")
        last = match.end()
    bounds.append((last, span.stop))
    pieces: list[Piece] = []
    for index, (a, b) in enumerate(bounds):
        a, b = trim(text, a, b)
        if text.count("«", a, b) > text.count("»", a, b) and text[b : b + 1] == "»":
            b += 1   # 'ГУП «Водоканал»' keeps its closing quote
        if not any(char.isalnum() for char in text[a:b]):
            continue
        piece = NerSpan(a, b, span.type, text[a:b], span.normal if (a, b) == (span.start, span.stop) else "")
        opened = index > 0 and brackets[index - 1] and span.type in ALIAS_TYPES
        pieces.append(Piece(piece, pieces[-1].span if opened and pieces else None))
    return pieces


def refined_spans(doc: Doc, orgs: list[tuple[int, int]] | None = None) -> list[Piece]:
    """natasha's spans split and trimmed, persons cut after a leading organisation of `orgs` and retyped
    when their words say so (see retype)."""
    pieces = [piece for span in doc.ner for piece in split_span(doc.text, span)]
    org_lemmas = {lemma_tuple(tokens_in(doc, p.span.start, p.span.stop)) for p in pieces if p.span.type == "ORG"}
    renamed: dict[tuple[int, int], NerSpan] = {}
    result = []
    for piece in pieces:
        span = cut_org_prefix(doc, piece.span, orgs or [], org_lemmas)
        span = retype(doc, span)
        tail = person_tail(doc, span)
        if tail is not None:   # "клуба Тоттенхэм Хотспур Ледли Кинг": the club, then its captain
            span, person = tail
            result.append(Piece(person))
        renamed[(piece.span.start, piece.span.stop)] = span
        alias = renamed.get((piece.alias.start, piece.alias.stop), piece.alias) if piece.alias else None
        result.append(Piece(span, alias if alias is not None and alias.type == span.type else None))
    return result


# PERSONS AND ORGANISATIONS NATASHA CONFUSES


def person_tail(doc: Doc, span: NerSpan) -> tuple[NerSpan, NerSpan] | None:
    """The person natasha ran into an ORG after a descriptor noun ("капитан клуба Тоттенхэм Хотспур Ледли
    Кинг"): the last two of 3+ capitalised words, the last a surname pymorphy knows in the nominative, the one
    before it a given name or a word pymorphy does not know: (the organisation, the person)."""
    tokens = tokens_in(doc, span.start, span.stop)
    before = token_before(doc, span.start)
    if span.type != "ORG" or len(tokens) < 3 or before is None or before.pos != "NOUN" or not before.text.islower():
        return None
    if not all(token.text[:1].isupper() and not token.text.isupper() for token in tokens):
        return None
    last, given = parse_word(tokens[-1].text), parse_word(tokens[-2].text)
    if not last or not given or not last[0].is_known or not {"Surn", "nomn"} <= set(str(last[0].tag).replace(" ", ",").split(",")):
        return None
    if given[0].is_known and "Name" not in given[0].tag:
        return None
    start, stop = tokens[-2].start, tokens[-3].stop
    return (NerSpan(span.start, stop, "ORG", doc.text[span.start : stop], ""),
            NerSpan(start, span.stop, "PER", doc.text[start : span.stop], ""))


PERSON_GRAMMEMES = {"anim", "Name", "Surn", "Patr"}


def lemma_tuple(tokens: list[Token]) -> tuple[str, ...]:
    return tuple((token.lemma or token.text).lower().replace("ё", "е") for token in tokens)


def cut_org_prefix(doc: Doc, span: NerSpan, orgs: list[tuple[int, int]], org_lemmas: set[tuple[str, ...]]) -> NerSpan:
    """A person span that starts with an organisation in the genitive ("оператор Аль-Джазиры Сами аль-Хадж",
    "лидера Аль-Кайды Усамы бин Ладена") starts at the name: the organisation is a known body (`orgs`) or
    spelt with the lemmas of an ORG span of the text."""
    if span.type != "PER":
        return span
    tokens = tokens_in(doc, span.start, span.stop)
    cut = 0
    for count in range(1, len(tokens)):
        prefix = tokens[:count]
        if (prefix[0].start, prefix[-1].stop) in orgs or lemma_tuple(prefix) in org_lemmas:
            cut = count
    if not cut or not tokens[cut].text[:1].isupper():
        return span   # natasha's case of such names is unreliable ("лидер Аль-Кайды" read as Nom): not checked
    start = tokens[cut].start
    return NerSpan(start, span.stop, "PER", doc.text[start : span.stop], "")


def person_word(word: str) -> bool:
    """Some reading of the word is animate or a name (pymorphy)."""
    return any(PERSON_GRAMMEMES & set(str(parse.tag).replace(" ", ",").split(",")) for parse in parse_word(word))


def org_word(word: str) -> bool:
    """No reading is a person, and pymorphy knows the word as an organisation ("Феррари") or reads it as a
    common noun behind a clipped prefix, the way bodies are named ("Нацфронта", "Рыбохраны", "Викиновостям")."""
    parses = parse_word(word)
    if not parses or person_word(word) or word.isupper():
        return False
    first = parses[0]
    if "Orgn" in first.tag and first.is_known:
        return True
    stack = [(type(method).__name__, rest) for method, rest, *_ in first.methods_stack]
    compound = len(stack) == 2 and stack[1][0] == "UnknownPrefixAnalyzer" and len(stack[0][1]) >= 5
    return compound and "NOUN" in first.tag and "inan" in first.tag


KIND_NOUNS = {"команда", "клуб", "компания", "корпорация", "концерн", "холдинг", "фирма", "партия", "банк",
              "агентство", "газета", "журнал", "телеканал", "радиостанция", "издание", "фонд", "группа"}


def named_by_kind(doc: Doc, token: Token) -> bool:
    """The one word right after the kind of organisation it depends on ("команды МакЛарен-Мерседес")."""
    before = token_before(doc, token.start)
    return (before is not None and before.text.islower() and token.head_id == before.id
            and (before.lemma or "").lower() in KIND_NOUNS and doc.text[before.stop : token.start].isspace())


def retype(doc: Doc, span: NerSpan) -> NerSpan:
    """natasha's PER of one word no reading of which is a person ("Команда Феррари", "заявлении Нацфронта")
    is an organisation; its ORG or LOC that starts with a given name right after a person noun ("архиепископ Лонгин
    Клинский") is a person, and so is its LOC of a name and a surname (see located_person); its PER that
    spells a country is a place ("• Коста Рика")."""
    tokens = tokens_in(doc, span.start, span.stop)
    if span.type == "PER" and len(tokens) == 1 and tokens[0].text[:1].isupper() \
            and (org_word(tokens[0].text) or named_by_kind(doc, tokens[0])):
        return NerSpan(span.start, span.stop, "ORG", span.text, span.normal)
    if span.type in ("ORG", "LOC") and 2 <= len(tokens) <= 3 and all(token.text[:1].isupper() for token in tokens):
        before = token_before(doc, span.start)
        first = parse_word(tokens[0].text)
        given = bool(first) and "Name" in first[0].tag and first[0].is_known
        if given and before is not None and before.pos == "NOUN" and before.text.islower() \
                and before.feats.get("Animacy") == "Anim" and doc.text[before.stop : span.start].isspace():
            return NerSpan(span.start, span.stop, "PER", span.text, span.normal)
    if span.type == "LOC" and len(tokens) >= 2:
        return located_person(doc, span, tokens)
    if span.type == "PER" and country_name_form([token.text for token in tokens]):
        return NerSpan(span.start, span.stop, "LOC", span.text, span.normal)
    return span


def country_name_form(words: list[str]) -> bool:
    """The words spell a country's name, with or without its hyphen ("Эфиопия", "Коста Рика")."""
    forms = country_forms()
    keys = {tuple(word.lower().replace("ё", "е") for word in words),
            tuple(gazetteer_words("-".join(words).lower().replace("ё", "е")))}
    return any(form.kind == "name" for key in keys for _, form in forms.get(key, ()))


STREET_WORDS = {"улица", "проспект", "площадь", "бульвар", "переулок", "шоссе", "набережная", "имя", "им",
                "аэропорт", "станция", "город", "поселок", "село", "район", "остров", "мыс", "пик", "залив"}


def located_person(doc: Doc, span: NerSpan, tokens: list[Token]) -> NerSpan:
    """natasha's LOC that is a name and a surname ("президента Ахмат-Хаджи Кадырова", "Поддержку Кирсану
    Илюмжинову" at a sentence start) is a person: every word animate, the last one a surname pymorphy knows
    and no place, and no street or the like before it."""
    before = token_before(doc, span.start)
    if before is not None and (before.lemma or before.text).lower().replace("ё", "е") in STREET_WORDS:
        return span
    first_word = before is None or before.id.split("_")[0] != tokens[0].id.split("_")[0] \
        or "\n" in doc.text[before.stop : span.start]
    if first_word and not person_word(tokens[0].text):
        tokens = tokens[1:]   # a common noun capitalised at the start of the sentence
    if len(tokens) < 2 or not all(token.feats.get("Animacy") == "Anim" for token in tokens):
        return span
    last = parse_word(tokens[-1].text)
    surname = any("Surn" in parse.tag and parse.is_known for parse in last)
    if not surname or any("Geox" in parse.tag for parse in last):
        return span
    start = tokens[0].start
    return NerSpan(start, span.stop, "PER", doc.text[start : span.stop], "")


# GROW ORGANISATIONS


_INDEX: list = [None, [], []]   # the last doc's tokens with their starts and stops, for bisection


def token_index(doc: Doc) -> tuple[list[int], list[int]]:
    if _INDEX[0] is not doc.tokens or len(_INDEX[1]) != len(doc.tokens):
        _INDEX[:] = [doc.tokens, [token.start for token in doc.tokens], [token.stop for token in doc.tokens]]
    return _INDEX[1], _INDEX[2]


def tokens_in(doc: Doc, start: int, stop: int) -> list[Token]:
    starts, stops = token_index(doc)
    return doc.tokens[bisect_left(starts, start) : bisect_right(stops, stop)]


def tokens_after(doc: Doc, stop: int, count: int) -> list[Token]:
    starts, _ = token_index(doc)
    first = bisect_left(starts, stop)
    return doc.tokens[first : first + count]


def head_of(tokens: list[Token]) -> Token | None:
    ids = {token.id for token in tokens}
    outside = [token for token in tokens if token.head_id not in ids]
    return outside[0] if outside else (tokens[0] if tokens else None)


def token_before(doc: Doc, start: int) -> Token | None:
    _, stops = token_index(doc)
    last = bisect_right(stops, start)
    return doc.tokens[last - 1] if last else None


RELATIONAL = re.compile(r"(?:ск|цк)(?:ий|ой|ая|ое|ие|ого|ому|им|ом|ую|ей|их|ими|ых)$", re.I)
NAME_ADJECTIVES = {"международный", "национальный", "государственный", "федеральный", "центральный",
                   "верховный", "генеральный", "главный", "всемирный", "объединенный", "народный"}


def naming_adjective(token: Token) -> bool:
    """An adjective that names a body's kind or home ("японского", "международной"), not a quality ("нового")."""
    return bool(RELATIONAL.search(token.text)) or (token.lemma or "").lower().replace("ё", "е") in NAME_ADJECTIVES


def left_adjectives(doc: Doc, start: int, inside: set[str]) -> int:
    """Extend over the adjectives before `start` that modify the mention, up to the leftmost naming one
    ("японского дипломатического ведомства", but not "нового Конгресса")."""
    best = start
    while True:
        token = token_before(doc, start)
        if token is None or token.pos != "ADJ" or token.head_id not in inside or token.rel != "amod":
            return best
        if not doc.text[token.stop:start].isspace():
            return best
        start = token.start
        inside.add(token.id)
        if naming_adjective(token):
            best = start


def grow_org(doc: Doc, start: int, stop: int, places: list[tuple[int, int]]) -> tuple[int, int]:
    """An organisation mention plus the genitive place right after it that depends on it ("МИД России")
    and the adjectives before it; `places` sorted."""
    tokens = tokens_in(doc, start, stop)
    ids = {token.id for token in tokens}
    for k in range(bisect_left(places, (stop,)), len(places)):     # `places` sorted: the ones from `stop` on
        a, b = places[k]
        if not doc.text[stop:a].isspace():
            if a > stop:
                break         # a later place has the same non-space text between: none can follow directly
            continue
        head = head_of(tokens_in(doc, a, b))
        if head is not None and head.head_id in ids and head.feats.get("Case") == "Gen":
            stop = b
        break
    return left_adjectives(doc, start, ids), stop


def descendants_end(doc: Doc, token: Token) -> int:
    """The stop of the contiguous run of tokens after `token` that hang from it ("по развитию информационного общества")."""
    sent = next((sent.tokens for sent in doc.sents if sent.start <= token.start < sent.stop), doc.tokens)
    parent = {t.id: t.head_id for t in sent}
    stop, inside = token.stop, {token.id}
    for other in sent:
        if other.start < token.stop:
            continue
        node, seen = other.id, 0
        while node not in inside and node in parent and seen < 20:
            node, seen = parent[node], seen + 1
        if node not in inside or other.text in ",;:()—":
            break
        inside.add(other.id)
        stop = other.stop
    return stop


def grow_phrase(doc: Doc, start: int, stop: int, preps: set[str]) -> int:
    """Over a prepositional phrase that depends on the mention: "Совета при Президенте РФ", "Бюро США по патентам"."""
    for _ in range(3):
        ids = {token.id for token in tokens_in(doc, start, stop)}
        after = tokens_after(doc, stop, 2)
        if len(after) < 2 or after[0].text.lower() not in preps or after[1].head_id not in ids:
            return stop
        if after[1].rel != "nmod" or not doc.text[stop : after[0].start].isspace():
            return stop
        stop = descendants_end(doc, after[1])
    return stop


def body_phrase(doc: Doc, start: int, stop: int, heads: set[str]) -> tuple[int, Token] | None:
    """'<body noun> <place in the genitive>' ("правительства Китая"): (start of the phrase, the body noun)."""
    head = head_of(tokens_in(doc, start, stop))
    governor = token_before(doc, start)
    if head is None or governor is None or head.head_id != governor.id:
        return None
    if head.feats.get("Case") != "Gen" or (governor.lemma or "").lower() not in heads:
        return None
    if not doc.text[governor.stop:start].isspace():
        return None
    return left_adjectives(doc, governor.start, {governor.id}), governor


class Overlaps:
    """Answers "does [start, stop) overlap any of these spans?" in log time (a loop over all spans for every token
    made long texts quadratic)."""

    def __init__(self, spans: list[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach: list[int] = []              # the largest stop among the spans up to each index
        for _, b in ordered:
            self.reach.append(max(b, self.reach[-1]) if self.reach else b)

    def __call__(self, start: int, stop: int) -> bool:
        count = bisect_left(self.starts, stop)    # the spans that start before `stop`
        return count > 0 and self.reach[count - 1] > start
