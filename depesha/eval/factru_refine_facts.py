"""Track 3 refinements: occupation values as written in the text, one fact per person and place, tight meetings."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import takewhile

from ..doc import Doc, Entity, Event, Position, Sent, Token
from ..events.parties import core_people
from ..extractors.gazetteer import country_name, lemma_key, positions
from .factru_format import FactLines
from .factru_values import normalize_value, same_value

KEEP_WITHOUT_WHERE = False   # measured: facts without a place cost more precision than they add recall
MEETING_KINDS = {"meeting", "talks"}
PLACE_TYPES = {"country", "location"}
PARENS = re.compile(r"\([^)]*\)?")
TITLE_MODIFIERS = {"первый", "второй", "федеральный", "главный", "генеральный", "художественный", "исполнительный",
                   "официальный", "старший", "народный"}
MINISTERS = {"министр", "замминистра", "вице-министр"}     # followed by a domain: "министр связи и коммуникаций"
BODY_NOUNS = {"министерство", "ведомство", "комитет", "комиссия", "партия", "отдел", "отделение", "служба",
              "правительство", "государство", "администрация", "движение", "проект", "фракция", "собрание",
              "клуб", "сборная", "газета", "компания", "агентство", "концерн", "центр", "институт", "театр",
              "совет", "палата", "парламент", "делегация", "представительство", "кафедра", "федерация", "союз",
              "организация", "фонд", "банк", "группа", "команда", "суд", "прокуратура", "университет",
              "управление", "департамент", "штаб", "армия", "сила", "республика", "область", "край", "город",
              "район", "страна", "оппозиция", "корпорация", "холдинг", "редакция", "журнал", "канал"}
STATE_SECTORS = {"GOV", "LEG", "MIL", "JUD", "COP", "SPY"}
ORDINALS = {"первый", "второй"}     # a rank ("первый замминистра") but a count before an office ("первому президенту")
OFFICES = {"президент", "премьер-министр", "премьер", "канцлер", "король", "мэр", "губернатор"}
LOCAL_TITLES = {"губернатор", "вице-губернатор", "мэр", "вице-мэр", "аким", "хоким", "префект", "бургомистр",
                "градоначальник"}     # their place is a region or a city, never the country
NOT_PLACES = {"новый", "бывший", "нынешний", "прежний", "действующий", "временный", "первый", "избранный",
              "будущий", "опальный", "популярный", "известный", "молодой", "старый"}
HONORIFICS = {"политик", "шейх"}     # GOV in the lexicon, but a calling or an honorific, not a post of a country
NOT_JOBS = {"чемпион мира", "чемпион"}     # titles the core keeps that factRuEval never counts as occupations
PLACE_NOUNS = {"государство", "страна", "республика", "область", "край", "город", "район", "оппозиция"}


# OCCUPATION


def mentions_in(doc: Doc, start: int, stop: int, types: set[str]) -> list[tuple[int, int, Entity]]:
    found = [(a, b, e) for e in doc.entities if e.type in types for a, b in e.mentions if start <= a and b <= stop]
    return sorted(found, key=lambda item: item[0])


def title_tokens(doc: Doc, position: Position) -> list[Token]:
    """The title as factRuEval writes it: a few modifiers ("федеральный", "первый"), the head, then other
    titles it governs ("советник руководителя", "помощник заместителя госсекретаря"), a minister's domain
    ("министр связи и коммуникаций") and a "по" phrase ("министр по делам разведки"); never the body
    ("глава | отдела ...", "лидер | субкультурной партии", "Глава | государства") nor a name."""
    start, stop = evidence(position)
    names = [(a, b) for a, b, _ in mentions_in(doc, start, stop, {"organization", "country", "location", "person"})]
    index = next((n for n, token in enumerate(doc.tokens) if token.start >= start), len(doc.tokens))
    tokens = list(takewhile(lambda token: token.stop <= stop, doc.tokens[index:]))
    words = left_modifiers(doc.tokens, index)
    head = 0
    while head < len(tokens):      # the head: up to the first noun ("исполняющий обязанности")
        token = tokens[head]
        if head and (not token.text.islower() or governed_noun(words[-1], token)):
            break
        words.append(token)
        head += 1
        if token.pos not in ("ADJ", "VERB", "ADV", "CCONJ"):
            break
    rest = takewhile(lambda token: not any(a <= token.start < b for a, b in names), tokens[head:])
    return words + title_tail(list(rest), word_lemma(words[-1]) if words else "")


def left_modifiers(tokens: list[Token], index: int) -> list[Token]:
    """'Федеральный министр', 'первый замминистра': the adjectives factRuEval counts as part of a title."""
    found: list[Token] = []
    office = index < len(tokens) and word_lemma(tokens[index]) in OFFICES
    while index > 0 and tokens[index - 1].pos == "ADJ" and word_lemma(tokens[index - 1]) in TITLE_MODIFIERS \
            and not (office and word_lemma(tokens[index - 1]) in ORDINALS):
        index -= 1
        found.insert(0, tokens[index])
    return found


def title_tail(tokens: list[Token], head: str) -> list[Token]:
    """The words after the head that still belong to the title (see title_tokens)."""
    taken: list[Token] = []
    mode = "domain" if head in MINISTERS else ""
    for number, token in enumerate(tokens):
        lemma = word_lemma(token)
        if not (token.text.isalpha() or "-" in token.text) or not token.text.islower() or body_noun(token):
            break
        ahead = next((t for t in tokens[number:] if t.pos != "ADJ"), None)
        if ahead is not None and body_noun(ahead) and mode != "domain":
            break
        if lemma == "по" and number + 1 < len(tokens):
            mode = "by"
        elif token.pos == "ADP":
            break
        elif ahead is not None and title_word(ahead):
            mode = "domain" if word_lemma(ahead) in MINISTERS else ""
        elif not mode or (token.pos != "CCONJ" and token.feats.get("Case") not in ("Gen", "Dat", "Loc", None)):
            break
        taken.append(token)
    while taken and taken[-1].pos in ("ADP", "CCONJ"):
        taken.pop()
    return taken


def governed_noun(previous: Token, token: Token) -> bool:
    """"управляющий | компанией": the instrumental a participle governs is not the title's head."""
    return previous.feats.get("VerbForm") == "Part" and token.feats.get("Case") == "Ins"


