"""factRuEval Occupation `position` values: the title as the gold writes it, from a Position's evidence."""

from __future__ import annotations

from functools import lru_cache
from itertools import takewhile

from ...doc import Doc, Entity, Position, Token
from ...extractors.gazetteer import positions

TITLE_MODIFIERS = {"первый", "второй", "федеральный", "главный", "генеральный", "художественный", "исполнительный",
                   "официальный", "старший", "народный"}
ORDINALS = {"первый", "второй"}     # a rank ("первый замминистра") but a count before an office ("первому президенту")
OFFICES = {"президент", "премьер-министр", "премьер", "канцлер", "король", "мэр", "губернатор"}
MINISTERS = {"министр", "замминистра", "вице-министр"}     # followed by a domain: "министр связи и коммуникаций"
BODY_NOUNS = {"министерство", "ведомство", "комитет", "комиссия", "партия", "отдел", "отделение", "служба",
              "правительство", "государство", "администрация", "движение", "проект", "фракция", "собрание",
              "клуб", "сборная", "газета", "компания", "агентство", "концерн", "центр", "институт", "театр",
              "совет", "палата", "парламент", "делегация", "представительство", "кафедра", "федерация", "союз",
              "организация", "фонд", "банк", "группа", "команда", "суд", "прокуратура", "университет",
              "управление", "департамент", "штаб", "армия", "сила", "республика", "область", "край", "город",
              "район", "страна", "оппозиция", "корпорация", "холдинг", "редакция", "журнал", "канал"}


def mentions_in(doc: Doc, start: int, stop: int, types: set[str]) -> list[tuple[int, int, Entity]]:
    found = [(a, b, e) for e in doc.entities if e.type in types for a, b in e.mentions if start <= a and b <= stop]
    return sorted(found, key=lambda item: item[0])


def evidence(position: Position) -> tuple[int, int]:
    return (position.evidence[0], position.evidence[1]) if len(position.evidence) >= 2 else (0, 0)


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


def body_noun(token: Token) -> bool:
    """"отделения", "пресс-службы" (a compound ending in a body noun)."""
    lemma = word_lemma(token)
    return lemma in BODY_NOUNS or lemma.rsplit("-", 1)[-1] in BODY_NOUNS