def title_word(token: Token) -> bool:
    lemma = word_lemma(token)
    return (lemma[4:] if lemma.startswith("экс-") else lemma) in title_words()


def word_lemma(token: Token) -> str:
    return (token.lemma or token.text).lower().replace("ё", "е")


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """First words of the positions lexicon (lemmas): the words a title may govern."""
    return frozenset(key[0] for key in positions())


def tidy(text: str) -> str:
    """No parenthesised parts, no edge punctuation: 'фронта (ОФДД), ' -> 'фронта'."""
    return PARENS.sub(" ", text).strip(" ,.;«»\"-—–")


def evidence(position: Position) -> tuple[int, int]:
    return (position.evidence[0], position.evidence[1]) if len(position.evidence) >= 2 else (0, 0)


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


def body_noun(token: Token) -> bool:
    """"отделения", "пресс-службы" (a compound ending in a body noun)."""
    lemma = word_lemma(token)
    return lemma in BODY_NOUNS or lemma.rsplit("-", 1)[-1] in BODY_NOUNS


def leaves_name(token: Token) -> bool:
    """Punctuation, or a preposition that does not link parts of a name ("при", "по" do)."""
    if token.pos == "ADP":
        return token.text.lower() not in ("при", "по")
    return token.text in (",", "(", ")", ";", ":", "—", "–") or token.pos in ("VERB", "AUX", "PRON")


def person_value(person: Entity) -> str:
    """First and last word: 'Реджеп Тайип Эрдоган' -> 'Реджеп Эрдоган' (gold persons have no middle names)."""
    words = person.name.split()
    return " ".join([words[0], words[-1]]) if len(words) > 2 else person.name


def occupation_facts(doc: Doc) -> list[FactLines]:
    facts: list[FactLines] = []
    seen: set[tuple[str, str, str]] = set()
    previous: tuple[Position, str, str] | None = None
    spans: list[Position] = []
    for position in doc.positions:
        person = doc.entity(position.person)
        if person is None or person.type != "person" or position.title in NOT_JOBS:
            continue
        title = title_tokens(doc, position)
        where, where_key = where_value(doc, position, title[-1].stop if title else 0)
        if not where and previous and stacked(doc, previous[0], position):
            where, where_key = previous[1], previous[2]     # "представитель вооружённых сил | полковник X"
        if not where:
            where, where_key = bracketed_body(doc, position)
        previous = (position, where, where_key)
        key = (normalize_value(person_value(person)), normalize_value(where), position.title)
        if seen_before(key, seen) or nested(position, spans) or (not where and not KEEP_WITHOUT_WHERE):
            continue
        seen.add(key)
        spans.append(position)
        written = " ".join(token.text for token in title) or position.text or position.title
        facts.append(("occupation", [("who", person_value(person)), ("position", written), ("where", where)]))
    return facts


def seen_before(key: tuple[str, str, str], seen: set[tuple[str, str, str]]) -> bool:
    """The same fact again, up to a spelling variant of the name or the place ("Сааакашвили")."""
    return key in seen or any(title == key[2] and same_value(who, key[0]) and same_value(where, key[1])
                              for who, where, title in seen)


def nested(position: Position, taken: list[Position]) -> bool:
    """A title inside the phrase of one already taken for the same person ("полпреда | президента")."""
    start, stop = evidence(position)
    return any(other.person == position.person and evidence(other)[0] <= start and stop <= evidence(other)[1]
               for other in taken)


def stacked(doc: Doc, first: Position, second: Position) -> bool:
    """The second title follows the first one's phrase directly, for the same person."""
    return first.person == second.person and not doc.text[evidence(first)[1]:evidence(second)[0]].strip()


def bracketed_body(doc: Doc, position: Position) -> tuple[str, str]:
    """"архиепископ Лонгин Клинский (РПЦ МП)": the organisation in brackets right after the person's name."""
    person = doc.entity(position.person)
    stop = evidence(position)[1]
    after = [b for a, b in person.mentions if a >= stop] if person else []
    if not after:
        return "", ""
    end = min(after)
    text = doc.text[end:end + 80]
    if not text.lstrip().startswith("("):
        return "", ""
    close = text.find(")")
    orgs = mentions_in(doc, end, end + close, {"organization"}) if close > 0 else []
    return (doc.text[orgs[0][0]:orgs[0][1]], orgs[0][2].id) if orgs else ("", "")


# MEETING


def trigger_place(doc: Doc, event: Event) -> tuple[Sent, int] | None:
    """The sentence of the event's first evidence and the index of its trigger word in it."""
    if not event.evidence or not event.trigger:
        return None
    start, stop = event.evidence[0]
    word = event.trigger.split()[0]
    for sent in doc.sents:
        if sent.start <= start < sent.stop or start <= sent.start < stop:
            for number, token in enumerate(sent.tokens):
                if token.text == word and start <= token.start < stop:
                    return sent, number
    return None


def meeting_people(doc: Doc, event: Event) -> list[Entity]:
    """Persons syntactically attached to the trigger: subject, object, "с"/"между" partners."""
    found = trigger_place(doc, event)
    if found is None:
        return []
    sent, number = found
    return core_people(doc, sent, number)


def meeting_facts(doc: Doc) -> list[FactLines]:
    facts: list[FactLines] = []
    groups: list[set[str]] = []
    for event in doc.events:
        if event.category != "CONSULT" or event.kind not in MEETING_KINDS:
            continue
        people = meeting_people(doc, event)
        ids = {person.id for person in people}
        if len(ids) < 2 or any(ids <= group for group in groups):
            continue
        groups.append(ids)
        facts.append(("meeting", [("participant", person_value(person)) for person in people]))
    return facts


def refined_facts(doc: Doc) -> list[FactLines]:
    return occupation_facts(doc) + meeting_facts(doc)
